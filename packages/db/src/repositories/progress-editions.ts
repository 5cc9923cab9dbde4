import { randomUUID } from 'node:crypto';
import type { Actor, WorkingStatus } from '@pledgekeeper/domain/workspace';
import { type ProgressContent, progressContent } from '@pledgekeeper/domain/progress';
import type { Database } from '../connection.js';
import { fromJson, toJson } from '../json.js';
import { LostRace } from './retrying-transaction.js';

/** The one edition of its delivery records a council is working on: a draft, or a draft in review. */
export interface WorkingProgressEdition {
  id: string;
  version: number;
  status: WorkingStatus;
  content: ProgressContent;
  revision: number;
  lockVersion: number;
  reviewComment: string | null;
}

/** A published edition of the records, without its content: that is read by id, and cached. */
export interface PublishedProgressRef {
  id: string;
  version: number;
  revision: number;
  publishedAt: string | null;
}

// Stored content was checked on its way in; parsing again fills any default added since.
const contentOf = (text: string): ProgressContent => progressContent.parse(fromJson(text));

export async function findWorkingProgress(db: Database, councilId: string): Promise<WorkingProgressEdition | null> {
  const row = await db
    .selectFrom('progress_editions')
    .select(['id', 'version', 'status', 'content', 'revision', 'lock_version', 'review_comment'])
    .where('council_id', '=', councilId)
    .where('status', 'in', ['draft', 'in-review'])
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row
    ? {
        id: row.id,
        version: Number(row.version),
        status: row.status as WorkingStatus,
        content: contentOf(row.content),
        revision: Number(row.revision),
        lockVersion: Number(row.lock_version),
        reviewComment: row.review_comment,
      }
    : null;
}

/** The council's newest published edition of its records, if it has one. */
export async function findPublishedProgress(db: Database, councilId: string): Promise<PublishedProgressRef | null> {
  const row = await db
    .selectFrom('progress_editions')
    .select(['id', 'version', 'revision', 'published_at'])
    .where('council_id', '=', councilId)
    .where('status', '=', 'published')
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? { id: row.id, version: Number(row.version), revision: Number(row.revision), publishedAt: row.published_at } : null;
}

/**
 * Every council's newest published edition of its records, by council id, in one query: for
 * comparing councils. The content is read by id, through the published progress cache.
 */
export async function listNewestPublishedProgress(db: Database): Promise<Map<string, PublishedProgressRef>> {
  const rows = await db
    .selectFrom('progress_editions as edition')
    .select(['edition.council_id', 'edition.id', 'edition.version', 'edition.revision', 'edition.published_at'])
    .where('edition.status', '=', 'published')
    .where((eb) =>
      eb(
        'edition.version',
        '=',
        eb
          .selectFrom('progress_editions as newest')
          .whereRef('newest.council_id', '=', 'edition.council_id')
          .where('newest.status', '=', 'published')
          .select((max) => max.fn.max('newest.version').as('v')),
      ),
    )
    .execute();
  return new Map(
    rows.map((row) => [
      row.council_id,
      { id: row.id, version: Number(row.version), revision: Number(row.revision), publishedAt: row.published_at },
    ]),
  );
}

/** One edition's content, by id and council together, so no id can reach another council's. */
export async function readProgressContent(db: Database, councilId: string, id: string): Promise<ProgressContent | null> {
  const row = await db
    .selectFrom('progress_editions')
    .select('content')
    .where('id', '=', id)
    .where('council_id', '=', councilId)
    .executeTakeFirst();
  return row ? contentOf(row.content) : null;
}

/**
 * The newest version number and revision of any of the council's editions, discarded ones too,
 * so that neither is ever given twice.
 */
export async function findProgressCounters(db: Database, councilId: string): Promise<{ version: number; revision: number }> {
  const row = await db
    .selectFrom('progress_editions')
    .select((eb) => [eb.fn.max('version').as('version'), eb.fn.max('revision').as('revision')])
    .where('council_id', '=', councilId)
    .executeTakeFirst();
  return { version: Number(row?.version ?? 0), revision: Number(row?.revision ?? 0) };
}

/** Starts the council's working edition, numbered after its newest and carrying on its revision. */
export async function insertWorkingProgress(
  db: Database,
  councilId: string,
  content: ProgressContent,
  actor: Actor,
  now: Date,
): Promise<WorkingProgressEdition> {
  const counters = await findProgressCounters(db, councilId);
  // Of two drafts started at once, the unique indexes keep one; the other's transaction retries.
  const version = counters.version + 1;
  const id = randomUUID();
  await db
    .insertInto('progress_editions')
    .values({
      id,
      council_id: councilId,
      version,
      status: 'draft',
      content: toJson(content),
      revision: counters.revision,
      created_by: actor.email,
      created_at: now.toISOString(),
    })
    .execute();
  return { id, version, status: 'draft', content, revision: counters.revision, lockVersion: 0, reviewComment: null };
}

type ProgressEditionUpdate = Partial<{
  status: string;
  content: string;
  revision: number;
  review_comment: string | null;
  submitted_by: string | null;
  submitted_at: string | null;
  published_by: string | null;
  published_at: string | null;
}>;

/** Compare-and-swap: writes only if nobody has written the edition since it was read. */
export async function updateWorkingProgress(
  db: Database,
  councilId: string,
  edition: WorkingProgressEdition,
  changes: ProgressEditionUpdate,
): Promise<void> {
  const result = await db
    .updateTable('progress_editions')
    .set({ ...changes, lock_version: edition.lockVersion + 1 })
    .where('id', '=', edition.id)
    .where('council_id', '=', councilId)
    .where('lock_version', '=', edition.lockVersion)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) throw new LostRace();
}
