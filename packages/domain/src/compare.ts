import { z } from 'zod';
import { councilKind, councilSlug, nation, type CouncilKind, type Nation } from './council.js';
import type { Promise, Theme } from './pledge.js';
import { PRINCIPLES, type Principle, principleCode, type PrincipleCode } from './reference.js';
import { pledgeStructure } from './rules.js';
import type { EditionContent } from './workspace.js';

/**
 * Comparing councils, one row per council, from published content only. A council's figures
 * come from one published edition, named by version so a reader can check them on its page.
 */
export const MATRIX_FORMAT = 'pledgekeeper.compare.matrix/1';

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

export const comparedCouncil = z.object({
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
  /** Promises linked to no principle, neither their own nor through their theme. */
  unmappedPromiseCount: count,
  /** Principles with at least one promise or theme under them, out of seven. */
  principlesCovered: z.number().int().min(0).max(PRINCIPLES.length),
  /** In the order of the Act. */
  principles: z.array(principleFigures).length(PRINCIPLES.length),
});
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

/** The keys of themes mapped to at least one principle. */
export const mappedThemeKeys = (themes: readonly Theme[]): Set<string> =>
  new Set(themes.filter((theme) => themePrinciples(theme).length > 0).map((theme) => theme.key));

/** Whether anything links a promise to a principle: its own mapping, or its theme's. */
export const isMapped = (promise: Promise, mappedThemes: ReadonlySet<string>): boolean =>
  promise.principles.length > 0 || (promise.themeKey !== null && mappedThemes.has(promise.themeKey));

export type Coverage = 'promises' | 'theme' | 'none';

/** Promises count first; a theme alone still covers; otherwise it is a gap. */
export const coverageOf = (figures: Pick<PrincipleFigures, 'promises' | 'themes'>): Coverage =>
  figures.promises > 0 ? 'promises' : figures.themes > 0 ? 'theme' : 'none';

/** A council's row of the matrix, from the content of its newest published edition. */
export function compareCouncil(identity: ComparedIdentity, edition: ComparedEdition, content: EditionContent): ComparedCouncil {
  const pledge = content.pledge;
  const promises = pledge?.promises ?? [];
  const themes = pledge?.themes ?? [];
  const mappedThemes = mappedThemeKeys(themes);
  const principles = PRINCIPLES.map(({ code }) => ({
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
    unmappedPromiseCount: promises.filter((promise) => !isMapped(promise, mappedThemes)).length,
    principlesCovered: principles.filter((figures) => coverageOf(figures) !== 'none').length,
    principles,
  };
}

/** The reference list of principles, as exports and the API carry it. */
export const principleList = (): Principle[] => PRINCIPLES.map((p) => ({ ...p }));
