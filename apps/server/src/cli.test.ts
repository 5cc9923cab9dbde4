import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { argon2Hasher } from '@pledgekeeper/api';
import { createDatabase, findUserByEmail } from '@pledgekeeper/db';
import { openTestDatabase, type TestDatabase } from '@pledgekeeper/db/testing';
import { describeEachDialect } from '@pledgekeeper/stack';
import { runCli } from './cli.js';

const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const cheap = argon2Hasher({ memorySize: 8, iterations: 1, parallelism: 1 });

/** Runs the CLI in-process with this text on standard input. */
async function run(args: string[], input: string, env: NodeJS.ProcessEnv) {
  const stdin = new PassThrough();
  stdin.end(input);
  const [stdout, stderr] = [new PassThrough(), new PassThrough()];
  let out = '';
  let err = '';
  stdout.on('data', (c) => (out += c));
  stderr.on('data', (c) => (err += c));
  const code = await runCli(args, { stdin, stdout, stderr, env, hasher: cheap });
  return { code, out, err };
}

describeEachDialect(describe, 'the create-admin command on %s', (dialect) => {
  let t: TestDatabase;
  let dir: string;
  beforeEach(async () => {
    // A file, not :memory:, so the command opens the same SQLite database as the test.
    dir = await mkdtemp(join(tmpdir(), 'pk-cli-'));
    t = await openTestDatabase(dialect, { sqlitePath: join(dir, 'pk.sqlite') });
  });
  afterEach(async () => {
    await t.destroy();
    await rm(dir, { recursive: true, force: true });
  });

  const env = () => ({ DATABASE_URL: t.url });

  it('creates a platform admin with the password read from standard input', async () => {
    const result = await run(['create-admin', '--email', 'Admin@Example.org', '--name', 'Ada'], 'a long enough password\nignored\n', env());
    expect(result).toMatchObject({ code: 0, err: '' });
    expect(result.out).toMatch(/^Created platform admin admin@example.org in /);
    const user = await findUserByEmail(t.db, 'admin@example.org');
    expect(user).toMatchObject({ displayName: 'Ada', isPlatformAdmin: true });
    expect(await cheap.verify('a long enough password', user!.passwordHash)).toBe(true);
  });

  it('refuses a short password with a clear message, and creates nothing', async () => {
    const result = await run(['create-admin', '--email', 'admin@example.org'], 'short\n', env());
    expect(result).toEqual({ code: 1, out: '', err: 'A password must be at least 12 characters. Nothing was changed.\n' });
    expect(await t.db.selectFrom('users').select('id').execute()).toEqual([]);
  });

  it('refuses when nothing comes on standard input', async () => {
    const result = await run(['create-admin', '--email', 'admin@example.org'], '', env());
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/at least 12 characters/);
  });

  it('leaves an existing account alone', async () => {
    await run(['create-admin', '--email', 'admin@example.org'], 'a long enough password\n', env());
    const before = await findUserByEmail(t.db, 'admin@example.org');
    const again = await run(['create-admin', '--email', 'admin@example.org'], 'another long password\n', env());
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/There is already an account for admin@example.org .*Nothing was changed/);
    expect(await findUserByEmail(t.db, 'admin@example.org')).toEqual(before);
  });
});

describe('the create-admin command', () => {
  it.each([
    [[]],
    [['create-admin']],
    [['make-admin', '--email', 'a@example.org']],
    [['create-admin', '--email', 'a@example.org', 'extra']],
  ])('shows how to use it when called as %j', async (args) => {
    const result = await run(args, 'a long enough password\n', {});
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/^Usage: node apps\/server\/dist\/cli.js create-admin --email <address>/);
  });

  it('refuses a malformed email before touching any database', async () => {
    const result = await run(['create-admin', '--email', 'not-an-email'], 'a long enough password\n', {
      DATABASE_URL: '/nonexistent/dir/x.sqlite',
    });
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/right format/);
  });

  describe('as a program', () => {
    let dir: string;
    beforeEach(async () => {
      dir = await mkdtemp(join(tmpdir(), 'pk-cli-'));
    });
    afterEach(() => rm(dir, { recursive: true, force: true }));

    it('reads the password piped to it and creates the admin with the real argon2id cost', async () => {
      const database = join(dir, 'pk.sqlite');
      const child = spawn(process.execPath, [CLI, 'create-admin', '--email', 'admin@example.org'], {
        env: { ...process.env, DATABASE_URL: database },
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout.on('data', (c) => (output += c));
      child.stderr.on('data', (c) => (output += c));
      child.stdin.end('a long enough password\n');
      const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
      expect(output).toMatch(/Created platform admin admin@example.org/);
      expect(code).toBe(0);
      const { db } = createDatabase(database);
      try {
        const user = await findUserByEmail(db, 'admin@example.org');
        expect(user?.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
      } finally {
        await db.destroy();
      }
    });
  });
});
