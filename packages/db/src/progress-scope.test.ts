import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PROGRESS_CONFLICT_MESSAGE, type ProgressContent } from '@pledgekeeper/domain/progress';
import { type EditionActor, Refusal } from '@pledgekeeper/domain/workspace';
import { councilScope } from './council-scope.js';
import { findCouncilBySlug } from './repositories/councils.js';
import { insertUser } from './repositories/users.js';
import { type TestDatabase, describeEachDialect, openTestDatabase } from './testing.js';

const NOW = new Date('2026-11-25T12:00:00Z');

const recordsFor = (text: string): ProgressContent => ({
  promises: [
    {
      target: 'promise-1',
      measure: null,
      actions: [],
      updates: [{ date: '2026-11-20', status: 'on-track', text, plainWords: null, reason: null, evidence: [] }],
    },
  ],
  meetings: [],
  youSaidWeDid: [],
});

/** A save's outcome: its new revision, or "conflict" when refused for that reason (and only that). */
const outcomeOf = (save: Promise<{ revision: number }>): Promise<number | 'conflict'> =>
  save.then(
    (saved) => saved.revision,
    (error: unknown) => {
      if (error instanceof Refusal && error.code === 'CONFLICT' && error.message === PROGRESS_CONFLICT_MESSAGE) return 'conflict';
      throw error;
    },
  );

describeEachDialect(describe, 'progress editions on %s', (dialect) => {
  let t: TestDatabase;
  let editors: EditionActor[];
  beforeEach(async () => {
    t = await openTestDatabase(dialect, { seed: true });
    editors = [];
    for (const name of ['ann', 'bea', 'cal', 'dev', 'eve', 'fay']) {
      const user = await insertUser(t.db, { email: `${name}@worcestershire.gov.uk`, displayName: name, passwordHash: 'x' }, NOW);
      editors.push({ id: user.id, email: user.email, role: 'publisher' });
    }
  });
  afterEach(() => t.destroy());

  const progress = async (slug = 'worcestershire') => {
    const found = await findCouncilBySlug(t.db, slug);
    if (!found) throw new Error(`no council ${slug}`);
    return councilScope(t.db, found.id, found.council).progress;
  };
  const workingRows = () =>
    t.db
      .selectFrom('progress_editions')
      .select(['council_id', 'version', 'status'])
      .where('status', 'in', ['draft', 'in-review'])
      .execute();

  it('starts one draft, and keeps one save, when six people save from nothing at once', async () => {
    const scope = await progress();
    const outcomes = await Promise.all(
      editors.map((by, i) => outcomeOf(scope.save({ revision: 0, content: recordsFor(`Save ${i}`) }, by, NOW))),
    );
    expect(outcomes.filter((o) => o === 1)).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'conflict')).toHaveLength(5);
    expect(await workingRows()).toHaveLength(1);
    const winner = outcomes.indexOf(1);
    expect((await scope.working()).content).toEqual(recordsFor(`Save ${winner}`));
  });

  it('counts every one of many concurrent saves made in turn from the revision each saw', async () => {
    const scope = await progress();
    const writer = async (by: EditionActor, i: number) => {
      for (;;) {
        const { revision } = await scope.working();
        const outcome = await outcomeOf(scope.save({ revision, content: recordsFor(`By ${i}`) }, by, NOW));
        if (outcome !== 'conflict') return outcome;
      }
    };
    const revisions = await Promise.all(editors.map(writer));
    expect([...revisions].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6]);
    expect((await scope.working()).revision).toBe(6);
  });

  it('lets the database itself refuse a second working edition for one council', async () => {
    const scope = await progress();
    await scope.save({ revision: 0, content: recordsFor('First') }, editors[0]!, NOW);
    const council = await findCouncilBySlug(t.db, 'worcestershire');
    await expect(
      sql`insert into progress_editions (id, council_id, version, status, content, created_at)
        values ('second', ${council!.id}, 2, 'in-review', '{"promises":[]}', ${NOW.toISOString()})`.execute(t.db),
    ).rejects.toThrow();
  });

  it('keeps councils apart: one council’s draft and publication are not another’s', async () => {
    const worcestershire = await progress();
    const somerset = await progress('somerset');
    await worcestershire.save({ revision: 0, content: recordsFor('Ours') }, editors[0]!, NOW);
    await worcestershire.publish(editors[0]!, NOW);
    expect(await somerset.published()).toEqual({
      version: null,
      publishedAt: null,
      content: { promises: [], meetings: [], youSaidWeDid: [] },
    });
    expect((await somerset.working()).state).toBe('none');
    expect((await worcestershire.published()).content).toEqual(recordsFor('Ours'));
  });

  it('shows the newest publication, whatever was read before it', async () => {
    const scope = await progress();
    await scope.save({ revision: 0, content: recordsFor('First') }, editors[0]!, NOW);
    await scope.publish(editors[0]!, NOW);
    expect((await scope.published()).content).toEqual(recordsFor('First'));
    await scope.save({ revision: 1, content: recordsFor('Second') }, editors[1]!, NOW);
    expect((await scope.published()).content).toEqual(recordsFor('First'));
    await scope.publish(editors[1]!, NOW);
    expect(await scope.published()).toMatchObject({ version: 2, content: recordsFor('Second') });
  });

  describe('"you said, we did" from young people\'s messages', () => {
    const entry = {
      date: '2026-11-24',
      source: 'messages' as const,
      youSaid: 'Letters about your plan were hard to read',
      weDid: 'We rewrote them in plain words',
      promises: ['promise-1'],
      actions: [],
    };
    const message = async (slug: string, text: string) => {
      const found = await findCouncilBySlug(t.db, slug);
      if (!found) throw new Error(`no council ${slug}`);
      const scope = councilScope(t.db, found.id, found.council);
      await scope.sendMessage({ page: `/${slug}`, topic: 'promises', about: null, message: text }, NOW);
      return { scope, id: (await scope.listFeedback()).find((item) => item.comment === text)!.id };
    };

    it('adds an entry to the draft, links the messages privately, and says "answered publicly" once published', async () => {
      const { scope, id } = await message('worcestershire', 'I cannot read my letters');
      const added = await scope.progress.addYouSaidWeDid({ revision: 0, entry, feedbackIds: [id] }, editors[0]!, NOW);
      expect(added).toMatchObject({ key: 'said-1', revision: 1 });
      expect((await scope.listFeedback())[0]!.publicAnswer).toEqual({ key: 'said-1', published: false });
      expect((await scope.progress.published()).content.youSaidWeDid).toEqual([]);

      await scope.progress.publish(editors[0]!, NOW);
      expect((await scope.listFeedback())[0]!.publicAnswer).toEqual({ key: 'said-1', published: true });
      const published = (await scope.progress.published()).content.youSaidWeDid;
      expect(published).toEqual([{ key: 'said-1', ...entry }]);
      // What the public reads holds the council's summary, never the message or its id.
      expect(JSON.stringify(published)).not.toContain('I cannot read my letters');
      expect(JSON.stringify(published)).not.toContain(id);
    });

    it("refuses another council's message, changing nothing", async () => {
      const { id: theirs } = await message('somerset', 'Somerset message');
      const { scope } = await message('worcestershire', 'Ours');
      await expect(scope.progress.addYouSaidWeDid({ revision: 0, entry, feedbackIds: [theirs] }, editors[0]!, NOW)).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
      expect((await scope.progress.working()).state).toBe('none');
      expect(await t.db.selectFrom('feedback_answers').selectAll().execute()).toEqual([]);
    });

    it('never gives a key again once it answered messages, even after its draft was discarded', async () => {
      const { scope, id } = await message('worcestershire', 'First');
      await scope.progress.addYouSaidWeDid({ revision: 0, entry, feedbackIds: [id] }, editors[0]!, NOW);
      await scope.progress.discard(editors[0]!, NOW);
      const { revision } = await scope.progress.working();
      const again = await scope.progress.addYouSaidWeDid({ revision, entry, feedbackIds: [] }, editors[0]!, NOW);
      expect(again.key).toBe('said-2');
    });
  });
});
