import type { CouncilKind, Nation } from '@pledgekeeper/domain/council';
import type { EditionContent } from '@pledgekeeper/domain/workspace';
import type { ComparedIdentity } from '@pledgekeeper/domain/compare';
import type { Database } from './connection.js';
import { publishedContent } from './published-cache.js';
import { type EditionRef, isNewestPublished } from './repositories/published-editions.js';

export interface NewestPublished {
  /** The database's id, for reading the edition; never shown. */
  councilId: string;
  council: ComparedIdentity;
  edition: EditionRef;
}

export interface PublishedCouncilContent {
  council: ComparedIdentity;
  edition: EditionRef;
  content: EditionContent;
}

/**
 * Each council's newest published edition, in name order, in one query: drafts and editions in
 * review never appear, and a council that has published nothing is left out. With `slugs`, only
 * those councils.
 */
export async function listNewestPublished(db: Database, slugs?: readonly string[]): Promise<NewestPublished[]> {
  if (slugs && slugs.length === 0) return [];
  let query = db
    .selectFrom('councils')
    .innerJoin('editions', 'editions.council_id', 'councils.id')
    .leftJoin('wording_confirmations', 'wording_confirmations.edition_id', 'editions.id')
    .select([
      'councils.id as council_id',
      'councils.slug',
      'councils.name',
      'councils.kind',
      'councils.nation',
      'editions.id as edition_id',
      'editions.version',
      'editions.published_at',
      'editions.reviewed_at',
      'wording_confirmations.confirmed_at',
    ])
    .where(isNewestPublished);
  if (slugs) query = query.where('councils.slug', 'in', [...slugs]);
  const rows = await query.orderBy('councils.name').orderBy('councils.slug').execute();
  return rows.map((row) => ({
    councilId: row.council_id,
    council: { slug: row.slug, name: row.name, kind: row.kind as CouncilKind, nation: row.nation as Nation },
    edition: {
      id: row.edition_id,
      version: Number(row.version),
      status: 'published',
      publishedAt: row.published_at,
      reviewedAt: row.reviewed_at,
      wordingConfirmedAt: row.confirmed_at,
    },
  }));
}

/** The content of each edition listed, read through the same cache as the public pages. */
export function readPublishedContents(db: Database, newest: readonly NewestPublished[]): Promise<PublishedCouncilContent[]> {
  return Promise.all(
    newest.map(async ({ councilId, council, edition }) => ({
      council,
      edition,
      content: await publishedContent(db, councilId, edition),
    })),
  );
}

/**
 * The published content of every council (or of those named). After the first read of an
 * edition, only the query for the newest editions reaches the database.
 */
export async function listPublishedContents(db: Database, slugs?: readonly string[]): Promise<PublishedCouncilContent[]> {
  return readPublishedContents(db, await listNewestPublished(db, slugs));
}
