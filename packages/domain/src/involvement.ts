import { z } from 'zod';
import { emailAddress, httpUrl, paragraphs, plainText } from './text.js';

export const INVOLVEMENT_KINDS = [
  'advocacy-or-visiting',
  'work-experience',
  'contribute-to-pledge',
  'prioritise-in-services',
  'fundraising',
  'other',
] as const;
export const involvementKind = z.enum(INVOLVEMENT_KINDS);

/** A way for officers, members and partners to take part, with the organisation behind it. */
export const involvementOpportunity = z.object({
  kinds: z.array(involvementKind).min(1).max(INVOLVEMENT_KINDS.length),
  text: plainText(1200),
  organisation: plainText(200).nullable().default(null),
  /** Where to find out more or sign up, where the council gives an address. */
  url: httpUrl.nullable().default(null).optional(),
});
export type InvolvementOpportunity = z.infer<typeof involvementOpportunity>;

export const involvement = z.object({
  introduction: plainText(600).nullable().default(null),
  opportunities: z.array(involvementOpportunity).max(50).default([]),
});
export type Involvement = z.infer<typeof involvement>;

/** How someone registers interest: at least one route. */
export const registration = z
  .object({
    text: plainText(300).nullable().default(null),
    email: emailAddress.nullable().default(null),
    url: httpUrl.nullable().default(null),
  })
  .refine((value) => value.email || value.url, 'Registration needs an email address or a web address');
export type Registration = z.infer<typeof registration>;

export const trainingOffer = z.object({
  title: plainText(200),
  description: paragraphs(1200, 10),
  /** Plain length such as "half a day"; kept as words because councils describe it so. */
  duration: plainText(60).nullable().default(null),
  registration: registration.nullable().default(null),
});
export type TrainingOffer = z.infer<typeof trainingOffer>;

/** An offer to come and promote corporate parenting, such as "invite us to your workplace". */
export const eventOffer = z.object({
  title: plainText(200).nullable().default(null),
  description: paragraphs(1200, 10),
  callToAction: plainText(300).nullable().default(null),
});
export type EventOffer = z.infer<typeof eventOffer>;
