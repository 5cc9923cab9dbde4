import { z } from 'zod';

/**
 * The shared statutory taxonomy that lets councils be compared. Codes are stable identifiers:
 * they appear in stored data, exports and the API, so they never change once published.
 */
export const PRINCIPLES = [
  {
    code: 'cswa2017-1a',
    shortName: 'Best interests and wellbeing',
    plainWords: 'Act in their best interests and promote their physical and mental health and wellbeing.',
  },
  {
    code: 'cswa2017-1b',
    shortName: 'Express views',
    plainWords: 'Encourage them to express their views, wishes and feelings.',
  },
  {
    code: 'cswa2017-1c',
    shortName: 'Views taken into account',
    plainWords: 'Take their views, wishes and feelings into account.',
  },
  {
    code: 'cswa2017-1d',
    shortName: 'Access to services',
    plainWords: 'Help them get, and make the best use of, the services of the council and its partners.',
  },
  {
    code: 'cswa2017-1e',
    shortName: 'High aspirations',
    plainWords: 'Promote high aspirations and seek the best outcomes for them.',
  },
  {
    code: 'cswa2017-1f',
    shortName: 'Safety and stability',
    plainWords: 'Keep them safe, with stability in their home lives, relationships and education or work.',
  },
  {
    code: 'cswa2017-1g',
    shortName: 'Preparing for adulthood',
    plainWords: 'Prepare them for adulthood and independent living.',
  },
] as const;

export const PRINCIPLES_SOURCE = 'Children and Social Work Act 2017, section 1';

export const LOCAL_OFFER_AREAS = [
  { code: 'offer-health', name: 'Health and wellbeing' },
  { code: 'offer-relationships', name: 'Relationships' },
  { code: 'offer-education', name: 'Education and training' },
  { code: 'offer-employment', name: 'Employment' },
  { code: 'offer-accommodation', name: 'Accommodation' },
  { code: 'offer-participation', name: 'Participation in society' },
  { code: 'offer-finance', name: 'Financial literacy' },
] as const;

export type PrincipleCode = (typeof PRINCIPLES)[number]['code'];
export type LocalOfferAreaCode = (typeof LOCAL_OFFER_AREAS)[number]['code'];

const principleCodes = PRINCIPLES.map((principle) => principle.code) as [PrincipleCode, ...PrincipleCode[]];
const offerCodes = LOCAL_OFFER_AREAS.map((area) => area.code) as [LocalOfferAreaCode, ...LocalOfferAreaCode[]];

export const principleCode = z.enum(principleCodes, {
  error: () => `must be one of the principle codes ${principleCodes.join(', ')}`,
});
export const localOfferAreaCode = z.enum(offerCodes, {
  error: () => `must be one of the local offer codes ${offerCodes.join(', ')}`,
});

export const principle = z.object({
  code: principleCode,
  shortName: z.string(),
  plainWords: z.string(),
});
export type Principle = z.infer<typeof principle>;

export const localOfferArea = z.object({ code: localOfferAreaCode, name: z.string() });
