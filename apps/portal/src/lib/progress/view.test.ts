import { describe, expect, it } from 'vitest';
import { progressContent } from '@pledgekeeper/domain/progress';
import { matchesFilter, progressEntries, progressView, readStatusFilter } from './view';

const promise = (number: number, text: string, plainWords: string | null = null) => ({
  number,
  text,
  plainWords,
  themeKey: null,
  audiences: [],
  principles: [],
  localOfferAreas: [],
});
const numbered = {
  promiseNoun: 'pledge' as const,
  promises: [promise(1, 'We will listen.', 'We listen to you.'), promise(2, 'We will help.')],
  themes: [],
};
const themed = { promises: [], themes: [{ key: 'where-i-live', title: 'Where I live', description: 'A home.', principles: [] }] };
const now = new Date('2025-06-01T12:00:00Z');

describe('progress targets', () => {
  it('are the numbered promises, or else the themes, in the pledge’s order', () => {
    expect(progressEntries(numbered).map((t) => [t.target, t.label, t.words, t.formal])).toEqual([
      ['promise-1', 'Pledge 1', 'We listen to you.', 'We will listen.'],
      ['promise-2', 'Pledge 2', 'We will help.', null],
    ]);
    expect(progressEntries(themed).map((t) => [t.target, t.label])).toEqual([['theme-where-i-live', 'Where I live']]);
    expect(progressEntries(null)).toEqual([]);
  });
});

describe('the public view of progress', () => {
  const content = progressContent.parse({
    promises: [
      {
        target: 'promise-2',
        measure: 'Nine in ten say yes.',
        actions: [
          { key: 'action-1', what: 'Train staff', due: '2025-01-31' },
          { key: 'action-2', what: 'Ask young people', due: '2025-01-31', status: 'done' },
        ],
        updates: [
          { date: '2024-09-01', status: 'not-started', text: 'Planned.' },
          { date: '2024-11-01', status: 'on-track', text: 'Started.', plainWords: 'We have started.' },
        ],
      },
    ],
  });
  const [first, second] = progressView(numbered, content, { kind: 'every-n-months', months: 2 }, now);

  it('says nothing of a status where there is no update', () => {
    expect(first).toMatchObject({ target: 'promise-1', status: null, latest: null, staleSince: null, actions: [], history: [] });
  });

  it('takes the status from the latest update, lists updates newest first and marks overdue actions', () => {
    expect(second?.status).toBe('on-track');
    expect(second?.history.map((u) => u.date)).toEqual(['2024-11-01', '2024-09-01']);
    expect(second?.actions.map((a) => [a.key, a.overdue])).toEqual([
      ['action-1', true],
      ['action-2', false],
    ]);
    // Two-monthly board: stale after four months.
    expect(second?.staleSince).toBe('2024-11-01');
  });

  it('filters by status, or by having no update yet', () => {
    expect(readStatusFilter('on-track')).toBe('on-track');
    expect(readStatusFilter('nonsense')).toBeNull();
    expect([first, second].filter((v) => matchesFilter(v!, 'no-update')).map((v) => v?.target)).toEqual(['promise-1']);
    expect([first, second].filter((v) => matchesFilter(v!, 'on-track')).map((v) => v?.target)).toEqual(['promise-2']);
    expect([first, second].filter((v) => matchesFilter(v!, null))).toHaveLength(2);
  });
});
