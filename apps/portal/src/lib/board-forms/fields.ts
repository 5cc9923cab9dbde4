import { CONTROL_CHARACTERS } from '@pledgekeeper/domain/council';
import type { FormErrors } from '$lib/form-errors';
import type { DatePart } from './date-input';

/** What the board's and "you said, we did" forms share: reading lists and words, and saying what is wrong in GOV.UK's words. */

/** A form's checked result: the record, or a message per field and the date boxes to mark. */
export type Checked<T> = { ok: true; value: T } | { ok: false; errors: FormErrors; wrong: DatePart[] };

export const readText = (data: FormData, name: string): string => String(data.get(name) ?? '').trim();

/** Every value sent under a name (checkboxes), once each, as sent. */
export const readList = (data: FormData, name: string): string[] => [
  ...new Set(
    data
      .getAll(name)
      .map((value) => String(value).trim())
      .filter(Boolean),
  ),
];

const thousands = (count: number): string => count.toLocaleString('en-GB');

/**
 * What is wrong with some words, if anything: `what` begins the sentence ("Decisions"), and
 * `missing` is said when they are needed and left out.
 */
export function wordsProblem(value: string, max: number, what: string, missing?: string): string | null {
  if (value === '') return missing ?? null;
  if (value.length > max) return `${what} must be ${thousands(max)} characters or fewer`;
  if (CONTROL_CHARACTERS.test(value)) return `${what} must not contain control characters`;
  return null;
}

/** A choice that is not on the form came from a tampered form or a page that has since changed. */
export const unknownChoices = (chosen: readonly string[], offered: readonly string[]): boolean =>
  chosen.some((value) => !offered.includes(value));

/** Drops the problems that are not there. */
export const problems = (found: Record<string, string | null>): FormErrors =>
  Object.fromEntries(Object.entries(found).filter((entry): entry is [string, string] => entry[1] !== null));
