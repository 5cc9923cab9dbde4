import { describe, expect, it } from 'vitest';
import { attendanceInWords, periodInWords } from './words';

describe('the report in words', () => {
  it('names who came by kind, with a number only where the council gave one', () => {
    expect(
      attendanceInWords([
        { kind: 'elected-members', count: 5 },
        { kind: 'young-people', count: null },
      ]),
    ).toBe('Elected members (5), young people');
    expect(attendanceInWords([])).toBe('');
  });

  it('says the whole calendar year, or the year so far', () => {
    expect(periodInWords({ from: '2026-01-01', to: '2026-12-31', complete: true }, '2027-03-01')).toBe(
      '1 January 2026 to 31 December 2026',
    );
    expect(periodInWords({ from: '2026-01-01', to: '2026-12-31', complete: false }, '2026-11-30')).toBe(
      '1 January 2026 to 30 November 2026, so far',
    );
  });
});
