import type { BoardCadence } from './board.js';
import type { Pledge } from './pledge.js';
import {
  DELIVERY_STATUSES,
  allActions,
  isOverdue,
  latestUpdate,
  noUpdateSince,
  type BoardMeeting,
  type DeliveryAction,
  type DeliveryStatus,
  type ProgressContent,
} from './progress.js';
import { type ProgressTarget, progressEntries } from './progress-targets.js';

/**
 * The Corporate Parenting Board's view of a council's published progress: its meetings, the log
 * of actions and the scorecard it reads each meeting. Pure, so `now` is given: what is "next" and
 * what is overdue depend on the day.
 */

type PublishedPledge = Pick<Pledge, 'promises' | 'themes'>;

/** A promise or theme the board reviews: what the progress page shows, in the pledge's order, its suggested words marked. */
export type BoardTarget = Pick<ProgressTarget, 'target' | 'label' | 'words' | 'suggested'>;

/** What progress is recorded against, in the pledge's order: see progressEntries. */
export const boardTargets = (pledge: PublishedPledge | null): BoardTarget[] =>
  progressEntries(pledge).map(({ target, label, words, suggested = false }) => ({ target, label, words, suggested }));

/** A target by its key; one the pledge no longer has keeps its key as its label rather than vanish. */
const targetFinder = (targets: readonly BoardTarget[]) => {
  const byKey = new Map(targets.map((target) => [target.target, target]));
  return (key: string): BoardTarget => byKey.get(key) ?? { target: key, label: key, words: null };
};

export interface LoggedAction extends DeliveryAction {
  /** The promise or theme the action serves. */
  promise: BoardTarget;
  overdue: boolean;
}

/** Open actions first, overdue ones first among them, each soonest due first; then those done or dropped. */
export function actionLog(content: Pick<ProgressContent, 'promises'>, targets: readonly BoardTarget[], now: Date): LoggedAction[] {
  const find = targetFinder(targets);
  const rank = (action: LoggedAction) => (action.overdue ? 0 : action.status === 'open' ? 1 : 2);
  const due = (action: LoggedAction) => (action.status === 'open' ? (action.due ?? '9999-12-31') : '');
  return allActions(content)
    .map(({ target, ...action }) => ({ ...action, promise: find(target), overdue: isOverdue(action, now) }))
    .map((action, index) => ({ action, index }))
    .sort((a, b) => rank(a.action) - rank(b.action) || due(a.action).localeCompare(due(b.action)) || a.index - b.index)
    .map(({ action }) => action);
}

export interface MeetingView {
  key: string;
  date: string;
  access: BoardMeeting['access'];
  papers: BoardMeeting['papers'];
  /** Who came, by kind, as the council recorded it. */
  attendance: BoardMeeting['attendance'];
  reviewed: BoardTarget[];
  actionsSet: LoggedAction[];
  actionsClosed: LoggedAction[];
  decisions: string | null;
}

export interface BoardMeetings {
  /** The earliest meeting dated today or later; null when none is published. */
  next: MeetingView | null;
  /** Any after the next one, soonest first. */
  later: MeetingView[];
  /** Meetings before today, newest first. */
  past: MeetingView[];
}

export function boardMeetings(content: ProgressContent, targets: readonly BoardTarget[], now: Date): BoardMeetings {
  const today = now.toISOString().slice(0, 10);
  const find = targetFinder(targets);
  const actions = new Map(actionLog(content, targets, now).map((action) => [action.key, action]));
  const named = (keys: readonly string[]) => keys.flatMap((key) => actions.get(key) ?? []);
  const views = content.meetings
    .map((meeting): MeetingView => ({
      key: meeting.key,
      date: meeting.date,
      access: meeting.access,
      papers: meeting.papers,
      attendance: meeting.attendance,
      reviewed: meeting.reviewed.map(find),
      actionsSet: named(meeting.actionsSet),
      actionsClosed: named(meeting.actionsClosed),
      decisions: meeting.decisions,
    }))
    .sort((a, b) => a.date.localeCompare(b.date));
  const [next = null, ...later] = views.filter((meeting) => meeting.date >= today);
  return { next, later, past: views.filter((meeting) => meeting.date < today).reverse() };
}

export interface ScorecardRow extends BoardTarget {
  /** The latest published update's status; null is "No update yet": nothing is invented. */
  status: DeliveryStatus | null;
  /** The date of the latest update. */
  updated: string | null;
  /** The latest update's date when it is too old to stand for now ("No update since …"), else null. */
  staleSince: string | null;
  openActions: number;
  overdueActions: number;
}

export interface Scorecard {
  rows: ScorecardRow[];
  /** How many promises stand at each status, in the scale's order, then those with no update yet (status null). */
  totals: { status: DeliveryStatus | null; count: number }[];
}

/** One row per promise or theme of the published pledge, for the board to read in one table. */
export function scorecard(
  targets: readonly BoardTarget[],
  content: Pick<ProgressContent, 'promises'>,
  cadence: BoardCadence | null,
  now: Date,
): Scorecard {
  const records = new Map(content.promises.map((record) => [record.target, record]));
  const rows = targets.map((target): ScorecardRow => {
    const record = records.get(target.target);
    const updates = record?.updates ?? [];
    const latest = latestUpdate({ updates });
    const open = (record?.actions ?? []).filter((action) => action.status === 'open');
    return {
      ...target,
      status: latest?.status ?? null,
      updated: latest?.date ?? null,
      staleSince: noUpdateSince({ updates }, cadence, now),
      openActions: open.length,
      overdueActions: open.filter((action) => isOverdue(action, now)).length,
    };
  });
  const totals = [...DELIVERY_STATUSES, null].map((status) => ({ status, count: rows.filter((row) => row.status === status).length }));
  return { rows, totals };
}

/** Everything the board page shows of a council's published progress against its published pledge. */
export function boardView(pledge: PublishedPledge | null, content: ProgressContent, cadence: BoardCadence | null, now: Date) {
  const targets = boardTargets(pledge);
  return {
    meetings: boardMeetings(content, targets, now),
    actions: actionLog(content, targets, now),
    scorecard: scorecard(targets, content, cadence, now),
  };
}
export type BoardView = ReturnType<typeof boardView>;
