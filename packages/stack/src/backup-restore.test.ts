import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase } from '@pledgekeeper/db';
import { type TestDatabase, openTestDatabase } from '@pledgekeeper/db/testing';
import { type ApiServer, startApi } from './api-server.js';
import { repoRoot } from './built.js';
import { hasPostgres } from './dialects.js';
import { logLines } from './log-lines.js';
import { trpc } from './probes.js';

const run = promisify(execFile);
const DAY_MS = 24 * 60 * 60 * 1000;
// Non-ASCII on purpose: the text must come back byte for byte.
const MESSAGE = 'Backup check: the café’s leaflet ✓';

// The newest PostgreSQL client tools first on PATH, as an operator's machine would have them.
function pathWithPostgresTools(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((name) => /^\d+$/.test(name)) : [];
  const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
  return [newest ? join(root, newest, 'bin') : null, process.env.PATH].filter(Boolean).join(':');
}

async function script(name: string, args: string[], env: Record<string, string> = {}) {
  const file = join(repoRoot, 'deploy', name);
  try {
    const { stderr } = await run(file, args, { env: { ...process.env, PATH: pathWithPostgresTools(), ...env } });
    return { code: 0, stderr };
  } catch (error) {
    const { code, stderr } = error as { code?: number; stderr?: string };
    return { code: code ?? -1, stderr: stderr ?? String(error) };
  }
}

/** Every row of every table, the migrations' own included, as sorted JSON text per table. */
async function everyRow(url: string): Promise<Record<string, string[]>> {
  const { db } = createDatabase(url, { poolSize: 1 });
  try {
    const tables = await db.introspection.getTables({ withInternalKyselyTables: true });
    const rows: Record<string, string[]> = {};
    for (const name of tables.map((table) => table.name).sort()) {
      // Physical order is not kept by a restore, so rows are compared as a sorted list.
      const found = await db
        .selectFrom(name as never)
        .selectAll()
        .execute();
      rows[name] = found.map((row) => JSON.stringify(row)).sort();
    }
    return rows;
  } finally {
    await db.destroy();
  }
}

const suite = hasPostgres() ? describe : describe.skip;

// docs/deploy.md's backup and restore, run as an operator would: the API made the database.
suite('deploy/backup.sh and deploy/restore.sh on PostgreSQL', () => {
  let dir: string;
  let backups: string;
  let source: TestDatabase;
  let target: TestDatabase;
  let live: ApiServer;
  let backedUp: Awaited<ReturnType<typeof script>>;
  let failed: Awaited<ReturnType<typeof script>>;
  let afterFailure: string[];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'pk-backup-'));
    backups = join(dir, 'backups');
    // Empty databases: the API migrates and seeds the first as in production; the second is
    // the new database a restore goes into.
    source = await openTestDatabase('postgres', { migrate: false });
    target = await openTestDatabase('postgres', { migrate: false });
    live = await startApi({
      cwd: dir,
      env: {
        DATABASE_URL: source.url,
        PLEDGEKEEPER_ADMIN_EMAIL: 'admin@example.org',
        PLEDGEKEEPER_ADMIN_PASSWORD: 'a long enough passphrase',
      },
    });
    const sent = await trpc(live.base, 'mutation', 'feedback.send', { council: 'somerset', page: '/somerset', message: MESSAGE });
    expect(sent.status).toBe(200);

    // A dump older than the days kept, one within them, and a file that is not a dump.
    await mkdir(backups);
    const aged = async (name: string, days: number) => {
      const file = join(backups, name);
      await writeFile(file, 'not a real dump');
      const when = new Date(Date.now() - days * DAY_MS);
      await utimes(file, when, when);
    };
    await aged('pledgekeeper-20000101T000000Z.dump', 15);
    await aged('pledgekeeper-20000102T000000Z.dump', 13);
    await aged('notes.txt', 40);

    // A failed dump leaves no file behind and removes nothing.
    const missing = new URL(source.url);
    missing.pathname = '/pledgekeeper_no_such_database';
    failed = await script('backup.sh', [missing.toString()], { BACKUP_DIR: backups, BACKUP_KEEP_DAYS: '14' });
    afterFailure = (await readdir(backups)).sort();

    // While the API is running: pg_dump reads one snapshot.
    backedUp = await script('backup.sh', [], { DATABASE_URL: source.url, BACKUP_DIR: backups, BACKUP_KEEP_DAYS: '14' });
    await live.stop();
  }, 120_000);

  afterAll(async () => {
    await live?.stop();
    await source?.destroy();
    await target?.destroy();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const newDump = async () =>
    (await readdir(backups)).filter((name) => /^pledgekeeper-\d{8}T\d{6}Z\.dump$/.test(name) && !name.startsWith('pledgekeeper-2000'));

  it('writes one dump and removes only dumps older than the days kept, and nothing when it fails', async () => {
    expect(failed.code).not.toBe(0);
    expect(failed.stderr).toMatch(/pg_dump failed; nothing was written and no old dump was removed/);
    expect(afterFailure).toEqual(['notes.txt', 'pledgekeeper-20000101T000000Z.dump', 'pledgekeeper-20000102T000000Z.dump']);

    expect(backedUp.stderr).toMatch(/wrote .*pledgekeeper-\d{8}T\d{6}Z\.dump/);
    expect(backedUp.code).toBe(0);
    expect(await newDump()).toHaveLength(1);
    expect((await readdir(backups)).sort()).toEqual(['notes.txt', 'pledgekeeper-20000102T000000Z.dump', ...(await newDump())].sort());
  });

  it('restores every row of every table into a new, empty database', async () => {
    const [dump] = await newDump();
    const restored = await script('restore.sh', [join(backups, dump!), target.url]);
    expect(restored.stderr).toMatch(/restored \d+ tables/);
    expect(restored.code).toBe(0);

    const before = await everyRow(source.url);
    const after = await everyRow(target.url);
    expect(Object.keys(before)).toEqual(
      expect.arrayContaining(['councils', 'feedback', 'users', 'kysely_migration', 'kysely_migration_lock']),
    );
    expect(after).toEqual(before);
    expect(after.feedback!.join('\n')).toContain(MESSAGE);
    expect(after.councils).toHaveLength(2);
  });

  it('refuses to restore into a database that is not empty, and changes nothing there', async () => {
    const [dump] = await newDump();
    const before = await everyRow(source.url);
    const refused = await script('restore.sh', [join(backups, dump!), source.url]);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(/is not empty/);
    expect(await everyRow(source.url)).toEqual(before);
  });

  it('gives a database the built API starts on and serves the council page from', async () => {
    const api = await startApi({ cwd: dir, env: { DATABASE_URL: target.url } });
    try {
      const response = await fetch(`${api.base}/trpc/council.page?input=${encodeURIComponent(JSON.stringify({ council: 'somerset' }))}`);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('Somerset');
      // It found both councils there rather than seeding them again.
      const ready = logLines(api.output()).find((line) => line.msg === 'database ready');
      expect(ready).toMatchObject({ seeded: [], present: expect.arrayContaining(['somerset', 'worcestershire']) });
    } finally {
      await api.stop();
    }
  });
});
