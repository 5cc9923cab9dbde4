import { describe, expect, it } from 'vitest';
import { MET, MISSED, NOT_MEASURED, cacheRow, closedLoopRow, closingLine, comparisonRow, openLoopRows, publicationRows } from './goals.js';
import { readTable, tableLines } from './table.js';

const base = { name: 'node:http hello world', kind: 'baseline', requestsPerSecond: 40_000, p50Ms: 0.2, p99Ms: 0.8, non2xx: 0, errors: 0 };
const target = (kind, requestsPerSecond, answers = {}) => ({
  name: `a ${kind}`,
  kind,
  requestsPerSecond,
  p50Ms: 5,
  p99Ms: 12,
  non2xx: 0,
  errors: 0,
  timeouts: 0,
  ...answers,
});
const open = (p99Ms, answers = {}) => ({
  rate: 500,
  seconds: 30,
  requestsPerSecond: 500,
  p50Ms: 2,
  p99Ms,
  non2xx: 0,
  errors: 0,
  timeouts: 0,
  ...answers,
});
const seen = (p99Ms, answers = {}) => ({ p50Ms: p99Ms / 2, p99Ms, unseen: 0, shownEarly: 0, polls: 10, non2xx: 0, errors: 0, ...answers });
const publication = (portal, api = seen(30)) => ({ count: 5, waitMs: 5000, paths: { portal: '/worcestershire/progress' }, portal, api });
const cache = (bytes, maxBytes) => ({ entries: 3, bytes, maxBytes });

describe('the verdict on a closed-loop target', () => {
  it('meets the pages goal at half the baseline and misses it below, saying by how much', () => {
    expect(closedLoopRow(target('page', 20_000), base)).toMatchObject({ ratio: 0.5, goal: '≥ 0.5× base', verdict: MET });
    expect(closedLoopRow(target('page', 440), base)).toMatchObject({ verdict: MISSED, reason: '0.011× base' });
    // Never rounded down to a ratio of nothing, however slow.
    expect(closedLoopRow(target('page', 12), base)).toMatchObject({ verdict: MISSED, reason: '0.00030× base' });
  });

  it('holds the API reads to 0.3 times the baseline', () => {
    expect(closedLoopRow(target('api', 12_000), base)).toMatchObject({ goal: '≥ 0.3× base', verdict: MET });
    expect(closedLoopRow(target('api', 11_000), base).verdict).toBe(MISSED);
  });

  it('misses a fast target that answered with errors or anything but 2xx', () => {
    expect(closedLoopRow(target('page', 30_000, { non2xx: 3 }), base)).toMatchObject({ verdict: MISSED, reason: '3 non-2xx' });
    expect(closedLoopRow(target('api', 30_000, { errors: 1 }), base)).toMatchObject({ verdict: MISSED, reason: '1 errors' });
    expect(closedLoopRow(target('api', 30_000, { timeouts: 2 }), base)).toMatchObject({ verdict: MISSED, reason: '2 timeouts' });
  });

  it('judges nothing on the baseline itself', () => {
    expect(closedLoopRow(base, base)).toMatchObject({ ratio: 1, goal: 'the yardstick', verdict: '' });
  });
});

describe('the verdict on the open loop', () => {
  it('meets p99 of 20 ms with no errors, and misses over it or with any error', () => {
    expect(openLoopRows(open(20), 'sqlite')[0]).toMatchObject({ target: 'open loop 500/s × 30 s, pages (sqlite)', verdict: MET });
    expect(openLoopRows(open(20.5), 'sqlite')[0]).toMatchObject({ verdict: MISSED, reason: 'p99 20.5 ms' });
    expect(openLoopRows(open(3, { errors: 2 }), 'sqlite')[0]).toMatchObject({ verdict: MISSED, reason: '2 errors' });
    expect(openLoopRows(open(3, { timeouts: 4 }), 'sqlite')[0]).toMatchObject({ verdict: MISSED, reason: '4 timeouts', timeouts: 4 });
    expect(openLoopRows(open(NaN), 'sqlite')[0].verdict).toBe(MISSED);
  });

  it('lists the other database as not measured in this run, with no figures', () => {
    const [, other] = openLoopRows(open(5), 'sqlite');
    expect(other).toMatchObject({
      target: 'open loop on postgres (with BENCH_DATABASE_URL)',
      verdict: NOT_MEASURED,
      p99Ms: null,
      ratio: null,
    });
    expect(openLoopRows(open(5), 'postgres')[1].target).toBe('open loop on sqlite (without BENCH_DATABASE_URL)');
  });
});

describe('the verdict on a publication', () => {
  it('meets the goal when every publication showed within a second on the portal and through the API', () => {
    const [portal, api, other] = publicationRows(publication(seen(400)), 'sqlite');
    expect(portal).toMatchObject({
      target: 'publication → portal /worcestershire/progress (sqlite)',
      p50Ms: 200,
      p99Ms: 400,
      timeouts: 0,
      requestsPerSecond: null,
      goal: 'visible ≤ 1000 ms',
      verdict: MET,
    });
    expect(api).toMatchObject({ target: 'publication → API progress.published (sqlite)', verdict: MET });
    expect(other).toMatchObject({ target: 'publication on postgres (with BENCH_DATABASE_URL)', verdict: NOT_MEASURED });
  });

  it('misses it when one was slower, never shown, a draft showed, or a poll failed', () => {
    const portalRow = (portal) => publicationRows(publication(portal), 'postgres')[0];
    expect(portalRow(seen(1200))).toMatchObject({ verdict: MISSED, reason: 'took 1200 ms' });
    expect(portalRow(seen(NaN, { unseen: 5 }))).toMatchObject({ verdict: MISSED, reason: '5 of 5 not shown within 5000 ms', timeouts: 5 });
    expect(portalRow(seen(20, { shownEarly: 1 }))).toMatchObject({ verdict: MISSED, reason: '1 of 5 shown as a draft' });
    expect(portalRow(seen(20, { non2xx: 2 }))).toMatchObject({ verdict: MISSED, reason: '2 non-2xx' });
  });
});

describe('the verdict on the caches', () => {
  const api = (caches) => ({ service: 'API', caches, note: '' });
  const portal = (caches) => ({ service: 'portal', caches, live: true, note: '' });

  it('is not measured while neither server reports its caches', () => {
    expect(cacheRow([api(null), portal(null)])).toMatchObject({ target: 'memory of every cache', verdict: NOT_MEASURED, p99Ms: null });
  });

  it('meets the goal when every cache reported has a bound in bytes and is within it', () => {
    const row = cacheRow([api({ pages: cache(10, 100), reads: cache(100, 100) }), portal({ pages: cache(0, 100) })]);
    expect(row).toMatchObject({ goal: 'bounded in bytes, reported', verdict: MET, requestsPerSecond: null });
  });

  it('misses it for a cache over or without its bound, and for a server that reports none', () => {
    expect(cacheRow([api({ reads: cache(101, 100) }), portal({ pages: cache(0, 100) })])).toMatchObject({
      verdict: MISSED,
      reason: 'API reads 101 of 100 bytes',
    });
    expect(cacheRow([api({ reads: cache(1, 0) }), portal({ pages: { entries: 1, bytes: 1 } })]).reason).toBe(
      'API reads 1 of 0 bytes, portal pages 1 of undefined bytes',
    );
    expect(cacheRow([api({ reads: cache(1, 10) }), portal(null)])).toMatchObject({ verdict: MISSED, reason: 'portal reports none' });
    expect(cacheRow([api({}), portal({ pages: cache(1, 10) })])).toMatchObject({ verdict: MISSED, reason: 'API reports none' });
  });
});

describe('the verdict on a target of the comparison on generated councils', () => {
  it('follows the comparison’s own goal, and misses on errors too', () => {
    const loaded = target('comparison', 800);
    expect(comparisonRow(loaded, base, { pass: true }, 50)).toMatchObject({ ratio: 0.02, goal: 'server ≤ 50 ms, linear', verdict: MET });
    expect(comparisonRow(loaded, base, { pass: false }, 50, 'took 61 ms')).toMatchObject({ verdict: MISSED, reason: 'took 61 ms' });
    expect(comparisonRow({ ...loaded, errors: 4 }, base, { pass: true }, 50)).toMatchObject({ verdict: MISSED, reason: '4 errors' });
  });
});

describe('the run’s table and last line', () => {
  const rows = [closedLoopRow(base, base), closedLoopRow(target('page', 440), base), ...openLoopRows(open(5), 'sqlite'), cacheRow([])];

  it('prints every row with its ratio, and no figure where nothing was measured', () => {
    const table = readTable(['', ...tableLines(rows), '', 'after the table']);
    expect(table.map((row) => row[0])).toEqual(rows.map((row) => row.target));
    expect(table[1]).toEqual(['a page', '440', '5.00', '12.00', '0', '0', '0', '0.011', '≥ 0.5× base', 'MISSED']);
    expect(table.at(-1)).toEqual(['memory of every cache', '', '', '', '', '', '', '', 'bounded in bytes, reported', NOT_MEASURED]);
  });

  it('names what was missed, and says a smoke does not fail on it', () => {
    expect(closingLine(rows, { smoke: false })).toBe('MISSED 1 of 2 goals; 2 not measured yet: a page: 0.011× base (goal ≥ 0.5× base)');
    expect(closingLine(rows, { smoke: true })).toMatch(/^smoke, so the exit status stays 0; MISSED 1 of 2 goals/);
    expect(
      closingLine(
        rows.filter((row) => row.verdict !== MISSED),
        { smoke: false },
      ),
    ).toBe('every goal measured was met (1); 2 not measured yet');
  });
});
