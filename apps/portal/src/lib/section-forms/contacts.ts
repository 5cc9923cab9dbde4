import { councilContent, type Contact, type ContactPurpose } from '@pledgekeeper/domain/council';
import { filledItems, fromLines, fromText, linesOf, optionalText, text, type Field, type FormValues } from './form-model';
import type { SectionForm } from './section-form';

const fields: Field[] = [
  {
    kind: 'group',
    name: 'contacts',
    label: 'Contacts',
    itemLabel: 'Contact',
    startWith: 2,
    fields: [
      { kind: 'text', name: 'team', label: 'Team' },
      { kind: 'lines', name: 'addressLines', label: 'Address', hint: 'One line of the address per line, without the postcode.' },
      { kind: 'text', name: 'postcode', label: 'Postcode' },
      { kind: 'text', name: 'email', label: 'Email' },
      { kind: 'text', name: 'phone', label: 'Phone' },
      { kind: 'text', name: 'website', label: 'Website', hint: 'Starting https://' },
      {
        kind: 'checkboxes',
        name: 'purposes',
        label: 'Young people can come here for',
        hint: 'The council page points young people to these contacts for an advocate and for complaints.',
        options: [
          { value: 'advocacy', label: 'An advocate: someone on their side' },
          { value: 'complaints', label: 'Sorting out problems and making a complaint' },
        ],
      },
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
      purposes: (Array.isArray(item.purposes) ? item.purposes : []) as ContactPurpose[],
    })),
  fromContent: (content) => ({
    contacts: ((content ?? []) as Contact[]).map((contact) => ({
      team: contact.team,
      addressLines: fromLines(contact.addressLines),
      postcode: fromText(contact.postcode),
      email: fromText(contact.email),
      phone: fromText(contact.phone),
      website: fromText(contact.website),
      purposes: [...contact.purposes],
    })),
  }),
};
