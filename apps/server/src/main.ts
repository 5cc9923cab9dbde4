#!/usr/bin/env node
import { createDatabase, migrateToLatest } from '@pledgekeeper/db';
import { readSeedDirectory, seedCouncils } from '@pledgekeeper/db/seed';
import { ensurePlatformAdmin } from './admin-bootstrap.js';
import { buildServer } from './app.js';
import { readEnv } from './env.js';

let env: ReturnType<typeof readEnv>;
try {
  env = readEnv();
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
}
const { db, dialect, location } = createDatabase(env.databaseUrl);
const app = buildServer({ db, logger: { level: env.logLevel } });

try {
  await migrateToLatest(db);
  const seeded = await seedCouncils(db, await readSeedDirectory(env.seedDirectory));
  app.log.info({ dialect, database: location, seeded: seeded.inserted, present: seeded.skipped }, 'database ready');
  if (env.admin) {
    const outcome = await ensurePlatformAdmin(db, env.admin, { source: 'environment' });
    app.log.info({ email: env.admin.email }, outcome === 'created' ? 'platform admin created' : 'platform admin account present: left unchanged');
  }
  await app.listen({ port: env.port, host: env.host });
} catch (error) {
  app.log.fatal({ err: error }, 'could not start');
  await db.destroy().catch(() => {});
  process.exit(1);
}

let stopping = false;
async function stop(signal: string): Promise<void> {
  if (stopping) process.exit(1); // a second signal means now
  stopping = true;
  app.log.info({ signal }, 'stopping: finishing requests in flight');
  await app.close();
  await db.destroy();
  process.exit(0);
}
process.on('SIGTERM', () => void stop('SIGTERM'));
process.on('SIGINT', () => void stop('SIGINT'));
