import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDatabase, type DialectName, findCouncilBySlug, listFeedback } from '@pledgekeeper/db';
import { openTestDatabase } from '@pledgekeeper/db/testing';
import type { Feedback } from '@pledgekeeper/domain';
import { chromium, type Browser } from 'playwright-core';

export const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));

/** A port nobody holds right now: the machine is shared, so fixed ports collide. */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  if (address === null || typeof address === 'string') throw new Error('No port was given');
  return address.port;
}

interface Child {
  process: ChildProcess;
  output: () => string;
}

// The node process itself, not a shell around it, so killing its PID stops the server.
function startNode(script: string, env: Record<string, string>): Child {
  const child = spawn(process.execPath, [script], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += String(chunk)));
  child.stderr?.on('data', (chunk) => (output += String(chunk)));
  return { process: child, output: () => output };
}

async function waitUntilReady(url: string, child: Child, name: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.process.exitCode !== null) {
      throw new Error(`${name} exited with code ${child.process.exitCode}:\n${child.output()}`);
    }
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(1_000) });
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${name} was not ready at ${url} within 30 s:\n${child.output()}`);
}

async function stop(child: Child): Promise<void> {
  const { process: node } = child;
  if (node.exitCode !== null || node.signalCode !== null || node.pid === undefined) return;
  const exited = once(node, 'exit');
  process.kill(node.pid, 'SIGTERM');
  const timer = setTimeout(() => node.pid !== undefined && process.kill(node.pid, 'SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

export interface Stack {
  portalUrl: string;
  /** The API server's database: a SQLite file path, or a postgres:// URL. */
  databaseUrl: string;
  stop: () => Promise<void>;
  /** Stops the API server alone, for what readers see while it is away; the portal keeps running. */
  stopApi: () => Promise<void>;
}

/**
 * The built API server on a fresh database (a SQLite file, or a new PostgreSQL database), and the
 * built portal in front of it. `apiEnv` adds settings for the API server, such as the first admin.
 */
export async function startStack(
  options: { apiEnv?: Record<string, string>; dialect?: DialectName; /** A database of the test's own, such as a throwaway cluster. */ databaseUrl?: string } = {},
): Promise<Stack> {
  const directory = await mkdtemp(join(tmpdir(), 'pledgekeeper-portal-e2e-'));
  const postgres = options.dialect === 'postgres' ? await openTestDatabase('postgres') : null;
  // The server opens its own connections; this handle only creates and finally drops the database.
  await postgres?.db.destroy();
  const databaseUrl = options.databaseUrl ?? postgres?.url ?? join(directory, 'pledgekeeper.sqlite');
  const apiPort = await freePort();
  let portalPort = await freePort();
  while (portalPort === apiPort) portalPort = await freePort();
  const apiUrl = `http://127.0.0.1:${apiPort}`;
  const portalUrl = `http://127.0.0.1:${portalPort}`;
  // Shared by the two servers, as start.sh does, so the API limits each reader the portal names.
  const secret = randomBytes(32).toString('base64url');
  const children: Child[] = [];
  const stopAll = async () => {
    for (const child of children.reverse()) await stop(child);
    await rm(directory, { recursive: true, force: true });
    await postgres?.destroy();
  };
  try {
    const api = startNode(join(repoRoot, 'apps/server/dist/main.js'), {
      API_PORT: String(apiPort),
      DATABASE_URL: databaseUrl,
      LOG_LEVEL: 'warn',
      PLEDGEKEEPER_SECRET: secret,
      ...options.apiEnv,
    });
    children.push(api);
    await waitUntilReady(`${apiUrl}/health`, api, 'The API server');
    const portal = startNode(join(repoRoot, 'apps/portal/build/index.js'), {
      PORT: String(portalPort),
      HOST: '127.0.0.1',
      ORIGIN: portalUrl,
      API_URL: apiUrl,
      PLEDGEKEEPER_SECRET: secret,
    });
    children.push(portal);
    await waitUntilReady(`${portalUrl}/`, portal, 'The portal');
  } catch (error) {
    await stopAll();
    throw error;
  }
  const api = children[0]!;
  return { portalUrl, databaseUrl, stop: stopAll, stopApi: () => stop(api) };
}

export const launchChromium = (): Promise<Browser> =>
  chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });

/** What the API stored for a council, read straight from its database file. */
export async function storedFeedback(databaseUrl: string, slug: string): Promise<Feedback[]> {
  const { db } = createDatabase(databaseUrl);
  try {
    const council = await findCouncilBySlug(db, slug);
    if (!council) throw new Error(`No council "${slug}" in ${databaseUrl}`);
    return await listFeedback(db, council.id);
  } finally {
    await db.destroy();
  }
}

/**
 * Every row of every table except sessions, as text: equal before and after means nothing changed.
 * Sessions are left out because signing in is not a change to anyone's content.
 */
export async function storedRows(databaseUrl: string): Promise<string> {
  const { db } = createDatabase(databaseUrl);
  try {
    const tables = (await db.introspection.getTables()).map((table) => table.name).filter((name) => !name.includes('session'));
    const rows: Record<string, unknown[]> = {};
    for (const table of tables.sort()) {
      rows[table] = await db.selectFrom(table as never).selectAll().execute();
    }
    return JSON.stringify(rows);
  } finally {
    await db.destroy();
  }
}
