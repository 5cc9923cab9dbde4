import { z } from 'zod';
import { COMPARED_FRAMEWORKS, type ComparedFramework, frameworkSummary, frameworksOf, summaryOfFramework } from './compare-frameworks.js';
import { COUNCIL_KINDS, NATIONS, councilKind, nation } from './council.js';
import { MATRIX_FORMAT, type ComparedCouncil, comparedCouncil, coverageOf } from './compare.js';
import { type PrincipleCode, principleCode } from './reference.js';

export type MatrixSort = 'name' | 'promises' | 'principles-covered' | PrincipleCode;
/** Every framework's principles can be sorted on: councils of other frameworks come after. */
export const MATRIX_SORTS = [
  'name',
  'promises',
  'principles-covered',
  ...COMPARED_FRAMEWORKS.flatMap((framework) => framework.principles.map((p) => p.code)),
] as [MatrixSort, ...MatrixSort[]];
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

const count = z.number().int().min(0);

/** Per principle, over the councils of its framework shown: the figures behind the coverage chart. */
export const principleCoverage = z.object({
  code: principleCode,
  councilsWithPromises: count,
  /** Councils that cover it only through a theme, with no promise mapped to it. */
  councilsWithThemeOnly: count,
  councilsWithNothing: count,
  /** All the promises under it, added up across councils. */
  promises: count,
});
export type PrincipleCoverage = z.infer<typeof principleCoverage>;

/** One framework among the councils shown: what it is, and how its councils cover its principles. */
export const matrixFramework = frameworkSummary.extend({
  /** Councils shown that are compared on it. */
  councils: count,
  /** In the order of its principles. */
  coverage: z.array(principleCoverage),
});
export type MatrixFramework = z.infer<typeof matrixFramework>;

export const compareMatrix = z.object({
  format: z.literal(MATRIX_FORMAT),
  query: z.object({ nation: nation.nullable(), kind: councilKind.nullable(), sort: matrixSort, order: sortOrder }),
  /** Councils with a published page, before filtering. */
  totalCouncils: count,
  /** The nations and kinds present, for filters that never offer an empty choice. */
  available: z.object({ nations: z.array(nation), kinds: z.array(councilKind) }),
  /** The frameworks of the councils shown, in the order of nations; a council without one (Northern Ireland) is in none. */
  frameworks: z.array(matrixFramework),
  councils: z.array(comparedCouncil),
});
export type CompareMatrix = z.infer<typeof compareMatrix>;

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** The figures a council is sorted by; null where it has none (another framework, or none at all). */
function figure(council: ComparedCouncil, sort: Exclude<MatrixSort, 'name'>): [number, number] | null {
  if (sort === 'promises') return [council.promiseCount, council.themeCount];
  if (sort === 'principles-covered') return council.principlesCovered === null ? null : [council.principlesCovered, council.promiseCount];
  const cell = council.principles.find((p) => p.code === sort);
  return cell ? [cell.promises, cell.themes] : null;
}

/**
 * Sorted by the chosen figure, then by name (A to Z) among equals, so the order is stable.
 * Councils with no figure for it come last whichever way round: a Welsh council has no figure
 * under England's principles, which is not the same as a figure of nought.
 */
export function sortCouncils(councils: readonly ComparedCouncil[], sort: MatrixSort, order: SortOrder): ComparedCouncil[] {
  const sign = order === 'asc' ? 1 : -1;
  return [...councils].sort((a, b) => {
    if (sort === 'name') return sign * collator.compare(a.name, b.name) || collator.compare(a.slug, b.slug);
    const fa = figure(a, sort);
    const fb = figure(b, sort);
    if (!fa || !fb) return (fa ? -1 : fb ? 1 : 0) || collator.compare(a.name, b.name);
    return sign * (fa[0] - fb[0] || fa[1] - fb[1]) || collator.compare(a.name, b.name);
  });
}

/** Over the councils of one framework: per principle, councils with promises, a theme only, or nothing. */
export function coverageByPrinciple(framework: ComparedFramework, councils: readonly ComparedCouncil[]): PrincipleCoverage[] {
  const compared = councils.filter((council) => council.framework === framework.code);
  return framework.principles.map(({ code }) => {
    const result = { code: code as PrincipleCode, councilsWithPromises: 0, councilsWithThemeOnly: 0, councilsWithNothing: 0, promises: 0 };
    for (const council of compared) {
      const cell = council.principles.find((figures) => figures.code === code)!;
      const coverage = coverageOf(cell);
      if (coverage === 'promises') result.councilsWithPromises += 1;
      else if (coverage === 'theme') result.councilsWithThemeOnly += 1;
      else result.councilsWithNothing += 1;
      result.promises += cell.promises;
    }
    return result;
  });
}

/** The matrix for a query: filtered by nation and kind, sorted, with each framework's coverage of what is shown. */
export function buildMatrix(all: readonly ComparedCouncil[], input: MatrixQuery = {}): CompareMatrix {
  const query = matrixQuery.parse(input);
  const order = query.order ?? (query.sort === 'name' ? 'asc' : 'desc');
  const shown = all.filter((council) => (!query.nation || council.nation === query.nation) && (!query.kind || council.kind === query.kind));
  const present = <T extends string>(values: readonly T[], of: (council: ComparedCouncil) => T) =>
    values.filter((value) => all.some((council) => of(council) === value));
  return {
    format: MATRIX_FORMAT,
    query: { nation: query.nation ?? null, kind: query.kind ?? null, sort: query.sort, order },
    totalCouncils: all.length,
    available: { nations: present(NATIONS, (c) => c.nation), kinds: present(COUNCIL_KINDS, (c) => c.kind) },
    frameworks: frameworksOf(shown.map((council) => council.nation)).map((framework) => ({
      ...summaryOfFramework(framework),
      councils: shown.filter((council) => council.framework === framework.code).length,
      coverage: coverageByPrinciple(framework, shown),
    })),
    councils: sortCouncils(shown, query.sort, order),
  };
}
