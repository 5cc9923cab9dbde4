import { z } from 'zod';
import { localOfferAreaCode, principleCode } from './reference.js';
import { promiseNoun } from './promise-noun.js';
import { paragraphs, plainText } from './text.js';

export const AUDIENCES = ['children-in-care', 'care-leavers', 'carers'] as const;
export const audience = z.enum(AUDIENCES);
export type Audience = z.infer<typeof audience>;

export const PLEDGE_STATUSES = ['draft', 'in-review', 'published'] as const;
export const pledgeStatus = z.enum(PLEDGE_STATUSES);
export type PledgeStatus = z.infer<typeof pledgeStatus>;

/** A theme of the council's own, such as Somerset's "Where I live". Referenced by its key. */
export const themeKey = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'A theme key may use only lower-case letters, digits and hyphens')
  .max(60);

export const theme = z.object({
  key: themeKey,
  title: plainText(200),
  description: plainText(2000).nullable().default(null),
  /** The statutory principles the theme serves, where the pledge is organised by themes alone. */
  principles: z.array(principleCode).max(7).default([]),
  /**
   * True while `principles` is Pledgekeeper's suggestion, not yet the council's: see
   * suggested-wording.ts. Optional in the type, false when parsed: absent means the council's own.
   */
  principlesSuggested: z.boolean().default(false).optional(),
});
export type Theme = z.infer<typeof theme>;

/** A promise as the public sees it. */
export const promise = z.object({
  /** Present where the council numbers its promises; a themed pledge may leave it out. */
  number: z.number().int().min(1).max(999).nullable().default(null),
  /** The council's own, formal wording. */
  text: plainText(2000),
  /** The same promise in words a young person can read, shown first to the public. */
  plainWords: plainText(2000).nullable().default(null),
  themeKey: themeKey.nullable().default(null),
  /** Who the promise is made to or about; empty means the pledge's own audience. */
  audiences: z.array(audience).max(AUDIENCES.length).default([]),
  /** The statutory principles it serves; possibly none yet. */
  principles: z.array(principleCode).max(7).default([]),
  localOfferAreas: z.array(localOfferAreaCode).max(7).default([]),
  /** True while `plainWords` is Pledgekeeper's suggestion, not yet the council's: see suggested-wording.ts. */
  plainWordsSuggested: z.boolean().default(false).optional(),
  /** True while `principles` is Pledgekeeper's suggestion, not yet the council's. */
  principlesSuggested: z.boolean().default(false).optional(),
});
export type Promise = z.infer<typeof promise>;

/** A suggested mapping an editor turned down: a principle or a local offer area code. */
export const suggestionCode = z.enum([...principleCode.options, ...localOfferAreaCode.options], {
  error: () => 'must be a principle code or a local offer area code',
});
export type SuggestionCode = z.infer<typeof suggestionCode>;

/**
 * A promise as the council keeps it: what the public sees, and the suggestions its editors
 * turned down, so that those are not suggested again. The public never sees the latter.
 */
export const promiseRecord = promise.extend({
  rejectedSuggestions: z.array(suggestionCode).max(14).default([]),
});
export type PromiseRecord = z.infer<typeof promiseRecord>;

/** A council's set of promises. Numbered, themed, or a mix: all are first-class. */
export const pledgeContent = z.object({
  /** The council's own heading for it, where it has one. */
  title: plainText(300).nullable().default(null),
  /** The council's own word for one of its promises: "Pledge 3", "Promise 3" or "Commitment 3". */
  promiseNoun: promiseNoun.default('promise'),
  introduction: paragraphs(),
  audiences: z.array(audience).min(1, 'A pledge is made to at least one audience').max(AUDIENCES.length),
  /** Who wrote it with the council, for example its Children in Care Councils. */
  writtenWith: plainText(300).nullable().default(null),
  themes: z.array(theme).max(50).default([]),
  promises: z.array(promiseRecord).max(200).default([]),
  /** Said after the promises, for example how progress is monitored. */
  closing: paragraphs().default([]),
});
export type PledgeContent = z.infer<typeof pledgeContent>;
export type PledgeContentInput = z.input<typeof pledgeContent>;

/** A published pledge as the public sees it: without the editors' turned-down suggestions. */
export const pledge = pledgeContent.extend({
  promises: z.array(promise).max(200),
  version: z.number().int().min(1),
  status: pledgeStatus,
  publishedAt: z.string().datetime().nullable(),
});
export type Pledge = z.infer<typeof pledge>;

/**
 * Pledge content stored before plain words, theme principles and turned-down suggestions
 * existed, given the defaults the schema would give it now.
 */
export function withPledgeDefaults(pledge: PledgeContent): PledgeContent {
  return {
    ...pledge,
    promiseNoun: pledge.promiseNoun ?? 'promise',
    themes: pledge.themes.map((theme) => ({
      ...theme,
      principles: theme.principles ?? [],
      principlesSuggested: theme.principlesSuggested ?? false,
    })),
    promises: pledge.promises.map((promise) => ({
      ...promise,
      plainWords: promise.plainWords ?? null,
      rejectedSuggestions: promise.rejectedSuggestions ?? [],
      plainWordsSuggested: promise.plainWordsSuggested ?? false,
      principlesSuggested: promise.principlesSuggested ?? false,
    })),
  };
}

/** The public part of a pledge's content: every promise without its turned-down suggestions. */
export function publicPromises(promises: readonly PromiseRecord[]): Promise[] {
  return promises.map(({ rejectedSuggestions: _, ...promise }) => promise);
}
