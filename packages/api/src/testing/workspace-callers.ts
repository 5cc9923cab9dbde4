import { createSession, findCouncilBySlug, insertUser, setRole } from '@pledgekeeper/db';
import type { TestDatabase } from '@pledgekeeper/db/testing';
import type { PledgeContent } from '@pledgekeeper/domain/council';
import type { Role } from '@pledgekeeper/domain/workspace';
import { createCaller } from '../root.js';
import { createContext } from '../trpc.js';

export const NOW = new Date('2026-11-25T12:00:00Z');
export const W = 'worcestershire';

/** The people the workspace tests act as, signed in, and ways to look at what they changed. */
export async function workspaceCallers(t: TestDatabase) {
  const person = async (email: string, roles: [string, Role][], signedInAt = NOW) => {
    const user = await insertUser(t.db, { email, displayName: email.split('@')[0]!, passwordHash: 'not-used' }, NOW);
    for (const [slug, role] of roles) await setRole(t.db, (await findCouncilBySlug(t.db, slug))!.id, user.id, role, NOW);
    return (await createSession(t.db, user.id, signedInAt)).token;
  };
  const tokens: Record<'editor' | 'editor2' | 'publisher' | 'somersetPublisher', string> = {
    editor: await person('editor@worcestershire.gov.uk', [[W, 'editor']]),
    editor2: await person('editor2@worcestershire.gov.uk', [[W, 'editor']]),
    publisher: await person('publisher@worcestershire.gov.uk', [[W, 'publisher']]),
    somersetPublisher: await person('publisher@somerset.gov.uk', [['somerset', 'publisher']]),
  };
  const as = (who: keyof typeof tokens | null, now = NOW) =>
    createCaller(createContext({ db: t.db, now: () => now, sessionToken: who ? tokens[who] : null }));
  return {
    tokens,
    person,
    as,
    publicPage: () => as(null).council.page({ council: W }),
    audit: async () =>
      (await t.db.selectFrom('audit_log').select(['action', 'actor_email']).orderBy('at').orderBy('action').execute()).map(
        (r) => `${r.action} ${r.actor_email}`,
      ),
    tables: async () => ({
      editions: await t.db.selectFrom('editions').selectAll().orderBy('id').execute(),
      promises: await t.db.selectFrom('promises').selectAll().orderBy('id').execute(),
      audit: await t.db.selectFrom('audit_log').selectAll().orderBy('id').execute(),
    }),
  };
}

export const pledgeWith = (pledge: PledgeContent, change: (pledge: PledgeContent) => void): PledgeContent => {
  const copy = structuredClone(pledge);
  change(copy);
  return copy;
};
