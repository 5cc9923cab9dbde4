import { z } from 'zod';
import { role } from './account.js';
import { board } from './board.js';
import { branding, contact, council, noBranding } from './council.js';
import { eventOffer, involvement, trainingOffer } from './involvement.js';
import { councilContent } from './page.js';
import { pledgeContent, pledgeStatus } from './pledge.js';
import { statement } from './statement.js';
import { CONTROL_CHARACTERS } from './text.js';

/** The parts of a council's page that are edited, and saved, one at a time. */
export const SECTIONS = ['statement', 'pledge', 'board', 'involvement', 'training', 'events', 'contacts', 'branding'] as const;
export const section = z.enum(SECTIONS, {
  error: () => `The section must be one of ${SECTIONS.join(', ')}`,
});
export type Section = z.infer<typeof section>;

/** What each section holds: the same schemas as the page itself. */
export const sectionContent = {
  statement,
  pledge: pledgeContent.nullable(),
  board: board.nullable(),
  involvement: involvement.nullable(),
  // The same limits as the page's lists.
  training: z.array(trainingOffer).max(20, 'A page has at most 20 training offers'),
  events: z.array(eventOffer).max(20, 'A page has at most 20 event offers'),
  contacts: z.array(contact).max(20, 'A page has at most 20 contacts'),
  branding,
} as const satisfies Record<Section, z.ZodType>;

export type SectionContent<S extends Section> = z.infer<(typeof sectionContent)[S]>;

/**
 * One edition's whole content: the page without the council itself, and how the portal looks. A
 * seed file states its branding on its council; an edition carries its own, so it is reviewed.
 */
export const editionContent = councilContent.omit({ council: true }).extend({ branding: branding.default(noBranding) });
export type EditionContent = z.infer<typeof editionContent>;

/** The content of a council that has never had a page: a statement with no paragraphs, and nothing else. */
export const emptyContent = (): EditionContent => ({
  statement: { summary: null, paragraphs: [], corporateParents: [], goodParentMeans: [], helpfulQuestion: null },
  pledge: null,
  board: null,
  involvement: null,
  training: [],
  events: [],
  contacts: [],
  branding: noBranding(),
});

/** Who last saved a section of a draft, and which save it was: the basis of optimistic concurrency. */
export interface SectionRevision {
  revision: number;
  by: string | null;
  at: string | null;
}
export type SectionRevisions = Record<Section, SectionRevision>;

export const revisionNumber = z
  .number({ error: 'The revision must be a whole number' })
  .int('The revision must be a whole number')
  .min(0, 'The revision cannot be negative')
  .max(1_000_000_000, 'The revision is too large');

/** A save of one section: the revision the editor started from, and the new content. */
export type SectionSave = { [S in Section]: { section: S; revision: number; content: SectionContent<S> } }[Section];

export const saveSectionInput = z
  .object({ section, revision: revisionNumber, content: z.unknown() })
  .transform((value, ctx): SectionSave => {
    const parsed = sectionContent[value.section].safeParse(value.content);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        ctx.addIssue({ code: 'custom', message: issue.message, path: ['content', ...issue.path] });
      }
      return z.NEVER;
    }
    return { section: value.section, revision: value.revision, content: parsed.data } as SectionSave;
  });

export const WORKING_STATUSES = ['draft', 'in-review'] as const;
export const workingStatus = z.enum(WORKING_STATUSES);
export type WorkingStatus = z.infer<typeof workingStatus>;

/** The edition being edited, or what an editor would start from. */
export const workspaceDraft = z.object({
  version: z.number().int(),
  status: pledgeStatus,
  content: editionContent,
  revisions: z.record(section, z.number().int()),
});

/** Why a save was refused when someone else saved the section first; the portal shows it too. */
export const SECTION_CONFLICT_MESSAGE =
  'Someone else saved this section while you were editing it. Their version is shown; your text is kept below it.';

export const sectionConflict = z.object({
  section,
  revision: z.number().int(),
  content: z.unknown(),
  savedBy: z.string().nullable(),
  savedAt: z.string().nullable(),
});
export type SectionConflictDetail = z.infer<typeof sectionConflict>;

export const historyEntry = z.object({
  version: z.number().int(),
  status: pledgeStatus,
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  publishedBy: z.string().nullable(),
  publishedAt: z.string().nullable(),
});
export type HistoryEntry = z.infer<typeof historyEntry>;

/** A comment on one section when sending a draft back: empty means none. */
export const sectionComments = z
  .partialRecord(section, z.string().trim().max(2000, 'A comment on a section is at most 2000 characters'))
  .default({})
  .transform(
    (comments) => Object.fromEntries(Object.entries(comments).filter(([, text]) => text !== '')) as Partial<Record<Section, string>>,
  );

export const reviewComment = z
  .string({ error: 'Write a comment for the editors' })
  .trim()
  .min(1, 'Write a comment for the editors')
  .max(2000, 'A comment is at most 2000 characters')
  .refine((value) => !CONTROL_CHARACTERS.test(value), 'A comment must not contain control characters');

/** A page counts as stale when nobody has reviewed it for this long. */
export const STALE_AFTER_MONTHS = 12;

/** True when the page was last reviewed more than twelve months before `now`, or never. */
export function isStale(reviewedAt: string | null, now: Date): boolean {
  if (!reviewedAt) return true;
  const limit = new Date(now.getTime());
  limit.setUTCMonth(limit.getUTCMonth() - STALE_AFTER_MONTHS);
  return new Date(reviewedAt) < limit;
}

/** A rule's finding, as `checkCouncilContent` gives it. */
export const finding = z.object({
  rule: z.string(),
  severity: z.enum(['error', 'warning']),
  message: z.string(),
  path: z.array(z.union([z.string(), z.number()])),
});

/** The start page of a council's workspace. */
export const workspaceOverview = z.object({
  council,
  role,
  working: z
    .object({
      version: z.number().int(),
      status: workingStatus,
      reviewComment: z.string().nullable(),
      /** A publisher's comments on single sections, from when the draft was last sent back. */
      sectionComments: z.partialRecord(section, z.string()),
      updatedAt: z.string(),
    })
    .nullable(),
  published: z.object({ version: z.number().int(), publishedAt: z.string().nullable(), reviewedAt: z.string().nullable() }).nullable(),
  /** Last reviewed more than twelve months ago, or never published. */
  stale: z.boolean(),
  /** What the rules find in the working content, or else in the published content. */
  findings: z.array(finding),
});

export const versionNumber = z
  .number({ error: 'A version must be a whole number' })
  .int('A version must be a whole number')
  .min(1, 'Versions start at 1')
  .max(1_000_000, 'There is no such version');
