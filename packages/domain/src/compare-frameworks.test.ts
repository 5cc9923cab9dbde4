import { describe, expect, it } from 'vitest';
import { type ComparedIdentity, compareCouncil } from './compare.js';
import { buildMatrix, compareMatrix } from './compare-matrix.js';
import { buildSideBySide, sideBySide, sideBySideOf } from './compare-side-by-side.js';
import { type EditionContent, editionContent } from './workspace.js';

// Like with like: every council on its own nation's framework, and never on another's.
const EDITION = { version: 3, publishedAt: '2026-11-25T12:00:00.000Z' };
const identity = (slug: string, overrides: Partial<ComparedIdentity> = {}): ComparedIdentity => ({
  slug,
  name: `${slug[0]!.toUpperCase()}${slug.slice(1)} Council`,
  kind: 'county',
  nation: 'england',
  ...overrides,
});

/** An English pledge: three promises, two under (a), one under (f), one under nothing. */
const numbered = (): EditionContent =>
  editionContent.parse({
    statement: { paragraphs: [] },
    pledge: {
      introduction: [],
      audiences: ['children-in-care'],
      promises: [
        { number: 1, text: 'Keep you healthy.', principles: ['cswa2017-1a'] },
        { number: 2, text: 'Listen to you.', principles: [] },
        { number: 3, text: 'Keep you safe and well.', principles: ['cswa2017-1a', 'cswa2017-1f'] },
      ],
    },
  });

/** A Welsh pledge: promises linked to the principles of "A promise from Wales", one to none. */
const welshPledge = (): EditionContent =>
  editionContent.parse({
    statement: { paragraphs: [] },
    pledge: {
      introduction: [],
      audiences: ['children-in-care'],
      promises: [
        { number: 1, text: 'Help you stay well.', principles: ['wales-charter-health'] },
        { number: 2, text: 'Find you a settled home.', principles: ['wales-charter-home', 'wales-charter-health'] },
        { number: 3, text: 'Go to your school events.', principles: [] },
      ],
    },
  });

/** A Scottish pledge: one promise under section 58(1)(c). */
const scottishPledge = (): EditionContent =>
  editionContent.parse({
    statement: { paragraphs: [] },
    pledge: {
      introduction: [],
      audiences: ['children-in-care'],
      promises: [{ number: 1, text: 'Stand up for you.', principles: ['cypsa2014-58c'] }],
    },
  });

describe('each council on its own nation’s framework', () => {
  it('compares a council in Wales on the principles of “A promise from Wales”, never on England’s', () => {
    const welsh = compareCouncil(identity('cymru', { nation: 'wales' }), EDITION, welshPledge());
    expect(welsh).toMatchObject({ framework: 'wales-charter-2023', promiseCount: 3, principlesCovered: 2, unmappedPromiseCount: 1 });
    expect(welsh.principles.map((p) => p.code)).toEqual([
      'wales-charter-equality',
      'wales-charter-stigma',
      'wales-charter-working-together',
      'wales-charter-inclusive-support',
      'wales-charter-ambitions',
      'wales-charter-nurturing',
      'wales-charter-health',
      'wales-charter-home',
      'wales-charter-education',
      'wales-charter-future',
      'wales-charter-after-care',
    ]);
    expect(welsh.principles.filter((p) => p.promises > 0)).toEqual([
      { code: 'wales-charter-health', promises: 2, themes: 0 },
      { code: 'wales-charter-home', promises: 1, themes: 0 },
    ]);
    const matrix = buildMatrix([welsh, compareCouncil(identity('north'), EDITION, numbered())]);
    const wales = matrix.frameworks.find((f) => f.code === 'wales-charter-2023')!;
    expect(wales).toMatchObject({ nation: 'wales', statutory: false, councils: 1 });
    expect(wales.coverage.find((c) => c.code === 'wales-charter-health')).toEqual({
      code: 'wales-charter-health',
      councilsWithPromises: 1,
      councilsWithThemeOnly: 0,
      councilsWithNothing: 0,
      promises: 2,
    });
    // England's coverage counts England's council alone.
    expect(matrix.frameworks[0]!.coverage.every((c) => c.councilsWithPromises + c.councilsWithNothing === 1)).toBe(true);
  });

  it('compares a council in Scotland on the duties of section 58, and one in Northern Ireland on nothing', () => {
    const alba = compareCouncil(identity('alba', { nation: 'scotland' }), EDITION, scottishPledge());
    expect(alba).toMatchObject({ framework: 'cypsa2014-s58', principlesCovered: 1, unmappedPromiseCount: 0 });
    expect(alba.principles.map((p) => p.promises)).toEqual([0, 0, 1, 0, 0, 0]);
    const ulster = compareCouncil(identity('ulster', { nation: 'northern-ireland' }), EDITION, numbered());
    expect(ulster).toMatchObject({ framework: null, principles: [], principlesCovered: null, unmappedPromiseCount: null });
    expect(buildMatrix([alba, ulster]).frameworks.map((f) => f.code)).toEqual(['cypsa2014-s58']);
  });

  it('never counts a link to another nation’s principle, and refuses a row that mixes frameworks', () => {
    // England's codes on a Welsh council's promises (as data from before the nations had their own) count for nothing.
    const welsh = compareCouncil(identity('cymru', { nation: 'wales' }), EDITION, numbered());
    expect(welsh).toMatchObject({ principlesCovered: 0, unmappedPromiseCount: 3 });
    const north = compareCouncil(identity('north'), EDITION, numbered());
    expect(() => compareMatrix.parse({ ...buildMatrix([north]), councils: [{ ...north, nation: 'wales' }] })).toThrow(/principles of/);
  });
});

describe('side by side across nations', () => {
  it('sets two councils of one nation principle by principle on their framework', () => {
    const view = buildSideBySide([
      sideBySideOf(identity('cymru', { nation: 'wales' }), EDITION, welshPledge()),
      sideBySideOf(identity('powys', { nation: 'wales' }), EDITION, welshPledge()),
    ]);
    expect(sideBySide.parse(view)).toEqual(view);
    expect(view).toMatchObject({ format: 'pledgekeeper.compare.side-by-side/3', acrossFrameworks: null });
    expect(view.frameworks.map((f) => f.code)).toEqual(['wales-charter-2023']);
    const health = view.councils[0]!.byPrinciple.find((g) => g.code === 'wales-charter-health')!;
    expect(health.promises.map((p) => p.number)).toEqual([1, 2]);
    expect(view.councils[0]!.notMapped.map((p) => p.number)).toEqual([3]);
  });

  it('shows councils of different nations each on its own framework, saying no mapping between them is made', () => {
    const view = buildSideBySide([
      sideBySideOf(identity('north'), EDITION, numbered()),
      sideBySideOf(identity('cymru', { nation: 'wales' }), EDITION, welshPledge()),
    ]);
    expect(view.frameworks.map((f) => f.code)).toEqual(['cswa2017-s1', 'wales-charter-2023']);
    expect(view.acrossFrameworks).toMatch(/no published source that says how one nation’s principles match another’s/);
    expect(view.councils[0]!.byPrinciple.map((g) => g.code)).toHaveLength(7);
    expect(view.councils[1]!.byPrinciple.every((g) => g.code.startsWith('wales-charter-'))).toBe(true);
    expect(sideBySide.parse(view)).toEqual(view);
  });
});
