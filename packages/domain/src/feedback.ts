import { z } from 'zod';
import { councilSlug } from './council.js';
import { deliveryTarget } from './progress.js';
import { CONTROL_CHARACTERS } from './text.js';

export const FEEDBACK_COMMENT_MAX = 1200;
export const MESSAGE_MAX = 2000;

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
    .refine((value) => !CONTROL_CHARACTERS.test(value), 'Your comment contains characters we cannot store')
    .transform((value) => (value === '' ? null : value))
    .nullable()
    .default(null),
});
export type FeedbackInput = z.infer<typeof feedbackInput>;

/** What a "Tell us what you think" message is about; the reader may leave it unsaid. */
export const MESSAGE_TOPICS = [
  { code: 'promises', label: 'The promises' },
  { code: 'help', label: 'Getting help or support' },
  { code: 'involvement', label: 'Having my say and getting involved' },
  { code: 'something-else', label: 'Something else' },
] as const;
export type MessageTopic = (typeof MESSAGE_TOPICS)[number]['code'];
const topicCodes = MESSAGE_TOPICS.map((topic) => topic.code) as [MessageTopic, ...MessageTopic[]];
export const messageTopic = z.enum(topicCodes, { error: 'Choose one of the topics, or none' });

/** "Tell us what you think": anonymous words to the council, never shown publicly. */
export const messageInput = z.object({
  council: councilSlug,
  page: feedbackPage,
  topic: messageTopic.nullable().default(null),
  /**
   * The promise or theme of the council's published pledge it is about, where the reader said:
   * "promise-3" or "theme-where-i-live", as its progress is recorded against (see progressEntries).
   */
  about: deliveryTarget.nullable().default(null),
  message: z
    .string({ error: 'Write what you think' })
    .trim()
    .min(1, 'Write what you think before you send it')
    .max(MESSAGE_MAX, `Your message must be at most ${MESSAGE_MAX.toLocaleString('en-GB')} characters`)
    .refine((value) => !CONTROL_CHARACTERS.test(value), 'Your message contains characters we cannot store'),
});
export type MessageInput = z.infer<typeof messageInput>;

export const FEEDBACK_KINDS = ['helpful', 'message'] as const;
export const feedbackKind = z.enum(FEEDBACK_KINDS);
export type FeedbackKind = z.infer<typeof feedbackKind>;

/** Where the council's people are with a piece of feedback. */
export const FEEDBACK_STATUSES = ['new', 'read', 'answered'] as const;
export const feedbackStatus = z.enum(FEEDBACK_STATUSES, { error: 'A status must be new, read or answered' });
export type FeedbackStatus = z.infer<typeof feedbackStatus>;

export const feedback = z.object({
  id: z.string(),
  kind: feedbackKind,
  page: feedbackPage,
  /** For "Was this helpful?" only. */
  helpful: z.boolean().nullable(),
  topic: messageTopic.nullable(),
  /** For a message only: the promise or theme it is about, if the reader said. */
  about: deliveryTarget.nullable().default(null),
  comment: z.string().nullable(),
  createdAt: z.string().datetime(),
  status: feedbackStatus,
  /** Who last changed the status, and when; null while it is new. */
  statusChangedAt: z.string().datetime().nullable(),
  statusChangedBy: z.string().nullable(),
  /**
   * The "you said, we did" entry that answers it, if any: `published` once the public can read
   * the entry, when the view says "answered publicly". The message itself is never published.
   */
  publicAnswer: z.object({ key: z.string(), published: z.boolean() }).nullable().default(null),
});
export type Feedback = z.infer<typeof feedback>;

export const feedbackReceipt = z.object({ received: z.literal(true) });

/** One month's feedback on one page: the counts staff watch over time. */
export const feedbackTally = z.object({
  page: feedbackPage,
  /** The calendar month, as "2026-11". */
  month: z.string().regex(/^\d{4}-\d{2}$/),
  helpful: z.number().int().min(0),
  notHelpful: z.number().int().min(0),
  messages: z.number().int().min(0),
});
export type FeedbackTally = z.infer<typeof feedbackTally>;

/** Who to tell when a message suggests a child may be at risk: a team, a number, an address. */
export const safeguardingContact = z
  .string({ error: 'Enter who to contact when a message suggests a child may be at risk' })
  .trim()
  .min(1, 'Enter who to contact when a message suggests a child may be at risk')
  .max(300, 'The safeguarding contact is at most 300 characters')
  .refine((value) => !CONTROL_CHARACTERS.test(value), 'The safeguarding contact must not contain control characters');

export const feedbackOverview = z.object({
  /** Given by a publisher before the messages can be read; null until then, and the lists are empty. */
  safeguardingContact: z.string().nullable(),
  tallies: z.array(feedbackTally),
  /** Everything with words in it, newest first. */
  comments: z.array(feedback),
});

export const markFeedbackInput = z.object({
  council: councilSlug,
  id: z.string().uuid('That feedback does not exist'),
  status: feedbackStatus,
});

/**
 * Tallies by page and month from single pieces of feedback, newest month first, then by page.
 * Pure, so the same figures can be checked without a database.
 */
export function tallyFeedback(items: readonly Pick<Feedback, 'page' | 'kind' | 'helpful' | 'createdAt'>[]): FeedbackTally[] {
  const tallies = new Map<string, FeedbackTally>();
  for (const item of items) {
    const month = item.createdAt.slice(0, 7);
    const key = `${month} ${item.page}`;
    const tally = tallies.get(key) ?? { page: item.page, month, helpful: 0, notHelpful: 0, messages: 0 };
    if (item.kind === 'message') tally.messages += 1;
    else if (item.helpful) tally.helpful += 1;
    else tally.notHelpful += 1;
    tallies.set(key, tally);
  }
  return [...tallies.values()].sort((a, b) => b.month.localeCompare(a.month) || a.page.localeCompare(b.page));
}
