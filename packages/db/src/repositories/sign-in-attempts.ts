import { createHash, randomUUID } from 'node:crypto';
import { PostgresAdapter, sql } from 'kysely';
import type { Database } from '../connection.js';

export const SIGN_IN_WINDOW_MS = 15 * 60 * 1000;
/** Failures for one email from one client: the limit a password guesser meets first. */
export const MAX_FAILURES_PER_EMAIL_AND_CLIENT = 5;
/** Failures for one email from every client together: a ceiling for guessers spread over many addresses. */
export const MAX_FAILURES_PER_EMAIL = 20;
export const MAX_FAILURES_PER_CLIENT = 20;
// Rows older than this are of no use to the limiter.
const KEEP_ATTEMPTS_MS = 24 * 60 * 60 * 1000;

/**
 * Stores the client as given: these are staff accounts, and the address of a failed sign-in
 * is kept for a day for security review, like the audit log's entry for it.
 */
export async function recordSignInAttempt(
  db: Database,
  attempt: { email: string; client: string; succeeded: boolean },
  now: Date,
): Promise<string> {
  const id = randomUUID();
  await db
    .insertInto('sign_in_attempts')
    .values({ id, email: attempt.email.toLowerCase(), client: attempt.client, succeeded: attempt.succeeded ? 1 : 0, at: now.toISOString() })
    .execute();
  return id;
}

const countFailures = async (db: Database, where: { email?: string; client?: string }, since: string): Promise<number> => {
  let query = db
    .selectFrom('sign_in_attempts')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('succeeded', '=', 0)
    .where('at', '>', since);
  if (where.email !== undefined) query = query.where('email', '=', where.email);
  if (where.client !== undefined) query = query.where('client', '=', where.client);
  return Number((await query.executeTakeFirstOrThrow()).n);
};

/**
 * Whether sign-in for this email from this client is paused, counting failures in the last 15
 * minutes: 5 for the email from this client (a success from this client starts that count again),
 * 20 for the email from all clients, or 20 from this client for any email. Someone guessing
 * from one place cannot lock the owner out everywhere else.
 */
export async function isSignInLimited(db: Database, attempt: { email: string; client: string }, now: Date): Promise<boolean> {
  const windowStart = new Date(now.getTime() - SIGN_IN_WINDOW_MS).toISOString();
  const email = attempt.email.toLowerCase();
  const lastSuccess = await db
    .selectFrom('sign_in_attempts')
    .select((eb) => eb.fn.max('at').as('at'))
    .where('email', '=', email)
    .where('client', '=', attempt.client)
    .where('succeeded', '=', 1)
    .where('at', '>', windowStart)
    .executeTakeFirst();
  const pairSince = lastSuccess?.at && lastSuccess.at > windowStart ? lastSuccess.at : windowStart;
  if ((await countFailures(db, { email, client: attempt.client }, pairSince)) >= MAX_FAILURES_PER_EMAIL_AND_CLIENT) return true;
  if ((await countFailures(db, { email }, windowStart)) >= MAX_FAILURES_PER_EMAIL) return true;
  return (await countFailures(db, { client: attempt.client }, windowStart)) >= MAX_FAILURES_PER_CLIENT;
}

// A 64-bit advisory lock key per email and per client.
const lockKey = (name: string): bigint => createHash('sha256').update(`pledgekeeper-sign-in:${name}`).digest().readBigInt64BE(0);

/**
 * Waits until no other sign-in for this email or from this client is being counted, until the
 * transaction ends. Keys are taken in ascending order so two transactions never deadlock. SQLite
 * needs nothing: its connection runs one transaction at a time.
 */
async function serialise(trx: Database, names: string[]): Promise<void> {
  if (!(trx.getExecutor().adapter instanceof PostgresAdapter)) return;
  const keys = [...new Set(names.map(lockKey))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  for (const key of keys) await sql`select pg_advisory_xact_lock(${key.toString()}::bigint)`.execute(trx);
}

/**
 * Counts one sign-in attempt before its password is checked: if the email and client are not
 * paused, records it as a failure (so attempts running at the same time count each other) and
 * returns its id, to mark it a success once the password is right; null when paused, recording
 * nothing. The check and the record are one transaction, serialised per email and per client.
 */
export async function takeSignInAttempt(db: Database, attempt: { email: string; client: string }, now: Date): Promise<string | null> {
  const email = attempt.email.toLowerCase();
  return db.transaction().execute(async (trx) => {
    await serialise(trx, [`email:${email}`, `client:${attempt.client}`]);
    if (await isSignInLimited(trx, { email, client: attempt.client }, now)) return null;
    return recordSignInAttempt(trx, { email, client: attempt.client, succeeded: false }, now);
  });
}

/** The attempt's password was right. */
export async function markSignInSucceeded(db: Database, attemptId: string): Promise<void> {
  await db.updateTable('sign_in_attempts').set({ succeeded: 1 }).where('id', '=', attemptId).execute();
}

/** Forgets attempts older than a day. */
export async function pruneSignInAttempts(db: Database, now: Date): Promise<void> {
  await db
    .deleteFrom('sign_in_attempts')
    .where('at', '<', new Date(now.getTime() - KEEP_ATTEMPTS_MS).toISOString())
    .execute();
}
