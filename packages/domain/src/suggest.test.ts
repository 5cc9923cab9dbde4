import { describe, expect, it } from 'vitest';
import { LOCAL_OFFER_AREAS, PRINCIPLES } from './reference.js';
import { matchPatterns, suggestMappings, suggestionKindOf } from './suggest.js';
import { OFFER_AREA_RULES, PRINCIPLE_RULES } from './suggestion-rules.js';

// Worcestershire County Council's published pledges, word for word (typos included).
const WORCESTERSHIRE: Record<number, string> = {
  1: 'Support and help you to keep safe and prevent bullying',
  2: 'Ensure that you physical and emotional health and well-being is fully supported',
  3: 'Make sure that your learning is a priority and opportunities maximised to achieve the best outcomes for you',
  4: 'Support you to leave care when it is safe to do so',
  5: 'Support your carers by helping them to help you grow and develop into adulthood',
  6: 'Help you meet regularly with those who are responsible in supporting and caring for you',
  7: 'Work hard to minimise the number of changes you have in your social worker or Personal Advisor',
  8: 'Help you to access a range of fun and leisure activities',
  9: 'Ensure you are fully involved in key decisions being made about your care',
  10: 'Your carers will make day to day decisions so there is no delay in you being able to carry out safe activities of your choice',
  11: "Our aspirations and goals as Corporate Parents will be the same as any good parent. We will require the best for our looked after children not just 'good enough",
};

const unmapped = (text: string) => ({ text, principles: [], localOfferAreas: [] });
const found = (text: string) => suggestMappings(unmapped(text)).map((s) => [s.code, s.matched]);

describe('suggested mappings for Worcestershire’s pledges', () => {
  it.each([
    [1, [['cswa2017-1f', ['keep safe', 'bullying']]]],
    [
      2,
      [
        ['cswa2017-1a', ['physical', 'emotional health', 'well-being']],
        ['offer-health', ['physical', 'emotional health', 'well-being']],
      ],
    ],
    [
      3,
      [
        ['cswa2017-1e', ['learning', 'achieve the best outcomes']],
        ['offer-education', ['learning']],
      ],
    ],
    [
      4,
      [
        ['cswa2017-1f', ['safe']],
        ['cswa2017-1g', ['leave care']],
      ],
    ],
    [
      5,
      [
        ['cswa2017-1a', ['grow and develop']],
        ['cswa2017-1g', ['adulthood']],
      ],
    ],
    [6, []],
    [7, [['cswa2017-1f', ['number of changes']]]],
    [
      8,
      [
        ['cswa2017-1a', ['fun', 'leisure']],
        ['cswa2017-1d', ['access']],
        ['offer-participation', ['fun', 'leisure']],
      ],
    ],
    [
      9,
      [
        ['cswa2017-1b', ['involved']],
        ['cswa2017-1c', ['involved', 'decisions']],
      ],
    ],
    [
      10,
      [
        ['cswa2017-1c', ['decisions', 'choice']],
        ['cswa2017-1f', ['safe']],
      ],
    ],
    [11, [['cswa2017-1e', ['aspirations', 'goals', 'the best', 'good enough']]]],
  ] as const)('pledge %i', (number, expected) => {
    expect(found(WORCESTERSHIRE[number]!)).toEqual(expected);
  });

  it('says why, in words, quoting the promise', () => {
    expect(suggestMappings(unmapped(WORCESTERSHIRE[1]!))).toEqual([
      {
        code: 'cswa2017-1f',
        kind: 'principle',
        name: 'Safety and stability',
        reason: 'mentions “keep safe” and “bullying”',
        matched: ['keep safe', 'bullying'],
      },
    ]);
    expect(suggestMappings(unmapped(WORCESTERSHIRE[8]!)).map((s) => `${s.name}: ${s.reason}`)).toEqual([
      'Best interests and wellbeing: mentions “fun” and “leisure”',
      'Access to services: mentions “access”',
      'Participation in society: mentions “fun” and “leisure”',
    ]);
  });

  it('leaves out what is already chosen and what an editor turned down', () => {
    const pledge10 = { text: WORCESTERSHIRE[10]!, principles: ['cswa2017-1c' as const], localOfferAreas: [] };
    expect(suggestMappings(pledge10).map((s) => s.code)).toEqual(['cswa2017-1f']);
    expect(suggestMappings({ ...pledge10, rejectedSuggestions: ['cswa2017-1f'] })).toEqual([]);
    const pledge2 = { text: WORCESTERSHIRE[2]!, principles: [], localOfferAreas: ['offer-health' as const], rejectedSuggestions: [] };
    expect(suggestMappings(pledge2).map((s) => s.code)).toEqual(['cswa2017-1a']);
  });

  it('reads the plain words as well as the formal text', () => {
    const promise = {
      ...unmapped(WORCESTERSHIRE[6]!),
      plainWords: 'You will see the people who look after you, and they will listen to you.',
    };
    expect(suggestMappings(promise).map((s) => [s.code, s.matched])).toEqual([
      ['cswa2017-1b', ['listen']],
      ['cswa2017-1c', ['listen']],
    ]);
  });
});

describe('the rules for the other local offer areas', () => {
  // Somerset's theme titles, and sentences of the kind care leavers' local offers use.
  it.each([
    ['Contact with important people', 'offer-relationships', ['important people']],
    ['Where I live', 'offer-accommodation', ['Where I live']],
    ['We will help you find a job or an apprenticeship', 'offer-employment', ['job', 'apprenticeship']],
    ['We will help you learn to manage your money and pay your bills', 'offer-finance', ['money', 'bills']],
  ] as const)('"%s" suggests %s', (text, code, matched) => {
    expect(suggestMappings(unmapped(text)).find((s) => s.code === code)?.matched).toEqual(matched);
  });

  it('has a rule for every principle and every local offer area, each one tested above', () => {
    expect(PRINCIPLE_RULES.map((rule) => rule.code)).toEqual(PRINCIPLES.map((p) => p.code));
    expect(OFFER_AREA_RULES.map((rule) => rule.code)).toEqual(LOCAL_OFFER_AREAS.map((a) => a.code));
    expect(suggestionKindOf('cswa2017-1a')).toBe('principle');
    expect(suggestionKindOf('offer-finance')).toBe('offerArea');
    expect(suggestionKindOf('cswa2017-1z')).toBeNull();
  });
});

describe('how patterns match', () => {
  it('matches whole words only, with * for any ending and a space for a hyphen', () => {
    expect(matchPatterns('Bullied, bullying and bully', ['bully*'])).toEqual(['bullying', 'bully']);
    expect(found('Bullied or bullies')).toEqual([['cswa2017-1f', ['Bullied', 'bullies']]]);
    expect(matchPatterns('Safety first, and a safe home', ['safe'])).toEqual(['safe']);
    expect(matchPatterns('No one is homeless', ['home'])).toEqual([]);
    expect(matchPatterns('wellbeing, well-being and well being', ['well being', 'wellbeing'])).toEqual([
      'wellbeing',
      'well-being',
      'well being',
    ]);
    expect(matchPatterns('When you leave care, and after leaving care', ['leav* care'])).toEqual(['leave care', 'leaving care']);
  });

  it('does not treat "support" as access to services: most promises begin with it', () => {
    expect(found(WORCESTERSHIRE[4]!).map(([code]) => code)).not.toContain('cswa2017-1d');
    expect(found('We will support you')).toEqual([]);
  });

  it('suggests nothing for empty words', () => {
    expect(suggestMappings({ text: '', plainWords: null, principles: [], localOfferAreas: [] })).toEqual([]);
  });
});
