import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ThrowawayCluster, startThrowawayCluster } from '@pledgekeeper/db/testing-cluster';
import { type ApiServer, logLines, startApi, status, trpc, waitFor } from '@pledgekeeper/stack';

// A session token of the right shape: looking it up needs the database, so `auth.me` is a read
// that cannot be answered from any cache.
const SIGNED_IN = { authorization: `Bearer ${'a'.repeat(43)}` };
const PAGE = { council: 'somerset' };
const HELPFUL = { council: 'somerset', page: '/somerset', helpful: true };

// Each run gets a PostgreSQL cluster of its own to stop, freeze and restart; never the shared one.
describe('the API while its PostgreSQL goes away and comes back', () => {
  let cluster: ThrowawayCluster;
  let server: ApiServer;
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'pk-faults-pg-'));
    cluster = await startThrowawayCluster();
    server = await startApi({ env: { DATABASE_URL: cluster.url }, cwd: dir });
  }, 120_000);

  afterAll(async () => {
    await server?.stop();
    await cluster?.thaw();
    await cluster?.destroy();
    await rm(dir, { recursive: true, force: true });
  });

  // Recent traffic leaves the pool holding several idle connections, as in production.
  const traffic = async () => {
    const answers = await Promise.all(Array.from({ length: 8 }, () => trpc(server.base, 'query', 'council.page', PAGE)));
    expect(answers.map((answer) => answer.status)).toEqual(Array(8).fill(200));
  };

  const recovers = async () => {
    await waitFor(async () => (await status(`${server.base}/health`)) === 200, 10_000);
    expect((await trpc(server.base, 'query', 'council.page', PAGE)).status).toBe(200);
    expect((await trpc(server.base, 'query', 'auth.me', null, SIGNED_IN)).status).toBe(200);
    expect(server.alive()).toBe(true);
  };

  // While the database is away: `/health` says so quickly, and every call is a 503, never a 500.
  const unavailable = async () => {
    const took = await waitFor(async () => (await status(`${server.base}/health`, {}, 4_000)) === 503, 4_000);
    expect(took).toBeLessThan(4_000);
    const write = await trpc(server.base, 'mutation', 'feedback.submit', HELPFUL);
    expect(write).toMatchObject({ status: 503, code: 'SERVICE_UNAVAILABLE' });
    expect(write.message).toMatch(/cannot reach its database/);
    expect(write.ms).toBeLessThan(15_000);
    const read = await trpc(server.base, 'query', 'auth.me', null, SIGNED_IN);
    expect(read).toMatchObject({ status: 503, code: 'SERVICE_UNAVAILABLE' });
    expect(server.alive()).toBe(true);
  };

  it('logs connections ended under it and keeps serving', async () => {
    await traffic();
    expect(await cluster.terminateBackends('postgres')).toBeGreaterThan(0);
    // The idle connections' errors arrive asynchronously: give them time to crash the process.
    await waitFor(() => logLines(server.output()).some((line) => line.msg === 'database connection lost'), 10_000);
    expect(server.alive()).toBe(true);
    await recovers();
    expect((await trpc(server.base, 'mutation', 'feedback.submit', HELPFUL)).status).toBe(200);
  }, 60_000);

  it('answers 503 while PostgreSQL is stopped and recovers by itself when it starts again', async () => {
    await traffic();
    await cluster.stop('immediate');
    await unavailable();
    await cluster.start();
    const started = Date.now();
    await recovers();
    expect(Date.now() - started).toBeLessThan(5_000);
  }, 60_000);

  it('answers 503 within its timeouts while PostgreSQL is frozen, and recovers when it thaws', async () => {
    await traffic();
    await cluster.freeze();
    try {
      await unavailable();
    } finally {
      await cluster.thaw();
    }
    await recovers();
  }, 60_000);
});
