import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Database } from '../connection.js';
import { type StoredUser, findUserById } from './users.js';

/** A token for a cookie: 256 random bits. Only its hash is stored. */
export const newToken = (): string => randomBytes(32).toString('base64url');
export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

export const SESSION_IDLE_MS = 2 * 60 * 60 * 1000;
export const SESSION_MAX_MS = 12 * 60 * 60 * 1000;

export async function createSession(db: Database, userId: string, now: Date): Promise<{ token: string; expiresAt: string }> {
  const token = newToken();
  const expiresAt = new Date(now.getTime() + SESSION_MAX_MS).toISOString();
  await db
    .insertInto('sessions')
    .values({
      id: randomUUID(),
      token_hash: hashToken(token),
      user_id: userId,
      created_at: now.toISOString(),
      expires_at: expiresAt,
      last_seen_at: now.toISOString(),
    })
    .execute();
  return { token, expiresAt };
}

/**
 * The person a session token belongs to, if the session is live: not past its absolute expiry,
 * not idle for too long, and the account not disabled. A live session's idle clock restarts.
 */
export async function findSessionUser(db: Database, token: string, now: Date): Promise<StoredUser | null> {
  const session = await db
    .selectFrom('sessions')
    .select(['id', 'user_id', 'expires_at', 'last_seen_at'])
    .where('token_hash', '=', hashToken(token))
    .executeTakeFirst();
  if (!session) return null;
  const idleSince = new Date(session.last_seen_at).getTime();
  if (new Date(session.expires_at) <= now || now.getTime() - idleSince > SESSION_IDLE_MS) {
    await db.deleteFrom('sessions').where('id', '=', session.id).execute();
    return null;
  }
  const user = await findUserById(db, session.user_id);
  if (!user || user.disabled) return null;
  // Written at most once a minute, so reading pages does not mean writing on every request.
  if (now.getTime() - idleSince > 60_000) {
    await db.updateTable('sessions').set({ last_seen_at: now.toISOString() }).where('id', '=', session.id).execute();
  }
  return user;
}

export async function deleteSession(db: Database, token: string): Promise<void> {
  await db.deleteFrom('sessions').where('token_hash', '=', hashToken(token)).execute();
}
