import { builtServer } from './built.js';
import { freePort } from './ports.js';
import { type Service, startService, waitUntilReady } from './service.js';

/** The built API server (`apps/server/dist/main.js`) running as a process of its own. */
export interface ApiServer extends Service {
  /** `http://127.0.0.1:PORT`, without a trailing slash. */
  base: string;
}

export interface ApiOptions {
  /** Settings over `baseEnv`; API_PORT is always a free port of our choosing. */
  env?: Record<string, string>;
  /** This process's environment with LOG_LEVEL=info, unless given. */
  baseEnv?: NodeJS.ProcessEnv;
  /** Its working folder: a relative DATABASE_URL (and the default `./data/…`) resolves from here. */
  cwd?: string;
  /** Unless false, waits until `/health` answers 200 (a test of a failed start sets false). */
  healthy?: boolean;
  /** Its own process group, for a command-line run that handles Ctrl-C itself. */
  detached?: boolean;
  /** A port already chosen with the others a test needs, so no two are the same; else a free one. */
  port?: number;
}

/** Spawns the API server, as `scripts/start.sh` runs it. */
export async function startApi(options: ApiOptions = {}): Promise<ApiServer> {
  const port = options.port ?? (await freePort());
  const service = startService({
    name: 'The API server',
    args: [builtServer()],
    cwd: options.cwd,
    detached: options.detached ?? false,
    env: { ...(options.baseEnv ?? { ...process.env, LOG_LEVEL: 'info' }), ...options.env, API_PORT: String(port) },
  });
  const server: ApiServer = { ...service, base: `http://127.0.0.1:${port}` };
  if (options.healthy === false) return server;
  try {
    await waitUntilReady(server, `${server.base}/health`, 30_000);
  } catch (error) {
    await server.stop(0);
    throw error;
  }
  return server;
}
