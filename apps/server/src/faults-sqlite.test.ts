import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, rename, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ApiServer, logLines, startApi, status, trpc, waitFor } from '@pledgekeeper/stack';

const MESSAGE = { council: 'somerset', page: '/somerset', message: 'Please keep the youth bus' };

describe('the API when its SQLite file is deleted, replaced or corrupt', () => {
  let dir: string;
  let file: string;
  const servers: ApiServer[] = [];
  const start = async (options: { healthy?: boolean } = {}) => {
    const server = await startApi({ cwd: dir, ...options });
    servers.push(server);
    return server;
  };

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'pk-faults-sqlite-'));
    file = join(dir, 'data', 'pledgekeeper.sqlite');
  });
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((server) => server.stop()));
    await rm(dir, { recursive: true, force: true });
  });

  const refusesWrites = async (server: ApiServer) => {
    await waitFor(async () => (await status(`${server.base}/health`)) === 503, 5_000);
    const health = (await (await fetch(`${server.base}/health`)).json()) as { status: string; reason?: string };
    expect(health).toMatchObject({ status: 'unavailable', reason: expect.stringMatching(/deleted or replaced/) });
    for (let attempt = 0; attempt < 3; attempt++) {
      expect(await trpc(server.base, 'mutation', 'feedback.send', MESSAGE)).toMatchObject({ status: 503, code: 'SERVICE_UNAVAILABLE' });
    }
    expect(server.alive()).toBe(true);
    // Said once in the log, with the path, not once per request.
    const said = logLines(server.output()).filter((line) => line.level >= 50 && String(line.database) === file);
    expect(said.map((line) => line.msg)).toEqual([expect.stringMatching(/deleted or replaced/)]);
  };

  it('says at warn level that it creates a new, empty database on a first start', async () => {
    const server = await start();
    const created = logLines(server.output()).filter((line) => /new, empty database/.test(line.msg));
    expect(created).toEqual([expect.objectContaining({ level: 40, database: file })]);
  });

  it('refuses writes once the file is deleted, and will not start on a fresh empty one after', async () => {
    const server = await start();
    expect((await trpc(server.base, 'mutation', 'feedback.send', MESSAGE)).status).toBe(200);
    await unlink(file);
    await refusesWrites(server);
    await server.stop();

    const again = await start({ healthy: false });
    expect(await again.exited).not.toBe(0);
    expect(existsSync(file)).toBe(false);
    const fatal = logLines(again.output()).filter((line) => line.level === 60);
    expect(fatal).toEqual([expect.objectContaining({ database: file, msg: expect.stringMatching(/missing.*restore it from a backup/i) })]);
  });

  it('refuses writes once the file is replaced by another', async () => {
    const server = await start();
    await copyFile(file, `${file}.copy`);
    await rename(`${file}.copy`, file);
    await refusesWrites(server);
  });

  it('stops at start with one fatal line naming a corrupt file, and no stack', async () => {
    await mkdir(join(dir, 'data'));
    await writeFile(file, 'This is not a database, whatever its name says.\n'.repeat(200));
    const server = await start({ healthy: false });
    expect(await server.exited).not.toBe(0);
    const lines = logLines(server.output());
    expect(lines.filter((line) => line.level === 60)).toEqual([
      expect.objectContaining({ database: file, msg: expect.stringMatching(/not a database.*backup.*move it aside/i) }),
    ]);
    expect(server.output()).not.toMatch(/\n\s+at /);
  });
});
