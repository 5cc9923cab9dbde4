import { randomUUID } from 'node:crypto';
import type { Database } from '../connection.js';

export const SIGN_IN_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_EMAIL = 5;
export const MAX_FAILURES_PER_CLIENT = 20;
// Rows older than this are of no use to the limiter.
const KEEP_ATTEMPTS_MS = 24 * 60 * 60 * 1000;

export async function recordSignInAttempt(
  db: Database,
  attempt: { email: string; client: string; succeeded: boolean },
  now: Date,
): Promise<void> {
  await db
    .insertInto('sign_in_attempts')
    .values({ id: randomUUID(), email: attempt.email.toLowerCase(), client: attempt.client, succeeded: attempt.succeeded ? 1 : 0, at: now.toISOString() })
    .execute();
}

const countFailures = async (db: Database, column: 'email' | 'client', value: string, since: string): Promise<number> => {
  const row = await db
    .selectFrom('sign_in_attempts')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where(column, '=', value)
    .where('succeeded', '=', 0)
    .where('at', '>', since)
    .executeTakeFirstOrThrow();
  return Number(row.n);
};

/**
 * Whether sign-in for this email, or from this client, is paused: too many failures within the
 * last 15 minutes. A successful sign-in clears the email's count; the client's count stands.
 */
export async function isSignInLimited(db: Database, attempt: { email: string; client: string }, now: Date): Promise<boolean> {
  const windowStart = new Date(now.getTime() - SIGN_IN_WINDOW_MS).toISOString();
  const email = attempt.email.toLowerCase();
  const lastSuccess = await db
    .selectFrom('sign_in_attempts')
    .select((eb) => eb.fn.max('at').as('at'))
    .where('email', '=', email)
    .where('succeeded', '=', 1)
    .where('at', '>', windowStart)
    .executeTakeFirst();
  const emailSince = lastSuccess?.at && lastSuccess.at > windowStart ? lastSuccess.at : windowStart;
  if ((await countFailures(db, 'email', email, emailSince)) >= MAX_FAILURES_PER_EMAIL) return true;
  return (await countFailures(db, 'client', attempt.client, windowStart)) >= MAX_FAILURES_PER_CLIENT;
}

/** Forgets attempts older than a day. */
export async function pruneSignInAttempts(db: Database, now: Date): Promise<void> {
  await db.deleteFrom('sign_in_attempts').where('at', '<', new Date(now.getTime() - KEEP_ATTEMPTS_MS).toISOString()).execute();
}
