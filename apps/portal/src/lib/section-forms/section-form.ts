import { SECTIONS, type Section } from '@pledgekeeper/domain/workspace';
import type { Issue } from '$lib/form-errors';
import type { Command, Field, FormValues } from './form-model';

/**
 * The workspace has one form per section of the domain's edition, in the domain's order, but for
 * branding: its page takes a file as well as words, so it has one of its own (manage/branding).
 */
export const SECTION_NAMES = SECTIONS.filter((section): section is SectionName => section !== 'branding');
export type SectionName = Exclude<Section, 'branding'>;
export const isSectionName = (value: string): value is SectionName => (SECTION_NAMES as readonly string[]).includes(value);

/** One workspace section's form: its fields and the two-way mapping between form text and content. */
export interface SectionForm {
  section: SectionName;
  title: string;
  /** A sentence under the heading saying what the section is. */
  summary: string;
  fields: Field[];
  /** The API's schema for the content, used to place its complaints next to the fields. */
  schema: { safeParse: (value: unknown) => { success: true } | { success: false; error: { issues: Issue[] } } };
  /** Set where the content is a list: the group on the form that holds it. */
  listName?: string;
  toContent: (values: FormValues) => unknown;
  /** Changes chosen with radios rather than buttons (a suggestion accepted or turned down), as commands. */
  choices?: (data: FormData) => Command[];
  fromContent: (content: unknown) => FormValues;
}
