import { z } from 'zod';
import type { PledgeContent } from './pledge.js';
import { promiseNoun } from './promise-noun.js';
import { principleCode } from './reference.js';

/**
 * Plain words and links to principles that Pledgekeeper wrote for a council (all of those in the
 * seed files are ours) are marked as suggested until the council makes them its own: an editor
 * writes or changes them, or a publisher confirms them. The marks are part of the pledge's
 * content, so a published edition keeps the marks it was published with; a publisher's
 * confirmation is kept beside the edition and applied when the edition is read.
 */

type Marked = Pick<PledgeContent, 'promises' | 'themes'>;

const sameCodes = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && [...a].sort().join() === [...b].sort().join();

/**
 * After an editor saves the pledge: a mark stays only where the same promise (known by its formal
 * text) or theme (by its key) still has exactly the words or links that were suggested. Whatever
 * an editor writes or changes is the council's. Marks sent with the content are ignored, so no
 * form can mark the council's own words as Pledgekeeper's, or the other way round.
 */
export function keepSuggestedWhereUnchanged(before: Marked | null, after: PledgeContent): PledgeContent {
  const promisesBefore = before?.promises ?? [];
  const themesBefore = before?.themes ?? [];
  return {
    ...after,
    themes: after.themes.map((theme) => ({
      ...theme,
      principlesSuggested:
        theme.principles.length > 0 &&
        themesBefore.some((was) => was.key === theme.key && was.principlesSuggested && sameCodes(was.principles, theme.principles)),
    })),
    promises: after.promises.map((promise) => {
      const same = promisesBefore.filter((was) => was.text === promise.text);
      return {
        ...promise,
        plainWordsSuggested:
          promise.plainWords !== null && same.some((was) => was.plainWordsSuggested && was.plainWords === promise.plainWords),
        principlesSuggested:
          promise.principles.length > 0 && same.some((was) => was.principlesSuggested && sameCodes(was.principles, promise.principles)),
      };
    }),
  };
}

/**
 * `pledge` with the marks taken off wherever a publisher confirmed the very same words or links in
 * `confirmed` (an edition they confirmed): for a draft begun before the confirmation, or restored.
 */
export function withoutConfirmed(pledge: PledgeContent, confirmed: Marked): PledgeContent {
  return {
    ...pledge,
    themes: pledge.themes.map((theme) => ({
      ...theme,
      principlesSuggested:
        theme.principlesSuggested && !confirmed.themes.some((c) => c.key === theme.key && sameCodes(c.principles, theme.principles)),
    })),
    promises: pledge.promises.map((promise) => {
      const same = confirmed.promises.filter((c) => c.text === promise.text);
      return {
        ...promise,
        plainWordsSuggested: promise.plainWordsSuggested && !same.some((c) => c.plainWords === promise.plainWords),
        principlesSuggested: promise.principlesSuggested && !same.some((c) => sameCodes(c.principles, promise.principles)),
      };
    }),
  };
}

/** The pledge as its publisher confirmed it: nothing in it is a suggestion any more. */
export const confirmedWording = (pledge: PledgeContent): PledgeContent => withoutConfirmed(pledge, pledge);

/** What a publisher is asked to confirm: each promise and theme with a suggested part, and only that part. */
export const suggestedPromise = z.object({
  number: z.number().int().nullable(),
  /** The council's own words, to say which promise it is. */
  text: z.string(),
  /** Pledgekeeper's plain words for it, or null where they are the council's (or there are none). */
  plainWords: z.string().nullable(),
  /** Pledgekeeper's links to principles, or empty where they are the council's. */
  principles: z.array(principleCode),
});
export const suggestedTheme = z.object({ key: z.string(), title: z.string(), principles: z.array(principleCode) });

export const suggestedWording = z.object({
  promises: z.array(suggestedPromise),
  themes: z.array(suggestedTheme),
});
export type SuggestedWording = z.infer<typeof suggestedWording>;

/** The suggested parts of a pledge, in its order. */
export function suggestedWordingOf(pledge: Marked | null): SuggestedWording {
  if (!pledge) return { promises: [], themes: [] };
  return {
    promises: pledge.promises
      .filter((promise) => promise.plainWordsSuggested || promise.principlesSuggested)
      .map((promise) => ({
        number: promise.number,
        text: promise.text,
        plainWords: promise.plainWordsSuggested ? promise.plainWords : null,
        principles: promise.principlesSuggested ? promise.principles : [],
      })),
    themes: pledge.themes
      .filter((theme) => theme.principlesSuggested)
      .map((theme) => ({ key: theme.key, title: theme.title, principles: theme.principles })),
  };
}

export const hasSuggestedWording = (pledge: Marked | null): boolean => {
  const { promises, themes } = suggestedWordingOf(pledge);
  return promises.length > 0 || themes.length > 0;
};

/** Whether any link to a principle, of a promise or a theme, is still Pledgekeeper's suggestion. */
export const hasSuggestedMappings = (pledge: Marked | null): boolean =>
  !!pledge && (pledge.promises.some((promise) => promise.principlesSuggested) || pledge.themes.some((theme) => theme.principlesSuggested));

/** The published page's suggested wording for its publishers, and who confirmed it, if anyone has. */
export const wordingReview = z.object({
  /** The published version the suggestions belong to; null when nothing is published. */
  version: z.number().int().min(1).nullable(),
  /** The council's own word for a promise, to name them as its page does. */
  noun: promiseNoun,
  suggested: suggestedWording,
  confirmed: z.object({ by: z.string(), at: z.string() }).nullable(),
});
export type WordingReview = z.infer<typeof wordingReview>;
