import { createHmac, randomUUID } from 'node:crypto';
import type { Database } from '../connection.js';

/**
 * How often one client may send each anonymous form. Generous for a person, tight for a script:
 * a young person writing to their council sends one or two messages, not six in a quarter hour.
 */
export const SUBMISSION_LIMITS = {
  helpful: { max: 10, windowMs: 15 * 60 * 1000 },
  message: { max: 5, windowMs: 15 * 60 * 1000 },
} as const;
export type SubmissionForm = keyof typeof SUBMISSION_LIMITS;

/**
 * The client is kept only as a keyed hash, never beside what they wrote, and only for the window.
 * The key is never in the database, so a copy of it cannot be searched for a known address (a plain
 * hash of an IPv4 address is undone by trying all four billion).
 */
const clientHash = (client: string, addressKey: Uint8Array): string => createHmac('sha256', addressKey).update(client).digest('hex');

// Stored to the minute only, so an attempt's time does not point at the message sent with it.
const toMinute = (at: Date): string => new Date(Math.floor(at.getTime() / 60_000) * 60_000).toISOString();

/**
 * Counts this submission against the client's allowance at this council. True when it is within the limit (and
 * is now counted); false when the client has sent too many in the window, and nothing is stored.
 */
export async function takeSubmission(
  db: Database,
  councilId: string,
  submission: { client: string; form: SubmissionForm; addressKey: Uint8Array },
  now: Date,
): Promise<boolean> {
  const { max, windowMs } = SUBMISSION_LIMITS[submission.form];
  const since = new Date(now.getTime() - windowMs).toISOString();
  const hash = clientHash(submission.client, submission.addressKey);
  return db.transaction().execute(async (trx) => {
    await trx.deleteFrom('submission_attempts').where('at', '<=', since).execute();
    const row = await trx
      .selectFrom('submission_attempts')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('council_id', '=', councilId)
      .where('client_hash', '=', hash)
      .where('form', '=', submission.form)
      .where('at', '>', since)
      .executeTakeFirstOrThrow();
    if (Number(row.n) >= max) return false;
    await trx
      .insertInto('submission_attempts')
      .values({ id: randomUUID(), council_id: councilId, client_hash: hash, form: submission.form, at: toMinute(now) })
      .execute();
    return true;
  });
}
