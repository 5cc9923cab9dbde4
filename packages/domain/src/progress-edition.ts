import { z } from 'zod';
import type { ContentKind, EditionState } from './lifecycle.js';
import type { PledgeContent } from './pledge.js';
import { type ProgressContent, progressContent, youSaidWeDid } from './progress.js';
import { progressEntries } from './progress-targets.js';

/**
 * Delivery records as a kind of content with a lifecycle of its own: drafted, reviewed and
 * published apart from the pledge, and checked against the promises the public can see.
 */

/** The one part an editor saves: all the records at once. */
export type ProgressPart = 'records';

/** The targets a council's published pledge offers: exactly those its progress page shows (see progressEntries). */
export const progressTargets = (pledge: Pick<PledgeContent, 'promises' | 'themes'> | null): string[] =>
  progressEntries(pledge).map((entry) => entry.target);

/** The promises or themes named by a record, a meeting or an entry that are not in the published pledge, once each. */
export const unknownTargets = (content: ProgressContent, targets: readonly string[]): string[] => {
  const named = [
    ...content.promises.map((record) => record.target),
    ...content.meetings.flatMap((meeting) => meeting.reviewed),
    ...content.youSaidWeDid.flatMap((entry) => entry.promises),
  ];
  return [...new Set(named.filter((target) => !targets.includes(target)))];
};

const issuesOf = (content: unknown): string[] => {
  const parsed = progressContent.safeParse(content);
  return parsed.success
    ? []
    : parsed.error.issues.map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message));
};

/** Progress against the council's published pledge, whose targets are given. */
export const progressEditionKind = (targets: readonly string[]): ContentKind<ProgressContent, ProgressPart> => ({
  problems: (content) => {
    const unknown = unknownTargets(content, targets);
    const named = unknown.map((target) => `"${target}"`).join(', ');
    return [
      ...issuesOf(content),
      ...(unknown.length === 0
        ? []
        : [
            `${unknown.length === 1 ? 'a record names' : 'records name'} ${named}, which ${unknown.length === 1 ? 'is' : 'are'} not a promise or theme in the council's published pledge`,
          ]),
    ];
  },
  partProblems: (_, content) => issuesOf(content),
  label: () => 'progress records',
  neverPublished: 'This council has not published any progress yet',
});

/** The message for a save refused because someone saved the progress records since they were read. */
export const PROGRESS_CONFLICT_MESSAGE =
  'Someone else saved the progress records while you were editing them. Load them again to see their changes, then make yours.';

export const emptyProgress = (): ProgressContent => ({ promises: [], meetings: [], youSaidWeDid: [] });

/** What the public sees: the newest published progress, or nothing published (version null, no records). */
export const publishedProgress = z.object({
  version: z.number().int().nullable(),
  publishedAt: z.string().nullable(),
  content: progressContent,
});
export type PublishedProgress = z.infer<typeof publishedProgress>;

const editionState = z.enum(['none', 'draft', 'in-review', 'published'] as const satisfies readonly EditionState[]);

/** What an editor works on: the working edition, else the published one, else nothing. */
export const workingProgress = z.object({
  state: editionState,
  version: z.number().int().nullable(),
  /** Send it back with the next save: a save from an older revision is refused. */
  revision: z.number().int().min(0),
  content: progressContent,
  reviewComment: z.string().nullable(),
  publishedVersion: z.number().int().nullable(),
});
export type WorkingProgress = z.infer<typeof workingProgress>;

export const saveProgressInput = z.object({
  revision: z.number().int().min(0).max(1_000_000_000),
  content: progressContent,
});
export type SaveProgressInput = z.infer<typeof saveProgressInput>;

/** A publisher's "you said, we did" entry, with the messages it answers (linked privately, never published). */
export const addYouSaidWeDidInput = z.object({
  revision: z.number().int().min(0).max(1_000_000_000),
  entry: youSaidWeDid.omit({ key: true }),
  feedbackIds: z.array(z.string().uuid('That message does not exist')).max(50, 'Link at most 50 messages to one entry').default([]),
});
export type AddYouSaidWeDidInput = z.infer<typeof addYouSaidWeDidInput>;
