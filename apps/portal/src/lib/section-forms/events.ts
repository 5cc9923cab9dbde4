import { councilContent, type EventOffer } from '@pledgekeeper/domain/council';
import { filledItems, fromParagraphs, fromText, optionalText, paragraphsOf, type Field, type FormValues } from './form-model';
import type { SectionForm } from './section-form';

const fields: Field[] = [
  {
    kind: 'group',
    name: 'offers',
    label: 'Events and promotions',
    itemLabel: 'Offer',
    fields: [
      { kind: 'text', name: 'title', label: 'Title', hint: 'Optional.' },
      { kind: 'paragraphs', name: 'description', label: 'Description', hint: 'Leave a blank line between paragraphs.' },
      { kind: 'text', name: 'callToAction', label: 'Call to action', hint: 'Optional, like "Invite us to your workplace."' },
    ],
  },
];

export const eventsForm: SectionForm = {
  section: 'events',
  title: 'Events and promotions',
  summary: 'Offers to come and promote corporate parenting.',
  fields,
  schema: councilContent.shape.events,
  listName: 'offers',
  toContent: (values: FormValues) =>
    filledItems(values, 'offers').map((item) => ({
      title: optionalText(item.title),
      description: paragraphsOf(item.description),
      callToAction: optionalText(item.callToAction),
    })),
  fromContent: (content) => ({
    offers: ((content ?? []) as EventOffer[]).map((offer) => ({
      title: fromText(offer.title),
      description: fromParagraphs(offer.description),
      callToAction: fromText(offer.callToAction),
    })),
  }),
};
