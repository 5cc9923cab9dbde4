import type { PrincipleCode } from './reference.js';
import type { SuggestionRule } from './suggestion-rules.js';

/**
 * Suggestion rules for the principles of Wales and Scotland, read as suggestion-rules.ts
 * explains. Each list is our own choice of the words a promise would use when it serves that
 * principle; like England's, a suggestion is never the council's until an editor accepts it.
 */
export const WALES_PRINCIPLE_RULES: readonly SuggestionRule<PrincipleCode>[] = [
  { code: 'wales-charter-equality', patterns: ['equal*', 'fair*', 'same chances', 'same as', 'discriminat*', 'rights'] },
  { code: 'wales-charter-stigma', patterns: ['stigma*', 'label*', 'judge*', 'judged', 'prejudice*', 'stereotyp*', 'myth*'] },
  {
    code: 'wales-charter-working-together',
    patterns: ['work* together', 'partner*', 'join* up', 'together with', 'agencies', 'share information'],
  },
  { code: 'wales-charter-inclusive-support', patterns: ['inclusive', 'include*', 'everyone', 'disab*', 'additional needs', 'language*'] },
  {
    code: 'wales-charter-ambitions',
    patterns: ['ambition*', 'aspiration*', 'aspire*', 'dream*', 'goal*', 'hopes', 'achiev*', 'potential'],
  },
  { code: 'wales-charter-nurturing', patterns: ['nurtur*', 'care about', 'love*', 'warm*', 'kind*', 'celebrat*', 'birthday*'] },
  {
    code: 'wales-charter-health',
    patterns: ['health*', 'well being', 'wellbeing', 'emotional*', 'mental*', 'physical*', 'sport*', 'doctor*', 'dentist*'],
  },
  { code: 'wales-charter-home', patterns: ['home', 'homes', 'stable', 'stability', 'settled', 'placement*', 'foster*', 'live with'] },
  {
    code: 'wales-charter-education',
    patterns: ['school*', 'education*', 'learning', 'learn', 'college', 'universit*', 'exam*', 'qualification*', 'teacher*'],
  },
  { code: 'wales-charter-future', patterns: ['future', 'job*', 'career*', 'employment', 'apprentice*', 'training', 'money', 'budget*'] },
  {
    code: 'wales-charter-after-care',
    patterns: ['leav* care', 'care leaver*', 'after care', 'moving on', 'move on', 'independen*', 'tenanc*', 'housing'],
  },
];

export const SCOTLAND_PRINCIPLE_RULES: readonly SuggestionRule<PrincipleCode>[] = [
  {
    code: 'cypsa2014-58a',
    patterns: ['wellbeing', 'well being', 'safe', 'safety', 'harm', 'bully*', 'bullied', 'abuse', 'exploit*', 'health*'],
  },
  { code: 'cypsa2014-58b', patterns: ['assess*', 'needs', 'plan', 'plans', 'review*', 'find out what'] },
  { code: 'cypsa2014-58c', patterns: ['interests', 'stand up for', 'advocate*', 'advocacy', 'rights', 'voice*', 'listen*', 'views'] },
  {
    code: 'cypsa2014-58d',
    patterns: ['opportunit*', 'chance*', 'activit*', 'sport*', 'leisure', 'hobby', 'hobbies', 'clubs', 'job*', 'apprentice*'],
  },
  {
    code: 'cypsa2014-58e',
    patterns: ['take part', 'taking part', 'access*', 'help you get', 'help you find', 'use our', 'services', 'support to'],
  },
  { code: 'cypsa2014-58f', patterns: ['improv*', 'better', 'learn from', 'change how', 'feedback', 'check how'] },
];
