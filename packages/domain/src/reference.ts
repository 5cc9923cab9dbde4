import { z } from 'zod';
import { NATIONS, type Nation } from './nation.js';

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

/**
 * Wales: the principles of the Corporate Parenting Charter, "A promise from Wales" (2023), by
 * their names in the charter, each put in our own plain words.
 */
export const WALES_PRINCIPLES = [
  { code: 'wales-charter-equality', shortName: 'Equality', plainWords: 'Treat them fairly, with the same chances as anyone else.' },
  {
    code: 'wales-charter-stigma',
    shortName: 'Eradicating stigma',
    plainWords: 'Stand up to unfair ideas and labels about being in care.',
  },
  {
    code: 'wales-charter-working-together',
    shortName: 'Working together',
    plainWords: 'Work with each other, and with them, so that help fits together.',
  },
  {
    code: 'wales-charter-inclusive-support',
    shortName: 'Inclusive support',
    plainWords: 'Give support that leaves no one out and fits each person.',
  },
  {
    code: 'wales-charter-ambitions',
    shortName: 'Fulfilling ambitions',
    plainWords: 'Help them go after their hopes and ambitions.',
  },
  { code: 'wales-charter-nurturing', shortName: 'Nurturing', plainWords: 'Care for them warmly, as a good parent would.' },
  { code: 'wales-charter-health', shortName: 'Good health', plainWords: 'Help them be well in body and mind.' },
  { code: 'wales-charter-home', shortName: 'A stable home', plainWords: 'Help them have a safe and settled place to live.' },
  { code: 'wales-charter-education', shortName: 'Education', plainWords: 'Back their learning, at school and after it.' },
  {
    code: 'wales-charter-future',
    shortName: 'Thriving in the future',
    plainWords: 'Help them do well as they grow up and move on.',
  },
  {
    code: 'wales-charter-after-care',
    shortName: 'After care support',
    plainWords: 'Keep helping them after they leave care.',
  },
] as const;

/** Scotland: the corporate parenting duties of section 58 of the 2014 Act, in our own plain words. */
export const SCOTLAND_PRINCIPLES = [
  {
    code: 'cypsa2014-58a',
    shortName: 'Alert to their wellbeing',
    plainWords: 'Watch out for anything that harms, or could harm, their wellbeing.',
  },
  {
    code: 'cypsa2014-58b',
    shortName: 'Assess their needs',
    plainWords: 'Find out what they need from the services and support it gives.',
  },
  { code: 'cypsa2014-58c', shortName: 'Promote their interests', plainWords: 'Stand up for their interests.' },
  {
    code: 'cypsa2014-58d',
    shortName: 'Opportunities',
    plainWords: 'Look for chances for them to take part in activities that are good for their wellbeing.',
  },
  {
    code: 'cypsa2014-58e',
    shortName: 'Help to take part',
    plainWords: 'Help them take up those chances, and use its services and support.',
  },
  {
    code: 'cypsa2014-58f',
    shortName: 'Improve how it works',
    plainWords: 'Do whatever else it can to get better at what it does for them.',
  },
] as const;

type AnyPrinciple = (typeof PRINCIPLES)[number] | (typeof WALES_PRINCIPLES)[number] | (typeof SCOTLAND_PRINCIPLES)[number];

/** England's principles: the Act's seven. */
export type EnglandPrincipleCode = (typeof PRINCIPLES)[number]['code'];
/** A principle of any nation's framework: a council links its promises to those of its own nation. */
export type PrincipleCode = AnyPrinciple['code'];
export type LocalOfferAreaCode = (typeof LOCAL_OFFER_AREAS)[number]['code'];

/** Every nation's principles, by nation; Northern Ireland has none to link to. */
export const PRINCIPLES_BY_NATION: Readonly<Record<Nation, readonly AnyPrinciple[]>> = {
  england: PRINCIPLES,
  wales: WALES_PRINCIPLES,
  scotland: SCOTLAND_PRINCIPLES,
  'northern-ireland': [],
};

const ALL_PRINCIPLES: readonly AnyPrinciple[] = [...PRINCIPLES, ...WALES_PRINCIPLES, ...SCOTLAND_PRINCIPLES];

/** The principles a council of this nation can link its promises to, in their framework's order. */
export const principlesOf = (nation: Nation): readonly AnyPrinciple[] => PRINCIPLES_BY_NATION[nation];

/** A principle of any nation, by its code. */
export const principleByCode = (code: string): AnyPrinciple | undefined => ALL_PRINCIPLES.find((p) => p.code === code);

/** The nation whose framework a principle belongs to. */
export const nationOfPrinciple = (code: string): Nation | undefined =>
  NATIONS.find((nation) => PRINCIPLES_BY_NATION[nation].some((p) => p.code === code));

const principleCodes = ALL_PRINCIPLES.map((principle) => principle.code) as [PrincipleCode, ...PrincipleCode[]];
const offerCodes = LOCAL_OFFER_AREAS.map((area) => area.code) as [LocalOfferAreaCode, ...LocalOfferAreaCode[]];

export const principleCode = z.enum(principleCodes, {
  error: () => 'must be the code of a principle of England, Wales or Scotland, as listed in the reference data',
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
