import { type InvolvementOpportunity, type Nation, nationOfPrinciple, principlesOf } from '@pledgekeeper/domain/council';
import { type ComparedStructure, type MatrixSort, type PrincipleFigures, coverageOf, principleTitle } from '@pledgekeeper/domain/compare';

export { principleTitle };

const NATION_LABELS: Record<Nation, string> = {
  england: 'England',
  scotland: 'Scotland',
  wales: 'Wales',
  'northern-ireland': 'Northern Ireland',
};
export const nationLabel = (value: Nation): string => NATION_LABELS[value];

const STRUCTURE_LABELS: Record<ComparedStructure, string> = {
  numbered: 'Numbered promises',
  themed: 'Themes',
  'numbered-and-themed': 'Numbered promises under themes',
  list: 'A list of promises',
  empty: 'No promises yet',
  none: 'No pledge published',
};
export const structureLabel = (value: ComparedStructure): string => STRUCTURE_LABELS[value];

/**
 * A principle's short key for a column heading: the letter England's Act and Scotland's section
 * 58 give it, "(a)"; the Welsh charter letters none, so its place in the charter's list, "1".
 */
export function principleKey(code: string): string {
  if (/^(cswa2017-1|cypsa2014-58)[a-z]$/.test(code)) return `(${code.slice(-1)})`;
  const nation = nationOfPrinciple(code);
  const index = nation ? principlesOf(nation).findIndex((p) => p.code === code) : -1;
  return index < 0 ? code : String(index + 1);
}

/** "(a) Best interests and wellbeing", or "1. Equality" where the framework letters none: as the key lists it. */
export const principleKeyed = (code: string): string =>
  principleKey(code).startsWith('(') ? principleTitle(code) : `${principleKey(code)}. ${principleTitle(code)}`;

export function sortLabel(sort: MatrixSort): string {
  if (sort === 'name') return 'Name';
  if (sort === 'promises') return 'Number of promises';
  if (sort === 'principles-covered') return 'Principles of its nation covered';
  const nation = nationOfPrinciple(sort);
  return `Promises under ${principleTitle(sort)}${nation ? ` (${nationLabel(nation)})` : ''}`;
}

export interface CellText {
  coverage: 'promises' | 'theme' | 'none';
  /** What the cell says: a gap is the word "none", never a colour alone. */
  text: string;
}

/** "3", "3 + theme", "theme", "2 themes", or "none" for a gap. */
export function cellText(cell: PrincipleFigures): CellText {
  const coverage = coverageOf(cell);
  const themes = cell.themes === 1 ? 'theme' : `${cell.themes} themes`;
  if (coverage === 'none') return { coverage, text: 'none' };
  if (coverage === 'theme') return { coverage, text: themes };
  return { coverage, text: cell.themes > 0 ? `${cell.promises} + ${themes}` : String(cell.promises) };
}

/** Null is what the council has not said: "Not stated", never "No". */
export const yesNo = (value: boolean | null): string => (value === null ? 'Not stated' : value ? 'Yes' : 'No');

const INVOLVEMENT_LABELS: Record<InvolvementOpportunity['kinds'][number], string> = {
  'advocacy-or-visiting': 'advocacy or visiting',
  'work-experience': 'work experience',
  'contribute-to-pledge': 'helping keep the pledge',
  'prioritise-in-services': 'priority in services',
  fundraising: 'fundraising',
  other: 'other',
};
export const involvementLabel = (kind: InvolvementOpportunity['kinds'][number]): string => INVOLVEMENT_LABELS[kind];

/** "1 promise", "2 promises". */
export const promisesInWords = (count: number): string => (count === 1 ? '1 promise' : `${count} promises`);
