import { type Dialect, Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import type { DatabaseSchema } from './schema.js';
import { type DatabaseHealth, type DatabaseLog, describeError, pingPostgres, postgresPool } from './postgres-pool.js';
import { openSqliteFile } from './sqlite-file.js';

export type Database = Kysely<DatabaseSchema>;
export type DialectName = 'sqlite' | 'postgres';
export type { DatabaseHealth, DatabaseLog };

export interface DatabaseHandle {
  db: Database;
  dialect: DialectName;
  /** Where the data lives, with any password removed: safe to log. */
  location: string;
  /** True when this call created a new, empty SQLite file. */
  created: boolean;
  /** Whether the database answers now; never waits longer than `healthTimeoutMs`. */
  health(): Promise<DatabaseHealth>;
}

export interface DatabaseOptions {
  poolSize?: number;
  /** Dropped connections, a vanished file, a failed rollback. Default: a JSON line on stderr. */
  log?: DatabaseLog;
  /** PostgreSQL: connect, statement and idle-in-transaction timeouts (default 5000 ms). */
  timeoutMs?: number;
  /** How long a health check may take before it counts as a failure (default 2000 ms). */
  healthTimeoutMs?: number;
  /** SQLite: create a missing file only if no database was ever created at that path (for the service). */
  createOnlyOnFirstStart?: boolean;
}

export const isPostgresUrl = (url: string): boolean => /^postgres(ql)?:\/\//i.test(url);

/** The file a SQLite URL names: `file:` and `sqlite:` prefixes allowed, or `:memory:`. */
export const sqlitePathOf = (url: string): string => url.replace(/^(file|sqlite):(\/\/)?/, '');

const stderrLog: DatabaseLog = (level, details, message) => {
  process.stderr.write(`${JSON.stringify({ level, ...details, msg: message })}\n`);
};

/**
 * Kysely throws a failed rollback in place of the error that made it roll back: after SQLITE_FULL
 * SQLite has already rolled back, so "database or disk is full" became "cannot rollback - no
 * transaction is active". The original error is the one worth throwing; the other is logged.
 */
function keepingTheFirstError(dialect: Dialect, log: DatabaseLog): Dialect {
  return {
    createAdapter: () => dialect.createAdapter(),
    createQueryCompiler: () => dialect.createQueryCompiler(),
    createIntrospector: (db) => dialect.createIntrospector(db),
    createDriver() {
      const driver = dialect.createDriver();
      const rollback = driver.rollbackTransaction.bind(driver);
      driver.rollbackTransaction = async (connection) => {
        try {
          await rollback(connection);
        } catch (error) {
          log('warn', describeError(error), 'rollback after a failed statement did not run; the statement’s own error is kept');
        }
      };
      return driver;
    },
  };
}

/**
 * Opens the database a URL names: `postgres://` or `postgresql://` selects PostgreSQL; anything
 * else is a SQLite file path (`file:` and `sqlite:` prefixes allowed), or `:memory:`.
 * A SQLite file and its folder are created if missing (unless `createOnlyOnFirstStart` refuses).
 */
export function createDatabase(url: string, options: DatabaseOptions = {}): DatabaseHandle {
  const log = options.log ?? stderrLog;
  const timeouts = { timeoutMs: options.timeoutMs ?? 5_000, healthTimeoutMs: options.healthTimeoutMs ?? 2_000 };
  const reported = reportingChanges(log);
  if (isPostgresUrl(url)) {
    const { kyselyPool } = postgresPool(url, options.poolSize ?? 10, timeouts, log);
    const location = new URL(url);
    location.password = '';
    return {
      db: new Kysely({ dialect: keepingTheFirstError(new PostgresDialect({ pool: kyselyPool }), log) }),
      dialect: 'postgres',
      location: location.toString(),
      created: false,
      health: async () => reported(await pingPostgres(url, timeouts)),
    };
  }
  const path = sqlitePathOf(url);
  const file = openSqliteFile(path, options, log);
  return {
    db: new Kysely({ dialect: keepingTheFirstError(new SqliteDialect({ database: file.guarded }), log) }),
    dialect: 'sqlite',
    location: path,
    created: file.created,
    health: async () => reported(await file.health()),
  };
}

/** Logs when health changes, not on every check: a load balancer may ask every second. */
function reportingChanges(log: DatabaseLog) {
  let last: DatabaseHealth = { ok: true };
  return (health: DatabaseHealth): DatabaseHealth => {
    if (!health.ok && last.ok) log('warn', { reason: health.reason }, 'database unavailable');
    if (health.ok && !last.ok) log('info', {}, 'database available again');
    last = health;
    return health;
  };
}
