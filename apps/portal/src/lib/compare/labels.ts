import { type InvolvementOpportunity, type Nation, type PrincipleCode, PRINCIPLES } from '@pledgekeeper/domain/council';
import { type ComparedStructure, type MatrixSort, type PrincipleFigures, coverageOf } from '@pledgekeeper/domain/compare';

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

/** The letter the Act gives each principle: (a) to (g). */
export const principleLetter = (code: PrincipleCode): string => code.slice(-1);

const shortName = (code: PrincipleCode): string => PRINCIPLES.find((p) => p.code === code)?.shortName ?? code;
export const principleTitle = (code: PrincipleCode): string => `(${principleLetter(code)}) ${shortName(code)}`;

export function sortLabel(sort: MatrixSort): string {
  if (sort === 'name') return 'Name';
  if (sort === 'promises') return 'Number of promises';
  if (sort === 'principles-covered') return 'Principles covered';
  return `Promises under ${principleTitle(sort)}`;
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
