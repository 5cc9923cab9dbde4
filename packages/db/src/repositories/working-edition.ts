import { randomUUID } from 'node:crypto';
import {
  type Actor,
  type EditionContent,
  SECTIONS,
  type Section,
  type SectionRevisions,
  type WorkingStatus,
  WORKING_STATUSES,
} from '@pledgekeeper/domain/workspace';
import type { Database } from '../connection.js';
import { fromJson, toJson } from '../json.js';
import { contentFromJson } from './stored-content.js';
import { readEdition } from './content-tables-read.js';
import { LostRace } from './retrying-transaction.js';

/** The one edition a council is working on: a draft, or a draft sent for review. */
export interface WorkingEdition {
  id: string;
  version: number;
  status: WorkingStatus;
  content: EditionContent;
  revisions: SectionRevisions;
  lockVersion: number;
  reviewComment: string | null;
  /** A publisher's comments on single sections, from when it was last sent back. */
  sectionComments: Partial<Record<Section, string>>;
  createdBy: string | null;
  createdAt: string;
  /** The newest of its creation, its last save and its sending for review. */
  updatedAt: string;
}

/** Every section at one revision: 0 for a draft started from the page, 1 for a restored one. */
export const revisionsAt = (revision: number, by: string | null = null, at: string | null = null): SectionRevisions =>
  Object.fromEntries(SECTIONS.map((s) => [s, { revision, by, at }])) as SectionRevisions;

function parseRevisions(text: string | null): SectionRevisions {
  const stored = text ? fromJson<Partial<SectionRevisions>>(text) : {};
  const revisions = revisionsAt(0);
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
  'section_comments',
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
    .where('status', 'in', WORKING_STATUSES)
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
    sectionComments: fromJson<Partial<Record<Section, string>>>(row.section_comments),
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: times.sort().at(-1) ?? row.created_at,
  };
}

/** Starts the council's working edition, numbered after its newest. */
export async function insertWorkingEdition(
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
    sectionComments: {},
    createdBy: actor.email,
    createdAt: at,
    updatedAt: at,
  };
}

type WorkingEditionUpdate = Partial<{
  status: string;
  content: string;
  section_revisions: string;
  submitted_by: string | null;
  submitted_at: string | null;
  published_at: string | null;
  published_by: string | null;
  review_comment: string | null;
  section_comments: string;
  reviewed_at: string | null;
}>;

/** Compare-and-swap: writes only if nobody has written the edition since it was read. */
export async function updateWorkingEdition(
  db: Database,
  councilId: string,
  edition: WorkingEdition,
  changes: WorkingEditionUpdate,
): Promise<void> {
  const result = await db
    .updateTable('editions')
    .set({ ...changes, lock_version: edition.lockVersion + 1 })
    .where('id', '=', edition.id)
    .where('council_id', '=', councilId)
    .where('lock_version', '=', edition.lockVersion)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) throw new LostRace();
}

/** Compare-and-swap delete: only the edition as it was read. */
export async function deleteWorkingEdition(db: Database, councilId: string, edition: WorkingEdition): Promise<void> {
  const result = await db
    .deleteFrom('editions')
    .where('id', '=', edition.id)
    .where('council_id', '=', councilId)
    .where('lock_version', '=', edition.lockVersion)
    .executeTakeFirst();
  if (Number(result.numDeletedRows) !== 1) throw new LostRace();
}
