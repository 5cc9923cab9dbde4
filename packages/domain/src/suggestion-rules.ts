import type { LocalOfferAreaCode, PrincipleCode } from './reference.js';

/**
 * The rules behind suggested mappings, as data an editor could read: a promise that uses one of
 * a rule's words or phrases is suggested for the rule's principle or local offer area.
 *
 * How a pattern matches: whole words, any capitals; a trailing * allows any ending ("bully*"
 * finds "bully" and "bullying"; "bullied" is a pattern of its own); a space also matches a
 * hyphen ("well being" finds "well-being"). Bare "support" is left out on purpose: most
 * promises begin with it.
 */
export interface SuggestionRule<Code extends string = string> {
  code: Code;
  patterns: readonly string[];
}

export const PRINCIPLE_RULES: readonly SuggestionRule<PrincipleCode>[] = [
  {
    code: 'cswa2017-1a',
    patterns: [
      'health*',
      'well being',
      'wellbeing',
      'emotional*',
      'mental*',
      'physical*',
      'best interest*',
      'happy',
      'happiness',
      'fun',
      'leisure',
      'hobby',
      'hobbies',
      'sport*',
      'grow and develop',
    ],
  },
  {
    code: 'cswa2017-1b',
    patterns: [
      'listen*',
      'views',
      'your view',
      'say',
      'voice*',
      'express*',
      'speak*',
      'tell us',
      'wishes',
      'feelings',
      'involved',
      'involve',
      'complain*',
      'advocate*',
      'advocacy',
    ],
  },
  {
    code: 'cswa2017-1c',
    patterns: [
      'listen*',
      'views',
      'wishes',
      'feelings',
      'involved',
      'decision*',
      'decide*',
      'choice*',
      'choose',
      'into account',
      'take account',
      'takes account',
      'taking account',
    ],
  },
  {
    code: 'cswa2017-1d',
    patterns: ['service*', 'access*', 'advice', 'advise', 'information', 'help you get', 'help you find', 'find out', 'entitle*'],
  },
  {
    code: 'cswa2017-1e',
    patterns: [
      'aspiration*',
      'aspire*',
      'ambition*',
      'achiev*',
      'the best',
      'outcomes',
      'goal*',
      'school*',
      'education*',
      'learning',
      'learn',
      'college',
      'universit*',
      'exam*',
      'qualification*',
      'potential',
      'good enough',
    ],
  },
  {
    code: 'cswa2017-1f',
    patterns: [
      'safe',
      'keep safe',
      'keeps safe',
      'keeping safe',
      'safety',
      'safeguard*',
      'bully*',
      'bullied',
      'bullies',
      'harm',
      'abuse',
      'exploit*',
      'stable',
      'stability',
      'settled',
      'home',
      'homes',
      'placement*',
      'relationship*',
      'number of changes',
      'fewer changes',
    ],
  },
  {
    code: 'cswa2017-1g',
    patterns: [
      'adult*',
      'independen*',
      'leav* care',
      'care leaver*',
      'grow up',
      'growing up',
      'money',
      'budget*',
      'job*',
      'career*',
      'employment',
      'apprentice*',
      'housing',
      'tenanc*',
      'bills',
      'living skills',
      'cook*',
    ],
  },
];

export const OFFER_AREA_RULES: readonly SuggestionRule<LocalOfferAreaCode>[] = [
  {
    code: 'offer-health',
    patterns: [
      'health*',
      'well being',
      'wellbeing',
      'emotional*',
      'mental*',
      'physical*',
      'doctor*',
      'dentist*',
      'gp',
      'therap*',
      'counsel*',
    ],
  },
  {
    code: 'offer-relationships',
    patterns: [
      'relationship*',
      'family',
      'families',
      'friend*',
      'brother*',
      'sister*',
      'sibling*',
      'important people',
      'keep in touch',
      'mentor*',
    ],
  },
  {
    code: 'offer-education',
    patterns: ['school*', 'education*', 'learning', 'learn', 'college', 'universit*', 'training', 'course*', 'qualification*', 'exam*'],
  },
  {
    code: 'offer-employment',
    patterns: ['job*', 'employ*', 'career*', 'apprentice*', 'work experience', 'find work', 'traineeship*'],
  },
  {
    code: 'offer-accommodation',
    patterns: [
      'home',
      'homes',
      'housing',
      'accommodation',
      'where i live',
      'where you live',
      'somewhere to live',
      'place to live',
      'tenanc*',
      'homeless*',
      'rent',
    ],
  },
  {
    code: 'offer-participation',
    patterns: ['leisure', 'fun', 'hobby', 'hobbies', 'sport*', 'club*', 'volunteer*', 'vote', 'voting', 'community', 'communities'],
  },
  {
    code: 'offer-finance',
    patterns: ['money', 'budget*', 'financ*', 'bank*', 'bills', 'saving*', 'debt*', 'allowance*', 'grant*'],
  },
];
