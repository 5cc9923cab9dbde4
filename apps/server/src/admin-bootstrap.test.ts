import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { argon2Hasher, createCaller, createContext } from '@pledgekeeper/api';
import { findUserByEmail, listMemberships } from '@pledgekeeper/db';
import { type TestDatabase, openTestDatabase } from '@pledgekeeper/db/testing';
import { ensurePlatformAdmin } from './admin-bootstrap.js';
import { readEnv } from './env.js';
import { describeEachDialect, startApi } from '@pledgekeeper/stack';

const cheap = argon2Hasher({ memorySize: 8, iterations: 1, parallelism: 1 });
const NOW = new Date('2026-11-25T09:00:00Z');

describe('the admin variables', () => {
  it('are optional, and give no admin when unset or empty', () => {
    expect(readEnv({}).admin).toBeNull();
    expect(readEnv({ PLEDGEKEEPER_ADMIN_EMAIL: '', PLEDGEKEEPER_ADMIN_PASSWORD: '' }).admin).toBeNull();
  });

  it('give the admin when both are set', () => {
    expect(readEnv({ PLEDGEKEEPER_ADMIN_EMAIL: 'Admin@Example.org', PLEDGEKEEPER_ADMIN_PASSWORD: 'a long enough password' }).admin).toEqual(
      {
        email: 'admin@example.org',
        password: 'a long enough password',
      },
    );
  });

  it.each([
    [{ PLEDGEKEEPER_ADMIN_EMAIL: 'admin@example.org' }, /set both PLEDGEKEEPER_ADMIN_EMAIL and PLEDGEKEEPER_ADMIN_PASSWORD/],
    [{ PLEDGEKEEPER_ADMIN_PASSWORD: 'a long enough password' }, /set both/],
    [
      { PLEDGEKEEPER_ADMIN_EMAIL: 'admin@example.org', PLEDGEKEEPER_ADMIN_PASSWORD: 'short' },
      /PLEDGEKEEPER_ADMIN_PASSWORD: A password must be at least 12 characters/,
    ],
    [
      { PLEDGEKEEPER_ADMIN_EMAIL: 'admin', PLEDGEKEEPER_ADMIN_PASSWORD: 'a long enough password' },
      /PLEDGEKEEPER_ADMIN_EMAIL: Enter an email address in the right format/,
    ],
  ])('stop the start with a clear message when wrong: %o', (env, message) => {
    expect(() => readEnv(env)).toThrow(message);
  });
});

describeEachDialect(describe, 'creating the first platform admin on %s', (dialect) => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await openTestDatabase(dialect, { seed: true });
  });
  afterEach(() => t.destroy());

  const admin = { email: 'admin@example.org', password: 'the first admin password' };

  it('creates the admin once, with no council role, and audits it', async () => {
    expect(await ensurePlatformAdmin(t.db, admin, { source: 'environment', hasher: cheap, now: NOW })).toBe('created');
    const user = await findUserByEmail(t.db, 'admin@example.org');
    expect(user).toMatchObject({ isPlatformAdmin: true, displayName: 'Platform admin' });
    expect(await listMemberships(t.db, user!.id)).toEqual([]);
    const signedIn = await createCaller(createContext({ db: t.db, now: () => NOW, passwordHasher: cheap })).auth.signIn(admin);
    expect(signedIn.user).toMatchObject({ isPlatformAdmin: true, memberships: [] });
    expect(
      await t.db.selectFrom('audit_log').select(['action', 'summary', 'council_id']).where('action', '=', 'admin-created').execute(),
    ).toEqual([{ action: 'admin-created', summary: 'Created platform admin admin@example.org from the environment', council_id: null }]);
  });

  it('never changes an existing account, whatever password the variables now hold', async () => {
    await ensurePlatformAdmin(t.db, admin, { source: 'environment', hasher: cheap, now: NOW });
    const before = await findUserByEmail(t.db, admin.email);
    expect(
      await ensurePlatformAdmin(t.db, { ...admin, password: 'a different password now' }, { source: 'environment', hasher: cheap }),
    ).toBe('present');
    expect(await findUserByEmail(t.db, admin.email)).toEqual(before);
    expect(await t.db.selectFrom('users').select('id').execute()).toHaveLength(1);
  });

  it('refuses a short password and changes nothing', async () => {
    await expect(ensurePlatformAdmin(t.db, { ...admin, password: 'short' }, { source: 'environment', hasher: cheap })).rejects.toThrow(
      'A password must be at least 12 characters',
    );
    expect(await t.db.selectFrom('users').select('id').execute()).toEqual([]);
  });
});

describe('starting the server with the admin variables', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'pk-admin-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  /** Starts the built server, runs `work` against it, stops it; returns its log lines. */
  async function withServer(env: Record<string, string>, work: (base: string) => Promise<void>) {
    const server = await startApi({ env: { ...env, LOG_LEVEL: 'info' }, cwd: dir });
    try {
      await work(server.base);
    } finally {
      await server.stop();
    }
    // Every line parsed, not only the JSON ones: nothing may print the password some other way.
    return server
      .output()
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { msg: string; email?: string });
  }
  const signIn = (base: string, password: string) =>
    fetch(`${base}/trpc/auth.signIn`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@example.org', password }),
    }).then((r) => r.status);

  it('creates the admin on first start, and never changes its password on a later start', async () => {
    const first = await withServer(
      { PLEDGEKEEPER_ADMIN_EMAIL: 'admin@example.org', PLEDGEKEEPER_ADMIN_PASSWORD: 'the first admin password' },
      async (base) => {
        expect(await signIn(base, 'the first admin password')).toBe(200);
      },
    );
    expect(first.find((l) => l.msg === 'platform admin created')?.email).toBe('admin@example.org');
    expect(JSON.stringify(first)).not.toContain('the first admin password');

    const second = await withServer(
      { PLEDGEKEEPER_ADMIN_EMAIL: 'admin@example.org', PLEDGEKEEPER_ADMIN_PASSWORD: 'a changed admin password' },
      async (base) => {
        expect(await signIn(base, 'a changed admin password')).toBe(401);
        expect(await signIn(base, 'the first admin password')).toBe(200);
      },
    );
    expect(second.some((l) => l.msg === 'platform admin account present: left unchanged')).toBe(true);
  });

  it('refuses to start with only one of the two variables', async () => {
    const server = await startApi({ env: { PLEDGEKEEPER_ADMIN_EMAIL: 'admin@example.org' }, cwd: dir, healthy: false });
    expect(await server.exited).toBe(1);
    expect(server.output()).toMatch(/set both PLEDGEKEEPER_ADMIN_EMAIL and PLEDGEKEEPER_ADMIN_PASSWORD/);
  });
});
