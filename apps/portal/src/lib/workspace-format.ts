import type { PledgeStatus } from '@pledgekeeper/domain/council';
import type { Role, Section } from '@pledgekeeper/domain/workspace';

/** Dates and names as the workspace shows them: British English, London time. */
const DATE_TIME = new Intl.DateTimeFormat('en-GB', {
  dateStyle: 'long',
  timeStyle: 'short',
  timeZone: 'Europe/London',
});
const DATE = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'Europe/London' });

const valid = (value: string | null | undefined): Date | null => {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
};

export const formatDateTime = (value: string | null | undefined, none = 'never'): string => {
  const date = valid(value);
  return date ? DATE_TIME.format(date) : none;
};

export const formatDate = (value: string | null | undefined, none = 'never'): string => {
  const date = valid(value);
  return date ? DATE.format(date) : none;
};

export const STATUS_LABELS: Record<PledgeStatus, string> = {
  draft: 'Draft',
  'in-review': 'In review',
  published: 'Published',
};

export const ROLE_LABELS: Record<Role, string> = { editor: 'Editor', publisher: 'Publisher' };

export const SECTION_TITLES: Record<Section, string> = {
  statement: 'Statement',
  pledge: 'Pledge',
  board: 'Board',
  involvement: 'Getting involved',
  training: 'Training',
  events: 'Events and promotions',
  contacts: 'Contacts',
  branding: 'Branding',
};

/**
 * An audit entry as one sentence: the person's name, then what they did ("Alice Smith published
 * version 3."). Summaries are stored as the rest of that sentence, starting with a capital.
 */
export const auditSentence = (entry: { actor: string | null; summary: string }): string => {
  const what = entry.summary.replace(/^[A-Z](?=[a-z])/, (first) => first.toLowerCase());
  const sentence = `${entry.actor ?? 'Pledgekeeper'} ${what}`;
  return /[.!?]$/.test(sentence) ? sentence : `${sentence}.`;
};
