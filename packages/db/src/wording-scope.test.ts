import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type PledgeContent, hasSuggestedWording } from '@pledgekeeper/domain/council';
import { type EditionActor, Refusal } from '@pledgekeeper/domain/workspace';
import { councilScope } from './council-scope.js';
import { migrateTo, migrateToLatest } from './migrate.js';
import { listPublishedContents } from './published-contents.js';
import { findCouncilBySlug } from './repositories/councils.js';
import { insertUser } from './repositories/users.js';
import { type TestDatabase, describeEachDialect, openTestDatabase } from './testing.js';

const NOW = new Date('2026-11-30T12:00:00Z');
const LATER = new Date('2026-11-30T13:00:00Z');

/** Each promise's marks, [plain words, principles], and each theme's. */
const marks = (pledge: PledgeContent | null | undefined) => ({
  promises: (pledge?.promises ?? []).map((p) => [p.plainWordsSuggested, p.principlesSuggested]),
  themes: (pledge?.themes ?? []).map((t) => t.principlesSuggested),
});

const refusalOf = (promise: Promise<unknown>): Promise<Refusal> =>
  promise.then(
    () => {
      throw new Error('expected a refusal');
    },
    (error: unknown) => {
      if (!(error instanceof Refusal)) throw error;
      return error;
    },
  );

describeEachDialect(describe, 'suggested wording on %s', (dialect) => {
  let t: TestDatabase;
  let publisher: EditionActor;
  let editor: EditionActor;
  beforeEach(async () => {
    t = await openTestDatabase(dialect, { seed: true });
    const person = async (email: string, role: EditionActor['role']): Promise<EditionActor> => {
      const user = await insertUser(t.db, { email, displayName: email, passwordHash: 'x' }, NOW);
      return { id: user.id, email: user.email, role };
    };
    publisher = await person('pat@worcestershire.gov.uk', 'publisher');
    editor = await person('ed@worcestershire.gov.uk', 'editor');
  });
  afterEach(() => t.destroy());

  const scopeOf = async (slug = 'worcestershire') => {
    const found = await findCouncilBySlug(t.db, slug);
    if (!found) throw new Error(`no council ${slug}`);
    return councilScope(t.db, found.id, found.council);
  };
  const publishedPledge = async (slug = 'worcestershire') => (await (await scopeOf(slug)).publishedPage())!.content.pledge;

  it('reads the seeds’ plain words and links as Pledgekeeper’s suggestions, and a board or opportunity as stated', async () => {
    expect(marks(await publishedPledge())).toEqual({ promises: Array(11).fill([true, true]), themes: [] });
    expect(marks(await publishedPledge('somerset'))).toEqual({ promises: [], themes: Array(7).fill(true) });
    const somerset = (await (await scopeOf('somerset')).publishedPage())!.content;
    expect(somerset.board?.notMembers).toEqual([]);
    expect(somerset.involvement?.opportunities.map((o) => o.url)).toEqual([null, null, null, null]);
    const review = await (await scopeOf()).wording.review();
    expect(review.version).toBe(1);
    expect(review.confirmed).toBeNull();
    expect(review.suggested.promises).toHaveLength(11);
  });

  it('makes an editor’s words the council’s, and keeps the rest marked through publication', async () => {
    const scope = await scopeOf();
    const pledge = structuredClone((await publishedPledge())!) as PledgeContent;
    pledge.promises[2]!.plainWords = 'School matters. We will help you learn.';
    pledge.promises[4]!.principles = ['cswa2017-1g'];
    // A form that claims the council's words are ours is not believed either way.
    pledge.promises[0]!.plainWordsSuggested = false;
    await scope.workspace.saveSection({ section: 'pledge', revision: 0, content: pledge }, editor, NOW);
    const draft = (await scope.workspace.working())!.content.pledge;
    expect(marks(draft).promises.slice(0, 5)).toEqual([
      [true, true],
      [true, true],
      [false, true],
      [true, true],
      [true, false],
    ]);
    await scope.workspace.publish(publisher, NOW);
    expect(marks(await publishedPledge())).toEqual(marks(draft));
  });

  it('lets a publisher confirm the published wording once, audited, leaving the edition as it was published', async () => {
    const scope = await scopeOf();
    const before = await t.db.selectFrom('editions').selectAll().orderBy('id').execute();
    const rowsBefore = await t.db.selectFrom('promises').selectAll().orderBy('id').execute();

    expect(await scope.wording.confirm(1, publisher, NOW)).toEqual({ version: 1, by: publisher.email, at: NOW.toISOString() });
    expect(hasSuggestedWording((await publishedPledge()) ?? null)).toBe(false);
    // Somerset's are still Pledgekeeper's: the confirmation was Worcestershire's.
    expect(marks(await publishedPledge('somerset')).themes).toEqual(Array(7).fill(true));
    const contents = await listPublishedContents(t.db);
    expect(contents.map((c) => [c.council.slug, hasSuggestedWording(c.content.pledge)])).toEqual([
      ['somerset', true],
      ['worcestershire', false],
    ]);

    // The published edition itself is untouched: the confirmation is kept beside it.
    expect(await t.db.selectFrom('editions').selectAll().orderBy('id').execute()).toEqual(before);
    expect(await t.db.selectFrom('promises').selectAll().orderBy('id').execute()).toEqual(rowsBefore);

    const [entry] = await scope.auditLog();
    expect(entry).toMatchObject({ actor: publisher.email, action: 'wording-confirmed' });
    expect(entry!.summary).toBe(
      'Confirmed the suggested wording of version 1 as the council’s own: plain words of 11 promises, links to principles of 11 promises and themes',
    );
    // A second click changes nothing and is not audited again.
    expect(await scope.wording.confirm(1, publisher, LATER)).toEqual({ version: 1, by: publisher.email, at: NOW.toISOString() });
    expect((await scope.auditLog()).filter((e) => e.action === 'wording-confirmed')).toHaveLength(1);
    expect((await scope.wording.review()).confirmed).toEqual({ by: publisher.email, at: NOW.toISOString() });

    // A draft started afterwards starts from the confirmed wording.
    await scope.workspace.saveSection({ section: 'events', revision: 0, content: [] }, editor, LATER);
    expect(hasSuggestedWording((await scope.workspace.working())!.content.pledge)).toBe(false);
  });

  it('takes the marks off a draft begun before the confirmation, and off a restored earlier version', async () => {
    const scope = await scopeOf();
    await scope.workspace.saveSection({ section: 'events', revision: 0, content: [] }, editor, NOW);
    expect(hasSuggestedWording((await scope.workspace.working())!.content.pledge)).toBe(true);
    await scope.wording.confirm(1, publisher, NOW);
    expect(hasSuggestedWording((await scope.workspace.working())!.content.pledge)).toBe(false);
    await scope.workspace.publish(publisher, LATER);
    expect(hasSuggestedWording((await publishedPledge()) ?? null)).toBe(false);
    await scope.workspace.restore(1, editor, LATER);
    expect(hasSuggestedWording((await scope.workspace.working())!.content.pledge)).toBe(false);
  });

  it('refuses an editor, an out-of-date version and a page with nothing to confirm, changing nothing', async () => {
    const scope = await scopeOf();
    expect((await refusalOf(scope.wording.confirm(1, editor, NOW))).code).toBe('FORBIDDEN');
    expect((await refusalOf(scope.wording.confirm(2, publisher, NOW))).message).toBe(
      'Version 2 is no longer the published page: version 1 is. Check its wording, then confirm it.',
    );
    expect(await t.db.selectFrom('wording_confirmations').selectAll().execute()).toEqual([]);
    await scope.wording.confirm(1, publisher, NOW);
    // Published again with nothing suggested left: there is nothing to confirm.
    await scope.workspace.saveSection({ section: 'events', revision: 0, content: [] }, editor, LATER);
    await scope.workspace.publish(publisher, LATER);
    const refusal = await refusalOf(scope.wording.confirm(2, publisher, LATER));
    expect([refusal.code, refusal.message]).toEqual(['CONFLICT', 'The published page has no suggested wording to confirm']);
  });
});

// Pages seeded before this issue hold our words unmarked: the migration marks them, and the same
// words still unchanged in a later edition by an editor, and nothing an editor changed.
describeEachDialect(describe, 'the suggested-wording migration on %s', (dialect) => {
  let t: TestDatabase;
  afterEach(() => t.destroy());

  it('marks the seeded wording as suggested, where it is still unchanged', async () => {
    t = await openTestDatabase(dialect, { migrate: false });
    const { db } = t;
    await migrateTo(db, '2026-11-30T10-10-promise-noun');
    await sql`insert into principles (code, short_name, plain_words, position) values
      ('cswa2017-1a', 'Best interests', 'a', 0), ('cswa2017-1f', 'Safety', 'f', 5)`.execute(db);
    await sql`insert into councils (id, slug, name, kind, nation, contact, created_at)
      values ('c1', 'worcestershire', 'Worcestershire County Council', 'county', 'england', null, '2026-01-01T00:00:00.000Z')`.execute(db);
    const content = (words: string) =>
      JSON.stringify({
        pledge: {
          promises: [
            { text: 'Keep you safe', plainWords: 'We keep you safe.', principles: ['cswa2017-1f'] },
            { text: 'Keep you well', plainWords: words, principles: ['cswa2017-1a'] },
          ],
          themes: [],
        },
      });
    for (const [id, version, by, words] of [
      ['e1', 1, null, 'We help you be well.'],
      ['e2', 2, 'editor@example.org', 'You will be healthy.'],
    ] as const) {
      await sql`insert into editions (id, council_id, version, status, created_at, published_at, content, created_by)
        values (${id}, 'c1', ${version}, 'published', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', ${content(words)}, ${by})`.execute(
        db,
      );
      await sql`insert into pledges (edition_id, council_id, title, introduction, audiences, written_with, closing)
        values (${id}, 'c1', null, '[]', '["children-in-care"]', null, '[]')`.execute(db);
      await sql`insert into promises (id, edition_id, council_id, position, number, text, theme_key, audiences, plain_words)
        values (${`${id}-p1`}, ${id}, 'c1', 0, 1, 'Keep you safe', null, '[]', 'We keep you safe.'),
               (${`${id}-p2`}, ${id}, 'c1', 1, 2, 'Keep you well', null, '[]', ${words})`.execute(db);
      await sql`insert into promise_principles (promise_id, council_id, principle_code)
        values (${`${id}-p1`}, 'c1', 'cswa2017-1f'), (${`${id}-p2`}, 'c1', 'cswa2017-1a')`.execute(db);
    }

    await migrateToLatest(db);
    const rows = await db.selectFrom('promises').select(['id', 'plain_words_suggested', 'principles_suggested']).orderBy('id').execute();
    expect(rows.map((row) => [row.id, Number(row.plain_words_suggested), Number(row.principles_suggested)])).toEqual([
      ['e1-p1', 1, 1],
      ['e1-p2', 1, 1],
      ['e2-p1', 1, 1],
      ['e2-p2', 0, 1],
    ]);
    const stored = await db.selectFrom('editions').select(['id', 'content']).orderBy('id').execute();
    expect(stored.map((row) => marks(JSON.parse(row.content!).pledge))).toEqual([
      {
        promises: [
          [true, true],
          [true, true],
        ],
        themes: [],
      },
      {
        promises: [
          [true, true],
          [false, true],
        ],
        themes: [],
      },
    ]);
  });
});
