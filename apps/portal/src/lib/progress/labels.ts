import { DELIVERY_STATUS_LABELS, type ActionStatus } from '@pledgekeeper/domain/progress';
import { NO_UPDATE, STATUS_FILTERS, type StatusFilter } from './view';

export const ACTION_STATUS_LABELS: Record<ActionStatus, string> = { open: 'To do', done: 'Done', dropped: 'Dropped' };

/** The words for each choice of the progress page's filter. */
export const FILTER_LABELS: Record<StatusFilter, string> = {
  ...(Object.fromEntries(Object.entries(DELIVERY_STATUS_LABELS).map(([status, label]) => [status, label.word])) as Record<
    Exclude<StatusFilter, typeof NO_UPDATE>,
    string
  >),
  [NO_UPDATE]: 'No update yet',
};
export const FILTER_OPTIONS = STATUS_FILTERS.map((value) => ({ value, label: FILTER_LABELS[value] }));

/** Where the working progress stands, in words. */
export const WORKING_STATE_LABELS = {
  none: 'Nothing recorded yet',
  draft: 'Draft: not public yet',
  'in-review': 'In review: waiting for a publisher',
  published: 'Published: what the public sees',
} as const;

const DAY = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' });

/** "12 March 2025" from 2025-03-12: a calendar date, with no time zone to shift it. */
export const formatDay = (value: string | null): string => (value ? DAY.format(new Date(`${value}T00:00:00Z`)) : '');
