import { z } from 'zod';
import { paragraphs, plainText } from './text.js';

/** Who shares the duties: the council's own people, and partner agencies by kind. */
export const CORPORATE_PARENT_KINDS = {
  council: ['whole-council', 'elected-members', 'officers', 'school-staff'],
  partner: [
    'health',
    'police',
    'district-councils',
    'housing-providers',
    'voluntary-sector',
    'schools-and-colleges',
    'partner-organisations',
    'other',
  ],
} as const;

export const corporateParentKind = z.enum([...CORPORATE_PARENT_KINDS.council, ...CORPORATE_PARENT_KINDS.partner]);
export type CorporateParentKind = z.infer<typeof corporateParentKind>;

export const corporateParent = z.object({
  kind: corporateParentKind,
  /** The council's own word for them, as printed on its page. */
  label: plainText(200),
});
export type CorporateParent = z.infer<typeof corporateParent>;

export const corporateParentGroup = (kind: CorporateParentKind): 'council' | 'partner' =>
  (CORPORATE_PARENT_KINDS.council as readonly string[]).includes(kind) ? 'council' : 'partner';

/** The question above a council page's feedback form, unless the council words it its own way. */
export const DEFAULT_HELPFUL_QUESTION = 'Was this page helpful?';

/** What corporate parenting means, in the council's words. */
export const statement = z.object({
  summary: plainText(600).nullable().default(null),
  paragraphs: paragraphs(),
  corporateParents: z.array(corporateParent).max(40).default([]),
  /** The "being a good corporate parent means" list, where the council has one. */
  goodParentMeans: z.array(plainText(600)).max(30).default([]),
  /** Its own question above the feedback form ("Was this information helpful?"); null for the default. */
  helpfulQuestion: plainText(150).nullable().default(null),
});
export type Statement = z.infer<typeof statement>;
