import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Refusal } from '@pledgekeeper/domain/workspace';
import { peopleScope } from './people-scope.js';
import { findCouncilBySlug } from './repositories/councils.js';
import { insertUser, setRole } from './repositories/users.js';
import { type TestDatabase, describeEachDialect, openTestDatabase } from './testing.js';

const NOW = new Date('2026-11-25T09:00:00.000Z');

describeEachDialect(describe, "a council's people on %s", (dialect) => {
  let t: TestDatabase;
  let somerset: string;
  let actor: { id: string; email: string };
  beforeEach(async () => {
    t = await openTestDatabase(dialect, { seed: true });
    somerset = (await findCouncilBySlug(t.db, 'somerset'))!.id;
    for (const email of ['pat@example.org', 'sam@example.org']) {
      const user = await insertUser(t.db, { email, displayName: email, passwordHash: 'unused' }, NOW);
      await setRole(t.db, somerset, user.id, 'publisher', NOW);
      actor = user;
    }
  });
  afterEach(() => t.destroy());

  const publishers = () =>
    t.db.selectFrom('memberships').select('user_id').where('council_id', '=', somerset).where('role', '=', 'publisher').execute();

  it('keeps one publisher when the last two are demoted at the same moment', async () => {
    const people = peopleScope(t.db, somerset, 'Somerset County Council');
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let holding!: () => void;
    const held = new Promise<void>((resolve) => (holding = resolve));
    // On PostgreSQL, hold the membership rows so both changes have read the publishers before
    // either can write: without the council lock, both would then succeed and leave none.
    const holder =
      dialect === 'postgres'
        ? t.db.transaction().execute(async (trx) => {
            await trx.selectFrom('memberships').select('user_id').where('council_id', '=', somerset).forUpdate().execute();
            holding();
            await gate;
          })
        : (holding(), gate);
    await held;
    const changes = Promise.allSettled([
      people.changeRole('pat@example.org', 'editor', actor, NOW),
      people.remove('sam@example.org', actor, NOW),
    ]);
    await new Promise((resolve) => setTimeout(resolve, 300));
    release();
    await holder;
    const results = await changes;
    // One change is made; the other is refused, in words, because it would leave no publisher.
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const refused = results.find((r): r is PromiseRejectedResult => r.status === 'rejected')!.reason;
    expect(refused).toBeInstanceOf(Refusal);
    expect(refused).toMatchObject({
      code: 'CONFLICT',
      message: 'Somerset County Council needs at least one publisher: make someone else a publisher first',
    });
    expect(await publishers()).toHaveLength(1);
  });
});
