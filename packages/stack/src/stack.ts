import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DialectName } from '@pledgekeeper/db';
import { openTestDatabase } from '@pledgekeeper/db/testing';
import { type ApiServer, startApi } from './api-server.js';
import { builtPortal } from './built.js';
import { freePorts } from './ports.js';
import { type Service, type ServiceOptions, startService, waitUntilReady } from './service.js';

export interface Stack {
  apiUrl: string;
  portalUrl: string;
  /** The API server's database: a SQLite file path, or a postgres:// URL. */
  databaseUrl: string;
  api: ApiServer;
  portal: Service;
  /** Stops both servers and removes the database the stack made. */
  stop: () => Promise<void>;
  /** Stops the API server alone, for what readers see while it is away; the portal keeps running. */
  stopApi: () => Promise<void>;
}

export interface StackOptions {
  /** Added to the API server's environment, such as the first admin, a SEED_DIR or LOG_LEVEL. */
  apiEnv?: Record<string, string>;
  /** Added to the portal's environment. */
  portalEnv?: Record<string, string>;
  /** Added to both, such as NODE_ENV. */
  env?: Record<string, string>;
  /** `postgres` takes a new database from TEST_POSTGRES_URL's server, dropped on stop. */
  dialect?: DialectName;
  /** A database of the caller's own, such as a throwaway cluster; the stack leaves it be. */
  databaseUrl?: string;
  /** Each server in its own process group, for a command-line run that handles Ctrl-C itself. */
  detached?: boolean;
}

/** What every server of a stack shares: a folder to run in, a database and a secret. */
export interface Footing {
  directory: string;
  /** A SQLite file path, or a postgres:// URL. */
  databaseUrl: string;
  /** Where each server's environment starts: PATH, the shared secret and the caller's `env`. */
  common: Record<string, string>;
  /** The servers started on it, stopped by `stop` in the reverse order. */
  started: Service[];
  /** Stops every server started, then removes the folder, and the database if the footing made it. */
  stop: () => Promise<void>;
}

/** A folder and a database (a SQLite file in the folder, or a new PostgreSQL database) for a stack. */
export async function layFooting(options: Pick<StackOptions, 'dialect' | 'databaseUrl' | 'env'>): Promise<Footing> {
  const directory = await mkdtemp(join(tmpdir(), 'pledgekeeper-stack-'));
  const postgres = options.databaseUrl === undefined && options.dialect === 'postgres' ? await openTestDatabase('postgres') : null;
  // The server opens its own connections; this handle only creates and finally drops the database.
  await postgres?.db.destroy();
  const databaseUrl = options.databaseUrl ?? postgres?.url ?? join(directory, 'pledgekeeper.sqlite');
  // Shared by the servers, as start.sh does, so the API believes the reader the portal names.
  const secret = randomBytes(32).toString('base64url');
  const started: Service[] = [];
  return {
    directory,
    databaseUrl,
    common: { PATH: process.env.PATH ?? '', PLEDGEKEEPER_SECRET: secret, ...options.env },
    started,
    async stop() {
      for (const service of started.reverse()) await service.stop(5_000);
      await rm(directory, { recursive: true, force: true });
      await postgres?.destroy();
    },
  };
}

/** The built portal as a process of its own; `env` gives its PORT, ORIGIN and API_URL. */
export const startPortal = (options: Omit<ServiceOptions, 'command' | 'args'>): Service =>
  startService({ ...options, args: [builtPortal()] });

/**
 * The built API server on a fresh database (a SQLite file, or a new PostgreSQL database; the
 * server migrates and seeds it) and the built portal in front of it, each on a free port.
 * Neither inherits this process's environment beyond PATH, so no setting of ours leaks in.
 */
export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const { directory, databaseUrl, common, started, stop } = await layFooting(options);
  try {
    // Both ports at once: the portal's is chosen before the API starts (its emails link to the
    // portal), and chosen apart from the API's, the API could be given the same one.
    const [apiPort, portalPort] = await freePorts(2);
    const portalUrl = `http://127.0.0.1:${portalPort}`;
    const api = await startApi({
      port: apiPort,
      cwd: directory,
      detached: options.detached ?? false,
      baseEnv: common,
      // ORIGIN: the portal's address, which links in the API's emails start with.
      env: { DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn', ORIGIN: portalUrl, ...options.apiEnv },
    });
    started.push(api);
    const portal = startPortal({
      name: 'The portal',
      cwd: directory,
      detached: options.detached ?? false,
      env: { ...common, PORT: new URL(portalUrl).port, HOST: '127.0.0.1', ORIGIN: portalUrl, API_URL: api.base, ...options.portalEnv },
    });
    started.push(portal);
    await waitUntilReady(portal, `${portalUrl}/`, 30_000);
    return {
      apiUrl: api.base,
      portalUrl,
      databaseUrl,
      api,
      portal,
      stop,
      stopApi: async () => void (await api.stop(5_000)),
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
