import { describe, expect, it } from 'vitest';
import { checkDate, checkOptionalDate, datePartsOf, readDateParts, type DateParts } from './date-input';

const parts = (day: string, month: string, year: string): DateParts => ({ day, month, year });

describe('the date input', () => {
  it('reads three boxes from a form into one calendar date', () => {
    const data = new FormData();
    data.set('date-day', ' 4 ');
    data.set('date-month', '03');
    data.set('date-year', '2026');
    const typed = readDateParts(data, 'date');
    expect(typed).toEqual({ day: '4', month: '03', year: '2026' });
    expect(checkDate(typed)).toEqual({ ok: true, value: '2026-03-04' });
    expect(checkDate(parts('29', 'February', '2028'))).toEqual({ ok: true, value: '2028-02-29' });
    expect(checkDate(parts('1', 'dec', '2025'))).toEqual({ ok: true, value: '2025-12-01' });
  });

  it('says which box is missing, or the whole date when all are', () => {
    expect(checkDate(parts('', '', ''), 'the date of the meeting')).toEqual({
      ok: false,
      message: 'Enter the date of the meeting',
      wrong: ['day', 'month', 'year'],
    });
    expect(checkDate(parts('', '3', '2026'))).toEqual({ ok: false, message: 'Enter the day', wrong: ['day'] });
    expect(checkDate(parts('4', '', ''))).toEqual({ ok: false, message: 'Enter the month and year', wrong: ['month', 'year'] });
  });

  it('refuses a date no calendar has, marking the boxes at fault', () => {
    expect(checkDate(parts('31', '2', '2026'))).toEqual({
      ok: false,
      message: 'The date must be a real date',
      wrong: ['day', 'month', 'year'],
    });
    expect(checkDate(parts('12', '13', '2026'))).toEqual({ ok: false, message: 'The date must be a real date', wrong: ['month'] });
    expect(checkDate(parts('x', 'Ma', '2026'))).toEqual({ ok: false, message: 'The date must be a real date', wrong: ['day', 'month'] });
    expect(checkDate(parts('1', '1', '26'))).toEqual({ ok: false, message: 'The year must have 4 numbers, like 2026', wrong: ['year'] });
  });

  it('takes an optional date left empty as none, and one half typed as a mistake', () => {
    expect(checkOptionalDate(parts('', '', ''))).toEqual({ ok: true, value: null });
    expect(checkOptionalDate(parts('30', '9', '2025'))).toEqual({ ok: true, value: '2025-09-30' });
    expect(checkOptionalDate(parts('30', '', '2025'))).toEqual({ ok: false, message: 'Enter the month', wrong: ['month'] });
  });

  it('puts a date back in the boxes as a person would type it', () => {
    expect(datePartsOf('2026-03-04')).toEqual({ day: '4', month: '3', year: '2026' });
    expect(checkDate(datePartsOf('2025-12-31'))).toEqual({ ok: true, value: '2025-12-31' });
  });
});
