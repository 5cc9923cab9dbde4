import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { createDatabase } from './connection.js';
import { type PublicationWatch, announcePublication, watchPublications } from './publications.js';
import { hasPostgres, openTestDatabase } from './testing.js';

/** What a watch reported, in order. */
function recorder() {
  const heard: string[] = [];
  return {
    heard,
    events: { changed: () => heard.push('changed'), live: () => heard.push('live'), lost: () => heard.push('lost') },
    /** Waits until `event` has been heard `times` times in all. */
    async until(event: string, times = 1) {
      await expect
        .poll(() => heard.filter((seen) => seen === event).length, { timeout: 5_000, interval: 20 })
        .toBeGreaterThanOrEqual(times);
    },
  };
}

let watch: PublicationWatch | null = null;
afterEach(async () => {
  await watch?.stop();
  watch = null;
});

(hasPostgres() ? describe : describe.skip)('publications heard on PostgreSQL', () => {
  it('hears a publication when its transaction commits, never one rolled back, and comes back after losing its connection', async () => {
    const t = await openTestDatabase('postgres');
    try {
      const record = recorder();
      watch = watchPublications(t.url, record.events, { retryMs: 50 });
      await record.until('live');
      expect(watch.isLive()).toBe(true);

      await t.db
        .transaction()
        .execute(async (trx) => {
          await announcePublication(trx, 'council-a');
          throw new Error('rolled back');
        })
        .catch(() => {});
      await t.db.transaction().execute((trx) => announcePublication(trx, 'council-b'));
      await record.until('changed');
      // Only the one that committed: give the other time to arrive, were it ever to.
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(record.heard.filter((event) => event === 'changed')).toHaveLength(1);

      // The listening connection killed, as a restart or failover would: lost, then live again.
      // This database's only: other suites on the same server have listeners of their own.
      await sql`select pg_terminate_backend(pid) from pg_stat_activity
        where datname = current_database() and query like 'LISTEN%' and pid <> pg_backend_pid()`.execute(t.db);
      await record.until('lost');
      await record.until('live', 2);
      await t.db.transaction().execute((trx) => announcePublication(trx, 'council-b'));
      await record.until('changed', 2);
    } finally {
      // Its connection goes first: a database with a connection open cannot be dropped.
      await watch?.stop();
      await t.destroy();
    }
  });
});

describe('publications heard on SQLite', () => {
  it('hears every commit by another connection to the file, and a file put in place of the one opened', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'pledgekeeper-watch-'));
    try {
      const path = join(folder, 'watched.sqlite');
      const writer = createDatabase(path);
      await sql`create table notes (text text)`.execute(writer.db);
      const record = recorder();
      watch = watchPublications(path, record.events, { pollMs: 10, retryMs: 10 });
      await record.until('live');
      const before = record.heard.filter((event) => event === 'changed').length;
      await sql`insert into notes values ('published')`.execute(writer.db);
      await record.until('changed', before + 1);
      await writer.db.destroy();

      // A restore moves another file into place: not the database that was watched.
      const other = join(folder, 'other.sqlite');
      const restored = createDatabase(other);
      await sql`create table notes (text text)`.execute(restored.db);
      await restored.db.destroy();
      const { renameSync } = await import('node:fs');
      renameSync(other, path);
      await record.until('lost');
      await record.until('live', 2);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
