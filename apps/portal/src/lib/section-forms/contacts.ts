import { councilContent, type Contact } from '@pledgekeeper/domain';
import { filledItems, fromLines, fromText, linesOf, optionalText, text, type Field, type FormValues } from './form-model';
import type { SectionForm } from './section-form';

const fields: Field[] = [
  {
    kind: 'group',
    name: 'contacts',
    label: 'Contacts',
    itemLabel: 'Contact',
    fields: [
      { kind: 'text', name: 'team', label: 'Team' },
      { kind: 'lines', name: 'addressLines', label: 'Address', hint: 'One line of the address per line, without the postcode.' },
      { kind: 'text', name: 'postcode', label: 'Postcode' },
      { kind: 'text', name: 'email', label: 'Email' },
      { kind: 'text', name: 'phone', label: 'Phone' },
      { kind: 'text', name: 'website', label: 'Website', hint: 'Starting https://' },
    ],
  },
];

export const contactsForm: SectionForm = {
  section: 'contacts',
  title: 'Contacts',
  summary: 'Teams people can write to, email or call. Each needs at least one way to reach it.',
  fields,
  schema: councilContent.shape.contacts,
  listName: 'contacts',
  toContent: (values: FormValues) =>
    filledItems(values, 'contacts').map((item) => ({
      team: text(item.team),
      addressLines: linesOf(item.addressLines),
      postcode: optionalText(item.postcode),
      email: optionalText(item.email),
      phone: optionalText(item.phone),
      website: optionalText(item.website),
    })),
  fromContent: (content) => ({
    contacts: ((content ?? []) as Contact[]).map((contact) => ({
      team: contact.team,
      addressLines: fromLines(contact.addressLines),
      postcode: fromText(contact.postcode),
      email: fromText(contact.email),
      phone: fromText(contact.phone),
      website: fromText(contact.website),
    })),
  }),
};
