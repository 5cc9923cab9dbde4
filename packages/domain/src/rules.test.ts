import { describe, expect, it } from 'vitest';
import { board } from './board.js';
import { type PledgeContentInput, pledgeContent } from './pledge.js';
import {
  checkPledge,
  checkPromiseNumbers,
  checkThemes,
  describeCadence,
  includesYoungPeople,
  isMultiAgency,
  meetingsPerYear,
  pledgeStructure,
  promisesByTheme,
} from './rules.js';

const pledgeOf = (input: Partial<PledgeContentInput>) =>
  pledgeContent.parse({ title: 'Our pledge', introduction: [], audiences: ['children-in-care'], ...input });
const numbered = (...numbers: (number | null)[]) => numbers.map((number, i) => ({ number, text: `Promise ${i + 1}` }));

describe('promise numbers', () => {
  it('accepts 1 to n in order, or no numbers at all', () => {
    expect(checkPromiseNumbers(pledgeOf({ promises: numbered(1, 2, 3) }).promises)).toEqual([]);
    expect(checkPromiseNumbers(pledgeOf({ promises: numbered(null, null) }).promises)).toEqual([]);
  });

  it('finds a number used twice', () => {
    const findings = checkPromiseNumbers(pledgeOf({ promises: numbered(1, 2, 2) }).promises);
    expect(findings).toEqual([
      expect.objectContaining({ rule: 'promise-numbers-unique', severity: 'error', path: ['promises', 2, 'number'] }),
    ]);
  });

  it('finds a gap or a number out of order', () => {
    expect(checkPromiseNumbers(pledgeOf({ promises: numbered(1, 3) }).promises)[0]?.message).toBe(
      'Promise 2 in the list is numbered 3: numbers must run 1, 2, 3 ... in order',
    );
    expect(checkPromiseNumbers(pledgeOf({ promises: numbered(2, 1) }).promises).map((f) => f.rule)).toEqual([
      'promise-numbers-consecutive',
      'promise-numbers-consecutive',
    ]);
  });

  it('finds some promises numbered and some not', () => {
    expect(checkPromiseNumbers(pledgeOf({ promises: numbered(1, null) }).promises)[0]?.rule).toBe('promise-numbers-all-or-none');
  });
});

describe('themes', () => {
  const themes = [
    { key: 'where-i-live', title: 'Where I live' },
    { key: 'leaving-care', title: 'Leaving care' },
  ];

  it('warns about a theme with no promise, without refusing it', () => {
    const pledge = pledgeOf({ themes, promises: [{ text: 'A home near your school', themeKey: 'where-i-live' }] });
    expect(checkThemes(pledge)).toEqual([
      { rule: 'theme-has-promise', severity: 'warning', message: 'The theme "Leaving care" has no promises yet', path: ['themes', 1] },
    ]);
  });

  it('refuses a promise under a theme that does not exist, or outside any theme of a themed pledge', () => {
    const pledge = pledgeOf({
      themes,
      promises: [
        { text: 'A', themeKey: 'where-i-live' },
        { text: 'B', themeKey: 'leaving-care' },
        { text: 'C', themeKey: 'nowhere' },
        { text: 'D' },
      ],
    });
    expect(checkThemes(pledge).map((f) => [f.rule, f.path])).toEqual([
      ['promise-theme-exists', ['promises', 2, 'themeKey']],
      ['promise-has-theme', ['promises', 3, 'themeKey']],
    ]);
  });

  it('refuses two themes with one key', () => {
    const pledge = pledgeOf({ themes: [...themes, { key: 'where-i-live', title: 'Home' }], promises: [] });
    expect(
      checkThemes(pledge)
        .filter((f) => f.severity === 'error')
        .map((f) => f.rule),
    ).toEqual(['theme-keys-unique']);
  });

  it('groups promises under their themes in theme order', () => {
    const pledge = pledgeOf({
      themes,
      promises: [
        { number: 1, text: 'Leave when ready', themeKey: 'leaving-care' },
        { number: 2, text: 'A stable home', themeKey: 'where-i-live' },
        { number: 3, text: 'Help with money', themeKey: 'leaving-care' },
      ],
    });
    expect(promisesByTheme(pledge).map((g) => [g.theme?.key, g.promises.map((p) => p.number)])).toEqual([
      ['where-i-live', [2]],
      ['leaving-care', [1, 3]],
    ]);
    expect(pledgeStructure(pledge)).toBe('numbered-and-themed');
    expect(checkPledge(pledge)).toEqual([]);
  });
});

describe('pledge structure', () => {
  it('tells numbered, themed, plain and empty pledges apart', () => {
    expect(pledgeStructure(pledgeOf({ promises: numbered(1, 2) }))).toBe('numbered');
    expect(pledgeStructure(pledgeOf({ themes: [{ key: 'a', title: 'A' }], promises: [] }))).toBe('themed');
    expect(pledgeStructure(pledgeOf({ promises: numbered(null) }))).toBe('list');
    expect(pledgeStructure(pledgeOf({ promises: [] }))).toBe('empty');
  });
});

describe('boards', () => {
  const worcestershire = board.parse({
    name: 'Corporate Parenting Board',
    purpose: [],
    cadence: { kind: 'every-n-months', months: 2 },
    membership: ['partner-agencies', 'young-people'],
  });

  it('says how often the board meets in words', () => {
    expect(describeCadence({ kind: 'every-n-months', months: 2 })).toBe('every two months');
    expect(describeCadence({ kind: 'every-n-months', months: 1 })).toBe('every month');
    expect(describeCadence({ kind: 'times-per-year', times: 7 })).toBe('7 times a year');
  });

  it('compares cadences as meetings a year', () => {
    expect(meetingsPerYear({ kind: 'every-n-months', months: 2 })).toBe(6);
    expect(meetingsPerYear({ kind: 'times-per-year', times: 7 })).toBe(7);
  });

  it('knows a multi-agency board that includes young people', () => {
    expect(isMultiAgency(worcestershire)).toBe(true);
    expect(includesYoungPeople(worcestershire)).toBe(true);
    expect(includesYoungPeople({ membership: ['elected-members', 'officers'] })).toBe(false);
  });

  it('refuses a cadence that is not one', () => {
    expect(board.safeParse({ name: 'Board', purpose: [], cadence: { kind: 'every-n-months', months: 0 } }).success).toBe(false);
  });
});
