import { randomUUID } from 'node:crypto';
import {
  type Council,
  type EditionContent,
  type HistoryEntry,
  type PledgeStatus,
  SECTIONS,
  type Section,
  type SectionConflictDetail,
  type SectionRevisions,
  type SectionSave,
  type WorkingStatus,
  checkCouncilContent,
  emptyContent,
  errorsOf,
} from '@pledgekeeper/domain';
import type { Database } from '../connection.js';
import { fromJson, toJson } from '../json.js';
import { recordAudit } from './audit.js';
import { findPublishedEdition, insertEditionRows, readEdition } from './editions.js';
import { contentFromJson } from './stored-content.js';

/** Who is making a change, as the audit log and the edition record them. */
export interface Actor {
  id: string;
  email: string;
}

/** The one edition a council is working on: a draft, or a draft sent for review. */
export interface WorkingEdition {
  id: string;
  version: number;
  status: WorkingStatus;
  content: EditionContent;
  revisions: SectionRevisions;
  lockVersion: number;
  reviewComment: string | null;
  createdBy: string | null;
  createdAt: string;
  /** The newest of its creation, its last save and its sending for review. */
  updatedAt: string;
}

export interface PublishedEdition {
  id: string;
  version: number;
  publishedAt: string | null;
  reviewedAt: string | null;
}

/**
 * A change the workflow refuses, with a message for the person who asked. The API turns the
 * code into its own error of the same name.
 */
export class WorkflowRefusal extends Error {
  constructor(
    readonly code: 'NOT_FOUND' | 'CONFLICT' | 'BAD_REQUEST',
    message: string,
  ) {
    super(message);
    this.name = 'WorkflowRefusal';
  }
}

export type SaveOutcome =
  | { saved: true; version: number; revision: number }
  | { saved: false; conflict: SectionConflictDetail };

const WORKING: readonly WorkingStatus[] = ['draft', 'in-review'];
const SECTION_NAMES: Record<Section, string> = {
  statement: 'statement',
  pledge: 'pledge',
  board: 'board',
  involvement: 'involvement',
  training: 'training offers',
  events: 'event offers',
  contacts: 'contacts',
};

const unrevised = (): SectionRevisions =>
  Object.fromEntries(SECTIONS.map((s) => [s, { revision: 0, by: null, at: null }])) as SectionRevisions;

function parseRevisions(text: string | null): SectionRevisions {
  const stored = text ? fromJson<Partial<SectionRevisions>>(text) : {};
  const revisions = unrevised();
  for (const s of SECTIONS) if (stored[s]) revisions[s] = stored[s];
  return revisions;
}

const EDITION_COLUMNS = [
  'id',
  'version',
  'status',
  'content',
  'section_revisions',
  'lock_version',
  'review_comment',
  'created_by',
  'created_at',
  'submitted_at',
] as const;

/** The council's working edition, if it has one. */
export async function findWorkingEdition(db: Database, councilId: string): Promise<WorkingEdition | null> {
  const row = await db
    .selectFrom('editions')
    .select(EDITION_COLUMNS)
    .where('council_id', '=', councilId)
    .where('status', 'in', WORKING)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!row) return null;
  const revisions = parseRevisions(row.section_revisions);
  const times = [row.created_at, row.submitted_at, ...SECTIONS.map((s) => revisions[s].at)].filter((t): t is string => t !== null);
  return {
    id: row.id,
    version: Number(row.version),
    status: row.status as WorkingStatus,
    content: row.content ? contentFromJson(row.content) : await readEdition(db, councilId, row.id),
    revisions,
    lockVersion: Number(row.lock_version),
    reviewComment: row.review_comment,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: times.sort().at(-1) ?? row.created_at,
  };
}

/** The newest published edition: what the public sees. */
export async function findNewestPublished(db: Database, councilId: string): Promise<PublishedEdition | null> {
  const edition = await findPublishedEdition(db, councilId);
  return edition ? { id: edition.id, version: edition.version, publishedAt: edition.publishedAt, reviewedAt: edition.reviewedAt } : null;
}

/** The whole content of one version of the page, whatever its status. */
export async function findEditionContent(
  db: Database,
  councilId: string,
  version: number,
): Promise<{ version: number; status: PledgeStatus; content: EditionContent } | null> {
  const row = await db
    .selectFrom('editions')
    .select(['id', 'version', 'status', 'content'])
    .where('council_id', '=', councilId)
    .where('version', '=', version)
    .executeTakeFirst();
  if (!row) return null;
  const content = row.content ? contentFromJson(row.content) : await readEdition(db, councilId, row.id);
  return { version: Number(row.version), status: row.status as PledgeStatus, content };
}

/** Every version of the page, newest first. */
export async function listHistory(db: Database, councilId: string): Promise<HistoryEntry[]> {
  const rows = await db
    .selectFrom('editions')
    .select(['version', 'status', 'created_by', 'created_at', 'published_by', 'published_at'])
    .where('council_id', '=', councilId)
    .orderBy('version', 'desc')
    .execute();
  return rows.map((row) => ({
    version: Number(row.version),
    status: row.status as PledgeStatus,
    createdBy: row.created_by,
    createdAt: row.created_at,
    publishedBy: row.published_by,
    publishedAt: row.published_at,
  }));
}

/** What a new draft starts from: the page as published, or an empty page. */
async function startingContent(db: Database, councilId: string): Promise<EditionContent> {
  const published = await findNewestPublished(db, councilId);
  if (!published) return emptyContent();
  return (await findEditionContent(db, councilId, published.version))?.content ?? emptyContent();
}

async function insertWorkingEdition(
  db: Database,
  councilId: string,
  content: EditionContent,
  revisions: SectionRevisions,
  actor: Actor,
  now: Date,
): Promise<WorkingEdition> {
  const newest = await db
    .selectFrom('editions')
    .select((eb) => eb.fn.max('version').as('version'))
    .where('council_id', '=', councilId)
    .executeTakeFirst();
  // Of two drafts started at once, the database keeps one: the unique (council, version) key
  // and the one-working-edition index refuse the other, whose save then retries and finds the first.
  const version = Number(newest?.version ?? 0) + 1;
  const id = randomUUID();
  const at = now.toISOString();
  await db
    .insertInto('editions')
    .values({
      id,
      council_id: councilId,
      version,
      status: 'draft',
      created_at: at,
      published_at: null,
      content: toJson(content),
      section_revisions: toJson(revisions),
      created_by: actor.email,
    })
    .execute();
  return {
    id,
    version,
    status: 'draft',
    content,
    revisions,
    lockVersion: 0,
    reviewComment: null,
    createdBy: actor.email,
    createdAt: at,
    updatedAt: at,
  };
}

/** Raised inside a transaction when another write got to the edition first. */
class LostRace extends Error {}

type EditionUpdate = Partial<{
  status: string;
  content: string;
  section_revisions: string;
  submitted_by: string | null;
  submitted_at: string | null;
  published_at: string | null;
  published_by: string | null;
  review_comment: string | null;
  reviewed_at: string | null;
}>;

/** Compare-and-swap: writes only if nobody has written the edition since it was read. */
async function updateWorking(db: Database, councilId: string, edition: WorkingEdition, changes: EditionUpdate): Promise<void> {
  const result = await db
    .updateTable('editions')
    .set({ ...changes, lock_version: edition.lockVersion + 1 })
    .where('id', '=', edition.id)
    .where('council_id', '=', councilId)
    .where('lock_version', '=', edition.lockVersion)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) throw new LostRace();
}

const isUniqueViolation = (error: unknown): boolean => {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
};

const MAX_ATTEMPTS = 30;

/**
 * Runs one write as one transaction, again from the start when a concurrent write to the same
 * edition won the race: each attempt re-reads, so nothing is written from a stale reading.
 */
async function inTransaction<T>(db: Database, work: (trx: Database) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction().execute(work);
    } catch (error) {
      if (!(error instanceof LostRace) && !isUniqueViolation(error)) throw error;
      if (attempt >= MAX_ATTEMPTS) {
        throw new WorkflowRefusal('CONFLICT', 'Many people are changing this page at once. Please try again.');
      }
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 5 * attempt));
    }
  }
}

/**
 * Saves one section of the working edition, starting a draft from the published page if there
 * is none. Refused, with the section as it now stands, when someone saved it since `revision`.
 */
export function saveSection(db: Database, councilId: string, save: SectionSave, actor: Actor, now: Date): Promise<SaveOutcome> {
  return inTransaction(db, async (trx): Promise<SaveOutcome> => {
    let working = await findWorkingEdition(trx, councilId);
    const base = working ?? { content: await startingContent(trx, councilId), revisions: unrevised() };
    const current = base.revisions[save.section];
    if (current.revision !== save.revision) {
      return {
        saved: false,
        conflict: { section: save.section, revision: current.revision, content: base.content[save.section], savedBy: current.by, savedAt: current.at },
      };
    }
    working ??= await insertWorkingEdition(trx, councilId, base.content, base.revisions, actor, now);
    const revision = current.revision + 1;
    const content = { ...working.content, [save.section]: save.content };
    const revisions = { ...working.revisions, [save.section]: { revision, by: actor.email, at: now.toISOString() } };
    // Saving a draft that is waiting for review takes it back to draft: the reviewer has not seen this.
    await updateWorking(trx, councilId, working, { status: 'draft', content: toJson(content), section_revisions: toJson(revisions) });
    await recordAudit(
      trx,
      {
        councilId,
        actor,
        action: 'content-changed',
        summary: `Saved the ${SECTION_NAMES[save.section]} of draft version ${working.version}`,
        detail: { version: working.version, section: save.section, revision },
      },
      now,
    );
    return { saved: true, version: working.version, revision };
  });
}

const requireWorking = async (db: Database, councilId: string, message: string): Promise<WorkingEdition> => {
  const working = await findWorkingEdition(db, councilId);
  if (!working) throw new WorkflowRefusal('NOT_FOUND', message);
  return working;
};

const problemsOf = (council: Council, content: EditionContent): string[] =>
  errorsOf(checkCouncilContent({ council, ...content })).map((finding) => finding.message);

export function submitForReview(db: Database, councilId: string, council: Council, actor: Actor, now: Date) {
  return inTransaction(db, async (trx) => {
    const working = await requireWorking(trx, councilId, 'There is no draft to send for review');
    if (working.status === 'in-review') return { version: working.version, status: working.status };
    const problems = problemsOf(council, working.content);
    if (problems.length > 0) {
      throw new WorkflowRefusal('BAD_REQUEST', `The draft cannot go for review until this is fixed: ${problems.join('; ')}`);
    }
    await updateWorking(trx, councilId, working, { status: 'in-review', submitted_by: actor.email, submitted_at: now.toISOString(), review_comment: null });
    await recordAudit(
      trx,
      { councilId, actor, action: 'submitted-for-review', summary: `Sent draft version ${working.version} for review`, detail: { version: working.version } },
      now,
    );
    return { version: working.version, status: 'in-review' as const };
  });
}

export function sendBack(db: Database, councilId: string, comment: string, actor: Actor, now: Date) {
  return inTransaction(db, async (trx) => {
    const working = await findWorkingEdition(trx, councilId);
    if (!working || working.status !== 'in-review') throw new WorkflowRefusal('NOT_FOUND', 'There is no draft waiting for review');
    await updateWorking(trx, councilId, working, { status: 'draft', review_comment: comment });
    await recordAudit(
      trx,
      { councilId, actor, action: 'sent-back', summary: `Sent draft version ${working.version} back to the editors`, detail: { version: working.version, comment } },
      now,
    );
    return { version: working.version, status: 'draft' as const };
  });
}

/**
 * Publishes the working edition: its content goes into the content tables the public pages
 * read, and its status changes, in one transaction, so the page changes all at once or not at all.
 */
export function publish(db: Database, councilId: string, council: Council, actor: Actor, now: Date) {
  return inTransaction(db, async (trx) => {
    const working = await requireWorking(trx, councilId, 'There is no draft to publish');
    const problems = problemsOf(council, working.content);
    if (problems.length > 0) {
      throw new WorkflowRefusal('BAD_REQUEST', `The draft cannot be published until this is fixed: ${problems.join('; ')}`);
    }
    const at = now.toISOString();
    // The status changes first: on PostgreSQL that locks the edition, so no save slips in between.
    await updateWorking(trx, councilId, working, { status: 'published', published_at: at, published_by: actor.email, reviewed_at: at });
    await insertEditionRows(trx, councilId, working.id, working.content);
    await recordAudit(
      trx,
      { councilId, actor, action: 'published', summary: `Published version ${working.version}`, detail: { version: working.version } },
      now,
    );
    return { version: working.version, publishedAt: at };
  });
}

export function discardDraft(db: Database, councilId: string, actor: Actor, now: Date) {
  return inTransaction(db, async (trx) => {
    const working = await requireWorking(trx, councilId, 'There is no draft to discard');
    const result = await trx
      .deleteFrom('editions')
      .where('id', '=', working.id)
      .where('council_id', '=', councilId)
      .where('lock_version', '=', working.lockVersion)
      .executeTakeFirst();
    if (Number(result.numDeletedRows) !== 1) throw new LostRace();
    await recordAudit(
      trx,
      { councilId, actor, action: 'draft-discarded', summary: `Discarded draft version ${working.version}`, detail: { version: working.version } },
      now,
    );
    return { discarded: working.version };
  });
}

/** Records that a publisher has checked the published page and it is still right. */
export function markReviewed(db: Database, councilId: string, actor: Actor, now: Date) {
  return inTransaction(db, async (trx) => {
    const published = await findNewestPublished(trx, councilId);
    if (!published) throw new WorkflowRefusal('NOT_FOUND', 'This council has not published its page yet');
    const at = now.toISOString();
    await trx.updateTable('editions').set({ reviewed_at: at }).where('id', '=', published.id).where('council_id', '=', councilId).execute();
    await recordAudit(
      trx,
      { councilId, actor, action: 'marked-reviewed', summary: `Marked version ${published.version} as reviewed`, detail: { version: published.version } },
      now,
    );
    return { version: published.version, reviewedAt: at };
  });
}

/**
 * Starts a new draft from an earlier version. Every section starts at revision 1, so a save
 * begun before the restore, from the published page, is refused rather than overwriting it.
 */
export function restoreVersion(db: Database, councilId: string, version: number, actor: Actor, now: Date) {
  return inTransaction(db, async (trx) => {
    if (await findWorkingEdition(trx, councilId)) {
      throw new WorkflowRefusal('CONFLICT', 'Discard or publish the current draft first');
    }
    const earlier = await findEditionContent(trx, councilId, version);
    if (!earlier) throw new WorkflowRefusal('NOT_FOUND', `There is no version ${version} of this page`);
    const at = now.toISOString();
    const revisions = Object.fromEntries(SECTIONS.map((s) => [s, { revision: 1, by: actor.email, at }])) as SectionRevisions;
    const draft = await insertWorkingEdition(trx, councilId, earlier.content, revisions, actor, now);
    await recordAudit(
      trx,
      {
        councilId,
        actor,
        action: 'restored',
        summary: `Restored version ${version} as draft version ${draft.version}`,
        detail: { from: version, version: draft.version },
      },
      now,
    );
    return { version: draft.version };
  });
}
