import { z } from 'zod';
import { frameworkCode, frameworkOfNation } from './compare-frameworks.js';
import { councilKind, councilSlug, nation, type CouncilKind, type Nation } from './council.js';
import type { Promise, Theme } from './pledge.js';
import { principleCode, type PrincipleCode } from './reference.js';
import { pledgeStructure } from './rules.js';
import { hasSuggestedMappings } from './suggested-wording.js';
import type { EditionContent } from './workspace.js';

/**
 * Comparing councils, one row per council, from published content only. A council's figures
 * come from one published edition, named by version so a reader can check them on its page.
 * Version 3: every council is counted on its own nation's framework (version 2 counted councils
 * in England only, on England's principles, and left the others without figures).
 */
export const MATRIX_FORMAT = 'pledgekeeper.compare.matrix/3';

/** How a pledge is organised; `none` where the council has published a page without a pledge. */
export const COMPARED_STRUCTURES = ['numbered', 'themed', 'numbered-and-themed', 'list', 'empty', 'none'] as const;
export const comparedStructure = z.enum(COMPARED_STRUCTURES);
export type ComparedStructure = z.infer<typeof comparedStructure>;

const count = z.number().int().min(0);

/** One cell of the matrix: how a council's pledge covers one principle. */
export const principleFigures = z.object({
  code: principleCode,
  /** Promises the council maps to the principle. */
  promises: count,
  /** Themes mapped to it as a whole: how a themed pledge without promise texts covers it. */
  themes: count,
});
export type PrincipleFigures = z.infer<typeof principleFigures>;

/** A council's row, before the checks that tie its cells to its framework. */
export const comparedCouncilFields = z.object({
  slug: councilSlug,
  name: z.string(),
  kind: councilKind,
  nation,
  /** The council's page on the portal, relative to the portal's address. */
  portalPath: z.string(),
  version: z.number().int().min(1),
  publishedAt: z.string().nullable(),
  structure: comparedStructure,
  promiseCount: count,
  themeCount: count,
  /** Who the council wrote the pledge with, in its words; null when it does not say. */
  writtenWith: z.string().nullable(),
  /** The code of its nation's framework, which it is compared on; null where there is none (Northern Ireland). */
  framework: frameworkCode.nullable(),
  /** Promises linked to none of its framework's principles, neither themselves nor through their theme; null without a framework. */
  unmappedPromiseCount: count.nullable(),
  /** Its framework's principles with at least one promise or theme under them; null without a framework. */
  principlesCovered: count.nullable(),
  /** Its own framework's principles, in the framework's order; empty without a framework. */
  principles: z.array(principleFigures),
  /**
   * True where some of these links to principles were suggested by Pledgekeeper and the council
   * has not yet confirmed them: they are counted, but they are not the council's own.
   */
  suggested: z.boolean(),
});

type CouncilFigures = Pick<
  z.infer<typeof comparedCouncilFields>,
  'nation' | 'framework' | 'principles' | 'principlesCovered' | 'unmappedPromiseCount'
>;

/** Like with like: a row's cells are exactly its own nation's framework's principles, in order. */
export function checkOwnFramework(row: CouncilFigures, ctx: z.RefinementCtx): void {
  const framework = frameworkOfNation(row.nation);
  const expected = framework?.principles.map((p) => p.code) ?? [];
  const issue = (message: string, path: string) => ctx.addIssue({ code: 'custom', message, path: [path] });
  if ((framework?.code ?? null) !== row.framework)
    issue(`A council in ${row.nation} is compared on ${framework?.code ?? 'no framework'}`, 'framework');
  if (row.principles.map((cell) => cell.code).join() !== expected.join()) {
    issue(`The cells must be the principles of ${framework?.code ?? 'no framework'}, in order`, 'principles');
  }
  if (framework === null && (row.principlesCovered !== null || row.unmappedPromiseCount !== null)) {
    issue('A council without a framework has no figures on principles', 'principlesCovered');
  }
  if (
    framework !== null &&
    (row.principlesCovered === null || row.principlesCovered > expected.length || row.unmappedPromiseCount === null)
  ) {
    issue(`Principles covered must be 0 to ${expected.length}`, 'principlesCovered');
  }
}

export const comparedCouncil = comparedCouncilFields.superRefine(checkOwnFramework);
export type ComparedCouncil = z.infer<typeof comparedCouncil>;

/** The council fields a comparison needs; the rest of the council stays out of open data. */
export interface ComparedIdentity {
  slug: string;
  name: string;
  kind: CouncilKind;
  nation: Nation;
}

export interface ComparedEdition {
  version: number;
  publishedAt: string | null;
}

/** A theme's principles. Read defensively: themes gain them in a later schema change. */
export const themePrinciples = (theme: Theme): PrincipleCode[] => (theme as Theme & { principles?: PrincipleCode[] }).principles ?? [];

/** The codes of a nation's own principles, in its framework's order: the only links a comparison counts. */
export const ownPrinciples = (value: Nation): ReadonlySet<PrincipleCode> =>
  new Set((frameworkOfNation(value)?.principles ?? []).map((p) => p.code as PrincipleCode));

const linksTo = (codes: readonly PrincipleCode[], own?: ReadonlySet<PrincipleCode>) =>
  own ? codes.some((code) => own.has(code)) : codes.length > 0;

/** The keys of themes mapped to at least one principle (of the council's own framework, when given). */
export const mappedThemeKeys = (themes: readonly Theme[], own?: ReadonlySet<PrincipleCode>): Set<string> =>
  new Set(themes.filter((theme) => linksTo(themePrinciples(theme), own)).map((theme) => theme.key));

/** Whether anything links a promise to a principle (of its own framework, when given): its own mapping, or its theme's. */
export const isMapped = (promise: Promise, mappedThemes: ReadonlySet<string>, own?: ReadonlySet<PrincipleCode>): boolean =>
  linksTo(promise.principles, own) || (promise.themeKey !== null && mappedThemes.has(promise.themeKey));

export type Coverage = 'promises' | 'theme' | 'none';

/** Promises count first; a theme alone still covers; otherwise it is a gap. */
export const coverageOf = (figures: Pick<PrincipleFigures, 'promises' | 'themes'>): Coverage =>
  figures.promises > 0 ? 'promises' : figures.themes > 0 ? 'theme' : 'none';

/** A council's row of the matrix, from the content of its newest published edition, on its own nation's framework. */
export function compareCouncil(identity: ComparedIdentity, edition: ComparedEdition, content: EditionContent): ComparedCouncil {
  const pledge = content.pledge;
  const promises = pledge?.promises ?? [];
  const themes = pledge?.themes ?? [];
  const framework = frameworkOfNation(identity.nation);
  const own = ownPrinciples(identity.nation);
  const mappedThemes = mappedThemeKeys(themes, own);
  const principles = [...own].map((code) => ({
    code,
    promises: promises.filter((promise) => promise.principles.includes(code)).length,
    themes: themes.filter((theme) => themePrinciples(theme).includes(code)).length,
  }));
  return {
    slug: identity.slug,
    name: identity.name,
    kind: identity.kind,
    nation: identity.nation,
    portalPath: `/${identity.slug}`,
    version: edition.version,
    publishedAt: edition.publishedAt,
    structure: pledge ? pledgeStructure(pledge) : 'none',
    promiseCount: promises.length,
    themeCount: themes.length,
    writtenWith: pledge?.writtenWith ?? null,
    framework: framework?.code ?? null,
    unmappedPromiseCount: framework ? promises.filter((promise) => !isMapped(promise, mappedThemes, own)).length : null,
    principlesCovered: framework ? principles.filter((figures) => coverageOf(figures) !== 'none').length : null,
    principles,
    suggested: hasSuggestedMappings(pledge),
  };
}
