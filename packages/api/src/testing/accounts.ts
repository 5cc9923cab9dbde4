import { findCouncilBySlug, insertUser, setRole } from '@pledgekeeper/db';
import type { TestDatabase } from '@pledgekeeper/db/testing';
import type { Role } from '@pledgekeeper/domain/workspace';
import { type PasswordHasher, argon2Hasher } from '../passwords.js';
import { createCaller } from '../root.js';
import { createContext } from '../trpc.js';

export const T0 = new Date('2026-11-25T09:00:00Z');
export const minutes = (n: number) => n * 60_000;
export const PASSWORD = 'a long and memorable passphrase';

/** argon2id at a token cost, so the suite stays fast; passwords.test.ts checks the real cost. */
export const cheap = argon2Hasher({ memorySize: 8, iterations: 1, parallelism: 1 });

/** Callers, people and the audit log for the account tests, on a clock the test moves. */
export function accountsHarness(t: () => TestDatabase, now: () => Date) {
  const api = (options: { token?: string | null; client?: string; hasher?: PasswordHasher } = {}) =>
    createCaller(
      createContext({
        db: t().db,
        now,
        sessionToken: options.token ?? null,
        client: options.client ?? '203.0.113.7',
        passwordHasher: options.hasher ?? cheap,
      }),
    );
  const person = async (email: string, roles: [string, Role][] = [], isPlatformAdmin = false) => {
    const db = t().db;
    const user = await insertUser(
      db,
      { email, displayName: email.split('@')[0]!, passwordHash: await cheap.hash(PASSWORD), isPlatformAdmin },
      now(),
    );
    for (const [slug, role] of roles) await setRole(db, (await findCouncilBySlug(db, slug))!.id, user.id, role, now());
    return user;
  };
  const signIn = async (email: string, password = PASSWORD) => (await api().auth.signIn({ email, password })).token;
  const audit = (action: string) =>
    t()
      .db.selectFrom('audit_log')
      .select(['council_id', 'actor_email', 'summary'])
      .where('action', '=', action)
      .orderBy('at')
      .orderBy('summary')
      .execute();
  return { api, person, signIn, audit };
}
