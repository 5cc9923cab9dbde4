import type { Board, BoardCadence } from './board.js';
import type { CouncilContent } from './page.js';
import type { Nation } from './nation.js';
import type { PledgeContent, Promise, Theme } from './pledge.js';
import { principleByCode, principlesOf } from './reference.js';

const NATION_NAMES: Record<Nation, string> = {
  england: 'England',
  wales: 'Wales',
  scotland: 'Scotland',
  'northern-ireland': 'Northern Ireland',
};

export type Severity = 'error' | 'warning';

/** One thing a rule found. Errors stop content being saved; warnings are shown to editors. */
export interface Finding {
  rule: string;
  severity: Severity;
  message: string;
  path: (string | number)[];
}

export type PledgeStructure = 'numbered' | 'themed' | 'numbered-and-themed' | 'list' | 'empty';

export function pledgeStructure(pledge: { promises: readonly Promise[]; themes: readonly Theme[] }): PledgeStructure {
  const numbered = pledge.promises.length > 0 && pledge.promises.every((p) => p.number !== null);
  const themed = pledge.themes.length > 0;
  if (numbered && themed) return 'numbered-and-themed';
  if (numbered) return 'numbered';
  if (themed) return 'themed';
  return pledge.promises.length > 0 ? 'list' : 'empty';
}

/** Numbers go on every promise or on none, and run 1, 2, 3 ... in the order shown. */
export function checkPromiseNumbers(promises: readonly Promise[]): Finding[] {
  const numbered = promises.filter((p) => p.number !== null);
  if (numbered.length === 0) return [];
  const findings: Finding[] = [];
  if (numbered.length !== promises.length) {
    findings.push({
      rule: 'promise-numbers-all-or-none',
      severity: 'error',
      message: `${numbered.length} of ${promises.length} promises have numbers: number every promise or none`,
      path: ['promises'],
    });
  }
  const seen = new Map<number, number>();
  numbered.forEach((promise, index) => {
    const number = promise.number as number;
    const earlier = seen.get(number);
    if (earlier !== undefined) {
      findings.push({
        rule: 'promise-numbers-unique',
        severity: 'error',
        message: `Promise number ${number} is used twice`,
        path: ['promises', promises.indexOf(promise), 'number'],
      });
    } else if (number !== index + 1) {
      findings.push({
        rule: 'promise-numbers-consecutive',
        severity: 'error',
        message: `Promise ${index + 1} in the list is numbered ${number}: numbers must run 1, 2, 3 ... in order`,
        path: ['promises', promises.indexOf(promise), 'number'],
      });
    }
    seen.set(number, index);
  });
  return findings;
}

/** Theme keys are unique, promises name themes that exist, and every theme holds a promise. */
export function checkThemes(pledge: Pick<PledgeContent, 'promises' | 'themes'>): Finding[] {
  const findings: Finding[] = [];
  const keys = new Set<string>();
  pledge.themes.forEach((theme, index) => {
    if (keys.has(theme.key)) {
      findings.push({
        rule: 'theme-keys-unique',
        severity: 'error',
        message: `Two themes share the key "${theme.key}"`,
        path: ['themes', index, 'key'],
      });
    }
    keys.add(theme.key);
  });
  pledge.promises.forEach((promise, index) => {
    if (promise.themeKey !== null && !keys.has(promise.themeKey)) {
      findings.push({
        rule: 'promise-theme-exists',
        severity: 'error',
        message: `Promise ${index + 1} is under a theme "${promise.themeKey}" that the pledge does not have`,
        path: ['promises', index, 'themeKey'],
      });
    }
    if (pledge.themes.length > 0 && promise.themeKey === null) {
      findings.push({
        rule: 'promise-has-theme',
        severity: 'error',
        message: `Promise ${index + 1} has no theme, but this pledge is organised by themes`,
        path: ['promises', index, 'themeKey'],
      });
    }
  });
  // A published theme may list its promises elsewhere (Somerset's page names only the themes),
  // so an empty theme is shown to editors as something to complete, not refused.
  pledge.themes.forEach((theme, index) => {
    if (!pledge.promises.some((promise) => promise.themeKey === theme.key)) {
      findings.push({
        rule: 'theme-has-promise',
        severity: 'warning',
        message: `The theme "${theme.title}" has no promises yet`,
        path: ['themes', index],
      });
    }
  });
  return findings;
}

/**
 * A council links its promises and themes only to its own nation's principles: a Welsh council's
 * promise cannot be counted under England's Act. Northern Ireland has no principles to link to.
 */
export function checkPrincipleNation(pledge: Pick<PledgeContent, 'promises' | 'themes'>, nation: Nation): Finding[] {
  const own = new Set<string>(principlesOf(nation).map((p) => p.code));
  const where = NATION_NAMES[nation];
  const foreign = (code: string, what: string, path: (string | number)[]): Finding => ({
    rule: 'principles-of-own-nation',
    severity: 'error',
    message:
      own.size === 0
        ? `${what} is linked to “${principleByCode(code)?.shortName ?? code}”, but councils in ${where} have no national principles to link to`
        : `${what} is linked to “${principleByCode(code)?.shortName ?? code}”, which is not one of the principles that apply in ${where}`,
    path,
  });
  return [
    ...pledge.promises.flatMap((promise, index) =>
      promise.principles
        .filter((code) => !own.has(code))
        .map((code) => foreign(code, `Promise ${index + 1}`, ['promises', index, 'principles'])),
    ),
    ...pledge.themes.flatMap((theme, index) =>
      (theme.principles ?? [])
        .filter((code) => !own.has(code))
        .map((code) => foreign(code, `The theme “${theme.title}”`, ['themes', index, 'principles'])),
    ),
  ];
}

/** The pledge's own rules, and, given the council's nation, that it links only to that nation's principles. */
export function checkPledge(pledge: PledgeContent, nation?: Nation): Finding[] {
  return [...checkPromiseNumbers(pledge.promises), ...checkThemes(pledge), ...(nation ? checkPrincipleNation(pledge, nation) : [])].map(
    (finding) => ({
      ...finding,
      path: ['pledge', ...finding.path],
    }),
  );
}

export function checkCouncilContent(content: CouncilContent): Finding[] {
  return content.pledge ? checkPledge(content.pledge, content.council.nation) : [];
}

export const errorsOf = (findings: readonly Finding[]): Finding[] => findings.filter((finding) => finding.severity === 'error');

/**
 * Promises grouped under their themes, in theme order; promises without a theme come last. Works
 * on a published pledge's public promises as well as on the content editors keep.
 */
export function promisesByTheme<P extends Promise>(pledge: {
  promises: readonly P[];
  themes: readonly Theme[];
}): { theme: Theme | null; promises: P[] }[] {
  const groups = pledge.themes.map((theme) => ({
    theme: theme as Theme | null,
    promises: pledge.promises.filter((promise) => promise.themeKey === theme.key),
  }));
  const loose = pledge.promises.filter((promise) => promise.themeKey === null || !pledge.themes.some((t) => t.key === promise.themeKey));
  return loose.length > 0 ? [...groups, { theme: null, promises: loose }] : groups;
}

export const isMultiAgency = (board: Pick<Board, 'membership'>): boolean => board.membership.includes('partner-agencies');

export const includesYoungPeople = (board: Pick<Board, 'membership'>): boolean => board.membership.includes('young-people');

const SMALL_NUMBERS = ['', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];

/** "every two months", "every month", "7 times a year". */
export function describeCadence(cadence: BoardCadence): string {
  if (cadence.kind === 'every-n-months') {
    return cadence.months === 1 ? 'every month' : `every ${SMALL_NUMBERS[cadence.months] ?? cadence.months} months`;
  }
  return cadence.times === 1 ? 'once a year' : `${cadence.times} times a year`;
}

/** Meetings a year, for comparing boards with different ways of stating their cadence. */
export const meetingsPerYear = (cadence: BoardCadence): number => (cadence.kind === 'every-n-months' ? 12 / cadence.months : cadence.times);
