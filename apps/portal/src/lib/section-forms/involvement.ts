import { INVOLVEMENT_KINDS, involvement, type Involvement } from '@pledgekeeper/domain/council';
import { filledItems, fromText, list, optionalText, options, text, type Field, type FormValues } from './form-model';
import type { SectionForm } from './section-form';

const fields: Field[] = [
  { kind: 'textarea', name: 'introduction', label: 'Introduction', hint: 'Optional.' },
  {
    kind: 'group',
    name: 'opportunities',
    label: 'Ways to get involved',
    itemLabel: 'Opportunity',
    fields: [
      { kind: 'checkboxes', name: 'kinds', label: 'Kind', options: options(INVOLVEMENT_KINDS) },
      { kind: 'textarea', name: 'text', label: 'What people can do' },
      { kind: 'text', name: 'organisation', label: 'Organisation', hint: 'Optional.' },
      { kind: 'text', name: 'url', label: 'Web address', hint: 'Optional: where to find out more, starting https://.' },
    ],
  },
];

export const involvementForm: SectionForm = {
  section: 'involvement',
  title: 'Getting involved',
  summary: 'Ways for officers, members and partners to take part.',
  fields,
  schema: involvement.nullable(),
  toContent: (values: FormValues) => {
    const introduction = optionalText(values.introduction);
    const opportunities = filledItems(values, 'opportunities').map((item) => ({
      kinds: list(item.kinds),
      text: text(item.text),
      organisation: optionalText(item.organisation),
      url: optionalText(item.url),
    }));
    return introduction === null && opportunities.length === 0 ? null : { introduction, opportunities };
  },
  fromContent: (content) => {
    const value = content as Involvement | null;
    return {
      introduction: fromText(value?.introduction),
      opportunities: (value?.opportunities ?? []).map((item) => ({
        kinds: [...item.kinds],
        text: item.text,
        organisation: fromText(item.organisation),
        url: fromText(item.url),
      })),
    };
  },
};
