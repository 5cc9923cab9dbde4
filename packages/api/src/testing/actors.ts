import { type Database, createSession, findCouncilBySlug, insertUser, setRole } from '@pledgekeeper/db';
import type { Role } from '@pledgekeeper/domain/workspace';

export const ACTOR_NAMES = ['anonymous', 'editorA', 'publisherA', 'publisherB', 'admin'] as const;
export type ActorName = (typeof ACTOR_NAMES)[number];

/**
 * The people of the isolation tests, signed in: an editor and a publisher of council A, a
 * publisher of council B and a platform admin with no council role. Tokens are real sessions.
 */
export async function signInActors(db: Database, councilA: string, councilB: string, now: Date): Promise<Record<ActorName, string | null>> {
  const person = async (email: string, roles: [string, Role][], isPlatformAdmin = false) => {
    // The hash is never checked here: these people arrive with sessions, not passwords.
    const user = await insertUser(db, { email, displayName: email.split('@')[0]!, passwordHash: 'not-a-password', isPlatformAdmin }, now);
    for (const [slug, role] of roles) {
      const council = await findCouncilBySlug(db, slug);
      if (!council) throw new Error(`no council ${slug}`);
      await setRole(db, council.id, user.id, role, now);
    }
    return (await createSession(db, user.id, now)).token;
  };
  return {
    anonymous: null,
    editorA: await person('editor.a@example.org', [[councilA, 'editor']]),
    publisherA: await person('publisher.a@example.org', [[councilA, 'publisher']]),
    publisherB: await person('publisher.b@example.org', [[councilB, 'publisher']]),
    admin: await person('admin@example.org', [], true),
  };
}

/** Every row of every table, in a stable order: equal snapshots mean nothing was changed. */
export async function snapshot(db: Database): Promise<Record<string, unknown[]>> {
  const tables = await tableNames(db);
  const result: Record<string, unknown[]> = {};
  for (const table of tables) {
    const rows = await (db as unknown as Database)
      .selectFrom(table as 'councils')
      .selectAll()
      .execute();
    result[table] = rows.map((row) => JSON.stringify(row)).sort();
  }
  return result;
}

const TABLES = new WeakMap<Database, Promise<string[]>>();

/** The application's tables, looked up once per database (introspection is slow on PostgreSQL). */
export function tableNames(db: Database): Promise<string[]> {
  let names = TABLES.get(db);
  if (!names) {
    names = db.introspection.getTables().then((tables) =>
      tables
        .map((t) => t.name)
        .filter((name) => !name.startsWith('kysely_'))
        .sort(),
    );
    TABLES.set(db, names);
  }
  return names;
}
