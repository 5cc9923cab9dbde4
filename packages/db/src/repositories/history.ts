import type { PledgeStatus } from '@pledgekeeper/domain/council';
import type { EditionContent, HistoryEntry } from '@pledgekeeper/domain/workspace';
import type { Database } from '../connection.js';
import { readEdition } from './content-tables-read.js';
import { contentFromJson } from './stored-content.js';

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

/**
 * Every version of the page, newest first, with who started and published each by name: editions
 * store an email, which the rest of the council should not need to see.
 */
export async function listHistory(db: Database, councilId: string): Promise<HistoryEntry[]> {
  const rows = await db
    .selectFrom('editions')
    .leftJoin('users as creator', 'creator.email', 'editions.created_by')
    .leftJoin('users as publisher', 'publisher.email', 'editions.published_by')
    .select([
      'editions.version',
      'editions.status',
      'editions.created_by',
      'creator.display_name as creator_name',
      'editions.created_at',
      'editions.published_by',
      'publisher.display_name as publisher_name',
      'editions.published_at',
    ])
    .where('editions.council_id', '=', councilId)
    .orderBy('editions.version', 'desc')
    .execute();
  return rows.map((row) => ({
    version: Number(row.version),
    status: row.status as PledgeStatus,
    createdBy: row.creator_name ?? row.created_by,
    createdAt: row.created_at,
    publishedBy: row.publisher_name ?? row.published_by,
    publishedAt: row.published_at,
  }));
}
