import { describe, expect, it } from 'vitest';
import { deliveryQueryFrom, deliveryRow, deliverySearch, keptText, recency, staleNote } from './delivery';

describe('how recent a council’s last update is, in words', () => {
  const council = { targetCount: 11, lastUpdate: '2026-03-04', noUpdateSince: null, staleTargets: 0, staleAfterMonths: 4 };

  it('gives the date of its last update, and the promises gone too long without one', () => {
    expect(recency(council)).toEqual({ text: 'Last update 4 March 2026', gap: false });
    expect(staleNote({ ...council, staleTargets: 1 })).toBe('1 promise not updated for 4 months');
    expect(staleNote(council)).toBeNull();
  });

  it('says so when the last update is too old, or there is none, never making a date up', () => {
    expect(recency({ ...council, noUpdateSince: '2026-03-04' })).toEqual({ text: 'No update since 4 March 2026', gap: true });
    expect(staleNote({ ...council, noUpdateSince: '2026-03-04', staleTargets: 11 })).toBeNull();
    expect(recency({ ...council, lastUpdate: null })).toEqual({ text: 'No updates published', gap: true });
    expect(recency({ ...council, targetCount: 0, lastUpdate: null }).gap).toBe(true);
  });
});

describe('promises kept under a principle', () => {
  const byStatus = { 'on-track': 2, behind: 1, done: 3, 'not-started': 0, 'no-longer-planned': 0, 'no-update': 4 };
  it('counts those on track or done of those linked, and names a gap in words', () => {
    expect(keptText({ linked: 10, byStatus })).toBe('5 of 10');
    expect(keptText({ linked: 0, byStatus })).toBe('No promises linked');
  });
});

describe('the filters of /compare for delivery', () => {
  it('keeps nation and kind, ignoring the sort and anything unknown', () => {
    const query = deliveryQueryFrom(new URLSearchParams('nation=wales&kind=parish&sort=promises&reverse=yes'));
    expect(query).toEqual({ nation: 'wales', kind: undefined });
    expect(deliverySearch(query)).toBe('?nation=wales');
    expect(deliverySearch({ nation: null, kind: null })).toBe('');
  });
});

describe('a council’s row of the delivery table', () => {
  it('holds its figures in the order of the columns, and its last update in words', () => {
    const row = deliveryRow({
      slug: 'north',
      name: 'North Council',
      kind: 'county',
      nation: 'england',
      framework: 'cswa2017-s1',
      progressPath: '/north/progress',
      version: 2,
      publishedAt: null,
      targetCount: 6,
      byStatus: { 'on-track': 1, behind: 2, done: 3, 'not-started': 0, 'no-longer-planned': 0, 'no-update': 0 },
      lastUpdate: '2026-03-04',
      staleAfterMonths: 6,
      noUpdateSince: '2026-03-04',
      staleTargets: 6,
      openActions: 0,
      overdueActions: 0,
    });
    expect(row).toEqual({
      slug: 'north',
      name: 'North Council',
      href: '/north/progress',
      figures: [6, 1, 2, 3, 0, 0, 0],
      recency: 'No update since 4 March 2026',
      gap: true,
      note: null,
    });
  });
});
