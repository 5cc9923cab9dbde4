import { z } from 'zod';

// Control characters other than tab and newline never belong in published text, and PostgreSQL
// cannot store a NUL at all. Matching them is the point, hence the rule is off for this line.
// eslint-disable-next-line no-control-regex
export const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** Plain text written by a council: trimmed, not empty, bounded. Rendered as text, never as HTML. */
export const plainText = (max: number) =>
  z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`)
    .refine((value) => !CONTROL_CHARACTERS.test(value), 'must not contain control characters');

/** Paragraphs of prose, in the order the council wrote them. */
export const paragraphs = (maxEach = 4000, maxCount = 50) =>
  z.array(plainText(maxEach)).max(maxCount, `must have at most ${maxCount} paragraphs`);

export const httpUrl = z
  .string()
  .trim()
  .max(2000)
  .refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === 'https:' || url.protocol === 'http:';
    } catch {
      return false;
    }
  }, 'must be a web address starting with https:// or http://');

export const emailAddress = z.string().trim().max(254).email('must be an email address');

// UK numbers as councils print them: digits, spaces and an optional leading +.
export const phoneNumber = z
  .string()
  .trim()
  .regex(/^\+?[0-9][0-9 ]{5,19}$/, 'must be a phone number of digits and spaces');
