import { councilContent, type TrainingOffer } from '@pledgekeeper/domain/council';
import { filledItems, fromParagraphs, fromText, optionalText, paragraphsOf, text, type Field, type FormValues } from './form-model';
import type { SectionForm } from './section-form';

const fields: Field[] = [
  {
    kind: 'group',
    name: 'offers',
    label: 'Training offers',
    itemLabel: 'Offer',
    fields: [
      { kind: 'text', name: 'title', label: 'Title' },
      { kind: 'paragraphs', name: 'description', label: 'Description', hint: 'Leave a blank line between paragraphs.' },
      { kind: 'text', name: 'duration', label: 'How long it takes', hint: 'Optional, like half a day.' },
      { kind: 'text', name: 'registration.text', label: 'How to register', hint: 'Optional.' },
      { kind: 'text', name: 'registration.email', label: 'Registration email' },
      { kind: 'text', name: 'registration.url', label: 'Registration web address' },
    ],
  },
];

export const trainingForm: SectionForm = {
  section: 'training',
  title: 'Training',
  summary: 'Training you offer on corporate parenting, and how to register.',
  fields,
  schema: councilContent.shape.training,
  listName: 'offers',
  toContent: (values: FormValues) =>
    filledItems(values, 'offers').map((item) => {
      const registration = {
        text: optionalText(item['registration.text']),
        email: optionalText(item['registration.email']),
        url: optionalText(item['registration.url']),
      };
      return {
        title: text(item.title),
        description: paragraphsOf(item.description),
        duration: optionalText(item.duration),
        registration: Object.values(registration).some((value) => value !== null) ? registration : null,
      };
    }),
  fromContent: (content) => ({
    offers: ((content ?? []) as TrainingOffer[]).map((offer) => ({
      title: offer.title,
      description: fromParagraphs(offer.description),
      duration: fromText(offer.duration),
      'registration.text': fromText(offer.registration?.text),
      'registration.email': fromText(offer.registration?.email),
      'registration.url': fromText(offer.registration?.url),
    })),
  }),
};
