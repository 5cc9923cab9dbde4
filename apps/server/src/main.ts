#!/usr/bin/env node
import { hostname } from 'node:os';
import {
  type DatabaseHandle,
  DatabaseFileProblem,
  createDatabase,
  isDatabaseUnavailable,
  migrateToLatest,
  watchPublications,
} from '@pledgekeeper/db';
import { readSeedDirectory, seedCouncils } from '@pledgekeeper/db/seed';
import { createMailer } from '@pledgekeeper/api';
import { ensurePlatformAdmin } from './admin-bootstrap.js';
import { buildServer } from './app.js';
import { readEnv } from './env.js';

/** A line as the server's logger writes it, for a failure before the logger exists. */
const fatalLine = (details: Record<string, unknown>, msg: string) =>
  process.stdout.write(`${JSON.stringify({ level: 60, time: Date.now(), pid: process.pid, hostname: hostname(), ...details, msg })}\n`);

let env: ReturnType<typeof readEnv>;
try {
  env = readEnv();
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
}
let handle: DatabaseHandle;
try {
  // The logger is the server's, made just below: the database reports only once it is in use.
  handle = createDatabase(env.databaseUrl, {
    log: (level, details, message) => app.log[level](details, message),
    createOnlyOnFirstStart: true,
  });
} catch (error) {
  if (!(error instanceof DatabaseFileProblem)) throw error;
  fatalLine({ database: error.path }, error.message);
  process.exit(1);
}
const { db, dialect, location, health } = handle;
const mailer = createMailer(env.mail, { info: (d, m) => app.log.info(d, m), error: (d, m) => app.log.error(d, m) });
const app = buildServer({
  db,
  logger: { level: env.logLevel },
  secret: env.secret,
  health,
  mailer,
  cacheBytes: env.cacheBytes,
  // What it keeps of public reads lasts until a publication on any instance, heard through the database.
  watch: (events) => watchPublications(env.databaseUrl, events),
  onWatchChange: (live, reason) => {
    if (live) app.log.info('hearing publications: public reads are kept until the next one');
    else app.log.warn({ reason }, 'not hearing publications: public reads are not kept until this recovers');
  },
});

if (!env.mail.smtpUrl)
  app.log.info({ outbox: env.mail.outbox }, `SMTP_URL is not set: emails are written to ${env.mail.outbox} and logged`);
if (handle.created) app.log.warn({ database: location }, `created a new, empty database at ${location}: this is a first start`);
if (!env.secret)
  app.log.warn(
    'PLEDGEKEEPER_SECRET is not set: the API believes no reader address the portal forwards, so all readers share one rate limit',
  );

try {
  await migrateToLatest(db);
  const seeded = await seedCouncils(db, await readSeedDirectory(env.seedDirectory));
  app.log.info({ dialect, database: location, seeded: seeded.inserted, present: seeded.skipped }, 'database ready');
  if (env.admin) {
    const outcome = await ensurePlatformAdmin(db, env.admin, { source: 'environment' });
    app.log.info(
      { email: env.admin.email },
      outcome === 'created' ? 'platform admin created' : 'platform admin account present: left unchanged',
    );
  }
  await app.listen({ port: env.port, host: env.host });
} catch (error) {
  // A database that cannot be read or reached is one clear line; anything else keeps its stack.
  if (isDatabaseUnavailable(error)) {
    const { code, message } = error as { code?: string; message?: string };
    const advice =
      dialect === 'sqlite'
        ? ': restore it from a backup, or move it aside to start with a new, empty database'
        : ': check that it is running and reachable';
    app.log.fatal({ database: location, code }, `could not start: the database ${location} cannot be used (${message})${advice}`);
  } else {
    app.log.fatal({ err: error }, 'could not start');
  }
  await db.destroy().catch(() => {});
  process.exit(1);
}

let stopping = false;
async function stop(signal: string): Promise<void> {
  if (stopping) process.exit(1); // a second signal means now
  stopping = true;
  app.log.info({ signal }, 'stopping: finishing requests in flight');
  await app.close();
  await mailer.settled(); // emails of the last requests
  await db.destroy();
  process.exit(0);
}
process.on('SIGTERM', () => void stop('SIGTERM'));
process.on('SIGINT', () => void stop('SIGINT'));
