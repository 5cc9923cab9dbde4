import { BOARD_MEMBER_KINDS, httpUrl, type BoardMemberKind } from '@pledgekeeper/domain/council';
import { MEETING_ACCESS, boardMeeting, type BoardMeeting, type MeetingAccess, type ProgressContent } from '@pledgekeeper/domain/progress';
import { checkDate, readDateParts, type DateParts } from './date-input';
import { problems, readList, readText, unknownChoices, wordsProblem, type Checked } from './fields';

/**
 * The workspace's board meeting form: what one meeting of the Corporate Parenting Board did, read
 * from the form, checked field by field in plain words, and merged into the whole progress
 * content (closing an action there marks it done), which is what `progress.save` takes.
 */

export const PAPER_ROWS = 3;
const PAPERS = Array.from({ length: PAPER_ROWS }, (_, index) => index + 1);

export const MEMBER_KIND_LABELS: Record<BoardMemberKind, string> = {
  'elected-members': 'Elected members (councillors)',
  officers: 'Council officers',
  'partner-agencies': 'Partner agencies',
  'young-people': 'Young people',
  carers: 'Carers',
};

export const ACCESS_LABELS: Record<MeetingAccess, string> = {
  public: 'In public: anyone could come and watch',
  private: 'In private',
};

/** Where each field's error summary entry links, in the form's order; the date's is the first box marked. */
export const MEETING_FIELD_IDS: Record<string, string> = {
  date: 'date-day',
  access: 'access-public',
  ...Object.fromEntries(PAPERS.flatMap((n) => [`paper-${n}-label`, `paper-${n}-url`].map((name) => [name, name]))),
  ...Object.fromEntries(BOARD_MEMBER_KINDS.map((kind) => [`count-${kind}`, `count-${kind}`])),
  reviewed: 'reviewed-0',
  actionsSet: 'actions-set-0',
  actionsClosed: 'actions-closed-0',
  decisions: 'decisions',
};

export interface PaperValues {
  label: string;
  url: string;
}

/** The form as typed, kept whole so that a mistake or a conflict gives it all back. */
export interface MeetingValues {
  date: DateParts;
  access: string;
  papers: PaperValues[];
  attended: string[];
  counts: Record<string, string>;
  reviewed: string[];
  actionsSet: string[];
  actionsClosed: string[];
  decisions: string;
}

export function readMeeting(data: FormData): MeetingValues {
  return {
    date: readDateParts(data, 'date'),
    access: readText(data, 'access'),
    papers: PAPERS.map((n) => ({ label: readText(data, `paper-${n}-label`), url: readText(data, `paper-${n}-url`) })),
    attended: readList(data, 'attended'),
    counts: Object.fromEntries(BOARD_MEMBER_KINDS.map((kind) => [kind, readText(data, `count-${kind}`)])),
    reviewed: readList(data, 'reviewed'),
    actionsSet: readList(data, 'actionsSet'),
    actionsClosed: readList(data, 'actionsClosed'),
    decisions: readText(data, 'decisions'),
  };
}

/** What the form may name: the published pledge's promises or themes, and the actions in the records. */
export interface MeetingChoices {
  targets: readonly string[];
  actions: readonly string[];
}

function paperProblems(papers: readonly PaperValues[]): Record<string, string | null> {
  const found: Record<string, string | null> = {};
  papers.forEach(({ label, url }, index) => {
    const n = index + 1;
    if (label === '' && url === '') return;
    found[`paper-${n}-label`] = wordsProblem(label, 200, `The link text for paper ${n}`, `Enter the link text for paper ${n}`);
    found[`paper-${n}-url`] =
      url === ''
        ? `Enter the web address of paper ${n}`
        : httpUrl.safeParse(url).success
          ? null
          : `Enter the web address of paper ${n} in the correct format, like https://www.example.org/minutes`;
  });
  return found;
}

const countProblem = (kind: BoardMemberKind, count: string): string | null =>
  count === '' || (/^\d{1,3}$/.test(count) && Number(count) <= 500)
    ? null
    : `Enter how many ${MEMBER_KIND_LABELS[kind].toLowerCase().replace(/ \(.*\)$/, '')} came as a whole number, like 4`;

/** The meeting the form describes under `key`, or what is wrong with it, each problem on its own field. */
export function checkMeeting(values: MeetingValues, key: string, choices: MeetingChoices): Checked<BoardMeeting> {
  const date = checkDate(values.date, 'the date of the meeting');
  const access = (MEETING_ACCESS as readonly string[]).includes(values.access) ? (values.access as MeetingAccess) : null;
  const errors = problems({
    date: date.ok ? null : date.message,
    access: access ? null : 'Say whether the meeting was held in public or in private',
    ...paperProblems(values.papers),
    ...Object.fromEntries(BOARD_MEMBER_KINDS.map((kind) => [`count-${kind}`, countProblem(kind, values.counts[kind] ?? '')])),
    reviewed: unknownChoices(values.reviewed, choices.targets) ? 'Choose the promises it looked at from the list' : null,
    actionsSet: unknownChoices(values.actionsSet, choices.actions) ? 'Choose the actions it set from the list' : null,
    actionsClosed: unknownChoices(values.actionsClosed, choices.actions) ? 'Choose the actions it closed from the list' : null,
    decisions: wordsProblem(values.decisions, 4000, 'What it decided'),
  });
  if (!date.ok || !access || Object.keys(errors).length > 0) return { ok: false, errors, wrong: date.ok ? [] : date.wrong };

  // A number given for a kind says they came, ticked or not.
  const attendance = BOARD_MEMBER_KINDS.filter((kind) => values.attended.includes(kind) || values.counts[kind]).map((kind) => ({
    kind,
    count: values.counts[kind] ? Number(values.counts[kind]) : null,
  }));
  const parsed = boardMeeting.safeParse({
    key,
    date: date.value,
    access,
    papers: values.papers.filter((paper) => paper.label || paper.url),
    attendance,
    reviewed: choices.targets.filter((target) => values.reviewed.includes(target)),
    actionsSet: values.actionsSet,
    actionsClosed: values.actionsClosed,
    decisions: values.decisions || null,
  });
  // Every rule of the schema is checked above in words of its own; this only guards against drift.
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, errors: { form: parsed.error.issues[0]?.message ?? 'Check the meeting and try again' }, wrong: [] };
}

/** The content with the meeting added, and each action it closed marked done in the same save. */
export function withMeeting(content: ProgressContent, meeting: BoardMeeting): ProgressContent {
  const closed = new Set(meeting.actionsClosed);
  return {
    ...content,
    promises: content.promises.map((record) =>
      record.actions.some((action) => closed.has(action.key))
        ? { ...record, actions: record.actions.map((action) => (closed.has(action.key) ? { ...action, status: 'done' as const } : action)) }
        : record,
    ),
    meetings: [...content.meetings, meeting],
  };
}

/** The content without one meeting; the actions it closed stay as they are. */
export const withoutMeeting = (content: ProgressContent, key: string): ProgressContent => ({
  ...content,
  meetings: content.meetings.filter((meeting) => meeting.key !== key),
});

/** Newest first; on the same date the one recorded later comes first. */
export const newestFirst = <Dated extends { date: string }>(records: readonly Dated[]): Dated[] =>
  records
    .map((record, index) => ({ record, index }))
    .sort((a, b) => (a.record.date === b.record.date ? b.index - a.index : a.record.date < b.record.date ? 1 : -1))
    .map(({ record }) => record);
