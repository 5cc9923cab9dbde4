import { describe, expect, it } from 'vitest';
import { progressContent } from '@pledgekeeper/domain/progress';
import { checkMeeting, newestFirst, readMeeting, withMeeting, withoutMeeting } from './meeting-form';

const form = (entries: [string, string][]) => {
  const data = new FormData();
  for (const [name, value] of entries) data.append(name, value);
  return data;
};
const choices = { targets: ['promise-1', 'promise-2'], actions: ['action-1', 'action-2'] };
const DATE: [string, string][] = [
  ['date-day', '4'],
  ['date-month', '3'],
  ['date-year', '2026'],
];

describe('the board meeting form', () => {
  it('reads a meeting as the domain keeps it: papers given, who came, what it looked at, set and closed', () => {
    const values = readMeeting(
      form([
        ...DATE,
        ['access', 'public'],
        ['paper-1-label', 'Minutes'],
        ['paper-1-url', 'https://example.org/minutes'],
        ['attended', 'young-people'],
        ['count-young-people', '4'],
        ['count-carers', '2'],
        ['attended', 'officers'],
        ['reviewed', 'promise-2'],
        ['reviewed', 'promise-1'],
        ['actionsSet', 'action-2'],
        ['actionsClosed', 'action-1'],
        ['decisions', ' Asked for a report. '],
      ]),
    );
    expect(checkMeeting(values, 'meeting-3', choices)).toEqual({
      ok: true,
      value: {
        key: 'meeting-3',
        date: '2026-03-04',
        access: 'public',
        papers: [{ label: 'Minutes', url: 'https://example.org/minutes' }],
        // In the kinds' own order; a number alone says they came.
        attendance: [
          { kind: 'officers', count: null },
          { kind: 'young-people', count: 4 },
          { kind: 'carers', count: 2 },
        ],
        reviewed: ['promise-1', 'promise-2'],
        actionsSet: ['action-2'],
        actionsClosed: ['action-1'],
        decisions: 'Asked for a report.',
      },
    });
  });

  it('puts each problem on its own field, in words saying what to do', () => {
    const values = readMeeting(
      form([
        ['date-day', '31'],
        ['date-month', '2'],
        ['date-year', '2026'],
        ['paper-1-label', 'Minutes'],
        ['paper-1-url', 'minutes.pdf'],
        ['paper-2-url', 'https://example.org/agenda'],
        ['paper-3-label', 'Papers'],
        ['count-carers', 'three'],
        ['reviewed', 'promise-9'],
      ]),
    );
    const checked = checkMeeting(values, 'meeting-1', choices);
    expect(checked).toEqual({
      ok: false,
      wrong: ['day', 'month', 'year'],
      errors: {
        date: 'The date must be a real date',
        access: 'Say whether the meeting was held in public or in private',
        'paper-1-url': 'Enter the web address of paper 1 in the correct format, like https://www.example.org/minutes',
        'paper-2-label': 'Enter the link text for paper 2',
        'paper-3-url': 'Enter the web address of paper 3',
        'count-carers': 'Enter how many carers came as a whole number, like 4',
        reviewed: 'Choose the promises it looked at from the list',
      },
    });
    const undated = checkMeeting(readMeeting(form([['access', 'private']])), 'meeting-1', choices);
    expect(undated).toEqual({ ok: false, wrong: ['day', 'month', 'year'], errors: { date: 'Enter the date of the meeting' } });
  });

  it('adds a meeting with the actions it closed marked done, and removes it leaving them so', () => {
    const content = progressContent.parse({
      promises: [
        { target: 'promise-1', actions: [{ key: 'action-1', what: 'A' }] },
        { target: 'promise-2', actions: [{ key: 'action-2', what: 'B' }] },
      ],
      meetings: [{ key: 'meeting-1', date: '2026-01-10', access: 'private' }],
    });
    const checked = checkMeeting(readMeeting(form([...DATE, ['access', 'private'], ['actionsClosed', 'action-2']])), 'meeting-2', choices);
    if (!checked.ok) throw new Error('expected a meeting');
    const added = progressContent.parse(withMeeting(content, checked.value));
    expect(added.promises.flatMap((record) => record.actions.map((action) => [action.key, action.status]))).toEqual([
      ['action-1', 'open'],
      ['action-2', 'done'],
    ]);
    expect(newestFirst(added.meetings).map((meeting) => meeting.key)).toEqual(['meeting-2', 'meeting-1']);
    const removed = withoutMeeting(added, 'meeting-2');
    expect(removed.meetings.map((meeting) => meeting.key)).toEqual(['meeting-1']);
    expect(removed.promises[1]!.actions[0]!.status).toBe('done');
  });
});
