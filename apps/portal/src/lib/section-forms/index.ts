import { boardForm } from './board';
import { contactsForm } from './contacts';
import { eventsForm } from './events';
import { involvementForm } from './involvement';
import { pledgeForm } from './pledge';
import type { SectionForm, SectionName } from './section-form';
import { statementForm } from './statement';
import { trainingForm } from './training';

export const SECTION_FORMS: Record<SectionName, SectionForm> = {
  statement: statementForm,
  pledge: pledgeForm,
  board: boardForm,
  involvement: involvementForm,
  training: trainingForm,
  events: eventsForm,
  contacts: contactsForm,
};

export { SECTION_NAMES, isSectionName, type SectionForm, type SectionName } from './section-form';
