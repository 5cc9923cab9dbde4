import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { insertCouncil } from '@pledgekeeper/db';
import { readSeedDirectory, seedCouncils } from '@pledgekeeper/db/seed';
import { type TestDatabase, describeEachDialect, openTestDatabase } from '@pledgekeeper/db/testing';
import { type CouncilContent, type Nation, PRINCIPLES, councilContent, council as councilSchema } from '@pledgekeeper/domain/council';
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

/** A test council of another nation, its promises linked to its own nation's principles. */
const councilIn = (nation: Nation, slug: string, name: string, promises: { text: string; principles: string[] }[]) =>
  councilContent.parse({
    council: { slug, name, kind: 'unitary', nation },
    statement: { paragraphs: [`${name} is a corporate parent.`] },
    pledge: {
      introduction: [],
      audiences: ['children-in-care'],
      promises: promises.map((promise, index) => ({ number: index + 1, ...promise })),
    },
  });
const LLAN = 'llanfair-test';
const GLEN = 'glenbrae-test';
const WELSH = councilIn('wales', LLAN, 'Llanfair County Borough Council', [
  { text: 'We will help you stay well.', principles: ['wales-charter-health'] },
  { text: 'We will find you a settled home.', principles: ['wales-charter-home', 'wales-charter-health'] },
  { text: 'We will come to your school events.', principles: [] },
]);
const SCOTTISH = councilIn('scotland', GLEN, 'Glenbrae Council', [{ text: 'We will stand up for you.', principles: ['cypsa2014-58c'] }]);

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
    expect(matrix.format).toBe('pledgekeeper.compare.matrix/3');
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
    expect(matrix.frameworks.map((f) => f.code)).toEqual(['cswa2017-s1']);
    const coverage = matrix.frameworks[0]!.coverage.map((c) => c.councilsWithPromises + c.councilsWithThemeOnly + c.councilsWithNothing);
    expect(coverage).toEqual(PRINCIPLES.map(() => 2));
  });

  it('compares a Welsh council on the Welsh principles and a Scottish one on section 58, never under England’s', async () => {
    await seedCouncils(t.db, [WELSH, SCOTTISH]);
    const matrix = await api.compare.matrix();
    expect(matrix.frameworks.map((f) => [f.code, f.nation, f.councils])).toEqual([
      ['cswa2017-s1', 'england', 2],
      ['cypsa2014-s58', 'scotland', 1],
      ['wales-charter-2023', 'wales', 1],
    ]);
    const welsh = matrix.councils.find((c) => c.slug === LLAN)!;
    expect(welsh).toMatchObject({ framework: 'wales-charter-2023', promiseCount: 3, principlesCovered: 2, unmappedPromiseCount: 1 });
    expect(welsh.principles.filter((cell) => cell.promises > 0)).toEqual([
      { code: 'wales-charter-health', promises: 2, themes: 0 },
      { code: 'wales-charter-home', promises: 1, themes: 0 },
    ]);
    expect(welsh.principles.some((cell) => cell.code.startsWith('cswa2017'))).toBe(false);
    // England's coverage counts England's councils alone; Wales's its own.
    const england = matrix.frameworks[0]!.coverage;
    expect(england.every((c) => c.councilsWithPromises + c.councilsWithThemeOnly + c.councilsWithNothing === 2)).toBe(true);
    const wales = matrix.frameworks[2]!.coverage.find((c) => c.code === 'wales-charter-health');
    expect(wales).toMatchObject({ councilsWithPromises: 1, promises: 2 });
    expect(matrix.councils.find((c) => c.slug === GLEN)!.principles.map((cell) => cell.promises)).toEqual([0, 0, 1, 0, 0, 0]);

    // Sorting by a Welsh principle puts the Welsh council first, the others after it whichever way round.
    for (const order of ['asc', 'desc'] as const) {
      const sorted = await api.compare.matrix({ sort: 'wales-charter-health', order });
      expect(sorted.councils[0]!.slug).toBe(LLAN);
    }
    expect((await api.compare.matrix({ nation: 'wales' })).frameworks.map((f) => f.code)).toEqual(['wales-charter-2023']);
  });

  it('puts councils of one nation side by side on their framework, and of two nations each on its own, saying why', async () => {
    await seedCouncils(t.db, [WELSH, SCOTTISH]);
    const mixed = await api.compare.sideBySide({ councils: [W, LLAN] });
    expect(mixed.format).toBe('pledgekeeper.compare.side-by-side/3');
    expect(mixed.frameworks.map((f) => f.code)).toEqual(['cswa2017-s1', 'wales-charter-2023']);
    expect(mixed.acrossFrameworks).toMatch(/we do not match them up/);
    const llanfair = mixed.councils[1]!;
    expect(llanfair.byPrinciple.find((g) => g.code === 'wales-charter-health')!.promises.map((p) => p.number)).toEqual([1, 2]);
    expect(llanfair.byPrinciple.some((g) => g.code.startsWith('cswa2017'))).toBe(false);
    expect(llanfair.notMapped.map((p) => p.text)).toEqual(['We will come to your school events.']);
    const english = await api.compare.sideBySide({ councils: [W, S] });
    expect(english).toMatchObject({ acrossFrameworks: null });
    expect(english.frameworks.map((f) => f.code)).toEqual(['cswa2017-s1']);
  });

  it('filters and sorts as asked', async () => {
    expect((await api.compare.matrix({ sort: 'promises' })).councils.map((c) => c.slug)).toEqual([W, S]);
    const welsh = await api.compare.matrix({ nation: 'wales' });
    expect(welsh).toMatchObject({
      totalCouncils: 2,
      councils: [],
      frameworks: [],
      available: { nations: ['england'], kinds: ['county'] },
    });
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
