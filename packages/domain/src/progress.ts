import { z } from 'zod';
import { type BoardCadence, boardMemberKind } from './board.js';
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

/** A short key naming a record within a council's progress: `action-3`, `meeting-2`, `said-1`. */
export const recordKey = z.string().regex(/^[a-z0-9-]{1,40}$/, 'must be a short key of letters, digits and hyphens');

export const ACTION_STATUSES = ['open', 'done', 'dropped'] as const;
export const actionStatus = z.enum(ACTION_STATUSES);
export type ActionStatus = z.infer<typeof actionStatus>;

/** Something the council will do towards a promise, and who answers for it (a role, not a person). */
export const deliveryAction = z.object({
  key: recordKey,
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

/** Who came to a meeting, by kind; the number is left out where the council did not say it. */
export const meetingAttendance = z.object({
  kind: boardMemberKind,
  count: z.number().int().min(0).max(500).nullable().default(null),
});
export type MeetingAttendance = z.infer<typeof meetingAttendance>;

export const MEETING_ACCESS = ['public', 'private'] as const;
export const meetingAccess = z.enum(MEETING_ACCESS, { error: 'Say whether the meeting is held in public or in private' });
export type MeetingAccess = z.infer<typeof meetingAccess>;

/** A meeting of the Corporate Parenting Board: when, whether the public may attend, its papers and what it did. */
export const boardMeeting = z.object({
  key: recordKey,
  date: calendarDate,
  access: meetingAccess,
  /** Agenda, papers and minutes, as the council publishes them elsewhere. */
  papers: z.array(evidenceLink).max(20).default([]),
  attendance: z
    .array(meetingAttendance)
    .max(boardMemberKind.options.length)
    .default([])
    .refine((list) => new Set(list.map((a) => a.kind)).size === list.length, 'Name each kind of member once'),
  /** The promises or themes it looked at. */
  reviewed: z.array(deliveryTarget).max(300).default([]),
  /** Actions it set and actions it closed, by their keys. */
  actionsSet: z.array(recordKey).max(100).default([]),
  actionsClosed: z.array(recordKey).max(100).default([]),
  /** What it decided, in the council's words. */
  decisions: plainText(4000).nullable().default(null),
});
export type BoardMeeting = z.infer<typeof boardMeeting>;

/** Where the young people's words came from; the words themselves are never published. */
export const YOU_SAID_SOURCES = ['messages', 'consultation', 'children-in-care-council', 'other'] as const;
export const youSaidSource = z.enum(YOU_SAID_SOURCES, { error: 'Choose where this came from' });
export type YouSaidSource = z.infer<typeof youSaidSource>;

export const YOU_SAID_SOURCE_LABELS: Record<YouSaidSource, string> = {
  messages: 'Messages sent to us',
  consultation: 'A consultation',
  'children-in-care-council': 'Our Children in Care Council',
  other: 'Something else',
};

/** "You said, we did": the council's own summary of what young people said, and what changed. */
export const youSaidWeDid = z.object({
  key: recordKey,
  date: calendarDate,
  source: youSaidSource,
  /** The council's summary: never an anonymous young person's own words. */
  youSaid: plainText(1000),
  weDid: plainText(2000),
  promises: z.array(deliveryTarget).max(50).default([]),
  actions: z.array(recordKey).max(50).default([]),
});
export type YouSaidWeDid = z.infer<typeof youSaidWeDid>;

const duplicates = (keys: readonly string[]): string[] => [...new Set(keys.filter((key, i) => keys.indexOf(key) !== i))];

export const progressContent = z
  .object({
    promises: z
      .array(promiseDelivery)
      .max(300)
      .default([])
      .refine((list) => new Set(list.map((p) => p.target)).size === list.length, 'Each promise may have one delivery record'),
    meetings: z.array(boardMeeting).max(500).default([]),
    youSaidWeDid: z.array(youSaidWeDid).max(500).default([]),
  })
  .superRefine((content, ctx) => {
    const actionKeys = content.promises.flatMap((record) => record.actions.map((action) => action.key));
    for (const key of duplicates(actionKeys))
      ctx.addIssue({ code: 'custom', path: ['promises'], message: `Two actions share the key "${key}"` });
    for (const [list, name] of [
      [content.meetings, 'meetings'],
      [content.youSaidWeDid, 'youSaidWeDid'],
    ] as const) {
      for (const key of duplicates(list.map((record) => record.key)))
        ctx.addIssue({ code: 'custom', path: [name], message: `Two records share the key "${key}"` });
    }
    const known = new Set(actionKeys);
    const references: [string, number, string, readonly string[]][] = [
      ...content.meetings.flatMap((m, i) => [
        ['meetings', i, 'actionsSet', m.actionsSet] as [string, number, string, readonly string[]],
        ['meetings', i, 'actionsClosed', m.actionsClosed] as [string, number, string, readonly string[]],
      ]),
      ...content.youSaidWeDid.map((e, i) => ['youSaidWeDid', i, 'actions', e.actions] as [string, number, string, readonly string[]]),
    ];
    for (const [list, index, field, keys] of references) {
      for (const key of keys.filter((k) => !known.has(k)))
        ctx.addIssue({ code: 'custom', path: [list, index, field], message: `There is no action "${key}"` });
    }
  });
export type ProgressContent = z.infer<typeof progressContent>;

/** Every action in the content, with the promise or theme it serves. */
export const allActions = (content: Pick<ProgressContent, 'promises'>): (DeliveryAction & { target: string })[] =>
  content.promises.flatMap((record) => record.actions.map((action) => ({ ...action, target: record.target })));

/** The next unused key with a prefix: `meeting-4` after `meeting-3`. */
export function nextKey(prefix: string, used: readonly string[]): string {
  const pattern = new RegExp(`^${prefix}-(\\d+)$`);
  const numbers = used.map((key) => Number(pattern.exec(key)?.[1])).filter(Number.isFinite);
  return `${prefix}-${Math.max(0, ...numbers) + 1}`;
}

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
