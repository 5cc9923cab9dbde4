import { z } from 'zod';
import { councilKind, councilSlug, nation, type CouncilKind, type Nation } from './council.js';
import { NATION_FACTS } from './nations.js';
import type { Promise, Theme } from './pledge.js';
import { PRINCIPLES, type Principle, principleCode, type PrincipleCode } from './reference.js';
import { pledgeStructure } from './rules.js';
import { hasSuggestedMappings } from './suggested-wording.js';
import type { EditionContent } from './workspace.js';

/**
 * Comparing councils, one row per council, from published content only. A council's figures
 * come from one published edition, named by version so a reader can check them on its page.
 */
export const MATRIX_FORMAT = 'pledgekeeper.compare.matrix/2';

/**
 * The principles of England's Act apply to councils in England only. Councils of other nations
 * are compared on their own nation's framework; no source we know of maps one nation's
 * principles onto another's, so their promises are never counted under England's principles.
 */
export const comparedOnPrinciples = (value: Nation): boolean => NATION_FACTS[value].framework?.code === 'cswa2017-s1';

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
  /** The code of the framework its nation's councils are compared on; null where there is none. */
  framework: z.string().nullable(),
  /** Promises linked to no principle, neither their own nor through their theme; null outside England. */
  unmappedPromiseCount: count.nullable(),
  /** Principles with at least one promise or theme under them, out of seven; null outside England. */
  principlesCovered: z.number().int().min(0).max(PRINCIPLES.length).nullable(),
  /** In the order of the Act; empty for a council outside England, which is not compared on them. */
  principles: z
    .array(principleFigures)
    .refine((cells) => cells.length === 0 || cells.length === PRINCIPLES.length, `Either none or all ${PRINCIPLES.length} principles`),
  /**
   * True where some of these links to principles were suggested by Pledgekeeper and the council
   * has not yet confirmed them: they are counted, but they are not the council's own.
   */
  suggested: z.boolean(),
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
  const compared = comparedOnPrinciples(identity.nation);
  const principles = (compared ? PRINCIPLES : []).map(({ code }) => ({
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
    framework: NATION_FACTS[identity.nation].framework?.code ?? null,
    unmappedPromiseCount: compared ? promises.filter((promise) => !isMapped(promise, mappedThemes)).length : null,
    principlesCovered: compared ? principles.filter((figures) => coverageOf(figures) !== 'none').length : null,
    principles,
    suggested: hasSuggestedMappings(pledge),
  };
}

/** The reference list of principles, as exports and the API carry it. */
export const principleList = (): Principle[] => PRINCIPLES.map((p) => ({ ...p }));
