import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { migrateTo, migrateToLatest } from './migrate.js';
import { listFeedback } from './repositories/feedback.js';
import { type TestDatabase, describeEachDialect, openTestDatabase } from './testing.js';

// A council's feedback from before issue #4 must come through the rebuild of its table intact.
describeEachDialect(describe, 'the voice-and-branding migration on %s', (dialect) => {
  let t: TestDatabase;
  afterEach(() => t.destroy());

  it('keeps every piece of earlier feedback, as "Was this helpful?" and new', async () => {
    t = await openTestDatabase(dialect, { migrate: false });
    const { db } = t;
    await migrateTo(db, '2026-11-25T16-10-one-working-edition');
    await sql`insert into councils (id, slug, name, kind, nation, contact, created_at)
      values ('c1', 'somerset', 'Somerset County Council', 'county', 'england', null, '2026-01-01T00:00:00.000Z')`.execute(db);
    await sql`insert into feedback (id, council_id, page, helpful, comment, created_at) values
      ('f1', 'c1', '/somerset', 1, null, '2026-10-01T10:00:00.000Z'),
      ('f2', 'c1', '/somerset', 0, 'Who do I call?', '2026-10-02T10:00:00.000Z')`.execute(db);

    await migrateToLatest(db);
    expect(await listFeedback(db, 'c1')).toMatchObject([
      {
        id: 'f2',
        kind: 'helpful',
        helpful: false,
        comment: 'Who do I call?',
        topic: null,
        status: 'new',
        createdAt: '2026-10-02T10:00:00.000Z',
      },
      { id: 'f1', kind: 'helpful', helpful: true, comment: null, status: 'new' },
    ]);
  });
});
