import { describe, expect, it } from 'vitest';
import { type ComparedCouncil, type ComparedIdentity, compareCouncil } from './compare.js';
import { buildMatrix, compareMatrix, sortCouncils } from './compare-matrix.js';
import { sideBySideOf, sideBySideQuery } from './compare-side-by-side.js';
import { type EditionContent, editionContent } from './workspace.js';

const EDITION = { version: 3, publishedAt: '2026-11-25T12:00:00.000Z' };
const identity = (slug: string, overrides: Partial<ComparedIdentity> = {}): ComparedIdentity => ({
  slug,
  name: `${slug[0]!.toUpperCase()}${slug.slice(1)} Council`,
  kind: 'county',
  nation: 'england',
  ...overrides,
});

/** A numbered pledge: two promises under 1a, one under 1a and 1f, one under nothing. */
const numbered = (): EditionContent =>
  editionContent.parse({
    statement: { paragraphs: [] },
    pledge: {
      introduction: [],
      audiences: ['children-in-care'],
      writtenWith: 'Our Children in Care Council',
      promises: [
        { number: 1, text: 'Keep you healthy.', principles: ['cswa2017-1a'] },
        { number: 2, text: 'Listen to you.', principles: [] },
        { number: 3, text: 'Keep you safe and well.', principles: ['cswa2017-1a', 'cswa2017-1f'] },
      ],
    },
    board: { name: 'Board', purpose: [], cadence: { kind: 'every-n-months', months: 2 }, membership: ['partner-agencies', 'young-people'] },
    involvement: {
      opportunities: [
        { kinds: ['fundraising'], text: 'Raise money.' },
        { kinds: ['work-experience', 'fundraising'], text: 'Offer a placement.' },
      ],
    },
    training: [{ title: 'Corporate parenting', description: [] }],
  });

/** Somerset's shape: themes mapped as a whole, no promise texts. */
const themedOnly = (): EditionContent =>
  editionContent.parse({
    statement: { paragraphs: [] },
    pledge: {
      introduction: [],
      audiences: ['children-in-care'],
      themes: [
        { key: 'listening', title: 'Listening', principles: ['cswa2017-1b', 'cswa2017-1c'] },
        { key: 'home', title: 'Where I live', principles: ['cswa2017-1f'] },
        { key: 'later', title: 'Later' },
      ],
    },
    board: { name: 'Board', purpose: [], membership: ['elected-members', 'officers'] },
  });

describe("a council's row of the matrix", () => {
  it('counts promises under each principle, and promises mapped to nothing', () => {
    const row = compareCouncil(identity('north'), EDITION, numbered());
    expect(row).toMatchObject({ slug: 'north', portalPath: '/north', version: 3, structure: 'numbered', promiseCount: 3, themeCount: 0 });
    expect(row.principles.map((p) => [p.code, p.promises, p.themes])).toEqual([
      ['cswa2017-1a', 2, 0],
      ['cswa2017-1b', 0, 0],
      ['cswa2017-1c', 0, 0],
      ['cswa2017-1d', 0, 0],
      ['cswa2017-1e', 0, 0],
      ['cswa2017-1f', 1, 0],
      ['cswa2017-1g', 0, 0],
    ]);
    expect(row.unmappedPromiseCount).toBe(1);
    expect(row.principlesCovered).toBe(2);
    expect(row.writtenWith).toBe('Our Children in Care Council');
  });

  it('counts coverage through themes where a pledge maps themes, not promises', () => {
    const row = compareCouncil(identity('south'), EDITION, themedOnly());
    expect(row).toMatchObject({ structure: 'themed', promiseCount: 0, themeCount: 3, unmappedPromiseCount: 0, principlesCovered: 3 });
    expect(row.principles.filter((p) => p.themes > 0).map((p) => [p.code, p.promises, p.themes])).toEqual([
      ['cswa2017-1b', 0, 1],
      ['cswa2017-1c', 0, 1],
      ['cswa2017-1f', 0, 1],
    ]);
  });

  it('treats a promise under a mapped theme as mapped, though it counts only under its own principles', () => {
    const content = themedOnly();
    content.pledge!.promises = [
      { text: 'A bedroom of your own.', themeKey: 'home' },
      { text: 'Something later.', themeKey: 'later' },
    ].map((promise) => ({
      ...promise,
      number: null,
      plainWords: null,
      audiences: [],
      principles: [],
      localOfferAreas: [],
      rejectedSuggestions: [],
    }));
    const row = compareCouncil(identity('south'), EDITION, content);
    expect(row.unmappedPromiseCount).toBe(1);
    expect(row.principles.every((p) => p.promises === 0)).toBe(true);
  });

  it('says "none" for a page without a pledge', () => {
    const row = compareCouncil(identity('west'), EDITION, { ...numbered(), pledge: null });
    expect(row).toMatchObject({ structure: 'none', promiseCount: 0, principlesCovered: 0 });
  });
});

describe('the matrix', () => {
  const rows: ComparedCouncil[] = [
    compareCouncil(identity('north'), EDITION, numbered()),
    compareCouncil(identity('south', { kind: 'unitary' }), EDITION, themedOnly()),
    compareCouncil(identity('cymru', { nation: 'wales', kind: 'unitary' }), EDITION, { ...numbered(), pledge: null }),
  ];

  it('lists by name by default, and says what was asked', () => {
    const matrix = buildMatrix(rows);
    expect(matrix.councils.map((c) => c.slug)).toEqual(['cymru', 'north', 'south']);
    expect(matrix.query).toEqual({ nation: null, kind: null, sort: 'name', order: 'asc' });
    expect(matrix.totalCouncils).toBe(3);
    expect(matrix.available).toEqual({ nations: ['england', 'wales'], kinds: ['county', 'unitary'] });
    expect(matrix.frameworks.map((f) => [f.code, f.nation, f.councils, f.principles.length])).toEqual([
      ['cswa2017-s1', 'england', 2, 7],
      ['wales-charter-2023', 'wales', 1, 11],
    ]);
    expect(compareMatrix.parse(matrix)).toEqual(matrix);
  });

  it('filters by nation and kind, keeping the total of all councils', () => {
    expect(buildMatrix(rows, { nation: 'england' }).councils.map((c) => c.slug)).toEqual(['north', 'south']);
    const unitaryInEngland = buildMatrix(rows, { nation: 'england', kind: 'unitary' });
    expect(unitaryInEngland.councils.map((c) => c.slug)).toEqual(['south']);
    expect(unitaryInEngland.totalCouncils).toBe(3);
  });

  it('sorts by a figure largest first, names breaking ties', () => {
    expect(buildMatrix(rows, { sort: 'promises' }).councils.map((c) => c.slug)).toEqual(['north', 'south', 'cymru']);
    expect(buildMatrix(rows, { sort: 'principles-covered' }).councils.map((c) => c.slug)).toEqual(['south', 'north', 'cymru']);
    expect(buildMatrix(rows, { sort: 'cswa2017-1f' }).councils.map((c) => c.slug)).toEqual(['north', 'south', 'cymru']);
    // A council of another framework has no figure under England's principles (not a figure of
    // nought): it comes after those that do, whichever way round.
    expect(buildMatrix(rows, { sort: 'cswa2017-1g' }).councils.map((c) => c.slug)).toEqual(['north', 'south', 'cymru']);
    expect(buildMatrix(rows, { sort: 'cswa2017-1f', order: 'asc' }).councils.map((c) => c.slug)).toEqual(['south', 'north', 'cymru']);
    expect(buildMatrix(rows, { sort: 'wales-charter-health' }).councils.map((c) => c.slug)).toEqual(['cymru', 'north', 'south']);
    expect(sortCouncils(rows, 'name', 'desc').map((c) => c.slug)).toEqual(['south', 'north', 'cymru']);
    expect(buildMatrix(rows, { sort: 'promises', order: 'asc' }).councils.map((c) => c.slug)).toEqual(['cymru', 'south', 'north']);
  });

  it('adds up coverage per principle over the councils shown', () => {
    const coverage = buildMatrix(rows).frameworks[0]!.coverage;
    expect(coverage.find((c) => c.code === 'cswa2017-1f')).toEqual({
      code: 'cswa2017-1f',
      councilsWithPromises: 1,
      councilsWithThemeOnly: 1,
      councilsWithNothing: 0,
      promises: 1,
    });
    expect(coverage.find((c) => c.code === 'cswa2017-1a')).toMatchObject({ councilsWithPromises: 1, councilsWithNothing: 1, promises: 2 });
    // The Welsh council is counted on its own nation's charter, never as a gap under England's principles.
    expect(buildMatrix(rows, { nation: 'wales' }).frameworks.map((f) => f.code)).toEqual(['wales-charter-2023']);
    expect(coverage.every((c) => c.councilsWithPromises + c.councilsWithThemeOnly + c.councilsWithNothing === 2)).toBe(true);
  });

  it('refuses a sort or filter it does not know', () => {
    expect(() => buildMatrix(rows, { sort: 'size' as never })).toThrow(/The sort must be one of name, promises/);
    expect(() => buildMatrix(rows, { nation: 'mars' as never })).toThrow();
  });
});

describe('side by side', () => {
  it('groups promises by principle, with a promise under each of its principles, and lists the unmapped', () => {
    const view = sideBySideOf(identity('north'), EDITION, numbered());
    const texts = (code: string) => view.byPrinciple.find((p) => p.code === code)!.promises.map((p) => p.text);
    expect(texts('cswa2017-1a')).toEqual(['Keep you healthy.', 'Keep you safe and well.']);
    expect(texts('cswa2017-1f')).toEqual(['Keep you safe and well.']);
    expect(view.notMapped).toEqual([{ number: 2, text: 'Listen to you.', themeKey: null, themeTitle: null }]);
  });

  it("describes the board's practice and the ways to take part", () => {
    const view = sideBySideOf(identity('north'), EDITION, numbered());
    expect(view.board).toEqual({
      name: 'Board',
      cadence: { kind: 'every-n-months', months: 2 },
      cadenceText: 'every two months',
      meetingsPerYear: 6,
      membership: ['partner-agencies', 'young-people'],
      multiAgency: true,
      youngPeople: true,
    });
    expect(view.trainingTitles).toEqual(['Corporate parenting']);
    expect(view.involvementCount).toBe(2);
    expect(view.involvementKinds).toEqual(['work-experience', 'fundraising']);
  });

  it('shows a themed pledge covering principles through its themes', () => {
    const view = sideBySideOf(identity('south'), EDITION, themedOnly());
    expect(view.byPrinciple.find((p) => p.code === 'cswa2017-1f')!.themes).toEqual([
      { key: 'home', title: 'Where I live', promiseCount: 0 },
    ]);
    // Its page names no members: not stated, which is not the same as "no".
    expect(view.board).toMatchObject({ cadence: null, cadenceText: null, multiAgency: null, youngPeople: null });
  });

  it('needs two to twelve different councils', () => {
    expect(sideBySideQuery.safeParse({ councils: ['north'] }).error?.issues[0]?.message).toBe('Choose at least two councils to compare');
    expect(sideBySideQuery.safeParse({ councils: ['north', 'north'] }).error?.issues[0]?.message).toBe('Name each council once');
    expect(sideBySideQuery.safeParse({ councils: Array.from({ length: 13 }, (_, i) => `c${i}`) }).success).toBe(false);
    expect(sideBySideQuery.safeParse({ councils: ['north', 'manage'] }).success).toBe(false);
  });
});
