import type { ComparedCouncil } from './compare.js';
import type { CompareMatrix } from './compare-matrix.js';
import type { SideBySide, SideBySideCouncil } from './compare-side-by-side.js';
import { type CsvValue, toCsv } from './csv.js';
import { COMPARED_FRAMEWORKS, type ComparedFramework, frameworkByCode, principleTitle } from './compare-frameworks.js';
import { NATION_FACTS } from './nations.js';

/** A pair of columns per principle of a framework: "Wales: Good health: promises", and its themes. */
const principleColumns = (framework: ComparedFramework): [string, string][] =>
  framework.principles.flatMap(({ code }): [string, string][] => {
    const title = `${NATION_FACTS[framework.nation].name}: ${principleTitle(code)}`;
    return [
      [code, `${title}: promises`],
      [`${code}_themes`, `${title}: themes`],
    ];
  });

const [ENGLAND, ...LATER_FRAMEWORKS] = COMPARED_FRAMEWORKS as [ComparedFramework, ...ComparedFramework[]];

// The columns of docs/open-data.md: each with its code (stable, for programs) and its heading
// (for people). Codes and order are part of the format: add at the end only. England's
// principles came first, so they stay where they were; each other framework's follow at the end.
const MATRIX_COLUMNS: readonly (readonly [code: string, heading: string])[] = [
  ['slug', 'Council identifier'],
  ['name', 'Council'],
  ['kind', 'Kind of council'],
  ['nation', 'Nation'],
  ['portal_url', 'Page on Pledgekeeper'],
  ['version', 'Published version compared'],
  ['published_at', 'Published at'],
  ['pledge_structure', 'How the pledge is organised'],
  ['promise_count', 'Promises'],
  ['theme_count', 'Themes'],
  ['written_with', 'Written with'],
  ['unmapped_promise_count', 'Promises not linked to a principle of its nation'],
  ['principles_covered', 'Principles of its nation covered'],
  ...principleColumns(ENGLAND),
  ['framework', 'Framework of its nation'],
  ['principles_suggested', 'Links to principles suggested by Pledgekeeper, not yet confirmed by the council'],
  ['framework_principle_count', 'Principles in that framework'],
  ...LATER_FRAMEWORKS.flatMap(principleColumns),
];

export const MATRIX_CSV_COLUMNS: readonly string[] = MATRIX_COLUMNS.map(([code]) => code);
export const MATRIX_CSV_HEADINGS: readonly string[] = MATRIX_COLUMNS.map(([, heading]) => heading);

/** The header row: headings people can read (the default), or the column codes for programs. */
export const MATRIX_CSV_HEADERS = ['words', 'codes'] as const;
export type MatrixCsvHeader = (typeof MATRIX_CSV_HEADERS)[number];

/** `/slug` on its own, or a full address when the portal's origin is known. */
const portalUrl = (council: ComparedCouncil, origin?: string) => (origin ? `${origin}${council.portalPath}` : council.portalPath);

/** A council's figures under a framework's principles: empty for a council of another framework. */
const principleCells = (council: ComparedCouncil, framework: ComparedFramework): CsvValue[] =>
  framework.principles.flatMap(({ code }) => {
    const cell = council.principles.find((figures) => figures.code === code);
    return cell ? [cell.promises, cell.themes] : [null, null];
  });

const matrixRow = (council: ComparedCouncil, origin?: string): CsvValue[] => [
  council.slug,
  council.name,
  council.kind,
  council.nation,
  portalUrl(council, origin),
  council.version,
  council.publishedAt,
  council.structure,
  council.promiseCount,
  council.themeCount,
  council.writtenWith,
  council.unmappedPromiseCount,
  council.principlesCovered,
  ...principleCells(council, ENGLAND),
  council.framework,
  council.suggested,
  council.framework ? (frameworkByCode(council.framework)?.principles.length ?? null) : null,
  ...LATER_FRAMEWORKS.flatMap((framework) => principleCells(council, framework)),
];

/** One row per council, in the order shown; one pair of columns per principle of every framework. */
export const matrixCsv = (matrix: CompareMatrix, origin?: string, header: MatrixCsvHeader = 'words'): string =>
  toCsv([
    [...(header === 'codes' ? MATRIX_CSV_COLUMNS : MATRIX_CSV_HEADINGS)],
    ...matrix.councils.map((council) => matrixRow(council, origin)),
  ]);

const promiseLine = (p: { number: number | null; text: string }) => (p.number === null ? p.text : `${p.number}. ${p.text}`);
const lines = (values: readonly string[]) => values.join('\n');
const list = (values: readonly string[]) => values.join('; ');

type Field = [field: string, label: string, value: (council: SideBySideCouncil) => CsvValue];

/** Three fields per principle of a framework; empty for a council of another framework. */
const principleFields = (framework: ComparedFramework): Field[] =>
  framework.principles.flatMap(({ code }): Field[] => {
    const title = `${NATION_FACTS[framework.nation].name}: ${principleTitle(code)}`;
    const group = (c: SideBySideCouncil) => c.byPrinciple.find((g) => g.code === code);
    return [
      [code, `${title}: promises`, (c) => group(c)?.promises.length ?? null],
      [`${code}_themes`, `${title}: themes`, (c) => (group(c) ? lines(group(c)!.themes.map((t) => t.title)) : null)],
      [`${code}_promise_texts`, `${title}: promise texts`, (c) => (group(c) ? lines(group(c)!.promises.map(promiseLine)) : null)],
    ];
  });

const SIDE_BY_SIDE_FIELDS = (frameworks: readonly ComparedFramework[], origin?: string): Field[] => [
  ['name', 'Name', (c) => c.name],
  ['kind', 'Kind of council', (c) => c.kind],
  ['nation', 'Nation', (c) => c.nation],
  ['portal_url', 'Page on Pledgekeeper', (c) => portalUrl(c, origin)],
  ['version', 'Published version compared', (c) => c.version],
  ['published_at', 'Published at', (c) => c.publishedAt],
  ['pledge_title', 'Pledge title', (c) => c.pledgeTitle],
  ['pledge_structure', 'Pledge structure', (c) => c.structure],
  ['promise_count', 'Promises', (c) => c.promiseCount],
  ['theme_count', 'Themes', (c) => c.themeCount],
  ['written_with', 'Written with', (c) => c.writtenWith],
  ['unmapped_promise_count', 'Promises not mapped to a principle of its nation', (c) => c.unmappedPromiseCount],
  ['principles_covered', 'Principles of its nation covered', (c) => c.principlesCovered],
  ['board_name', 'Board', (c) => c.board?.name ?? null],
  ['board_cadence', 'Board meets', (c) => c.board?.cadenceText ?? null],
  ['board_meetings_per_year', 'Board meetings a year', (c) => c.board?.meetingsPerYear ?? null],
  ['board_multi_agency', 'Partner agencies on the board', (c) => c.board?.multiAgency ?? null],
  ['board_young_people', 'Young people on the board', (c) => c.board?.youngPeople ?? null],
  ['board_membership', 'Board membership', (c) => (c.board ? list(c.board.membership) : null)],
  ['training_count', 'Training offers', (c) => c.trainingTitles.length],
  ['training_titles', 'Training offered', (c) => lines(c.trainingTitles)],
  ['involvement_count', 'Ways to get involved', (c) => c.involvementCount],
  ['involvement_kinds', 'Kinds of involvement', (c) => list(c.involvementKinds)],
  // The principles of the frameworks of the councils compared, each framework's together.
  ...frameworks.flatMap(principleFields),
  ['not_mapped_promise_texts', 'Promises not mapped to a principle of its nation', (c) => lines(c.notMapped.map(promiseLine))],
  ['framework', 'Framework of its nation', (c) => c.framework],
  ['principles_suggested', 'Links to principles suggested by Pledgekeeper, not yet confirmed by the council', (c) => c.suggested],
];

/**
 * As the page reads: one row per field, one column per council, the field's code first. Only the
 * principles of the councils' own frameworks have rows; where the councils are of different
 * nations, a last row says why none is set against another nation's principles.
 */
export function sideBySideCsv(view: SideBySide, origin?: string): string {
  const frameworks = view.frameworks.map((summary) => frameworkByCode(summary.code)!);
  const header: CsvValue[] = ['field', 'label', ...view.councils.map((council) => council.slug)];
  const rows = SIDE_BY_SIDE_FIELDS(frameworks, origin).map(([field, label, value]): CsvValue[] => [
    field,
    label,
    ...view.councils.map(value),
  ]);
  const note: CsvValue[][] = view.acrossFrameworks ? [['across_frameworks', view.acrossFrameworks, ...view.councils.map(() => null)]] : [];
  return toCsv([header, ...rows, ...note]);
}

/** The fields for councils of the frameworks given (all of them when none are given), in order. */
export const sideBySideCsvFields = (frameworks: readonly ComparedFramework[] = COMPARED_FRAMEWORKS): string[] =>
  SIDE_BY_SIDE_FIELDS(frameworks).map(([field]) => field);
