import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { DatabaseSchema } from './schema.js';

export type Database = Kysely<DatabaseSchema>;
export type DialectName = 'sqlite' | 'postgres';

export interface DatabaseHandle {
  db: Database;
  dialect: DialectName;
  /** Where the data lives, with any password removed: safe to log. */
  location: string;
}

export const isPostgresUrl = (url: string): boolean => /^postgres(ql)?:\/\//i.test(url);

/**
 * Opens the database a URL names: `postgres://` or `postgresql://` selects PostgreSQL; anything
 * else is a SQLite file path (`file:` and `sqlite:` prefixes allowed), or `:memory:`.
 * A SQLite file and its folder are created if missing.
 */
export function createDatabase(url: string, options: { poolSize?: number } = {}): DatabaseHandle {
  if (isPostgresUrl(url)) {
    const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 10 });
    const location = new URL(url);
    location.password = '';
    return { db: new Kysely({ dialect: new PostgresDialect({ pool }) }), dialect: 'postgres', location: location.toString() };
  }
  const path = url.replace(/^(file|sqlite):(\/\/)?/, '');
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = new SQLite(path);
  if (path !== ':memory:') sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  return { db: new Kysely({ dialect: new SqliteDialect({ database: sqlite }) }), dialect: 'sqlite', location: path };
}
