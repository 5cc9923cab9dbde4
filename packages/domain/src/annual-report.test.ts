import { describe, expect, it } from 'vitest';
import { ANNUAL_REPORT_FORMAT, annualReport, annualReportFilename, reportYear, reportYears, youSaidWeDidEntries } from './annual-report.js';
import { progressContent } from './progress.js';

const council = { slug: 'north', name: 'North Council' };
const targets = [
  { target: 'promise-1', label: 'Pledge 1', words: 'We will listen to you.' },
  { target: 'promise-2', label: 'Pledge 2', words: 'We will help you find a home.' },
  { target: 'promise-3', label: 'Pledge 3', words: null },
];
// Made on 15 June 2027: 2026 is over, 2027 is going, 2028 has not begun.
const NOW = new Date('2027-06-15T09:00:00Z');

const content = progressContent.parse({
  promises: [
    {
      target: 'promise-1',
      measure: 'Everyone says they were heard',
      actions: [
        { key: 'action-1', what: 'Ask after every review', due: '2026-03-31', status: 'done' },
        { key: 'action-2', what: 'Train social workers', responsible: 'Principal Social Worker', due: '2026-12-31' },
        { key: 'action-4', what: 'Set in 2027', due: '2026-01-01' },
      ],
      updates: [
        { date: '2025-12-31', status: 'not-started', text: 'Planning.' },
        { date: '2026-01-01', status: 'behind', text: 'Slower than planned.', plainWords: 'We are slow.' },
        {
          date: '2026-12-31',
          status: 'on-track',
          text: 'Nine in ten heard.',
          evidence: [{ label: 'Survey', url: 'https://example.org/s' }],
        },
        { date: '2027-01-01', status: 'done', text: 'Done now.', plainWords: 'Done.' },
      ],
    },
    {
      target: 'promise-2',
      actions: [{ key: 'action-3', what: 'Open lodgings', due: '2028-01-01' }],
      updates: [{ date: '2025-05-01', status: 'on-track', text: 'Going well.', plainWords: 'Going well.' }],
    },
  ],
  meetings: [
    { key: 'meeting-1', date: '2025-12-31', access: 'public', actionsSet: ['action-3'] },
    {
      key: 'meeting-2',
      date: '2026-03-04',
      access: 'public',
      attendance: [{ kind: 'young-people', count: 3 }],
      reviewed: ['promise-1'],
      actionsSet: ['action-2'],
      actionsClosed: ['action-1'],
      decisions: 'Train everyone.',
    },
    { key: 'meeting-3', date: '2027-02-01', access: 'private', actionsSet: ['action-4'] },
    { key: 'meeting-4', date: '2027-09-01', access: 'public' },
  ],
  youSaidWeDid: [
    {
      key: 'said-1',
      date: '2026-04-12',
      source: 'consultation',
      youSaid: 'Reviews felt about you.',
      weDid: 'You choose.',
      promises: ['promise-1'],
      actions: ['action-1'],
    },
    { key: 'said-2', date: '2026-12-31', source: 'messages', youSaid: 'Homes are hard.', weDid: 'Lodgings.', promises: ['promise-2'] },
    { key: 'said-3', date: '2027-01-01', source: 'other', youSaid: 'Next year.', weDid: 'Later.' },
  ],
});

const report2026 = annualReport(council, targets, content, 2026, NOW);

describe('reportYear', () => {
  it('takes four digits from 2000 to next year, and nothing else', () => {
    expect(reportYear('2026', NOW)).toBe(2026);
    expect(reportYear('2000', NOW)).toBe(2000);
    expect(reportYear('2028', NOW)).toBe(2028);
    for (const text of ['1999', '1850', '2029', 'abcd', '202', '02026', '2026.5', ' 2026', '']) expect(reportYear(text, NOW)).toBeNull();
  });
});

describe('annualReport: the period', () => {
  it('names its format, the council and the calendar year, 1 January to 31 December', () => {
    expect(report2026).toMatchObject({
      format: ANNUAL_REPORT_FORMAT,
      council,
      year: 2026,
      period: { from: '2026-01-01', to: '2026-12-31', complete: true, started: true },
      madeOn: '2027-06-15',
      hasContent: true,
    });
    expect(ANNUAL_REPORT_FORMAT).toBe('pledgekeeper.annual-report/1');
    expect(annualReportFilename('north', 2026)).toBe('pledgekeeper-annual-report-north-2026.json');
  });

  it('takes updates dated 1 January and 31 December, and none from the days either side', () => {
    const [first] = report2026.board.promises;
    expect(first!.updates.map((u) => u.date)).toEqual(['2026-01-01', '2026-12-31']);
    expect(report2026.youngPeople.promises[0]!.updates).toEqual([
      { date: '2026-01-01', status: 'behind', words: 'We are slow.' },
      // No plain words: the council's own words, not something made up.
      { date: '2026-12-31', status: 'on-track', words: 'Nine in ten heard.' },
    ]);
    expect(report2026.board.promises[0]!.updates[1]!.evidence).toEqual([{ label: 'Survey', url: 'https://example.org/s' }]);
  });

  it('says a year still going is not complete, and one not begun has not started', () => {
    expect(annualReport(council, targets, content, 2027, NOW).period).toMatchObject({ complete: false, started: true });
    expect(annualReport(council, targets, content, 2028, NOW).period).toMatchObject({ complete: false, started: false });
  });
});

describe('annualReport: status at the end of the year', () => {
  it('is the latest update dated in or before the year, never one from after it', () => {
    const [one, two, three] = report2026.youngPeople.promises;
    expect([one!.status, one!.statusDate, one!.statusWords]).toEqual(['on-track', '2026-12-31', 'We are doing this']);
    // No update in 2026: the last one from before stands, with its date.
    expect([two!.status, two!.statusDate, two!.updates]).toEqual(['on-track', '2025-05-01', []]);
    expect([three!.status, three!.statusWords, three!.statusDate]).toEqual([null, 'No update yet', null]);
    expect(annualReport(council, targets, content, 2025, NOW).youngPeople.promises[0]!.status).toBe('not-started');
  });

  it('counts promises by status in the scale’s order, then those with no update', () => {
    expect(report2026.board.statusCounts.map((c) => [c.status, c.word, c.count])).toEqual([
      ['not-started', 'Not started', 0],
      ['on-track', 'On track', 2],
      ['behind', 'Behind', 0],
      ['done', 'Done', 0],
      ['no-longer-planned', 'No longer planned', 0],
      ['no-update', 'No update yet', 1],
    ]);
  });
});

describe('annualReport: meetings and actions', () => {
  it('lists the meetings held in the year, with what they reviewed, set and closed by name', () => {
    expect(report2026.board.meetings).toEqual([
      {
        key: 'meeting-2',
        date: '2026-03-04',
        access: 'public',
        attendance: [{ kind: 'young-people', count: 3 }],
        reviewed: [{ target: 'promise-1', label: 'Pledge 1' }],
        actionsSet: [{ key: 'action-2', what: 'Train social workers' }],
        actionsClosed: [{ key: 'action-1', what: 'Ask after every review' }],
        papers: [],
        decisions: 'Train everyone.',
      },
    ]);
  });

  it('leaves out a meeting of this year that has not happened yet', () => {
    expect(annualReport(council, targets, content, 2027, NOW).board.meetings.map((m) => m.key)).toEqual(['meeting-3']);
  });

  it('sorts actions into set, closed, overdue when the year ended, and still open', () => {
    const keys = (list: { key: string }[]) => list.map((a) => a.key);
    const { actions } = report2026.board;
    expect(keys(actions.set)).toEqual(['action-2']);
    expect(actions.set[0]).toMatchObject({ setOn: '2026-03-04', label: 'Pledge 1', responsible: 'Principal Social Worker' });
    expect(keys(actions.closed)).toEqual(['action-1']);
    // Due 31 December: overdue from 1 January. action-4 was set only in 2027, so it is not in 2026.
    expect(keys(actions.overdue)).toEqual(['action-2']);
    expect(actions.overdue[0]!.overdue).toBe(true);
    // Set in 2025, due 2028, still open.
    expect(keys(actions.stillOpen)).toEqual(['action-3']);
  });

  it('in the year still going, counts overdue as of today', () => {
    const { actions } = annualReport(council, targets, content, 2027, NOW).board;
    expect(actions.overdue.map((a) => a.key)).toEqual(['action-2', 'action-4']);
    expect(actions.set.map((a) => a.key)).toEqual(['action-4']);
  });
});

describe('annualReport: "you said, we did" and empty years', () => {
  it('has the year’s entries only, newest first, with the promises and actions they touched', () => {
    expect(report2026.youngPeople.youSaidWeDid.map((e) => e.key)).toEqual(['said-2', 'said-1']);
    expect(report2026.youngPeople.youSaidWeDid[1]).toMatchObject({
      sourceLabel: 'A consultation',
      promises: [{ target: 'promise-1', label: 'Pledge 1' }],
      actions: [{ key: 'action-1', what: 'Ask after every review' }],
    });
  });

  it('says a year with nothing in it has nothing, and invents no status', () => {
    const empty = annualReport(council, targets, progressContent.parse({}), 2026, NOW);
    expect(empty.hasContent).toBe(false);
    expect(empty.youngPeople.promises.map((p) => p.statusWords)).toEqual(['No update yet', 'No update yet', 'No update yet']);
    expect(empty.youngPeople.youSaidWeDid).toEqual([]);
    expect(empty.board.meetings).toEqual([]);
    expect(empty.board.actions).toEqual({ set: [], closed: [], overdue: [], stillOpen: [] });
    const before = annualReport(council, targets, content, 2024, NOW);
    expect(before.hasContent).toBe(false);
    expect(before.board.statusCounts.at(-1)!.count).toBe(3);
  });

  it('has nothing for a year not begun', () => {
    const next = annualReport(council, targets, content, 2028, NOW);
    expect(next.hasContent).toBe(false);
    expect(next.board.actions).toEqual({ set: [], closed: [], overdue: [], stillOpen: [] });
  });
});

describe('youSaidWeDidEntries and reportYears', () => {
  it('puts every entry newest first, a later one on the same date before an earlier one', () => {
    const same = progressContent.parse({
      youSaidWeDid: [
        { key: 'said-1', date: '2026-01-01', source: 'other', youSaid: 'a', weDid: 'b' },
        { key: 'said-2', date: '2026-01-01', source: 'other', youSaid: 'c', weDid: 'd' },
        { key: 'said-3', date: '2025-01-01', source: 'other', youSaid: 'e', weDid: 'f', promises: ['promise-9'] },
      ],
    });
    const entries = youSaidWeDidEntries(same, targets);
    expect(entries.map((e) => e.key)).toEqual(['said-2', 'said-1', 'said-3']);
    // A promise the pledge no longer has keeps its key as its name.
    expect(entries[2]!.promises).toEqual([{ target: 'promise-9', label: 'promise-9' }]);
  });

  it('gives the years with an update, a meeting held or an entry, newest first', () => {
    expect(reportYears(content, NOW)).toEqual([2027, 2026, 2025]);
    expect(reportYears(progressContent.parse({}), NOW)).toEqual([]);
  });
});
