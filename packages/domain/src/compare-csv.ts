import type { ComparedCouncil } from './compare.js';
import type { CompareMatrix } from './compare-matrix.js';
import type { SideBySide, SideBySideCouncil } from './compare-side-by-side.js';
import { type CsvValue, toCsv } from './csv.js';
import { PRINCIPLES } from './reference.js';

// The columns of docs/open-data.md. Names and order are part of the format: add at the end only.
export const MATRIX_CSV_COLUMNS = [
  'slug',
  'name',
  'kind',
  'nation',
  'portal_url',
  'version',
  'published_at',
  'pledge_structure',
  'promise_count',
  'theme_count',
  'written_with',
  'unmapped_promise_count',
  'principles_covered',
  ...PRINCIPLES.flatMap(({ code }) => [code, `${code}_themes`]),
] as const;

/** `/slug` on its own, or a full address when the portal's origin is known. */
const portalUrl = (council: ComparedCouncil, origin?: string) => (origin ? `${origin}${council.portalPath}` : council.portalPath);

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
  ...council.principles.flatMap((cell) => [cell.promises, cell.themes]),
];

/** One row per council, in the order shown; one pair of columns per principle. */
export const matrixCsv = (matrix: CompareMatrix, origin?: string): string =>
  toCsv([[...MATRIX_CSV_COLUMNS], ...matrix.councils.map((council) => matrixRow(council, origin))]);

const promiseLine = (p: { number: number | null; text: string }) => (p.number === null ? p.text : `${p.number}. ${p.text}`);
const lines = (values: readonly string[]) => values.join('\n');
const list = (values: readonly string[]) => values.join('; ');

type Field = [field: string, label: string, value: (council: SideBySideCouncil) => CsvValue];

const SIDE_BY_SIDE_FIELDS = (origin?: string): Field[] => [
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
  ['unmapped_promise_count', 'Promises not mapped to a principle', (c) => c.unmappedPromiseCount],
  ['principles_covered', 'Principles covered (of 7)', (c) => c.principlesCovered],
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
  ...PRINCIPLES.flatMap(({ code, shortName }, index): Field[] => [
    [code, `${shortName}: promises`, (c) => c.byPrinciple[index]!.promises.length],
    [`${code}_themes`, `${shortName}: themes`, (c) => lines(c.byPrinciple[index]!.themes.map((t) => t.title))],
    [`${code}_promise_texts`, `${shortName}: promise texts`, (c) => lines(c.byPrinciple[index]!.promises.map(promiseLine))],
  ]),
  ['not_mapped_promise_texts', 'Promises not mapped to a principle', (c) => lines(c.notMapped.map(promiseLine))],
];

/** As the page reads: one row per field, one column per council, the field's code first. */
export function sideBySideCsv(view: SideBySide, origin?: string): string {
  const header: CsvValue[] = ['field', 'label', ...view.councils.map((council) => council.slug)];
  const rows = SIDE_BY_SIDE_FIELDS(origin).map(([field, label, value]): CsvValue[] => [field, label, ...view.councils.map(value)]);
  return toCsv([header, ...rows]);
}

export const SIDE_BY_SIDE_CSV_FIELDS: readonly string[] = SIDE_BY_SIDE_FIELDS().map(([field]) => field);
