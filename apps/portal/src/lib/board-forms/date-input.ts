/**
 * The GOV.UK date input read back from a form: three boxes (day, month, year) named
 * `${name}-day`, `${name}-month` and `${name}-year`, made into one YYYY-MM-DD date, or one message
 * saying what is wrong and which boxes to mark, as the Design System's date input pattern asks.
 */

export const DATE_PARTS = ['day', 'month', 'year'] as const;
export type DatePart = (typeof DATE_PARTS)[number];
export type DateParts = Record<DatePart, string>;

export type DateReading = { ok: true; value: string } | { ok: false; message: string; wrong: DatePart[] };

/** What was typed in the three boxes, trimmed, kept as typed so a mistake comes back unchanged. */
export const readDateParts = (data: FormData, name: string): DateParts => ({
  day: String(data.get(`${name}-day`) ?? '').trim(),
  month: String(data.get(`${name}-month`) ?? '').trim(),
  year: String(data.get(`${name}-year`) ?? '').trim(),
});

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

// People write "March" or "Mar" in the month box as often as "3"; each is accepted.
const monthNumber = (typed: string): number => {
  if (/^\d{1,2}$/.test(typed)) return Number(typed);
  const lower = typed.toLowerCase();
  const index = lower.length >= 3 ? MONTHS.findIndex((month) => month.startsWith(lower)) : -1;
  return index === -1 ? Number.NaN : index + 1;
};

const inWords = (parts: readonly DatePart[]): string =>
  parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)!}`;

const REAL = 'The date must be a real date';

/**
 * The date, or what to say about it. `what` names it when all three boxes are empty ("Enter the
 * date of the meeting"); a box left out, a year not of 4 numbers and a date no calendar has each
 * get words of their own.
 */
export function checkDate(parts: DateParts, what = 'the date'): DateReading {
  const missing = DATE_PARTS.filter((part) => parts[part] === '');
  if (missing.length === 3) return { ok: false, message: `Enter ${what}`, wrong: [...DATE_PARTS] };
  if (missing.length > 0) return { ok: false, message: `Enter the ${inWords(missing)}`, wrong: missing };

  const day = /^\d{1,2}$/.test(parts.day) ? Number(parts.day) : Number.NaN;
  const month = monthNumber(parts.month);
  const wrong: DatePart[] = [];
  if (!(day >= 1 && day <= 31)) wrong.push('day');
  if (!(month >= 1 && month <= 12)) wrong.push('month');
  if (wrong.length > 0) return { ok: false, message: REAL, wrong };
  if (!/^\d{4}$/.test(parts.year)) return { ok: false, message: 'The year must have 4 numbers, like 2026', wrong: ['year'] };

  const year = Number(parts.year);
  const date = new Date(Date.UTC(year, month - 1, day));
  // 31 April rolls over into May: a date no calendar has is refused, not moved.
  if (date.getUTCMonth() !== month - 1 || year < 1900) return { ok: false, message: REAL, wrong: [...DATE_PARTS] };
  return { ok: true, value: date.toISOString().slice(0, 10) };
}

/** An optional date: none when all three boxes are left empty, otherwise checked as `checkDate` does. */
export const checkOptionalDate = (parts: DateParts): { ok: true; value: string | null } | Extract<DateReading, { ok: false }> =>
  DATE_PARTS.every((part) => parts[part] === '') ? { ok: true, value: null } : checkDate(parts);

/** A YYYY-MM-DD date in the three boxes, as a person would type it: 2026-03-04 is 4, 3, 2026. */
export function datePartsOf(date: string): DateParts {
  const [year = '', month = '', day = ''] = date.split('-');
  return { day: String(Number(day)), month: String(Number(month)), year };
}

/** The id an error summary links to: the first box with a problem. */
export const dateErrorTarget = (id: string, wrong: readonly DatePart[] | undefined): string => `${id}-${wrong?.[0] ?? 'day'}`;
