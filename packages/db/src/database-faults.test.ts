import { mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type DatabaseHandle, type DatabaseLog, createDatabase } from './connection.js';
import { DatabaseUnavailable, isDatabaseUnavailable } from './database-faults.js';
import { DatabaseFileProblem, markerPath } from './sqlite-file.js';
import { type TestDatabase, hasPostgres, openTestDatabase } from './testing.js';

const failureOf = (work: Promise<unknown>) =>
  work.then(
    () => Promise.reject(new Error('it did not fail')),
    (error: unknown) => error,
  );

const recording = () => {
  const lines: { level: string; details: Record<string, unknown>; message: string }[] = [];
  const log: DatabaseLog = (level, details, message) => void lines.push({ level, details, message });
  return { lines, log };
};

describe('which failures mean the database is away', () => {
  it('is a refused connection, not a wrong request', async () => {
    // Port 1 on loopback: nothing listens there.
    const handle = createDatabase('postgres://postgres@127.0.0.1:1/none', { log: () => {} });
    const refused = await failureOf(sql`select 1`.execute(handle.db));
    await handle.db.destroy();
    expect(isDatabaseUnavailable(refused)).toBe(true);

    const sqlite = createDatabase(':memory:');
    await sql`create table notes (body text unique)`.execute(sqlite.db);
    await sql`insert into notes values ('once')`.execute(sqlite.db);
    expect(isDatabaseUnavailable(await failureOf(sql`insert into notes values ('once')`.execute(sqlite.db)))).toBe(false);
    expect(isDatabaseUnavailable(await failureOf(sql`select nothing from nowhere`.execute(sqlite.db)))).toBe(false);
    expect(isDatabaseUnavailable(new DatabaseUnavailable('gone', 'gone'))).toBe(true);
    await sqlite.db.destroy();
  });
});

describe('a SQLite file that goes wrong', () => {
  let dir: string;
  let handle: DatabaseHandle | undefined;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'pk-db-faults-'));
  });
  afterEach(async () => {
    await handle?.db.destroy();
    handle = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps "database or disk is full" when a transaction fills the disk', async () => {
    handle = createDatabase(join(dir, 'full.sqlite'), { log: () => {} });
    const { db } = handle;
    await sql`create table notes (body text)`.execute(db);
    const { rows } = await sql<{ page_count: number }>`pragma page_count`.execute(db);
    // A disk with room for three more pages.
    await sql.raw(`pragma max_page_count = ${rows[0]!.page_count + 3}`).execute(db);
    const error = await failureOf(
      db.transaction().execute(async (trx) => {
        await sql`insert into notes values ('a short note')`.execute(trx);
        await sql`insert into notes values (${'a long note '.repeat(10_000)})`.execute(trx);
      }),
    );
    expect(error).toMatchObject({ code: 'SQLITE_FULL', message: 'database or disk is full' });
    expect(isDatabaseUnavailable(error)).toBe(true);
    expect((await sql`select * from notes`.execute(db)).rows).toEqual([]);
  });

  it('refuses writes, says why once, and reports it to /health when the file is deleted', async () => {
    const { lines, log } = recording();
    const path = join(dir, 'data.sqlite');
    handle = createDatabase(path, { log });
    await sql`create table notes (body text)`.execute(handle.db);
    unlinkSync(path);
    for (let attempt = 0; attempt < 3; attempt++) {
      expect(await failureOf(sql`insert into notes values ('lost?')`.execute(handle.db))).toBeInstanceOf(DatabaseUnavailable);
    }
    expect(await handle.health()).toEqual({ ok: false, reason: 'database file deleted or replaced' });
    expect(lines.filter((line) => line.level === 'error')).toEqual([expect.objectContaining({ details: { database: path } })]);
  });

  it('reports a file overwritten with something that is not a database', async () => {
    const path = join(dir, 'data.sqlite');
    handle = createDatabase(path, { log: () => {} });
    expect(await handle.health()).toEqual({ ok: true });
    writeFileSync(path, Buffer.alloc(4096, 7), { flag: 'r+' });
    expect(await handle.health()).toEqual({ ok: false, reason: 'database file is not a SQLite database' });
  });

  it('creates a file only where none was ever created, and names a corrupt one', async () => {
    const path = join(dir, 'data.sqlite');
    handle = createDatabase(path, { createOnlyOnFirstStart: true, log: () => {} });
    expect(handle.created).toBe(true);
    await handle.db.destroy();
    handle = undefined;
    unlinkSync(path);
    expect(() => createDatabase(path, { createOnlyOnFirstStart: true })).toThrow(DatabaseFileProblem);
    expect(() => createDatabase(path, { createOnlyOnFirstStart: true })).toThrow(path);

    rmSync(markerPath(path));
    writeFileSync(path, 'not a database at all '.repeat(100));
    expect(() => createDatabase(path, { createOnlyOnFirstStart: true })).toThrow(/file is not a database\). Restore it from a backup/);
  });
});

describe.skipIf(!hasPostgres())('a PostgreSQL connection ended under the pool', () => {
  let t: TestDatabase;
  let handle: DatabaseHandle;
  const { lines, log } = recording();
  const database = () => new URL(t.url).pathname.slice(1);
  beforeEach(async () => {
    t = await openTestDatabase('postgres', { migrate: false });
    handle = createDatabase(t.url, { poolSize: 4, log });
  });
  afterEach(async () => {
    await handle.db.destroy();
    await t.destroy();
  });

  const terminate = async (otherThan?: number) => {
    const admin = new pg.Client({ connectionString: process.env.TEST_POSTGRES_URL });
    await admin.connect();
    try {
      await admin.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> coalesce($2, 0)', [
        database(),
        otherThan ?? null,
      ]);
    } finally {
      await admin.end();
    }
  };

  it('is logged, not an uncaught error, and the next query gets a new connection', async () => {
    // Four idle connections in the pool, as after recent traffic.
    await Promise.all(Array.from({ length: 4 }, () => sql`select pg_sleep(0.05)`.execute(handle.db)));
    await terminate();
    await expect.poll(() => lines.filter((line) => line.message === 'database connection lost').length, { timeout: 10_000 }).toBe(4);
    expect((await sql<{ one: number }>`select 1 as one`.execute(handle.db)).rows).toEqual([{ one: 1 }]);
  });

  it('keeps the error that ended a transaction, not the rollback that could not follow', async () => {
    const error = await failureOf(
      handle.db.transaction().execute(async (trx) => {
        await sql`select pg_terminate_backend(pg_backend_pid())`.execute(trx);
      }),
    );
    expect(error).toMatchObject({ code: '57P01' });
    expect(isDatabaseUnavailable(error)).toBe(true);
    expect((await sql<{ one: number }>`select 1 as one`.execute(handle.db)).rows).toEqual([{ one: 1 }]);
  });
});
