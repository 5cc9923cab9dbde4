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

// Issue #12: pages published before the council's own word for a promise existed read "Pledge N"
// for every numbered promise; after the migration they read just the same.
describeEachDialect(describe, 'the promise-noun migration on %s', (dialect) => {
  let t: TestDatabase;
  afterEach(() => t.destroy());

  it('keeps "pledge" for published pages with numbered promises, and gives the others "promise"', async () => {
    t = await openTestDatabase(dialect, { seed: true });
    const { db } = t;
    await migrateTo(db, '2026-11-30T10-00-message-about');
    await migrateToLatest(db);
    const rows = await db
      .selectFrom('pledges')
      .innerJoin('councils', 'councils.id', 'pledges.council_id')
      .select(['councils.slug', 'pledges.promise_noun'])
      .where('councils.slug', 'in', ['worcestershire', 'somerset'])
      .orderBy('councils.slug')
      .execute();
    expect(rows).toEqual([
      { slug: 'somerset', promise_noun: 'promise' },
      { slug: 'worcestershire', promise_noun: 'pledge' },
    ]);
  });
});

// Issue #12: a council's own question above its feedback form. A council's own reads back as
// written; rolled back and forward again, pages keep every other part of their statement and
// take the portal's own question (null), as every page published before the column did.
describeEachDialect(describe, 'the helpful-question migration on %s', (dialect) => {
  let t: TestDatabase;
  afterEach(() => t.destroy());

  it("reads Somerset's own question back, and leaves pages published before it with the portal's", async () => {
    t = await openTestDatabase(dialect, { seed: true });
    const { db } = t;
    const questions = () =>
      db
        .selectFrom('statements')
        .innerJoin('councils', 'councils.id', 'statements.council_id')
        .select(['councils.slug', 'statements.helpful_question', 'statements.paragraphs'])
        .where('councils.slug', 'in', ['worcestershire', 'somerset'])
        .orderBy('councils.slug')
        .execute();
    const seeded = await questions();
    expect(seeded.map(({ slug, helpful_question }) => [slug, helpful_question])).toEqual([
      ['somerset', 'Was this information helpful?'],
      ['worcestershire', null],
    ]);
    await migrateTo(db, '2026-11-30T10-30-involvement-links');
    await migrateToLatest(db);
    expect(await questions()).toEqual(seeded.map((row) => ({ ...row, helpful_question: null })));
  });
});
