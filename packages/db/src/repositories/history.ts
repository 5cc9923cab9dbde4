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
