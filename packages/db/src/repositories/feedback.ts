import { randomUUID } from 'node:crypto';
import type { DeliveryTarget } from '@pledgekeeper/domain/progress';
import type { Feedback, FeedbackInput, FeedbackKind, FeedbackStatus, MessageInput, MessageTopic } from '@pledgekeeper/domain/feedback';
import type { Database } from '../connection.js';
import type { Selectable } from 'kysely';
import type { FeedbackTable } from '../schema.js';

/** One piece of feedback, of either kind, for the council it was sent to; new until staff mark it. */
async function insert(
  db: Database,
  councilId: string,
  row: {
    kind: FeedbackKind;
    page: string;
    helpful: boolean | null;
    topic: MessageTopic | null;
    about: DeliveryTarget | null;
    comment: string | null;
  },
  now: Date,
): Promise<void> {
  await db
    .insertInto('feedback')
    .values({
      id: randomUUID(),
      council_id: councilId,
      kind: row.kind,
      page: row.page,
      helpful: row.helpful === null ? null : row.helpful ? 1 : 0,
      topic: row.topic,
      about: row.about,
      comment: row.comment,
      created_at: now.toISOString(),
    })
    .execute();
}

export const insertFeedback = (db: Database, councilId: string, input: Omit<FeedbackInput, 'council'>, now: Date) =>
  insert(
    db,
    councilId,
    { kind: 'helpful', page: input.page, helpful: input.helpful, topic: null, about: null, comment: input.comment },
    now,
  );

export const insertMessage = (db: Database, councilId: string, input: Omit<MessageInput, 'council'>, now: Date) =>
  insert(
    db,
    councilId,
    { kind: 'message', page: input.page, helpful: null, topic: input.topic, about: input.about, comment: input.message },
    now,
  );

const toFeedback = (row: Selectable<FeedbackTable>): Omit<Feedback, 'publicAnswer'> => ({
  id: row.id,
  kind: row.kind as FeedbackKind,
  page: row.page,
  helpful: row.helpful === null ? null : Number(row.helpful) === 1,
  topic: row.topic as MessageTopic | null,
  about: row.about,
  comment: row.comment,
  createdAt: row.created_at,
  status: row.status as FeedbackStatus,
  statusChangedAt: row.status_changed_at,
  statusChangedBy: row.status_changed_by,
});

/** A council's feedback, newest first. */
export async function listFeedback(db: Database, councilId: string): Promise<Omit<Feedback, 'publicAnswer'>[]> {
  const rows = await db
    .selectFrom('feedback')
    .selectAll()
    .where('council_id', '=', councilId)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
  return rows.map(toFeedback);
}

/**
 * Marks one piece of the council's feedback as new, read or answered. Whether it changed
 * anything says whether the id was the council's: another council's id matches no row.
 */
export async function markFeedback(
  db: Database,
  councilId: string,
  change: { id: string; status: FeedbackStatus; by: string },
  now: Date,
): Promise<boolean> {
  const result = await db
    .updateTable('feedback')
    .set({
      status: change.status,
      status_changed_at: change.status === 'new' ? null : now.toISOString(),
      status_changed_by: change.status === 'new' ? null : change.by,
    })
    .where('id', '=', change.id)
    .where('council_id', '=', councilId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Which of these ids are feedback of this council's: another council's id is not found. */
export async function councilFeedbackIds(db: Database, councilId: string, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('feedback')
    .select('id')
    .where('council_id', '=', councilId)
    .where('id', 'in', [...ids])
    .execute();
  return rows.map((row) => row.id);
}

/** Links messages to the "you said, we did" entry that answers them. Private: never published. */
export async function linkAnswers(
  db: Database,
  councilId: string,
  link: { feedbackIds: readonly string[]; entryKey: string; by: string },
  now: Date,
): Promise<void> {
  if (link.feedbackIds.length === 0) return;
  await db
    .insertInto('feedback_answers')
    .values(
      link.feedbackIds.map((id) => ({
        feedback_id: id,
        council_id: councilId,
        entry_key: link.entryKey,
        created_by: link.by,
        created_at: now.toISOString(),
      })),
    )
    .execute();
}

/** Every entry key ever linked to a message of this council's. */
export async function answerKeys(db: Database, councilId: string): Promise<string[]> {
  const rows = await db.selectFrom('feedback_answers').select('entry_key').distinct().where('council_id', '=', councilId).execute();
  return rows.map((row) => row.entry_key);
}

/** The entries each message is linked to, by message id. */
export async function answersByFeedback(db: Database, councilId: string): Promise<Map<string, string[]>> {
  const rows = await db
    .selectFrom('feedback_answers')
    .select(['feedback_id', 'entry_key'])
    .where('council_id', '=', councilId)
    .orderBy('created_at')
    .execute();
  const answers = new Map<string, string[]>();
  for (const row of rows) answers.set(row.feedback_id, [...(answers.get(row.feedback_id) ?? []), row.entry_key]);
  return answers;
}
