import { createHash, createHmac } from 'node:crypto';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { migrateTo, migrateToLatest } from '../migrate.js';
import { type TestDatabase, describeEachDialect, openTestDatabase } from '../testing.js';
import { findCouncilBySlug } from './councils.js';
import { takeSubmission } from './submissions.js';

const KEY = Buffer.alloc(32, 7);
const ADDRESS = '203.0.113.9';
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describeEachDialect(describe, "the anonymous forms' limit on %s", (dialect) => {
  let t: TestDatabase;
  afterEach(() => t.destroy());

  it('keeps the address only under a key that is not in the database, and the time only to the minute', async () => {
    t = await openTestDatabase(dialect, { seed: true });
    const council = (await findCouncilBySlug(t.db, 'somerset'))!.id;
    expect(
      await takeSubmission(t.db, council, { client: ADDRESS, form: 'message', addressKey: KEY }, new Date('2026-11-25T12:03:37.123Z')),
    ).toBe(true);
    const rows = await t.db.selectFrom('submission_attempts').select(['client_hash', 'at']).execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.at).toBe('2026-11-25T12:03:00.000Z');
    expect(rows[0]!.client_hash).not.toBe(sha256(ADDRESS));
    expect(rows[0]!.client_hash).not.toBe(sha256(`pledgekeeper-submission:${ADDRESS}`));
    expect(rows[0]!.client_hash).not.toBe(createHmac('sha256', Buffer.alloc(32, 8)).update(ADDRESS).digest('hex'));
    // No column of any table holds the key.
    const everything = JSON.stringify(
      await Promise.all((await t.db.introspection.getTables()).map((table) => sql`select * from ${sql.table(table.name)}`.execute(t.db))),
    );
    expect(everything).not.toContain(KEY.toString('hex'));
    expect(everything).not.toContain(ADDRESS);
  });

  it('forgets the plain hashes kept before the key', async () => {
    t = await openTestDatabase(dialect, { migrate: false });
    await migrateTo(t.db, '2026-11-25T17-10-pledge-words');
    await sql`insert into councils (id, slug, name, kind, nation, contact, created_at)
      values ('c1', 'somerset', 'Somerset County Council', 'county', 'england', null, '2026-01-01T00:00:00.000Z')`.execute(t.db);
    await sql`insert into submission_attempts (id, council_id, client_hash, form, at)
      values ('s1', 'c1', ${sha256(`pledgekeeper-submission:${ADDRESS}`)}, 'message', '2026-11-25T12:03:37.123Z')`.execute(t.db);
    await migrateToLatest(t.db);
    expect(await t.db.selectFrom('submission_attempts').selectAll().execute()).toEqual([]);
  });
});
