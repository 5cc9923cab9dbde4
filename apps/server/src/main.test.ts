import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dialectsUnderTest, openTestDatabase } from '@pledgekeeper/db/testing';
import { freePort } from './testing/free-port.js';

const MAIN = fileURLToPath(new URL('../dist/main.js', import.meta.url));

interface Started {
  child: ChildProcess;
  base: string;
  output: () => string;
  exited: Promise<number | null>;
}

async function start(env: Record<string, string>, cwd: string): Promise<Started> {
  const port = await freePort();
  const child = spawn(process.execPath, [MAIN], { cwd, env: { ...process.env, ...env, API_PORT: String(port) }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const base = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 150; attempt++) {
    if (child.exitCode !== null) break;
    const ok = await fetch(`${base}/health`).then((r) => r.ok, () => false);
    if (ok) return { child, base, output: () => output, exited };
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`the server did not become healthy:\n${output}`);
}

const logLines = (output: string) =>
  output
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { level: number; msg: string; seeded?: string[]; present?: string[] });

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
    expect(logLines(second.output()).find((line) => line.msg === 'database ready')).toMatchObject({ seeded: [], present: ['somerset', 'worcestershire'] });
    const db = await openTestDatabase('sqlite', { sqlitePath: join(dir, 'data', 'pledgekeeper.sqlite') });
    try {
      expect(await db.db.selectFrom('feedback').select('page').execute()).toEqual([{ page: '/worcestershire' }]);
    } finally {
      await db.destroy();
    }
  });

  it('refuses a bad environment with a message that names the variable', async () => {
    const child = spawn(process.execPath, [MAIN], { cwd: dir, env: { ...process.env, API_PORT: 'eighty' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stderr.on('data', (chunk) => (output += chunk));
    const code = await new Promise((resolve) => child.once('exit', resolve));
    expect(code).toBe(1);
    expect(output).toMatch(/API_PORT/);
    expect(output).not.toMatch(/\n\s+at /);
  });

  // Registered only where a PostgreSQL server is configured for the tests, as CI does.
  const postgres = dialectsUnderTest().includes('postgres') ? it : undefined;
  postgres?.('runs on PostgreSQL when DATABASE_URL is a postgres URL', async () => {
    const pg = await openTestDatabase('postgres');
    try {
      const server = await start({ DATABASE_URL: pg.url, LOG_LEVEL: 'info' }, dir);
      const page = (await (await fetch(`${server.base}/trpc/council.page?input=${encodeURIComponent('{"council":"somerset"}')}`)).json()) as { result: { data: { pledge: { themes: unknown[] } } } };
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
