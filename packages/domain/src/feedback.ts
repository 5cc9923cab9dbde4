import { z } from 'zod';
import { councilSlug } from './council.js';

export const FEEDBACK_COMMENT_MAX = 1200;

// The page a reader was on: a portal path such as "/somerset", nothing more.
export const feedbackPage = z
  .string()
  .trim()
  .max(200, 'The page must be at most 200 characters')
  .regex(/^\/[a-z0-9\-/]*$/, 'The page must be a path on this site, such as /somerset');

/** "Was this helpful?": a yes or no and an optional comment. No personal data is asked for. */
export const feedbackInput = z.object({
  council: councilSlug,
  page: feedbackPage,
  helpful: z.boolean({ error: 'Say whether the page was helpful: yes or no' }),
  comment: z
    .string()
    .trim()
    .max(FEEDBACK_COMMENT_MAX, `Your comment must be at most ${FEEDBACK_COMMENT_MAX} characters`)
    // Null bytes and other control characters are refused: PostgreSQL cannot store the first.
    .refine((value) => !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(value), 'Your comment contains characters we cannot store')
    .transform((value) => (value === '' ? null : value))
    .nullable()
    .default(null),
});
export type FeedbackInput = z.infer<typeof feedbackInput>;

export const feedback = z.object({
  page: feedbackPage,
  helpful: z.boolean(),
  comment: z.string().nullable(),
  createdAt: z.string().datetime(),
});
export type Feedback = z.infer<typeof feedback>;

export const feedbackReceipt = z.object({ received: z.literal(true) });
export type FeedbackReceipt = z.infer<typeof feedbackReceipt>;
