import { createSession, findCouncilBySlug, insertUser, setRole } from '@pledgekeeper/db';
import type { TestDatabase } from '@pledgekeeper/db/testing';
import type { Role } from '@pledgekeeper/domain/workspace';
import { createCaller } from '../root.js';
import { createContext } from '../trpc.js';
import type { Mailer } from './mailer.js';

export const NOW = new Date('2026-11-30T12:00:00Z');
export const W = 'worcestershire';

/** The people of the email tests, signed in, calling the real procedures through a mailer. */
export async function emailPeople(t: TestDatabase, mailer: () => Mailer) {
  const person = async (email: string, roles: [string, Role][], isPlatformAdmin = false) => {
    const user = await insertUser(
      t.db,
      { email, displayName: `Name of ${email.split('@')[0]}`, passwordHash: 'unused', isPlatformAdmin },
      NOW,
    );
    for (const [slug, role] of roles) await setRole(t.db, (await findCouncilBySlug(t.db, slug))!.id, user.id, role, NOW);
    return (await createSession(t.db, user.id, NOW)).token;
  };
  const tokens = {
    editor: await person('editor@worcs.example', [[W, 'editor']]),
    editor2: await person('editor2@worcs.example', [[W, 'editor']]),
    publisher: await person('publisher@worcs.example', [[W, 'publisher']]),
    publisher2: await person('publisher2@worcs.example', [[W, 'publisher']]),
    somerset: await person('publisher@somerset.example', [['somerset', 'publisher']]),
    admin: await person('admin@platform.example', [], true),
  };
  let clock = NOW.getTime();
  // Each call a second later, as real clicks are: "submitted now" is told from "submitted before".
  const as = (who: keyof typeof tokens | null) => {
    const at = new Date((clock += 1000));
    return createCaller(
      createContext({ db: t.db, now: () => at, sessionToken: who ? tokens[who] : null, client: '203.0.113.9', mailer: mailer() }),
    );
  };
  /** Moves the clock on, as time passes between visits. */
  const later = (ms: number) => void (clock += ms);
  return { tokens, as, later };
}
