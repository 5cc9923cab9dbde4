import { describe, expect, it } from 'vitest';
import { actionLog, boardMeetings, boardTargets, boardView, scorecard } from './board-view.js';
import { promise, theme } from './pledge.js';
import { type ProgressContent, progressContent } from './progress.js';

const NOW = new Date('2026-07-15T09:00:00Z');

const numbered = {
  promiseNoun: 'pledge' as const,
  themes: [theme.parse({ key: 'home', title: 'Where you live' })],
  promises: [
    promise.parse({ number: 2, text: 'We will help you find a safe home.', themeKey: 'home' }),
    promise.parse({
      number: 1,
      text: 'We shall ensure your voice is heard.',
      plainWords: 'We will listen to you.',
      plainWordsSuggested: true,
    }),
  ],
};
const themed = {
  themes: [theme.parse({ key: 'home', title: 'Where you live' }), theme.parse({ key: 'voice', title: 'Being heard' })],
  promises: [promise.parse({ text: 'We will listen.', themeKey: 'voice' })],
};

const update = (date: string, status: string) => ({ date, status, text: `Update of ${date}` });
const content: ProgressContent = progressContent.parse({
  promises: [
    {
      target: 'promise-1',
      actions: [
        { key: 'action-1', what: 'Ask after every review', status: 'done', due: '2026-03-31' },
        { key: 'action-2', what: 'Train social workers', responsible: 'Principal Social Worker', due: '2026-06-30' },
        { key: 'action-3', what: 'Write to every young person', due: '2026-08-01' },
        { key: 'action-4', what: 'Run a survey' },
      ],
      updates: [update('2026-02-10', 'behind'), update('2026-06-01', 'on-track')],
    },
    {
      target: 'promise-2',
      actions: [
        { key: 'action-5', what: 'Open a hostel', status: 'dropped' },
        { key: 'action-6', what: 'Find ten lodgings', due: '2026-01-31' },
      ],
      updates: [update('2025-10-01', 'done')],
    },
  ],
  meetings: [
    {
      key: 'meeting-1',
      date: '2026-03-04',
      access: 'public',
      reviewed: ['promise-1'],
      actionsSet: ['action-2'],
      actionsClosed: ['action-1'],
    },
    { key: 'meeting-2', date: '2026-09-20', access: 'private' },
    { key: 'meeting-3', date: '2026-07-15', access: 'public', decisions: 'Ask for a report.' },
    {
      key: 'meeting-4',
      date: '2026-05-20',
      access: 'public',
      papers: [{ label: 'Minutes', url: 'https://example.org/minutes.pdf' }],
      attendance: [{ kind: 'young-people', count: 4 }],
      reviewed: ['promise-2', 'promise-1'],
    },
  ],
});

describe('what the board reviews', () => {
  it('lists numbered promises in the pledge’s order, themed ones first, with their plain words, marked where Pledgekeeper suggested them', () => {
    expect(boardTargets(numbered)).toEqual([
      { target: 'promise-2', label: 'Pledge 2', words: 'We will help you find a safe home.', suggested: false },
      { target: 'promise-1', label: 'Pledge 1', words: 'We will listen to you.', suggested: true },
    ]);
  });

  it('lists the themes of a pledge whose promises are not numbered, and nothing without a pledge', () => {
    expect(boardTargets(themed).map(({ target, label }) => [target, label])).toEqual([
      ['theme-home', 'Where you live'],
      ['theme-voice', 'Being heard'],
    ]);
    expect(boardTargets(null)).toEqual([]);
  });
});

describe('the board’s meetings', () => {
  const meetings = boardMeetings(content, boardTargets(numbered), NOW);

  it('takes the earliest meeting dated today or later as the next one, and the rest in date order', () => {
    expect(meetings.next?.key).toBe('meeting-3');
    expect(meetings.later.map((meeting) => meeting.key)).toEqual(['meeting-2']);
  });

  it('lists past meetings newest first, each with the promises it reviewed and the actions it set and closed, in words', () => {
    expect(meetings.past.map((meeting) => meeting.key)).toEqual(['meeting-4', 'meeting-1']);
    const [latest, first] = meetings.past;
    expect(latest?.reviewed.map((target) => target.label)).toEqual(['Pledge 2', 'Pledge 1']);
    expect(latest?.papers).toEqual([{ label: 'Minutes', url: 'https://example.org/minutes.pdf' }]);
    expect(latest?.attendance).toEqual([{ kind: 'young-people', count: 4 }]);
    expect(first?.actionsSet.map((action) => [action.what, action.overdue])).toEqual([['Train social workers', true]]);
    expect(first?.actionsClosed.map((action) => [action.what, action.status])).toEqual([['Ask after every review', 'done']]);
  });

  it('keeps a private meeting with its date and nothing else invented', () => {
    const later = meetings.later[0];
    expect(later).toMatchObject({ date: '2026-09-20', access: 'private', papers: [], attendance: [], reviewed: [], decisions: null });
  });

  it('has no next meeting when every meeting is past, and none at all when none is published', () => {
    expect(boardMeetings(content, [], new Date('2027-01-01T00:00:00Z'))).toMatchObject({ next: null, later: [] });
    expect(boardMeetings(progressContent.parse({}), [], NOW)).toEqual({ next: null, later: [], past: [] });
  });
});

describe('the action log', () => {
  const log = actionLog(content, boardTargets(numbered), NOW);

  it('puts open actions first, overdue ones first and oldest due first, then those done or dropped', () => {
    expect(log.map((action) => action.key)).toEqual(['action-6', 'action-2', 'action-3', 'action-4', 'action-1', 'action-5']);
    expect(log.filter((action) => action.overdue).map((action) => action.key)).toEqual(['action-6', 'action-2']);
  });

  it('names each action’s promise and who answers for it', () => {
    expect(log[1]).toMatchObject({ what: 'Train social workers', responsible: 'Principal Social Worker', due: '2026-06-30' });
    expect(log[1]?.promise.label).toBe('Pledge 1');
    expect(log[0]?.promise.label).toBe('Pledge 2');
  });

  it('never calls an action overdue once it is done or dropped, or when it has no due date', () => {
    expect(log.filter((action) => action.status !== 'open' || action.due === null).every((action) => !action.overdue)).toBe(true);
  });
});

describe('the scorecard', () => {
  it('gives each promise its latest status and date, and its open and overdue actions', () => {
    const card = scorecard(boardTargets(numbered), content, { kind: 'every-n-months', months: 3 }, NOW);
    expect(
      card.rows.map(({ label, status, updated, openActions, overdueActions }) => [label, status, updated, openActions, overdueActions]),
    ).toEqual([
      ['Pledge 2', 'done', '2025-10-01', 1, 1],
      ['Pledge 1', 'on-track', '2026-06-01', 3, 1],
    ]);
  });

  it('says "no update since" for an update older than twice the board’s cadence, and only then', () => {
    const quarterly = scorecard(boardTargets(numbered), content, { kind: 'every-n-months', months: 3 }, NOW);
    expect(quarterly.rows.map((row) => row.staleSince)).toEqual(['2025-10-01', null]);
    const yearly = scorecard(boardTargets(numbered), content, { kind: 'times-per-year', times: 1 }, NOW);
    expect(yearly.rows.map((row) => row.staleSince)).toEqual([null, null]);
  });

  it('counts promises by status, with "no update yet" for those the council has said nothing about', () => {
    const card = scorecard(
      boardTargets({ ...numbered, promises: [...numbered.promises, promise.parse({ number: 3, text: 'More' })] }),
      content,
      null,
      NOW,
    );
    expect(card.rows.at(-1)).toMatchObject({ label: 'Pledge 3', status: null, updated: null, staleSince: null, openActions: 0 });
    expect(card.totals).toEqual([
      { status: 'not-started', count: 0 },
      { status: 'on-track', count: 1 },
      { status: 'behind', count: 0 },
      { status: 'done', count: 1 },
      { status: 'no-longer-planned', count: 0 },
      { status: null, count: 1 },
    ]);
  });

  it('invents nothing for a council with no published progress: every row has no update yet', () => {
    const view = boardView(themed, progressContent.parse({}), null, NOW);
    expect(view.scorecard.rows.map((row) => [row.label, row.status, row.updated])).toEqual([
      ['Where you live', null, null],
      ['Being heard', null, null],
    ]);
    expect(view.scorecard.totals.at(-1)).toEqual({ status: null, count: 2 });
    expect(view.actions).toEqual([]);
    expect(view.meetings).toEqual({ next: null, later: [], past: [] });
  });
});
