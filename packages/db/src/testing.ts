import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type Database, type DialectName, createDatabase } from './connection.js';
import { migrateToLatest } from './migrate.js';
import { readSeedDirectory, seedCouncils } from './seed.js';

/** Whether the tests have a PostgreSQL: TEST_POSTGRES_URL names one (`scripts/test.sh` always gives one). */
export const hasPostgres = (): boolean => Boolean(process.env.TEST_POSTGRES_URL);

/** vitest's `describe`, taken as an argument so that this module never imports a test framework. */
export interface Describe {
  (name: string, body: () => void): void;
  skip: (name: string, body: () => void) => void;
}

/**
 * One suite per database, `%s` in the title naming it. Without a PostgreSQL its suite is skipped,
 * so the run reports it as skipped instead of leaving it silently out.
 */
export function describeEachDialect(describe: Describe, title: string, body: (dialect: DialectName) => void): void {
  for (const dialect of ['sqlite', 'postgres'] as const) {
    const suite = dialect === 'postgres' && !hasPostgres() ? describe.skip : describe;
    suite(title.replace('%s', dialect), () => body(dialect));
  }
}

export interface TestDatabase {
  db: Database;
  dialect: DialectName;
  /** The URL the database was opened with, for starting a server on it. */
  url: string;
  destroy(): Promise<void>;
}

/**
 * A fresh, empty, migrated database of its own: a SQLite file in memory, or a new PostgreSQL
 * database that `destroy` drops. With `seed`, both seed councils are loaded.
 */
export async function openTestDatabase(
  dialect: DialectName,
  options: { seed?: boolean; sqlitePath?: string; migrate?: boolean } = {},
): Promise<TestDatabase> {
  let url: string;
  let dropDatabase = async () => {};
  if (dialect === 'postgres') {
    const adminUrl = process.env.TEST_POSTGRES_URL;
    if (!adminUrl) throw new Error('TEST_POSTGRES_URL is not set');
    const name = `pledgekeeper_test_${randomBytes(6).toString('hex')}`;
    await withAdmin(adminUrl, (client) => client.query(`create database ${name}`));
    const target = new URL(adminUrl);
    target.pathname = `/${name}`;
    url = target.toString();
    dropDatabase = () => dropWhenUnused(adminUrl, name);
  } else {
    url = options.sqlitePath ?? ':memory:';
  }
  const { db } = createDatabase(url, { poolSize: 4 });
  // `migrate: false` leaves it empty, for tests that walk the migrations themselves.
  if (options.migrate !== false) await migrateToLatest(db);
  if (options.seed) await seedCouncils(db, await readSeedDirectory());
  return {
    db,
    dialect,
    url,
    async destroy() {
      // Ends the pool and waits for its connections to close before the database is dropped.
      await db.destroy();
      await dropDatabase();
    },
  };
}

/**
 * Drops a test database once nothing uses it. `with (force)` at once would end connections a
 * suite still holds (57P01 in its pool), so it is only the last resort, logged when it happens.
 */
async function dropWhenUnused(adminUrl: string, name: string): Promise<void> {
  for (let attempt = 0; attempt < 20; attempt++) {
    try {
      await withAdmin(adminUrl, (client) => client.query(`drop database if exists ${name}`));
      return;
    } catch (error) {
      // 55006: the database is still being accessed by other users.
      if ((error as { code?: string }).code !== '55006') throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 + attempt * 50));
    }
  }
  process.stderr.write(`test database ${name} was still in use after 20 tries: dropping it with (force)\n`);
  await withAdmin(adminUrl, (client) => client.query(`drop database if exists ${name} with (force)`));
}

async function withAdmin(url: string, work: (client: pg.Client) => Promise<unknown>): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await work(client);
  } finally {
    await client.end();
  }
}
