import { describe, expect, it } from 'vitest';
import { readSettings } from './settings.js';

describe('what a benchmark run measures', () => {
  it('by default: issue 14’s open loop (500 requests a second for 30 s) on SQLite, 10 s a target', () => {
    expect(readSettings({})).toMatchObject({
      smoke: false,
      duration: 10,
      warmup: 2,
      connections: 10,
      rate: 500,
      openSeconds: 30,
      deadlineMs: 2000,
      publications: 5,
      publicationWaitMs: 5000,
      database: { dialect: 'sqlite' },
    });
  });

  it('as a smoke: a second a target with no warm-up, a short, gentle open loop, and one publication', () => {
    expect(readSettings({ BENCH_SMOKE: '1', BENCH_DURATION: '20', BENCH_OPEN_SECONDS: '60' })).toMatchObject({
      smoke: true,
      duration: 1,
      warmup: 0,
      rate: 100,
      openSeconds: 2,
      publications: 1,
      publicationWaitMs: 2000,
    });
    expect(readSettings({ BENCH_SMOKE: '0' }).smoke).toBe(false);
  });

  it('on PostgreSQL when BENCH_DATABASE_URL names a server, and refuses anything else', () => {
    const url = 'postgres://postgres@127.0.0.1:5432/postgres';
    expect(readSettings({ BENCH_DATABASE_URL: url }).database).toEqual({ dialect: 'postgres', serverUrl: url });
    expect(() => readSettings({ BENCH_DATABASE_URL: './data/bench.sqlite' })).toThrow(/PostgreSQL server/);
    expect(() => readSettings({ BENCH_RATE: 'fast' })).toThrow(/BENCH_RATE must be a positive number/);
  });

  it('gives each open-loop request the deadline BENCH_OPEN_DEADLINE_MS names, a smoke too', () => {
    expect(readSettings({ BENCH_OPEN_DEADLINE_MS: '500' }).deadlineMs).toBe(500);
    expect(readSettings({ BENCH_SMOKE: '1', BENCH_OPEN_DEADLINE_MS: '500' }).deadlineMs).toBe(500);
  });
});
