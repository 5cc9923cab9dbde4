import type { BoardCadence, Pledge } from '@pledgekeeper/domain/council';
import {
  DELIVERY_STATUSES,
  isOverdue,
  latestUpdate,
  noUpdateSince,
  type DeliveryAction,
  type DeliveryStatus,
  type DeliveryUpdate,
  type ProgressContent,
  type PromiseDelivery,
  type ProgressTarget,
  progressEntries,
} from '@pledgekeeper/domain/progress';

export { progressEntries, type ProgressTarget };

export interface ActionView extends DeliveryAction {
  overdue: boolean;
}

export interface DeliveryView extends ProgressTarget {
  /** The latest published update's status; null when there is no update: nothing is invented. */
  status: DeliveryStatus | null;
  latest: DeliveryUpdate | null;
  /** The date of the latest update when it is too old to stand for now, else null. */
  staleSince: string | null;
  measure: string | null;
  actions: ActionView[];
  /** Every update, newest first. */
  history: DeliveryUpdate[];
}

/** `?status=` on the progress page: a status, or promises with no update yet. */
export const NO_UPDATE = 'no-update';
export type StatusFilter = DeliveryStatus | typeof NO_UPDATE;
export const STATUS_FILTERS: readonly StatusFilter[] = [...DELIVERY_STATUSES, NO_UPDATE];

export const readStatusFilter = (value: string | null): StatusFilter | null => STATUS_FILTERS.find((filter) => filter === value) ?? null;

/** Newest first; on the same date the one recorded later comes first. */
export function newestFirst(updates: readonly DeliveryUpdate[]): DeliveryUpdate[] {
  return updates
    .map((update, index) => ({ update, index }))
    .sort((a, b) => (a.update.date === b.update.date ? b.index - a.index : a.update.date < b.update.date ? 1 : -1))
    .map(({ update }) => update);
}

export function deliveryView(
  target: ProgressTarget,
  record: PromiseDelivery | undefined,
  cadence: BoardCadence | null,
  now: Date,
): DeliveryView {
  const updates = record?.updates ?? [];
  const latest = latestUpdate({ updates });
  return {
    ...target,
    status: latest?.status ?? null,
    latest,
    staleSince: noUpdateSince({ updates }, cadence, now),
    measure: record?.measure ?? null,
    actions: (record?.actions ?? []).map((action) => ({ ...action, overdue: isOverdue(action, now) })),
    history: newestFirst(updates),
  };
}

/** Every target of the pledge with its published delivery, in the pledge's order. */
export function progressView(
  pledge: Pick<Pledge, 'promises' | 'themes'> | null,
  content: ProgressContent,
  cadence: BoardCadence | null,
  now: Date,
): DeliveryView[] {
  const records = new Map(content.promises.map((record) => [record.target, record]));
  return progressEntries(pledge).map((target) => deliveryView(target, records.get(target.target), cadence, now));
}

export const matchesFilter = (view: Pick<DeliveryView, 'status'>, filter: StatusFilter | null): boolean =>
  filter === null || (filter === NO_UPDATE ? view.status === null : view.status === filter);
