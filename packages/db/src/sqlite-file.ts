import { closeSync, existsSync, mkdirSync, openSync, readSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';
import { DatabaseUnavailable } from './database-faults.js';
import type { DatabaseHealth, DatabaseLog } from './postgres-pool.js';

/** A SQLite file the service cannot open: missing where a database used to be, or unreadable. */
export class DatabaseFileProblem extends Error {
  constructor(
    message: string,
    readonly path: string,
  ) {
    super(message);
    this.name = 'DatabaseFileProblem';
  }
}

const HEADER = Buffer.from('SQLite format 3\0');
// The file identity is checked before every write and at most this often before reads.
const READ_CHECK_EVERY_MS = 1_000;

/**
 * Beside the database file once a database was created there. A missing file with its marker
 * present was lost (deleted, or a volume not mounted), not never made: the service then refuses
 * to start instead of quietly starting again on a new, empty database.
 */
export const markerPath = (path: string) => `${path}.created`;

interface OpenedSqlite {
  sqlite: SQLite.Database;
  /** What Kysely is given: the same database, checking the file is still the one opened. */
  guarded: SqliteDatabase;
  created: boolean;
  health(): Promise<DatabaseHealth>;
}

function readHeader(path: string): Buffer {
  const fd = openSync(path, 'r');
  try {
    const header = Buffer.alloc(HEADER.length);
    readSync(fd, header, 0, header.length, 0);
    return header;
  } finally {
    closeSync(fd);
  }
}

export function openSqliteFile(path: string, options: { createOnlyOnFirstStart?: boolean }, log: DatabaseLog): OpenedSqlite {
  const memory = path === ':memory:';
  const existed = memory || existsSync(path);
  if (!existed && options.createOnlyOnFirstStart && existsSync(markerPath(path))) {
    throw new DatabaseFileProblem(
      `The database file ${path} is missing, though a database was created there before. Restore it from a backup; to start again with an empty database instead, delete ${markerPath(path)}.`,
      path,
    );
  }
  if (!memory) mkdirSync(dirname(path), { recursive: true });
  let sqlite: SQLite.Database | undefined;
  try {
    sqlite = new SQLite(path);
    if (!memory) sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
  } catch (error) {
    sqlite?.close();
    throw new DatabaseFileProblem(
      `The database file ${path} cannot be used (${(error as Error).message}). Restore it from a backup, or move it aside${existsSync(markerPath(path)) ? ` with ${markerPath(path)}` : ''} to start with a new, empty database.`,
      path,
    );
  }
  if (!memory && options.createOnlyOnFirstStart && !existsSync(markerPath(path))) {
    writeFileSync(
      markerPath(path),
      `Pledgekeeper created its database ${path}. While this file is here, it will not start on a new, empty database if that one goes missing.\n`,
    );
  }
  const opened = sqlite;
  const identity = memory ? null : statSync(path);
  let problem: DatabaseUnavailable | null = null;
  let checkedAt = 0;

  // Once the file is gone or replaced, every query refuses: writes would vanish into the unlinked
  // file. It stays so until a restart, after the file is restored.
  const fail = (reason: string, detail: string): never => {
    problem = new DatabaseUnavailable(`The database file ${path} ${detail}`, reason);
    log(
      'error',
      { database: path },
      `The database file was ${detail}: refusing reads and writes. Restore it from a backup, then restart the service.`,
    );
    throw problem;
  };
  const check = (always: boolean) => {
    if (problem) throw problem;
    if (!identity || (!always && Date.now() - checkedAt < READ_CHECK_EVERY_MS)) return;
    checkedAt = Date.now();
    const now = statSync(path, { throwIfNoEntry: false });
    if (!now || now.ino !== identity.ino || now.dev !== identity.dev)
      fail('database file deleted or replaced', 'deleted or replaced while the service was running');
  };

  return {
    sqlite: opened,
    created: !existed,
    guarded: {
      prepare(sql: string) {
        const statement = opened.prepare(sql);
        check(!statement.readonly);
        return statement;
      },
      close: () => opened.close(),
    },
    async health() {
      try {
        check(true);
        if (identity && !readHeader(path).equals(HEADER))
          fail('database file is not a SQLite database', 'overwritten: it is not a SQLite database any more');
        opened.prepare('select 1').get();
        return { ok: true };
      } catch (error) {
        return {
          ok: false,
          reason: error instanceof DatabaseUnavailable ? error.reason : `database check failed: ${(error as Error).message}`,
        };
      }
    },
  };
}
