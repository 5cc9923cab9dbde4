import { describe, expect, it } from 'vitest';
import { pledgeContent } from './pledge.js';
import { promiseLabel } from './promise-noun.js';
import { progressEntries } from './progress-targets.js';

describe("the council's own word for a promise", () => {
  it('names a numbered promise as the council does', () => {
    expect(promiseLabel('pledge', 3)).toBe('Pledge 3');
    expect(promiseLabel('promise', 3)).toBe('Promise 3');
    expect(promiseLabel('commitment', 12)).toBe('Commitment 12');
  });

  it('is "promise" unless the council says otherwise, and one of the three words only', () => {
    const base = { introduction: [], audiences: ['children-in-care'] };
    expect(pledgeContent.parse(base).promiseNoun).toBe('promise');
    expect(pledgeContent.parse({ ...base, promiseNoun: 'commitment' }).promiseNoun).toBe('commitment');
    expect(pledgeContent.safeParse({ ...base, promiseNoun: 'vow' }).success).toBe(false);
  });

  it('is what progress is recorded against, by name', () => {
    const pledge = pledgeContent.parse({
      introduction: [],
      audiences: ['children-in-care'],
      promiseNoun: 'pledge',
      promises: [{ number: 1, text: 'Keep you safe.' }],
    });
    expect(progressEntries(pledge).map((entry) => entry.label)).toEqual(['Pledge 1']);
    expect(progressEntries({ ...pledge, promiseNoun: 'commitment' }).map((entry) => entry.label)).toEqual(['Commitment 1']);
  });
});
