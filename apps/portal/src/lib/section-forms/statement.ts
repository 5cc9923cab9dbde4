import { CORPORATE_PARENT_KINDS, DEFAULT_HELPFUL_QUESTION, statement, type Statement } from '@pledgekeeper/domain/council';
import {
  filledItems,
  fromLines,
  fromParagraphs,
  fromText,
  linesOf,
  optionalText,
  options,
  paragraphsOf,
  text,
  type Field,
  type FormValues,
} from './form-model';
import type { SectionForm } from './section-form';

const KINDS = [...CORPORATE_PARENT_KINDS.council, ...CORPORATE_PARENT_KINDS.partner];

const fields: Field[] = [
  { kind: 'textarea', name: 'summary', label: 'Summary', hint: 'One or two sentences. Optional.' },
  { kind: 'paragraphs', name: 'paragraphs', label: 'What corporate parenting means', hint: 'Leave a blank line between paragraphs.' },
  {
    kind: 'group',
    name: 'corporateParents',
    label: 'Corporate parents',
    itemLabel: 'Corporate parent',
    fields: [
      { kind: 'select', name: 'kind', label: 'Kind', options: options(KINDS), empty: 'Choose a kind' },
      { kind: 'text', name: 'label', label: 'Name as on your page' },
    ],
  },
  { kind: 'lines', name: 'goodParentMeans', label: 'Being a good corporate parent means', hint: 'One point per line.' },
  {
    kind: 'text',
    name: 'helpfulQuestion',
    label: 'Question above the feedback form',
    hint: `Your own words for it, for example “Was this information helpful?”. Leave it empty for “${DEFAULT_HELPFUL_QUESTION}”`,
  },
];

export const statementForm: SectionForm = {
  section: 'statement',
  title: 'Statement',
  summary: 'What corporate parenting means, in your council’s words, and who shares the duties.',
  fields,
  schema: statement,
  toContent: (values: FormValues) => ({
    summary: optionalText(values.summary),
    paragraphs: paragraphsOf(values.paragraphs),
    corporateParents: filledItems(values, 'corporateParents').map((item) => ({ kind: text(item.kind), label: text(item.label) })),
    goodParentMeans: linesOf(values.goodParentMeans),
    helpfulQuestion: optionalText(values.helpfulQuestion),
  }),
  fromContent: (content) => {
    const value = (content ?? statement.parse({ paragraphs: [] })) as Statement;
    return {
      summary: fromText(value.summary),
      paragraphs: fromParagraphs(value.paragraphs),
      corporateParents: value.corporateParents.map((parent) => ({ kind: parent.kind, label: parent.label })),
      goodParentMeans: fromLines(value.goodParentMeans),
      helpfulQuestion: fromText(value.helpfulQuestion ?? null),
    };
  },
};
