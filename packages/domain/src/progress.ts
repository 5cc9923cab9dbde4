import { z } from 'zod';
import type { BoardCadence } from './board.js';
import { httpUrl, plainText } from './text.js';

/**
 * Delivery on a council's promises: for each promise (or theme, in a themed pledge), how the
 * council will know it is kept, the actions it takes and dated updates with a status. It has
 * editions of its own, apart from the pledge's, so recording progress never needs a new pledge.
 */

/** The fixed scale, as Decidim's accountability module and Full Fact's tracker keep one. */
export const DELIVERY_STATUSES = ['not-started', 'on-track', 'behind', 'done', 'no-longer-planned'] as const;
export const deliveryStatus = z.enum(DELIVERY_STATUSES);
export type DeliveryStatus = z.infer<typeof deliveryStatus>;

/** A status in words and a symbol, so it is never told by colour alone. */
export const DELIVERY_STATUS_LABELS: Record<DeliveryStatus, { word: string; plain: string; symbol: string }> = {
  'not-started': { word: 'Not started', plain: 'We have not started this yet', symbol: '○' },
  'on-track': { word: 'On track', plain: 'We are doing this', symbol: '→' },
  behind: { word: 'Behind', plain: 'We are behind with this', symbol: '!' },
  done: { word: 'Done', plain: 'We have done this', symbol: '✓' },
  'no-longer-planned': { word: 'No longer planned', plain: 'We have stopped doing this', symbol: '✕' },
};

/** Which promise or theme a record is about: `promise-3` (by its number) or `theme-where-i-live`. */
export const deliveryTarget = z
  .string()
  .trim()
  .regex(/^(promise-[1-9][0-9]{0,2}|theme-[a-z0-9]+(?:-[a-z0-9]+)*)$/, 'must name a promise (promise-3) or a theme (theme-home)')
  .max(70);
export type DeliveryTarget = z.infer<typeof deliveryTarget>;

/** A calendar date, YYYY-MM-DD. */
export const calendarDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written as YYYY-MM-DD')
  .refine(
    (value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value),
    'must be a real date',
  );

export const ACTION_STATUSES = ['open', 'done', 'dropped'] as const;
export const actionStatus = z.enum(ACTION_STATUSES);
export type ActionStatus = z.infer<typeof actionStatus>;

/** Something the council will do towards a promise, and who answers for it (a role, not a person). */
export const deliveryAction = z.object({
  key: z.string().regex(/^[a-z0-9-]{1,40}$/, 'must be a short key of letters, digits and hyphens'),
  what: plainText(500),
  responsible: plainText(200).nullable().default(null),
  due: calendarDate.nullable().default(null),
  status: actionStatus.default('open'),
});
export type DeliveryAction = z.infer<typeof deliveryAction>;

export const evidenceLink = z.object({ label: plainText(200), url: httpUrl });

/** A dated account of progress: the status it gives, in the council's words and in plain words. */
export const deliveryUpdate = z
  .object({
    date: calendarDate,
    status: deliveryStatus,
    text: plainText(4000),
    plainWords: plainText(2000).nullable().default(null),
    /** Why, when a promise is no longer planned. */
    reason: plainText(1000).nullable().default(null),
    evidence: z.array(evidenceLink).max(10).default([]),
  })
  .refine((update) => update.status !== 'no-longer-planned' || update.reason !== null, {
    message: 'Say why it is no longer planned',
    path: ['reason'],
  });
export type DeliveryUpdate = z.infer<typeof deliveryUpdate>;

export const promiseDelivery = z.object({
  target: deliveryTarget,
  /** "How we'll know": the council's own measure of success. */
  measure: plainText(1000).nullable().default(null),
  actions: z.array(deliveryAction).max(50).default([]),
  /** Newest first is how they are shown; stored in any order. */
  updates: z.array(deliveryUpdate).max(200).default([]),
});
export type PromiseDelivery = z.infer<typeof promiseDelivery>;

export const progressContent = z.object({
  promises: z
    .array(promiseDelivery)
    .max(300)
    .default([])
    .refine((list) => new Set(list.map((p) => p.target)).size === list.length, 'Each promise may have one delivery record'),
});
export type ProgressContent = z.infer<typeof progressContent>;

/** The newest update, or null when there is none. Dates tie-break by position: the later one wins. */
export function latestUpdate(delivery: Pick<PromiseDelivery, 'updates'>): DeliveryUpdate | null {
  let latest: DeliveryUpdate | null = null;
  for (const update of delivery.updates) if (!latest || update.date >= latest.date) latest = update;
  return latest;
}

/** How long without a published update before a promise says "No update since …": twice the board's cadence, else 6 months. */
export function staleAfterMonths(cadence: BoardCadence | null): number {
  if (!cadence) return 6;
  const months = cadence.kind === 'every-n-months' ? cadence.months : 12 / cadence.times;
  return Math.max(1, Math.round(months * 2));
}

/** The date of the last update when it is older than the limit, else null. Nothing is invented: no update is "never updated". */
export function noUpdateSince(delivery: Pick<PromiseDelivery, 'updates'>, cadence: BoardCadence | null, now: Date): string | null {
  const latest = latestUpdate(delivery);
  if (!latest) return null;
  return latest.date < monthsBefore(now, staleAfterMonths(cadence)) ? latest.date : null;
}

/** The calendar date some months before `now` (UTC), kept within its month: 6 months before 31 August is 28 February, not 3 March. */
export function monthsBefore(now: Date, months: number): string {
  const year = now.getUTCFullYear();
  const month = now.getUTCMonth() - months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month, Math.min(now.getUTCDate(), lastDay))).toISOString().slice(0, 10);
}

/** An action past its due date and not done or dropped. */
export const isOverdue = (action: DeliveryAction, now: Date): boolean =>
  action.status === 'open' && action.due !== null && action.due < now.toISOString().slice(0, 10);
