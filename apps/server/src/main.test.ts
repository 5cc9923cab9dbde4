import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestDatabase } from '@pledgekeeper/db/testing';
import { builtServer, hasPostgres, logLines, startApi, startService } from '@pledgekeeper/stack';

// The built server as a process of its own, in a folder of the test's own.
const start = (env: Record<string, string>, cwd: string) => startApi({ env, cwd });

describe('starting the server', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'pk-server-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('creates, migrates and seeds its SQLite file on first start, keeps it after, and stops cleanly', async () => {
    const first = await start({ LOG_LEVEL: 'info' }, dir);
    expect(existsSync(join(dir, 'data', 'pledgekeeper.sqlite'))).toBe(true);
    const list = (await (await fetch(`${first.base}/trpc/council.list`)).json()) as { result: { data: { slug: string }[] } };
    expect(list.result.data.map((c) => c.slug)).toEqual(['somerset', 'worcestershire']);
    await fetch(`${first.base}/trpc/feedback.submit`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ council: 'worcestershire', page: '/worcestershire', helpful: true }),
    });
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    const firstLog = logLines(first.output());
    expect(firstLog.find((line) => line.msg === 'database ready')?.seeded).toEqual(['somerset', 'worcestershire']);

    const second = await start({ LOG_LEVEL: 'info' }, dir);
    second.child.kill('SIGINT');
    expect(await second.exited).toBe(0);
    expect(logLines(second.output()).find((line) => line.msg === 'database ready')).toMatchObject({
      seeded: [],
      present: ['somerset', 'worcestershire'],
    });
    const db = await openTestDatabase('sqlite', { sqlitePath: join(dir, 'data', 'pledgekeeper.sqlite') });
    try {
      expect(await db.db.selectFrom('feedback').select('page').execute()).toEqual([{ page: '/worcestershire' }]);
    } finally {
      await db.destroy();
    }
  });

  it('refuses a bad environment with a message that names the variable', async () => {
    const server = startService({ name: 'The API server', args: [builtServer()], cwd: dir, env: { ...process.env, API_PORT: 'eighty' } });
    expect(await server.exited).toBe(1);
    expect(server.output()).toMatch(/API_PORT/);
    expect(server.output()).not.toMatch(/\n\s+at /);
  });

  // Runs where a PostgreSQL server is configured for the tests, as CI does; reported as skipped elsewhere.
  it.skipIf(!hasPostgres())('runs on PostgreSQL when DATABASE_URL is a postgres URL', async () => {
    const pg = await openTestDatabase('postgres');
    try {
      const server = await start({ DATABASE_URL: pg.url, LOG_LEVEL: 'info' }, dir);
      const page = (await (
        await fetch(`${server.base}/trpc/council.page?input=${encodeURIComponent('{"council":"somerset"}')}`)
      ).json()) as { result: { data: { pledge: { themes: unknown[] } } } };
      expect(page.result.data.pledge.themes).toHaveLength(7);
      server.child.kill('SIGTERM');
      expect(await server.exited).toBe(0);
      expect(logLines(server.output()).find((line) => line.msg === 'database ready')).toMatchObject({ dialect: 'postgres' });
      expect(existsSync(join(dir, 'data'))).toBe(false);
    } finally {
      await pg.destroy();
    }
  });
});
