import {
  DELIVERY_STATUSES,
  DELIVERY_STATUS_LABELS,
  YOU_SAID_SOURCE_LABELS,
  allActions,
  latestUpdate,
  type BoardMeeting,
  type DeliveryAction,
  type DeliveryStatus,
  type DeliveryUpdate,
  type MeetingAttendance,
  type ProgressContent,
  type YouSaidSource,
  type YouSaidWeDid,
} from './progress.js';

/**
 * A council's annual report on its promises, for one calendar year (1 January to 31 December):
 * first for young people, in plain words, then for the Corporate Parenting Board, in detail. It is
 * made from the published progress alone: a promise with no update says so, nothing is invented.
 */

export const ANNUAL_REPORT_FORMAT = 'pledgekeeper.annual-report/1';
/** Before this, no report can have anything in it: an address with an earlier year is not a report. */
export const FIRST_REPORT_YEAR = 2000;
export const NO_UPDATE_YET = 'No update yet';

/** The council the report is about. */
export interface ReportCouncil {
  slug: string;
  name: string;
}

/** What progress is recorded against, in the published pledge's order: `promise-3` "Pledge 3", or a theme. */
export interface ReportTarget {
  target: string;
  label: string;
  /** The promise in plain words where there are some, else its own words; a theme's description. */
  words: string | null;
  /** True where `words` are plain words Pledgekeeper suggested and the council has not yet confirmed. */
  suggested?: boolean;
}

export interface TargetRef {
  target: string;
  label: string;
}

export interface ActionRef {
  key: string;
  what: string;
}

export interface ReportEntry {
  key: string;
  date: string;
  source: YouSaidSource;
  sourceLabel: string;
  youSaid: string;
  weDid: string;
  promises: TargetRef[];
  actions: ActionRef[];
}

export interface ReportMeeting {
  key: string;
  date: string;
  access: BoardMeeting['access'];
  attendance: MeetingAttendance[];
  reviewed: TargetRef[];
  actionsSet: ActionRef[];
  actionsClosed: ActionRef[];
  papers: BoardMeeting['papers'];
  decisions: string | null;
}

export interface ReportAction extends DeliveryAction, TargetRef {
  /** Open and past its due date when the period ended. */
  overdue: boolean;
  /** The date of the meeting in the period that set it, or closed it. */
  setOn: string | null;
  closedOn: string | null;
}

export interface AnnualReport {
  format: typeof ANNUAL_REPORT_FORMAT;
  council: ReportCouncil;
  year: number;
  period: {
    from: string;
    to: string;
    /** False while the year is still going: then the report stands for the year so far. */
    complete: boolean;
    /** False for next year, which has not begun. */
    started: boolean;
  };
  /** The day it was made (UTC): what "still open" and "so far" mean. */
  madeOn: string;
  /** Whether anything is dated in the period: an update, a meeting held or a "you said, we did". */
  hasContent: boolean;
  youngPeople: {
    promises: {
      target: string;
      label: string;
      words: string | null;
      /** True where `words` are plain words Pledgekeeper suggested and the council has not yet confirmed. */
      wordsSuggested: boolean;
      /** The latest update dated in the year or before it; null when there is none. */
      status: DeliveryStatus | null;
      /** That status in plain words, or "No update yet". */
      statusWords: string;
      statusDate: string | null;
      /** The year's updates, oldest first, in plain words where the council wrote some. */
      updates: { date: string; status: DeliveryStatus; words: string }[];
    }[];
    /** Newest first. */
    youSaidWeDid: ReportEntry[];
  };
  board: {
    /** How many promises had each status at the end of the period, in the scale's order, then those with no update. */
    statusCounts: { status: DeliveryStatus | 'no-update'; word: string; count: number }[];
    /** Held in the period, oldest first. */
    meetings: ReportMeeting[];
    actions: {
      /** Set by a meeting held in the period. */
      set: ReportAction[];
      /** Closed by a meeting held in the period. */
      closed: ReportAction[];
      /** Open on the day the report was made, and past due when the period ended. */
      overdue: ReportAction[];
      /** Open on the day the report was made, not overdue, and known in the period: set by then, or the period is now. */
      stillOpen: ReportAction[];
    };
    promises: {
      target: string;
      label: string;
      measure: string | null;
      status: DeliveryStatus | null;
      statusDate: string | null;
      /** The year's updates, oldest first, in full. */
      updates: DeliveryUpdate[];
    }[];
  };
}

const dayOf = (now: Date): string => now.toISOString().slice(0, 10);

/** The year named in an address, when a report can be about it: four digits, from 2000 to next year. */
export function reportYear(text: string, now: Date): number | null {
  if (!/^\d{4}$/.test(text)) return null;
  const year = Number(text);
  return year >= FIRST_REPORT_YEAR && year <= now.getUTCFullYear() + 1 ? year : null;
}

/** Oldest first; on the same date in the order recorded. */
function byDate<T extends { date: string }>(items: readonly T[]): T[] {
  return items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => (a.item.date === b.item.date ? a.index - b.index : a.item.date < b.item.date ? -1 : 1))
    .map(({ item }) => item);
}

function labels(targets: readonly ReportTarget[]) {
  const known = new Map(targets.map((target) => [target.target, target.label]));
  // A promise a later pledge left out keeps its key as its name rather than vanishing.
  return (target: string): TargetRef => ({ target, label: known.get(target) ?? target });
}

function actionRefs(content: Pick<ProgressContent, 'promises'>) {
  const known = new Map(allActions(content).map((action) => [action.key, action.what]));
  return (key: string): ActionRef => ({ key, what: known.get(key) ?? key });
}

/** Every published "you said, we did", newest first; on the same date the one recorded later comes first. */
export function youSaidWeDidEntries(content: Pick<ProgressContent, 'promises' | 'youSaidWeDid'>, targets: readonly ReportTarget[]) {
  const target = labels(targets);
  const action = actionRefs(content);
  return byDate(content.youSaidWeDid)
    .reverse()
    .map((entry: YouSaidWeDid): ReportEntry => ({
      key: entry.key,
      date: entry.date,
      source: entry.source,
      sourceLabel: YOU_SAID_SOURCE_LABELS[entry.source],
      youSaid: entry.youSaid,
      weDid: entry.weDid,
      promises: entry.promises.map(target),
      actions: entry.actions.map(action),
    }));
}

const yearOf = (date: string): number => Number(date.slice(0, 4));

/** The years with something in them, newest first: an update, a meeting held by now, or a "you said, we did". */
export function reportYears(content: ProgressContent, now: Date): number[] {
  const today = dayOf(now);
  const dates = [
    ...content.promises.flatMap((record) => record.updates.map((update) => update.date)),
    ...content.meetings.filter((meeting) => meeting.date <= today).map((meeting) => meeting.date),
    ...content.youSaidWeDid.map((entry) => entry.date),
  ];
  const last = now.getUTCFullYear() + 1;
  return [...new Set(dates.map(yearOf))].filter((year) => year >= FIRST_REPORT_YEAR && year <= last).sort((a, b) => b - a);
}

export function annualReport(
  council: ReportCouncil,
  targets: readonly ReportTarget[],
  content: ProgressContent,
  year: number,
  now: Date,
): AnnualReport {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const today = dayOf(now);
  const complete = today > to;
  const started = today >= from;
  // The last day the report speaks for: the year's end, or today while the year is going.
  const end = complete ? to : today;
  const inYear = (date: string) => date >= from && date <= to;
  const target = labels(targets);
  const action = actionRefs(content);
  const records = new Map(content.promises.map((record) => [record.target, record]));

  const promises = targets.map(({ target: key, label, words, suggested }) => {
    const record = records.get(key);
    const updates = byDate((record?.updates ?? []).filter((update) => inYear(update.date)));
    const latest = latestUpdate({ updates: (record?.updates ?? []).filter((update) => update.date <= to) });
    return {
      target: key,
      label,
      words,
      wordsSuggested: suggested ?? false,
      measure: record?.measure ?? null,
      status: latest?.status ?? null,
      statusDate: latest?.date ?? null,
      updates,
    };
  });

  const meetings = byDate(content.meetings.filter((meeting) => inYear(meeting.date) && meeting.date <= today));
  const setOn = new Map<string, string>();
  const closedOn = new Map<string, string>();
  for (const meeting of meetings) {
    for (const key of meeting.actionsSet) setOn.set(key, meeting.date);
    for (const key of meeting.actionsClosed) closedOn.set(key, meeting.date);
  }
  // When each action was first set by any meeting held by now, to leave out those set after the period.
  const firstSet = new Map<string, string>();
  for (const meeting of byDate(content.meetings.filter((m) => m.date <= today)))
    for (const key of meeting.actionsSet) if (!firstSet.has(key)) firstSet.set(key, meeting.date);
  // Overdue when the period ended: due before the next day, as isOverdue counts it.
  const cutoff = complete ? `${year + 1}-01-01` : today;
  const actions: ReportAction[] = allActions(content).map((item) => ({
    ...item,
    label: target(item.target).label,
    overdue: item.status === 'open' && item.due !== null && item.due < cutoff,
    setOn: setOn.get(item.key) ?? null,
    closedOn: closedOn.get(item.key) ?? null,
  }));
  const setByThen = (item: ReportAction) => {
    const set = firstSet.get(item.key);
    return set === undefined || set <= end;
  };
  const open = started ? actions.filter((item) => item.status === 'open' && setByThen(item)) : [];

  const entries = youSaidWeDidEntries(content, targets).filter((entry) => inYear(entry.date));
  const hasContent = promises.some((p) => p.updates.length > 0) || meetings.length > 0 || entries.length > 0;

  return {
    format: ANNUAL_REPORT_FORMAT,
    council: { slug: council.slug, name: council.name },
    year,
    period: { from, to, complete, started },
    madeOn: today,
    hasContent,
    youngPeople: {
      promises: promises.map((p) => ({
        target: p.target,
        label: p.label,
        words: p.words,
        wordsSuggested: p.wordsSuggested,
        status: p.status,
        statusWords: p.status ? DELIVERY_STATUS_LABELS[p.status].plain : NO_UPDATE_YET,
        statusDate: p.statusDate,
        updates: p.updates.map((update) => ({ date: update.date, status: update.status, words: update.plainWords ?? update.text })),
      })),
      youSaidWeDid: entries,
    },
    board: {
      statusCounts: [
        ...DELIVERY_STATUSES.map((status) => ({
          status,
          word: DELIVERY_STATUS_LABELS[status].word,
          count: promises.filter((p) => p.status === status).length,
        })),
        { status: 'no-update' as const, word: NO_UPDATE_YET, count: promises.filter((p) => p.status === null).length },
      ],
      meetings: meetings.map((meeting) => ({
        key: meeting.key,
        date: meeting.date,
        access: meeting.access,
        attendance: meeting.attendance,
        reviewed: meeting.reviewed.map(target),
        actionsSet: meeting.actionsSet.map(action),
        actionsClosed: meeting.actionsClosed.map(action),
        papers: meeting.papers,
        decisions: meeting.decisions,
      })),
      actions: {
        set: actions.filter((item) => item.setOn !== null),
        closed: actions.filter((item) => item.closedOn !== null),
        overdue: open.filter((item) => item.overdue),
        stillOpen: open.filter((item) => !item.overdue && (!complete || firstSet.has(item.key))),
      },
      promises: promises.map(({ words: _, wordsSuggested: __, ...p }) => p),
    },
  };
}

export const annualReportFilename = (council: string, year: number): string => `pledgekeeper-annual-report-${council}-${year}.json`;
