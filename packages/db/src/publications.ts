import { statSync } from 'node:fs';
import SQLite from 'better-sqlite3';
import { PostgresAdapter, sql } from 'kysely';
import pg from 'pg';
import { type Database, isPostgresUrl, sqlitePathOf } from './connection.js';

/**
 * How every instance of the API learns that a public page may have changed, so that what it
 * keeps of published content is kept until the next publication, not for a guessed time.
 *
 * On PostgreSQL the change announces itself: `pg_notify` inside the transaction that makes it,
 * delivered to every listening instance when, and only if, that transaction commits. On SQLite
 * (one machine) a watcher asks the file whether anyone has committed since it last asked; that
 * sees every writer, the API itself, the command line and a test harness alike.
 */
export const PUBLICATIONS_CHANNEL = 'pledgekeeper_publications';

const isPostgres = (db: Database): boolean => db.getExecutor().adapter instanceof PostgresAdapter;

/**
 * Says, inside the transaction that publishes, that the council's public pages change with it.
 * Nothing on SQLite, where the watcher sees the commit itself.
 */
export async function announcePublication(db: Database, councilId: string): Promise<void> {
  if (isPostgres(db)) await sql`select pg_notify(${PUBLICATIONS_CHANNEL}, ${councilId})`.execute(db);
}

export interface PublicationEvents {
  /** Something public may have changed: forget what was kept. */
  changed(): void;
  /** Watching again (or for the first time): nothing missed from now on, but anything may have been before. */
  live(): void;
  /** Watching stopped (the database is away): changes may be missed until `live` again. */
  lost(reason: string): void;
}

export interface PublicationWatch {
  /** True while every change will be heard. */
  isLive(): boolean;
  stop(): Promise<void>;
}

export interface WatchOptions {
  /** How long to wait before trying again after the watch was lost (default 500 ms). */
  retryMs?: number;
  /** SQLite: how often to ask the file whether anyone committed (default 100 ms; a microsecond's work). */
  pollMs?: number;
  /** PostgreSQL: how often to check that the listening connection still answers (default 15 s). */
  heartbeatMs?: number;
}

/** Watches the database at `url` for publications until `stop`. Reports through `events`. */
export function watchPublications(url: string, events: PublicationEvents, options: WatchOptions = {}): PublicationWatch {
  const watcher = isPostgresUrl(url) ? postgresWatcher : sqliteWatcher;
  return watcher(url, guarded(events), { retryMs: 500, pollMs: 100, heartbeatMs: 15_000, ...options });
}

/** Keeps the state in one place: `live` and `lost` are reported on changes only. */
function guarded(events: PublicationEvents): PublicationEvents & { isLive(): boolean } {
  let live = false;
  return {
    changed: () => events.changed(),
    live() {
      if (live) return;
      live = true;
      events.live();
    },
    lost(reason) {
      if (!live) return;
      live = false;
      events.lost(reason);
    },
    isLive: () => live,
  };
}

type Watcher = (url: string, events: ReturnType<typeof guarded>, options: Required<WatchOptions>) => PublicationWatch;

const postgresWatcher: Watcher = (url, events, { retryMs, heartbeatMs }) => {
  let stopped = false;
  let client: pg.Client | null = null;
  let retry: NodeJS.Timeout | undefined;
  let heartbeat: NodeJS.Timeout | undefined;

  const dropped = (reason: string) => {
    clearInterval(heartbeat);
    const old = client;
    client = null;
    old?.removeAllListeners();
    old?.on('error', () => {});
    void old?.end().catch(() => {});
    events.lost(reason);
    if (!stopped && retry === undefined) {
      retry = setTimeout(() => {
        retry = undefined;
        void connect();
      }, retryMs);
    }
  };

  async function connect(): Promise<void> {
    const next = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000, keepAlive: true });
    client = next;
    next.on('error', (error) => dropped(error.message));
    next.on('end', () => dropped('connection closed'));
    next.on('notification', () => events.changed());
    try {
      await next.connect();
      await next.query(`LISTEN ${PUBLICATIONS_CHANNEL}`);
    } catch (error) {
      if (client === next) dropped((error as Error).message);
      return;
    }
    if (stopped || client !== next) return void next.end().catch(() => {});
    events.live();
    // A connection can die without a word (a cable, a firewall): a quiet one is asked now and then.
    heartbeat = setInterval(() => {
      // Generous: a busy machine is slow, not dead, and a false alarm empties every cache.
      const timeout = new Promise((_, reject) => setTimeout(() => reject(new Error('no answer to a heartbeat')), 10_000).unref());
      Promise.race([next.query('select 1'), timeout]).catch((error: Error) => {
        if (client === next) dropped(error.message);
      });
    }, heartbeatMs);
    heartbeat.unref();
  }

  void connect();
  return {
    isLive: events.isLive,
    async stop() {
      stopped = true;
      clearTimeout(retry);
      clearInterval(heartbeat);
      const last = client;
      client = null;
      last?.removeAllListeners();
      last?.on('error', () => {});
      await last?.end().catch(() => {});
    },
  };
};

const sqliteWatcher: Watcher = (url, events, { retryMs, pollMs }) => {
  const path = sqlitePathOf(url);
  // An in-memory database has one connection, this process's: nothing else can write to it.
  if (path === ':memory:') {
    setImmediate(() => events.live());
    return { isLive: () => true, stop: async () => {} };
  }
  let file: { sqlite: SQLite.Database; inode: number; version: number } | null = null;
  let lastTry = 0;

  const open = () => {
    const sqlite = new SQLite(path, { readonly: true, fileMustExist: true });
    const version = sqlite.pragma('data_version', { simple: true }) as number;
    file = { sqlite, inode: statSync(path).ino, version };
  };

  const poll = () => {
    try {
      if (!file) {
        if (Date.now() - lastTry < retryMs) return;
        lastTry = Date.now();
        open();
        // Whatever happened while no one watched is unknown: treat it as changed.
        events.changed();
      }
      const current = file!;
      // A file put in place of the one opened (a restore) is another database altogether.
      if (statSync(path).ino !== current.inode) throw new Error('the database file was replaced');
      const version = current.sqlite.pragma('data_version', { simple: true }) as number;
      if (version !== current.version) {
        current.version = version;
        events.changed();
      }
      events.live();
    } catch (error) {
      file?.sqlite.close();
      file = null;
      events.lost((error as Error).message);
    }
  };

  // The first look is after the caller has its handle, as with PostgreSQL's first connection.
  setImmediate(poll);
  const timer = setInterval(poll, pollMs);
  timer.unref();
  return {
    isLive: events.isLive,
    async stop() {
      clearInterval(timer);
      file?.sqlite.close();
      file = null;
    },
  };
};
