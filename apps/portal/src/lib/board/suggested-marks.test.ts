import { describe, expect, it } from 'vitest';
import { suggestedMarks } from './suggested-marks';

describe('marking suggested words', () => {
  it('says it once for a list whose words are all suggested', () => {
    const marks = suggestedMarks([{ words: 'We will listen.', suggested: true }, { words: null }, { words: 'Homes.', suggested: true }]);
    expect(marks.all).toBe(true);
    expect(marks.each({ words: 'We will listen.', suggested: true })).toBe(false);
  });

  it('says it beside each suggested one where the council wrote some of the words itself', () => {
    const mine = { words: 'Our own words.', suggested: false };
    const ours = { words: 'We will listen.', suggested: true };
    const marks = suggestedMarks([mine, ours]);
    expect(marks.all).toBe(false);
    expect([marks.each(mine), marks.each(ours)]).toEqual([false, true]);
  });

  it('says nothing where no words are shown or none are suggested', () => {
    expect(suggestedMarks([]).all).toBe(false);
    expect(suggestedMarks([{ words: null, suggested: true }]).all).toBe(false);
    expect(suggestedMarks([{ words: 'Mine.' }]).all).toBe(false);
  });
});
