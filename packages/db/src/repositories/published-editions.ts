import { randomUUID } from 'node:crypto';
import type { ExpressionBuilder } from 'kysely';
import type { Branding, PledgeStatus } from '@pledgekeeper/domain/council';
import type { EditionContent } from '@pledgekeeper/domain/workspace';
import type { Database } from '../connection.js';
import type { DatabaseSchema } from '../schema.js';
import { toJson } from '../json.js';
import { insertEditionRows } from './content-tables.js';

export interface EditionRef {
  id: string;
  version: number;
  status: PledgeStatus;
  publishedAt: string | null;
  reviewedAt: string | null;
  /** When a publisher confirmed its suggested wording as the council's own: see wording-confirmations.ts. */
  wordingConfirmedAt: string | null;
}

/**
 * Keeps, of a join of councils and editions, each council's newest published edition only: the
 * one its public page shows. For listings across councils.
 */
export const isNewestPublished = (eb: ExpressionBuilder<DatabaseSchema, 'councils' | 'editions'>) =>
  eb.and([
    eb('editions.status', '=', 'published'),
    eb(
      'editions.version',
      '=',
      eb
        .selectFrom('editions as newest')
        .whereRef('newest.council_id', '=', 'councils.id')
        .where('newest.status', '=', 'published')
        .select((max) => max.fn.max('newest.version').as('v')),
    ),
  ]);

/** The newest published edition of a council's page, if it has one. */
export async function findPublishedEdition(db: Database, councilId: string): Promise<EditionRef | null> {
  const row = await db
    .selectFrom('editions')
    .leftJoin('wording_confirmations', 'wording_confirmations.edition_id', 'editions.id')
    .select(['editions.id', 'editions.version', 'editions.status', 'editions.published_at', 'editions.reviewed_at', 'confirmed_at'])
    .where('editions.council_id', '=', councilId)
    .where('editions.status', '=', 'published')
    .orderBy('editions.version', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row
    ? {
        id: row.id,
        version: Number(row.version),
        status: row.status as PledgeStatus,
        publishedAt: row.published_at,
        reviewedAt: row.reviewed_at,
        wordingConfirmedAt: row.confirmed_at,
      }
    : null;
}

/**
 * Writes one whole edition of a council's page. Call it inside a transaction: a failure part
 * way leaves nothing behind.
 */
export async function insertEdition(
  db: Database,
  councilId: string,
  content: EditionContent,
  edition: { version: number; status: PledgeStatus; now: Date; createdBy?: string | null },
): Promise<EditionRef> {
  const id = randomUUID();
  const at = edition.now.toISOString();
  const publishedAt = edition.status === 'published' ? at : null;
  await db
    .insertInto('editions')
    .values({
      id,
      council_id: councilId,
      version: edition.version,
      status: edition.status,
      created_at: at,
      published_at: publishedAt,
      reviewed_at: publishedAt,
      created_by: edition.createdBy ?? null,
      published_by: edition.status === 'published' ? (edition.createdBy ?? null) : null,
      content: toJson(content),
    })
    .execute();
  await insertEditionRows(db, councilId, id, content);
  if (edition.status === 'published') await setPublishedBranding(db, councilId, content.branding);
  return { id, version: edition.version, status: edition.status, publishedAt, reviewedAt: publishedAt, wordingConfirmedAt: null };
}

/** Records that a publisher has checked a published edition and it is still right. */
export async function setReviewed(db: Database, councilId: string, editionId: string, at: string): Promise<void> {
  await db.updateTable('editions').set({ reviewed_at: at }).where('id', '=', editionId).where('council_id', '=', councilId).execute();
}

/**
 * Copies a newly published edition's branding onto the council's row, for the headers of pages
 * that read no edition. Call it in the transaction that publishes; the id comes from the council scope.
 */
export async function setPublishedBranding(db: Database, councilId: string, branding: Branding): Promise<void> {
  await db
    .updateTable('councils')
    .set({
      brand_colour: branding.brandColour,
      brand_name: branding.brandName,
      brand_logo: branding.brandLogo ? toJson(branding.brandLogo) : null,
    })
    .where('id', '=', councilId)
    .execute();
}
