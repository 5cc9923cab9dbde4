import { describe, expect, it } from 'vitest';
import {
  DELIVERY_STATUSES,
  DELIVERY_STATUS_LABELS,
  type DeliveryAction,
  deliveryAction,
  deliveryTarget,
  deliveryUpdate,
  isOverdue,
  latestUpdate,
  monthsBefore,
  noUpdateSince,
  nextKey,
  progressContent,
  staleAfterMonths,
} from './progress.js';

const update = (date: string, status: (typeof DELIVERY_STATUSES)[number] = 'on-track', text = `Update of ${date}`) =>
  deliveryUpdate.parse({ date, status, text, reason: status === 'no-longer-planned' ? 'Replaced by promise 4' : null });

describe('the status scale', () => {
  it('gives every status a word, plain words and a symbol, all different, so colour is never needed', () => {
    const labels = DELIVERY_STATUSES.map((status) => DELIVERY_STATUS_LABELS[status]);
    for (const key of ['word', 'plain', 'symbol'] as const) {
      expect(new Set(labels.map((label) => label[key])).size).toBe(DELIVERY_STATUSES.length);
    }
  });
});

describe('what a record may name', () => {
  it.each(['promise-1', 'promise-11', 'promise-999', 'theme-home', 'theme-where-i-live'])('accepts %s', (target) => {
    expect(deliveryTarget.safeParse(target).success).toBe(true);
  });
  it.each(['promise-0', 'promise-1000', 'Promise-3', 'theme-', 'theme-Home', 'promise 3', 'board'])('refuses %s', (target) => {
    expect(deliveryTarget.safeParse(target).success).toBe(false);
  });

  it('refuses a date that is not on the calendar', () => {
    const result = deliveryUpdate.safeParse({ date: '2026-02-30', status: 'on-track', text: 'Done' });
    expect(result.error?.issues[0]?.message).toBe('must be a real date');
  });
});

describe('an update saying a promise is no longer planned', () => {
  it('must say why', () => {
    const result = deliveryUpdate.safeParse({ date: '2026-10-01', status: 'no-longer-planned', text: 'Stopped' });
    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual([expect.objectContaining({ path: ['reason'], message: 'Say why it is no longer planned' })]);
  });

  it('is accepted with a reason, and other statuses need none', () => {
    expect(deliveryUpdate.safeParse({ date: '2026-10-01', status: 'no-longer-planned', text: 'Stopped', reason: 'Merged' }).success).toBe(
      true,
    );
    expect(deliveryUpdate.safeParse({ date: '2026-10-01', status: 'behind', text: 'Late' }).success).toBe(true);
  });
});

describe('the records of a council', () => {
  it('refuse two records for one promise', () => {
    const result = progressContent.safeParse({ promises: [{ target: 'promise-2' }, { target: 'promise-3' }, { target: 'promise-2' }] });
    expect(result.error?.issues.map((issue) => issue.message)).toEqual(['Each promise may have one delivery record']);
  });

  it('fill in what a record leaves out', () => {
    expect(progressContent.parse({ promises: [{ target: 'theme-home' }] })).toEqual({
      promises: [{ target: 'theme-home', measure: null, actions: [], updates: [] }],
      meetings: [],
      youSaidWeDid: [],
    });
  });
});

describe('board meetings and "you said, we did" in the records', () => {
  const base = {
    promises: [{ target: 'promise-1', actions: [{ key: 'action-1', what: 'Check every plan' }] }],
  };
  const meeting = { key: 'meeting-1', date: '2026-10-14', access: 'public' };
  const entry = { key: 'said-1', date: '2026-11-02', source: 'messages', youSaid: 'Letters were hard to read', weDid: 'We rewrote them' };

  it('keeps a meeting with what it reviewed, who came and the actions it set and closed', () => {
    const parsed = progressContent.parse({
      ...base,
      meetings: [
        {
          ...meeting,
          attendance: [{ kind: 'young-people', count: 3 }, { kind: 'elected-members' }],
          reviewed: ['promise-1'],
          actionsSet: ['action-1'],
          papers: [{ label: 'Minutes', url: 'https://example.org/minutes.pdf' }],
        },
      ],
    });
    expect(parsed.meetings[0]).toMatchObject({
      access: 'public',
      attendance: [
        { kind: 'young-people', count: 3 },
        { kind: 'elected-members', count: null },
      ],
      actionsClosed: [],
      decisions: null,
    });
  });

  it('refuses a meeting or an entry naming an action that does not exist', () => {
    const result = progressContent.safeParse({
      ...base,
      meetings: [{ ...meeting, actionsClosed: ['action-9'] }],
      youSaidWeDid: [{ ...entry, actions: ['action-7'] }],
    });
    expect(result.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['meetings.0.actionsClosed', 'There is no action "action-9"'],
      ['youSaidWeDid.0.actions', 'There is no action "action-7"'],
    ]);
  });

  it('refuses two actions, meetings or entries with one key, and a kind of member named twice', () => {
    const twice = progressContent.safeParse({
      promises: [
        { target: 'promise-1', actions: [{ key: 'action-1', what: 'A' }] },
        { target: 'promise-2', actions: [{ key: 'action-1', what: 'B' }] },
      ],
      meetings: [meeting, { ...meeting, attendance: [{ kind: 'carers' }, { kind: 'carers' }] }],
      youSaidWeDid: [entry, entry],
    });
    expect(twice.error?.issues.map((issue) => issue.message)).toEqual([
      'Name each kind of member once',
      'Two actions share the key "action-1"',
      'Two records share the key "meeting-1"',
      'Two records share the key "said-1"',
    ]);
  });

  it('refuses a meeting without saying public or private, and an entry without what was done', () => {
    const result = progressContent.safeParse({
      meetings: [{ key: 'meeting-1', date: '2026-10-14' }],
      youSaidWeDid: [{ ...entry, weDid: '  ' }],
    });
    expect(result.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['meetings.0.access', 'Say whether the meeting is held in public or in private'],
      ['youSaidWeDid.0.weDid', 'must not be empty'],
    ]);
  });

  it('gives the next free key', () => {
    expect(nextKey('meeting', ['meeting-1', 'meeting-3', 'said-9'])).toBe('meeting-4');
    expect(nextKey('said', [])).toBe('said-1');
  });
});

describe('latestUpdate', () => {
  it('is null when nothing has been said: no status is invented', () => {
    expect(latestUpdate({ updates: [] })).toBeNull();
  });

  it('is the newest by date, in whatever order they are stored', () => {
    const updates = [update('2026-03-01'), update('2026-09-01', 'behind'), update('2026-05-01', 'done')];
    expect(latestUpdate({ updates })?.date).toBe('2026-09-01');
    expect(latestUpdate({ updates })?.status).toBe('behind');
  });

  it('takes the later of two on the same day', () => {
    const updates = [update('2026-09-01', 'behind', 'first'), update('2026-09-01', 'on-track', 'second')];
    expect(latestUpdate({ updates })?.text).toBe('second');
  });
});

describe('staleAfterMonths: twice the board’s cadence, else 6 months', () => {
  it.each([
    ['an unknown cadence', null, 6],
    ['a board every 2 months (Worcestershire)', { kind: 'every-n-months', months: 2 }, 4],
    ['a board every month', { kind: 'every-n-months', months: 1 }, 2],
    ['a board once a year, by months', { kind: 'every-n-months', months: 12 }, 24],
    ['a board 4 times a year', { kind: 'times-per-year', times: 4 }, 6],
    ['a board 5 times a year (every 2.4 months)', { kind: 'times-per-year', times: 5 }, 5],
    ['a board once a year', { kind: 'times-per-year', times: 1 }, 24],
    ['a board every week, never under a month', { kind: 'times-per-year', times: 52 }, 1],
  ] as const)('%s: %s → %i months', (_, cadence, months) => {
    expect(staleAfterMonths(cadence)).toBe(months);
  });
});

describe('noUpdateSince', () => {
  const now = new Date('2026-11-25T12:00:00Z');

  it('says nothing of a promise with no update: that is "No update yet", not a stale one', () => {
    expect(noUpdateSince({ updates: [] }, null, now)).toBeNull();
  });

  it('gives the last update’s date once it is older than the limit, and not a day before', () => {
    // 6 months before 25 November is 25 May.
    expect(noUpdateSince({ updates: [update('2026-05-25')] }, null, now)).toBeNull();
    expect(noUpdateSince({ updates: [update('2026-05-24')] }, null, now)).toBe('2026-05-24');
  });

  it('follows the board’s cadence', () => {
    const everyTwoMonths = { kind: 'every-n-months', months: 2 } as const;
    expect(noUpdateSince({ updates: [update('2026-07-25')] }, everyTwoMonths, now)).toBeNull();
    expect(noUpdateSince({ updates: [update('2026-07-24')] }, everyTwoMonths, now)).toBe('2026-07-24');
  });

  it('looks only at the newest update', () => {
    expect(noUpdateSince({ updates: [update('2025-01-01'), update('2026-11-01')] }, null, now)).toBeNull();
  });

  it('keeps the limit within its month at a month’s end', () => {
    expect(monthsBefore(new Date('2026-08-31T09:00:00Z'), 6)).toBe('2026-02-28');
    expect(monthsBefore(new Date('2028-08-31T09:00:00Z'), 6)).toBe('2028-02-29');
    expect(monthsBefore(new Date('2027-01-15T00:00:00Z'), 24)).toBe('2025-01-15');
    expect(noUpdateSince({ updates: [update('2026-02-28')] }, null, new Date('2026-08-31T09:00:00Z'))).toBeNull();
    expect(noUpdateSince({ updates: [update('2026-02-27')] }, null, new Date('2026-08-31T09:00:00Z'))).toBe('2026-02-27');
  });
});

describe('isOverdue', () => {
  const now = new Date('2026-11-25T12:00:00Z');
  const action = (change: Partial<DeliveryAction>): DeliveryAction =>
    deliveryAction.parse({ key: 'plans', what: 'Check every plan', due: '2026-11-24', ...change });

  it('is an open action past its due date', () => {
    expect(isOverdue(action({}), now)).toBe(true);
  });
  it('is not overdue on the day it is due', () => {
    expect(isOverdue(action({ due: '2026-11-25' }), now)).toBe(false);
  });
  it.each(['done', 'dropped'] as const)('is never a %s action', (status) => {
    expect(isOverdue(action({ status }), now)).toBe(false);
  });
  it('is never an action with no due date', () => {
    expect(isOverdue(action({ due: null }), now)).toBe(false);
  });
});
