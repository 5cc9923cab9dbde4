import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { insertCouncil } from '@pledgekeeper/db';
import { readSeedDirectory } from '@pledgekeeper/db/seed';
import { type TestDatabase, describeEachDialect, openTestDatabase } from '@pledgekeeper/db/testing';
import { type CouncilContent, PRINCIPLES, council as councilSchema } from '@pledgekeeper/domain/council';
import { createCaller } from '../root.js';
import { signInActors } from '../testing/actors.js';
import { rejection } from '../testing/rejection.js';
import { createContext } from '../trpc.js';

const NOW = new Date('2026-11-25T12:00:00Z');
const W = 'worcestershire';
const S = 'somerset';

/** The figures a reader can count on a seed council's page, worked out from its seed file alone. */
function expectedCells(seed: CouncilContent) {
  const promises = seed.pledge?.promises ?? [];
  const themes = seed.pledge?.themes ?? [];
  return PRINCIPLES.map(({ code }) => ({
    code,
    promises: promises.filter((promise) => promise.principles.includes(code)).length,
    themes: themes.filter((theme) => (theme.principles ?? []).includes(code)).length,
  }));
}

let seeds: Record<string, CouncilContent>;
beforeAll(async () => {
  seeds = Object.fromEntries((await readSeedDirectory()).map((content) => [content.council.slug, content]));
});

describeEachDialect(describe, 'comparing councils on %s', (dialect) => {
  let t: TestDatabase;
  let api: ReturnType<typeof createCaller>;
  beforeEach(async () => {
    t = await openTestDatabase(dialect, { seed: true });
    api = createCaller(createContext({ db: t.db, now: () => NOW }));
  });
  afterEach(() => t.destroy());

  it('shows both seed councils against the seven principles with the figures of their seed files', async () => {
    const matrix = await api.compare.matrix();
    expect(matrix.format).toBe('pledgekeeper.compare.matrix/2');
    expect(matrix.councils.map((c) => c.slug)).toEqual([S, W]);
    for (const row of matrix.councils) {
      const seed = seeds[row.slug]!;
      expect(row.principles).toEqual(expectedCells(seed));
      expect(row).toMatchObject({
        name: seed.council.name,
        portalPath: `/${row.slug}`,
        version: 1,
        promiseCount: seed.pledge!.promises.length,
        themeCount: seed.pledge!.themes.length,
        writtenWith: seed.pledge!.writtenWith,
        principlesCovered: expectedCells(seed).filter((cell) => cell.promises + cell.themes > 0).length,
      });
    }
    expect(matrix.councils.find((c) => c.slug === W)).toMatchObject({ structure: 'numbered', promiseCount: 11, themeCount: 0 });
    expect(matrix.councils.find((c) => c.slug === S)).toMatchObject({
      structure: 'themed',
      promiseCount: 0,
      themeCount: 7,
      unmappedPromiseCount: 0,
    });
    const coverage = matrix.coverage.map((c) => c.councilsWithPromises + c.councilsWithThemeOnly + c.councilsWithNothing);
    expect(coverage).toEqual(PRINCIPLES.map(() => 2));
  });

  it('filters and sorts as asked', async () => {
    expect((await api.compare.matrix({ sort: 'promises' })).councils.map((c) => c.slug)).toEqual([W, S]);
    const welsh = await api.compare.matrix({ nation: 'wales' });
    expect(welsh).toMatchObject({ totalCouncils: 2, councils: [], available: { nations: ['england'], kinds: ['county'] } });
    await rejection(api.compare.matrix({ sort: 'biggest' } as never), 'BAD_REQUEST');
  });

  it('puts two councils side by side: promises by principle, pledge structure and board practice', async () => {
    const view = await api.compare.sideBySide({ councils: [W, S] });
    expect(view.councils.map((c) => c.slug)).toEqual([W, S]);
    const [worcestershire, somerset] = view.councils;
    expect(worcestershire!.byPrinciple.map((p) => p.promises.length)).toEqual(expectedCells(seeds[W]!).map((c) => c.promises));
    expect(
      worcestershire!.notMapped.length + worcestershire!.byPrinciple.reduce((n, p) => n + p.promises.length, 0),
    ).toBeGreaterThanOrEqual(11);
    expect(worcestershire!.board).toMatchObject({
      cadenceText: 'every two months',
      meetingsPerYear: 6,
      multiAgency: true,
      youngPeople: true,
    });
    expect(worcestershire).toMatchObject({ trainingTitles: [], involvementCount: 0 });
    // Somerset's page does not say whether young people sit on its board: not stated, not "no".
    expect(somerset!.board).toMatchObject({ cadence: null, multiAgency: true, youngPeople: null });
    expect(somerset).toMatchObject({
      structure: 'themed',
      writtenWith: 'Somerset in Care Councils',
      trainingTitles: ['CPB training session'],
      involvementCount: seeds[S]!.involvement!.opportunities.length,
      involvementKinds: ['advocacy-or-visiting', 'work-experience', 'contribute-to-pledge', 'prioritise-in-services', 'fundraising'],
    });
    expect(somerset!.byPrinciple.map((p) => p.themes.length)).toEqual(expectedCells(seeds[S]!).map((c) => c.themes));
  });

  it('says which councils it cannot compare, and why', async () => {
    const unknown = await rejection(api.compare.sideBySide({ councils: [W, 'no-such-council'] }), 'NOT_FOUND');
    expect(unknown.message).toBe('There is no council "no-such-council" on Pledgekeeper');
    await insertCouncil(t.db, councilSchema.parse({ slug: 'newtown', name: 'Newtown Council', kind: 'unitary', nation: 'wales' }), NOW);
    const unpublished = await rejection(api.compare.sideBySide({ councils: ['newtown', S] }), 'NOT_FOUND');
    expect(unpublished.message).toBe('Newtown Council has not published its corporate parenting page yet');
    expect((await api.compare.matrix()).councils.map((c) => c.slug)).toEqual([S, W]);
    expect((await rejection(api.compare.sideBySide({ councils: [W] }), 'BAD_REQUEST')).message).toMatch(/at least two councils/);
    expect((await rejection(api.compare.sideBySide({ councils: [W, W] }), 'BAD_REQUEST')).message).toMatch(/each council once/);
  });

  it('never shows a draft or a pledge in review, and shows what is published at once', async () => {
    const tokens = await signInActors(t.db, W, S, NOW);
    const as = (token: string | null) => createCaller(createContext({ db: t.db, now: () => NOW, sessionToken: token }));
    const before = await api.compare.matrix();
    const draft = await as(tokens.editorA).workspace.draft({ council: W });
    const pledge = structuredClone(draft.content.pledge!);
    pledge.promises[0]!.principles = ['cswa2017-1g'];
    pledge.promises.push({ ...pledge.promises[0]!, number: 12, text: 'We will help you learn to drive.' });
    await as(tokens.editorA).workspace.saveSection({ council: W, section: 'pledge', revision: 0, content: pledge });
    expect(await api.compare.matrix()).toEqual(before);
    await as(tokens.editorA).workspace.submitForReview({ council: W });
    expect(await api.compare.matrix()).toEqual(before);
    expect((await api.compare.sideBySide({ councils: [W, S] })).councils[0]).toMatchObject({ version: 1, promiseCount: 11 });

    await as(tokens.publisherA).workspace.publish({ council: W });
    const after = (await api.compare.matrix()).councils.find((c) => c.slug === W)!;
    expect(after).toMatchObject({ version: 2, promiseCount: 12 });
    const mappedTo1g = pledge.promises.filter((promise) => promise.principles.includes('cswa2017-1g')).length;
    expect(after.principles.find((p) => p.code === 'cswa2017-1g')!.promises).toBe(mappedTo1g);
  });
});
