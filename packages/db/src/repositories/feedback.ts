import { randomUUID } from 'node:crypto';
import type { Feedback, FeedbackInput } from '@pledgekeeper/domain';
import type { Database } from '../connection.js';

export async function insertFeedback(
  db: Database,
  councilId: string,
  input: Omit<FeedbackInput, 'council'>,
  now: Date,
): Promise<void> {
  await db
    .insertInto('feedback')
    .values({
      id: randomUUID(),
      council_id: councilId,
      page: input.page,
      helpful: input.helpful ? 1 : 0,
      comment: input.comment,
      created_at: now.toISOString(),
    })
    .execute();
}

/** A council's feedback, newest first. */
export async function listFeedback(db: Database, councilId: string): Promise<Feedback[]> {
  const rows = await db
    .selectFrom('feedback')
    .select(['page', 'helpful', 'comment', 'created_at'])
    .where('council_id', '=', councilId)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
  return rows.map((row) => ({ page: row.page, helpful: Number(row.helpful) === 1, comment: row.comment, createdAt: row.created_at }));
}
