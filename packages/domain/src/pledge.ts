import { z } from 'zod';
import { localOfferAreaCode, principleCode } from './reference.js';
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
});
export type Theme = z.infer<typeof theme>;

export const promise = z.object({
  /** Present where the council numbers its promises; a themed pledge may leave it out. */
  number: z.number().int().min(1).max(999).nullable().default(null),
  text: plainText(2000),
  themeKey: themeKey.nullable().default(null),
  /** Who the promise is made to or about; empty means the pledge's own audience. */
  audiences: z.array(audience).max(AUDIENCES.length).default([]),
  /** The statutory principles it serves; possibly none yet. */
  principles: z.array(principleCode).max(7).default([]),
  localOfferAreas: z.array(localOfferAreaCode).max(7).default([]),
});
export type Promise = z.infer<typeof promise>;

/** A council's set of promises. Numbered, themed, or a mix: all are first-class. */
export const pledgeContent = z.object({
  /** The council's own heading for it, where it has one. */
  title: plainText(300).nullable().default(null),
  introduction: paragraphs(),
  audiences: z.array(audience).min(1, 'A pledge is made to at least one audience').max(AUDIENCES.length),
  /** Who wrote it with the council, for example its Children in Care Councils. */
  writtenWith: plainText(300).nullable().default(null),
  themes: z.array(theme).max(50).default([]),
  promises: z.array(promise).max(200).default([]),
  /** Said after the promises, for example how progress is monitored. */
  closing: paragraphs().default([]),
});
export type PledgeContent = z.infer<typeof pledgeContent>;
export type PledgeContentInput = z.input<typeof pledgeContent>;

export const pledge = pledgeContent.extend({
  version: z.number().int().min(1),
  status: pledgeStatus,
  publishedAt: z.string().datetime().nullable(),
});
export type Pledge = z.infer<typeof pledge>;
