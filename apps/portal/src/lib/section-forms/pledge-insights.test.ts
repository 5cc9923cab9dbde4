import { describe, expect, it } from 'vitest';
import { acceptField, promiseInsights, readingAgeHint, suggestionChoices } from './pledge-insights';

const promise = (overrides: Record<string, string | string[]>) => ({
  number: '',
  text: '',
  plainWords: '',
  themeKey: '',
  principles: [],
  localOfferAreas: [],
  audiences: [],
  rejectedSuggestions: [],
  ...overrides,
});

describe('what the pledge form shows beside each promise', () => {
  it('gives the reading age of both texts, and none for an empty one', () => {
    const [first, second] = promiseInsights({
      promises: [
        promise({
          text: 'Ensure that you physical and emotional health and well-being is fully supported',
          plainWords: 'We will help you stay well.',
        }),
        promise({}),
      ],
    });
    expect(first?.textAge?.label).toBe('about 17 years: hard to read');
    expect(first?.plainWordsAge?.label).toBe('about 5 years: easy to read');
    expect(readingAgeHint(first!.textAge)).toBe('Reading age (an estimate): about 17 years: hard to read.');
    expect(second).toEqual({ textAge: null, plainWordsAge: null, suggestions: [] });
  });

  it('suggests only what is not chosen or turned down, and says where an accepted one goes', () => {
    const text = 'Support and help you to keep safe and prevent bullying at school';
    const [open] = promiseInsights({ promises: [promise({ text })] });
    expect(open?.suggestions.map((s) => s.code)).toEqual(['cswa2017-1e', 'cswa2017-1f', 'offer-education']);
    expect(open?.suggestions.map(acceptField)).toEqual(['principles', 'principles', 'localOfferAreas']);
    const [decided] = promiseInsights({
      promises: [promise({ text, principles: ['cswa2017-1f'], rejectedSuggestions: ['cswa2017-1e', 'offer-education'] })],
    });
    expect(decided?.suggestions).toEqual([]);
  });

  it('has nothing to show for a form without promises', () => {
    expect(promiseInsights({ title: 'Our pledge' })).toEqual([]);
  });

  it('reads the suggestions accepted and turned down on the form as the changes they make, ignoring "Decide later"', () => {
    const data = new FormData();
    data.append('promises.2.decide.cswa2017-1f', 'accept');
    data.append('promises.2.decide.offer-education', 'accept');
    data.append('promises.0.decide.cswa2017-1e', 'reject');
    data.append('promises.1.decide.cswa2017-1a', '');
    data.append('promises.1.decide.not-a-code', 'accept');
    expect(suggestionChoices(data)).toEqual([
      { kind: 'include', group: 'promises', index: 2, field: 'principles', value: 'cswa2017-1f' },
      { kind: 'include', group: 'promises', index: 2, field: 'localOfferAreas', value: 'offer-education' },
      { kind: 'include', group: 'promises', index: 0, field: 'rejectedSuggestions', value: 'cswa2017-1e' },
    ]);
  });
});
