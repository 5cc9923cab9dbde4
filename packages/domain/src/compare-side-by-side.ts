import { z } from 'zod';
import { boardCadence, boardMemberKind, memberStatement, type MemberStatement } from './board.js';
import {
  type ComparedEdition,
  type ComparedIdentity,
  checkOwnFramework,
  comparedCouncilFields,
  compareCouncil,
  isMapped,
  mappedThemeKeys,
  ownPrinciples,
  themePrinciples,
} from './compare.js';
import { NO_MAPPING_BETWEEN_FRAMEWORKS, frameworkSummary, frameworksOf, summaryOfFramework } from './compare-frameworks.js';
import { councilSlug } from './council.js';
import { INVOLVEMENT_KINDS, involvementKind } from './involvement.js';
import { audience } from './pledge.js';
import { principleCode } from './reference.js';
import { describeCadence, meetingsPerYear } from './rules.js';
import type { EditionContent } from './workspace.js';

const statedAsBoolean = (statement: MemberStatement): boolean | null => (statement === null ? null : statement === 'yes');

/** Version 3: each council on its own nation's framework (version 2 set councils in England only against England's principles). */
export const SIDE_BY_SIDE_FORMAT = 'pledgekeeper.compare.side-by-side/3';
/** More than this many columns stops being a side-by-side reading. */
export const MAX_SIDE_BY_SIDE = 12;

export const sideBySideQuery = z.object({
  councils: z
    .array(councilSlug, { error: 'Name the councils to compare as a list of slugs' })
    .min(2, 'Choose at least two councils to compare')
    .max(MAX_SIDE_BY_SIDE, `Choose at most ${MAX_SIDE_BY_SIDE} councils to compare`)
    .refine((slugs) => new Set(slugs).size === slugs.length, 'Name each council once'),
});

export const comparedPromise = z.object({
  number: z.number().int().nullable(),
  text: z.string(),
  themeKey: z.string().nullable(),
  themeTitle: z.string().nullable(),
});

/** How the council's board works, as far as its page says. */
export const boardPractice = z.object({
  name: z.string(),
  cadence: boardCadence.nullable(),
  /** "every two months", "7 times a year": the words the council pages use. */
  cadenceText: z.string().nullable(),
  meetingsPerYear: z.number().nullable(),
  membership: z.array(boardMemberKind),
  /** Null where the council's page does not say: "not stated" is not "no". */
  multiAgency: z.boolean().nullable(),
  youngPeople: z.boolean().nullable(),
});

export const sideBySideCouncil = comparedCouncilFields
  .extend({
    pledgeTitle: z.string().nullable(),
    audiences: z.array(audience),
    board: boardPractice.nullable(),
    trainingTitles: z.array(z.string()),
    involvementCount: z.number().int().min(0),
    /** The kinds of opportunity offered, in a fixed order, each once. */
    involvementKinds: z.array(involvementKind),
    /** Its own framework's principles, in their order; empty without a framework (Northern Ireland). */
    byPrinciple: z.array(
      z.object({
        code: principleCode,
        promises: z.array(comparedPromise),
        themes: z.array(z.object({ key: z.string(), title: z.string(), promiseCount: z.number().int().min(0) })),
      }),
    ),
    /** Promises that nothing links to a principle of its framework yet; without a framework, every promise. */
    notMapped: z.array(comparedPromise),
  })
  .superRefine((council, ctx) => {
    checkOwnFramework(council, ctx);
    if (council.byPrinciple.map((group) => group.code).join() !== council.principles.map((cell) => cell.code).join()) {
      ctx.addIssue({ code: 'custom', message: 'Promises are grouped by the principles of its own framework', path: ['byPrinciple'] });
    }
  });
export type SideBySideCouncil = z.infer<typeof sideBySideCouncil>;

export const sideBySide = z.object({
  format: z.literal(SIDE_BY_SIDE_FORMAT),
  /** The frameworks of the councils compared, in the order of nations, each once. */
  frameworks: z.array(frameworkSummary),
  /**
   * Where the councils are of more than one nation: why no council is set against another
   * nation's principles. Null where they share one framework (or have none).
   */
  acrossFrameworks: z.string().nullable(),
  councils: z.array(sideBySideCouncil),
});
export type SideBySide = z.infer<typeof sideBySide>;

/** One council's column: its matrix row, its promises grouped by principle and its board practice. */
export function sideBySideOf(identity: ComparedIdentity, edition: ComparedEdition, content: EditionContent): SideBySideCouncil {
  const { pledge, board, involvement } = content;
  const themes = pledge?.themes ?? [];
  const promises = (pledge?.promises ?? []).map((promise) => ({
    promise,
    shown: {
      number: promise.number,
      text: promise.text,
      themeKey: promise.themeKey,
      themeTitle: themes.find((theme) => theme.key === promise.themeKey)?.title ?? null,
    },
  }));
  const own = ownPrinciples(identity.nation);
  const mappedThemes = mappedThemeKeys(themes, own);
  const opportunities = involvement?.opportunities ?? [];
  return {
    ...compareCouncil(identity, edition, content),
    pledgeTitle: pledge?.title ?? null,
    audiences: pledge?.audiences ?? [],
    board: board && {
      name: board.name,
      cadence: board.cadence,
      cadenceText: board.cadence ? describeCadence(board.cadence) : null,
      meetingsPerYear: board.cadence ? Math.round(meetingsPerYear(board.cadence) * 100) / 100 : null,
      membership: board.membership,
      multiAgency: statedAsBoolean(memberStatement(board, 'partner-agencies')),
      youngPeople: statedAsBoolean(memberStatement(board, 'young-people')),
    },
    trainingTitles: content.training.map((offer) => offer.title),
    involvementCount: opportunities.length,
    involvementKinds: INVOLVEMENT_KINDS.filter((kind) => opportunities.some((o) => o.kinds.includes(kind))),
    // Its own nation's principles only: never another nation's.
    byPrinciple: [...own].map((code) => ({
      code,
      promises: promises.filter(({ promise }) => promise.principles.includes(code)).map(({ shown }) => shown),
      themes: themes
        .filter((theme) => themePrinciples(theme).includes(code))
        .map((theme) => ({
          key: theme.key,
          title: theme.title,
          promiseCount: promises.filter(({ promise }) => promise.themeKey === theme.key).length,
        })),
    })),
    notMapped: promises.filter(({ promise }) => !isMapped(promise, mappedThemes, own)).map(({ shown }) => shown),
  };
}

/** The councils in the order asked for, each on its own framework, saying so where they have different ones. */
export function buildSideBySide(councils: SideBySideCouncil[]): SideBySide {
  const frameworks = frameworksOf(councils.map((council) => council.nation));
  const nations = new Set(councils.map((council) => council.nation));
  return {
    format: SIDE_BY_SIDE_FORMAT,
    frameworks: frameworks.map(summaryOfFramework),
    acrossFrameworks: nations.size > 1 ? NO_MAPPING_BETWEEN_FRAMEWORKS : null,
    councils,
  };
}
