import { z } from 'zod';
import { COUNCIL_KINDS, NATIONS, councilKind, nation } from './council.js';
import { MATRIX_FORMAT, type ComparedCouncil, comparedCouncil, coverageOf, principleList } from './compare.js';
import { PRINCIPLES, type PrincipleCode, principle, principleCode } from './reference.js';

export type MatrixSort = 'name' | 'promises' | 'principles-covered' | PrincipleCode;
export const MATRIX_SORTS = ['name', 'promises', 'principles-covered', ...PRINCIPLES.map((p) => p.code)] as [MatrixSort, ...MatrixSort[]];
export const matrixSort = z.enum(MATRIX_SORTS, { error: () => `The sort must be one of ${MATRIX_SORTS.join(', ')}` });

export const SORT_ORDERS = ['asc', 'desc'] as const;
export const sortOrder = z.enum(SORT_ORDERS, { error: () => 'The order must be asc or desc' });
export type SortOrder = z.infer<typeof sortOrder>;

/** What the reader asked for. Without an order, names go A to Z and figures largest first. */
export const matrixQuery = z.object({
  nation: nation.optional(),
  kind: councilKind.optional(),
  sort: matrixSort.default('name'),
  order: sortOrder.optional(),
});
export type MatrixQuery = z.input<typeof matrixQuery>;

/** Per principle, over the councils shown: the figures behind the coverage chart. */
export const principleCoverage = z.object({
  code: principleCode,
  councilsWithPromises: z.number().int().min(0),
  /** Councils that cover it only through a theme, with no promise mapped to it. */
  councilsWithThemeOnly: z.number().int().min(0),
  councilsWithNothing: z.number().int().min(0),
  /** All the promises under it, added up across councils. */
  promises: z.number().int().min(0),
});
export type PrincipleCoverage = z.infer<typeof principleCoverage>;

export const compareMatrix = z.object({
  format: z.literal(MATRIX_FORMAT),
  principles: z.array(principle),
  query: z.object({ nation: nation.nullable(), kind: councilKind.nullable(), sort: matrixSort, order: sortOrder }),
  /** Councils with a published page, before filtering. */
  totalCouncils: z.number().int().min(0),
  /** The nations and kinds present, for filters that never offer an empty choice. */
  available: z.object({ nations: z.array(nation), kinds: z.array(councilKind) }),
  coverage: z.array(principleCoverage),
  councils: z.array(comparedCouncil),
});
export type CompareMatrix = z.infer<typeof compareMatrix>;

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

function figure(council: ComparedCouncil, sort: Exclude<MatrixSort, 'name'>): [number, number] {
  if (sort === 'promises') return [council.promiseCount, council.themeCount];
  // A council outside England has no figures under England's principles: it sorts after those that do.
  if (sort === 'principles-covered') return [council.principlesCovered ?? -1, council.promiseCount];
  const cell = council.principles.find((p) => p.code === sort);
  return cell ? [cell.promises, cell.themes] : [-1, -1];
}

/** Sorted by the chosen figure, then by name (A to Z) among equals, so the order is stable. */
export function sortCouncils(councils: readonly ComparedCouncil[], sort: MatrixSort, order: SortOrder): ComparedCouncil[] {
  const sign = order === 'asc' ? 1 : -1;
  return [...councils].sort((a, b) => {
    if (sort === 'name') return sign * collator.compare(a.name, b.name) || collator.compare(a.slug, b.slug);
    const [a1, a2] = figure(a, sort);
    const [b1, b2] = figure(b, sort);
    return sign * (a1 - b1 || a2 - b2) || collator.compare(a.name, b.name);
  });
}

/** Over the councils compared on England's principles only: the others have their own nation's. */
export function coverageByPrinciple(councils: readonly ComparedCouncil[]): PrincipleCoverage[] {
  const compared = councils.filter((council) => council.principles.length === PRINCIPLES.length);
  return PRINCIPLES.map(({ code }, index) => {
    const result = { code, councilsWithPromises: 0, councilsWithThemeOnly: 0, councilsWithNothing: 0, promises: 0 };
    for (const council of compared) {
      const cell = council.principles[index]!;
      const coverage = coverageOf(cell);
      if (coverage === 'promises') result.councilsWithPromises += 1;
      else if (coverage === 'theme') result.councilsWithThemeOnly += 1;
      else result.councilsWithNothing += 1;
      result.promises += cell.promises;
    }
    return result;
  });
}

/** The matrix for a query: filtered by nation and kind, sorted, with the coverage of what is shown. */
export function buildMatrix(all: readonly ComparedCouncil[], input: MatrixQuery = {}): CompareMatrix {
  const query = matrixQuery.parse(input);
  const order = query.order ?? (query.sort === 'name' ? 'asc' : 'desc');
  const shown = all.filter((council) => (!query.nation || council.nation === query.nation) && (!query.kind || council.kind === query.kind));
  const present = <T extends string>(values: readonly T[], of: (council: ComparedCouncil) => T) =>
    values.filter((value) => all.some((council) => of(council) === value));
  return {
    format: MATRIX_FORMAT,
    principles: principleList(),
    query: { nation: query.nation ?? null, kind: query.kind ?? null, sort: query.sort, order },
    totalCouncils: all.length,
    available: { nations: present(NATIONS, (c) => c.nation), kinds: present(COUNCIL_KINDS, (c) => c.kind) },
    coverage: coverageByPrinciple(shown),
    councils: sortCouncils(shown, query.sort, order),
  };
}
