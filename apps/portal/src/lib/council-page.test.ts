import { describe, expect, it } from 'vitest';
import type { Promise } from '@pledgekeeper/domain/council';
import {
  audiencesInWords,
  corporateParentsByGroup,
  inWords,
  kindLabel,
  membershipInWords,
  promiseCountInWords,
  themeCountInWords,
  promiseLabel,
  promisesForPrinciple,
  telHref,
  webHref,
} from './council-page';

const promise = (overrides: Partial<Promise>): Promise => ({
  number: null,
  text: 'A promise',
  plainWords: null,
  themeKey: null,
  audiences: [],
  principles: [],
  localOfferAreas: [],
  ...overrides,
});

describe('words', () => {
  it('joins lists the way people write them', () => {
    expect(inWords([])).toBe('');
    expect(inWords(['a'])).toBe('a');
    expect(inWords(['a', 'b'])).toBe('a and b');
    expect(inWords(['a', 'b', 'c'])).toBe('a, b and c');
  });

  it('names audiences, board members and council kinds in plain words', () => {
    expect(audiencesInWords(['children-in-care', 'care-leavers'])).toBe('Children in care and care leavers');
    expect(membershipInWords(['partner-agencies', 'young-people'])).toBe('Partner agencies and young people');
    expect(kindLabel('county')).toBe('County council');
    expect(promiseCountInWords(1)).toBe('1 promise');
    expect(promiseCountInWords(11)).toBe('11 promises');
    expect(themeCountInWords(1)).toBe('1 theme');
    expect(themeCountInWords(7)).toBe('7 themes');
  });
});

describe('promises', () => {
  it('labels numbered promises as the council numbers them, in its own word for a promise', () => {
    expect(promiseLabel(promise({ number: 3 }), 'pledge')).toBe('Pledge 3');
    expect(promiseLabel(promise({ number: 3 }), 'commitment')).toBe('Commitment 3');
    expect(promiseLabel(promise({ number: 3 }))).toBe('Promise 3');
    expect(promiseLabel(promise({ text: 'Listen to you' }))).toBe('Listen to you');
  });

  it('finds the promises mapped to a principle', () => {
    const promises = [
      promise({ number: 1, principles: ['cswa2017-1f'] }),
      promise({ number: 2, principles: ['cswa2017-1a', 'cswa2017-1f'] }),
      promise({ number: 3 }),
    ];
    expect(promisesForPrinciple(promises, 'cswa2017-1f').map((p) => p.number)).toEqual([1, 2]);
    expect(promisesForPrinciple(promises, 'cswa2017-1g')).toEqual([]);
  });
});

describe('corporateParentsByGroup', () => {
  it('splits the council’s people from partner agencies, keeping the council’s order', () => {
    const groups = corporateParentsByGroup([
      { kind: 'officers', label: 'Officers' },
      { kind: 'health', label: 'Health' },
      { kind: 'elected-members', label: 'Members' },
      { kind: 'other', label: 'Everyone else' },
    ]);
    expect(groups.council.map((p) => p.label)).toEqual(['Officers', 'Members']);
    expect(groups.partner.map((p) => p.label)).toEqual(['Health', 'Everyone else']);
  });
});

describe('links', () => {
  it('dials the number without spaces', () => {
    expect(telHref('0300 123 2224')).toBe('tel:03001232224');
  });

  it('links only web addresses', () => {
    expect(webHref('https://example.org/board')).toBe('https://example.org/board');
    expect(webHref('javascript:alert(1)')).toBeNull();
    expect(webHref('not a url')).toBeNull();
    expect(webHref(null)).toBeNull();
  });
});
