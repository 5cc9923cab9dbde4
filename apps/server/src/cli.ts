#!/usr/bin/env node
import { realpathSync } from 'node:fs';
import type { Readable, Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { PasswordHasher } from '@pledgekeeper/api';
import { createDatabase, migrateToLatest } from '@pledgekeeper/db';
import { checkAdminCredentials, ensurePlatformAdmin } from './admin-bootstrap.js';
import { readEnv } from './env.js';

export const USAGE = `Usage: node apps/server/dist/cli.js create-admin --email <address> [--name <display name>]
Creates a platform admin in the database DATABASE_URL names. The password is read from standard input:
  printf '%s\\n' "$PASSWORD" | node apps/server/dist/cli.js create-admin --email admin@example.org
or typed at the prompt, where it is not shown. At least 12 characters. An existing account is never changed.
`;

export interface CliIo {
  stdin: Readable & { isTTY?: boolean; setRawMode?: (mode: boolean) => unknown };
  stdout: Writable;
  stderr: Writable;
  env: NodeJS.ProcessEnv;
  /** Only for tests: a cheaper hasher. */
  hasher?: PasswordHasher;
}

/** The first line of standard input: typed at a terminal without echo, or piped in. */
async function readPassword(io: CliIo): Promise<string> {
  if (io.stdin.isTTY && io.stdin.setRawMode) {
    io.stderr.write('Password (not shown): ');
    io.stdin.setRawMode(true);
    try {
      let typed = '';
      for await (const chunk of io.stdin) {
        for (const char of String(chunk)) {
          if (char === '\r' || char === '\n') return typed;
          if (char === '\u0003') throw new Error('Cancelled');
          typed = char === '\u007f' || char === '\b' ? typed.slice(0, -1) : typed + char;
        }
      }
      return typed;
    } finally {
      io.stdin.setRawMode(false);
      io.stderr.write('\n');
    }
  }
  let text = '';
  for await (const chunk of io.stdin) {
    text += String(chunk);
    if (text.includes('\n')) break;
  }
  return text.split(/\r?\n/)[0] ?? '';
}

/** Runs one command; the exit code: 0 done, 1 refused or failed, 2 a usage mistake. */
export async function runCli(args: string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: { email: { type: 'string' }, name: { type: 'string' }, help: { type: 'boolean' } },
    });
  } catch (error) {
    io.stderr.write(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { positionals, values } = parsed;
  if (values.help) {
    io.stdout.write(USAGE);
    return 0;
  }
  if (positionals[0] !== 'create-admin' || positionals.length !== 1 || !values.email) {
    io.stderr.write(USAGE);
    return 2;
  }
  let credentials: { email: string; password: string };
  try {
    credentials = checkAdminCredentials(values.email, await readPassword(io));
  } catch (error) {
    io.stderr.write(`${(error as Error).message}. Nothing was changed.\n`);
    return 1;
  }
  let env;
  try {
    env = readEnv(io.env);
  } catch (error) {
    io.stderr.write(`${(error as Error).message}\n`);
    return 1;
  }
  let handle: ReturnType<typeof createDatabase>;
  try {
    // Like the server: never a new, empty database where one was lost.
    handle = createDatabase(env.databaseUrl, { createOnlyOnFirstStart: true });
  } catch (error) {
    io.stderr.write(`${(error as Error).message}\n`);
    return 1;
  }
  const { db, location } = handle;
  try {
    await migrateToLatest(db);
    const outcome = await ensurePlatformAdmin(
      db,
      { ...credentials, displayName: values.name },
      { source: 'command line', hasher: io.hasher },
    );
    if (outcome === 'present') {
      io.stderr.write(`There is already an account for ${credentials.email} in ${location}. Nothing was changed.\n`);
      return 1;
    }
    io.stdout.write(`Created platform admin ${credentials.email} in ${location}.\n`);
    return 0;
  } catch (error) {
    io.stderr.write(`Could not create the admin: ${(error as Error).message}\n`);
    return 1;
  } finally {
    await db.destroy();
  }
}

const invokedDirectly = process.argv[1] !== undefined && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
if (invokedDirectly) {
  process.exitCode = await runCli(process.argv.slice(2), {
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
  });
}
