import type { PostgresPool } from 'kysely';
import pg from 'pg';
import { isDatabaseUnavailable } from './database-faults.js';

/** Where the database layer reports what happened to it; the server passes its logger. */
export type DatabaseLog = (level: 'info' | 'warn' | 'error', details: Record<string, unknown>, message: string) => void;

export type DatabaseHealth = { ok: true } | { ok: false; reason: string };

interface PostgresTimeouts {
  /** Connecting, each statement on the server, and an open transaction left idle (default 5000 ms). */
  timeoutMs: number;
  /** How long `/health` waits before it says the database is unavailable (default 2000 ms). */
  healthTimeoutMs: number;
}

/** The parts of an error worth a log line: never the query or its parameters. */
export const describeError = (error: unknown) => {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  return { code: typeof code === 'string' ? code : undefined, reason: typeof message === 'string' ? message : String(error) };
};

/**
 * A pg pool that survives its server: every client has an 'error' listener (an unheard one ends
 * the process), each wait is bounded (a frozen server accepts connections and never answers), and
 * a client whose connection failed is destroyed on release rather than handed out again.
 */
export function postgresPool(url: string, poolSize: number, { timeoutMs }: PostgresTimeouts, log: DatabaseLog) {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    connectionTimeoutMillis: timeoutMs,
    statement_timeout: timeoutMs,
    idle_in_transaction_session_timeout: timeoutMs,
    // Client-side, a little later than the server's own timeout, for a server that cannot answer.
    query_timeout: timeoutMs + 1_000,
    keepAlive: true,
    keepAliveInitialDelayMillis: timeoutMs,
  });
  // Idle clients' errors reach the pool too: the client's own listener below has logged them.
  pool.on('error', () => {});
  pool.on('connect', (client) => {
    client.on('error', (error) => log('warn', describeError(error), 'database connection lost'));
  });

  const kyselyPool: PostgresPool = {
    async connect() {
      const client = await pool.connect();
      let broken = false;
      return {
        query: ((...args: Parameters<pg.PoolClient['query']>) => {
          const result = (client.query as (...a: unknown[]) => unknown)(...args);
          if (!(result instanceof Promise)) return result; // a cursor, for streaming
          return result.catch((error: unknown) => {
            if (isDatabaseUnavailable(error)) broken = true;
            throw error;
          });
        }) as never,
        release: () => client.release(broken || undefined),
      };
    },
    end: () => pool.end(),
  };
  return { pool, kyselyPool };
}

/** Resolves, or rejects with a timeout error after `ms`, whichever comes first. */
async function withinTime<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error(`${what}: no answer within ${ms} ms`), { code: 'ETIMEDOUT' })), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * `select 1` on a connection of its own, never the pool's: a busy or stuck pool must not make
 * `/health` wait, and a frozen server must make it fail in `healthTimeoutMs`.
 */
export async function pingPostgres(url: string, { healthTimeoutMs }: PostgresTimeouts): Promise<DatabaseHealth> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: healthTimeoutMs, query_timeout: healthTimeoutMs });
  client.on('error', () => {}); // the ping's own failure is its answer
  try {
    await withinTime(
      client.connect().then(() => client.query('select 1')),
      healthTimeoutMs,
      'database health check',
    );
    return { ok: true };
  } catch (error) {
    return { ok: false, reason: isDatabaseUnavailable(error) ? 'database unreachable' : 'database check failed' };
  } finally {
    client.end().catch(() => {});
  }
}
