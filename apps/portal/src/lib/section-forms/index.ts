import { boardForm } from './board';
import { contactsForm } from './contacts';
import { eventsForm } from './events';
import { involvementForm } from './involvement';
import type { Nation } from '@pledgekeeper/domain/council';
import { pledgeForm, pledgeFormFor } from './pledge';
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

/** A section's form for a council of `nation`: only the pledge's differs, by the principles offered. */
export const sectionFormFor = (section: SectionName, nation: Nation): SectionForm =>
  section === 'pledge' ? pledgeFormFor(nation) : SECTION_FORMS[section];

/**
 * The rounds "Save and continue" takes a council through: what every page needs (the contacts
 * young people use for help among them), then, from the overview, the parts a council may not have.
 */
export const SETUP_ROUNDS: readonly (readonly SectionName[])[] = [
  ['statement', 'pledge', 'board', 'contacts'],
  ['involvement', 'training', 'events'],
];

/** The section after `section` in its round; null after a round's last, which leads back to the overview. */
export function nextSection(section: SectionName): SectionName | null {
  const round = SETUP_ROUNDS.find((sections) => sections.includes(section)) ?? [];
  return round[round.indexOf(section) + 1] ?? null;
}

export { SECTION_NAMES, isSectionName, type SectionForm, type SectionName } from './section-form';
