import type { FormIssue } from './errors';
import type { Field, FormValues } from './form-model';

export const SECTION_NAMES = ['statement', 'pledge', 'board', 'involvement', 'training', 'events', 'contacts'] as const;
export type SectionName = (typeof SECTION_NAMES)[number];
export const isSectionName = (value: string): value is SectionName => (SECTION_NAMES as readonly string[]).includes(value);

/** One workspace section's form: its fields and the two-way mapping between form text and content. */
export interface SectionForm {
  section: SectionName;
  title: string;
  /** A sentence under the heading saying what the section is. */
  summary: string;
  fields: Field[];
  /** The API's schema for the content, used to place its complaints next to the fields. */
  schema: { safeParse: (value: unknown) => { success: true } | { success: false; error: { issues: FormIssue[] } } };
  /** Set where the content is a list: the group on the form that holds it. */
  listName?: string;
  toContent: (values: FormValues) => unknown;
  fromContent: (content: unknown) => FormValues;
}
