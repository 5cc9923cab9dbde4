import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { freePort } from './free-port.js';

const MAIN = fileURLToPath(new URL('../../dist/main.js', import.meta.url));

/** The built server running as a process of its own, as `scripts/start.sh` runs it. */
export interface ServerProcess {
  child: ChildProcess;
  base: string;
  output: () => string;
  exited: Promise<number | null>;
  alive: () => boolean;
  stop: () => Promise<number | null>;
}

export interface LogLine {
  level: number;
  msg: string;
  [key: string]: unknown;
}

export const logLines = (output: string): LogLine[] =>
  output
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as LogLine);

/** Spawns `dist/main.js`; unless `healthy: false`, waits until `/health` answers 200. */
export async function spawnServer(env: Record<string, string>, cwd: string, options: { healthy?: boolean } = {}): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [MAIN], {
    cwd,
    env: { ...process.env, LOG_LEVEL: 'info', ...env, API_PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const server: ServerProcess = {
    child,
    base: `http://127.0.0.1:${port}`,
    output: () => output,
    exited,
    alive: () => child.exitCode === null && child.signalCode === null,
    async stop() {
      if (server.alive()) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
  if (options.healthy === false) return server;
  const ready = await waitFor(async () => server.alive() && (await status(`${server.base}/health`)) === 200, 30_000).catch(() => false);
  if (!ready) {
    child.kill('SIGKILL');
    throw new Error(`the server did not become healthy:\n${output}`);
  }
  return server;
}

/** Polls until `condition` is true; rejects after `timeoutMs`. Returns how long it took. */
export async function waitFor(condition: () => Promise<boolean> | boolean, timeoutMs: number, everyMs = 100): Promise<number> {
  const started = Date.now();
  for (;;) {
    if (await condition()) return Date.now() - started;
    if (Date.now() - started > timeoutMs) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

/** The HTTP status of a GET, or 0 when nothing answered within `timeoutMs`. */
export async function status(url: string, init: RequestInit = {}, timeoutMs = 10_000): Promise<number> {
  try {
    const response = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
    await response.arrayBuffer();
    return response.status;
  } catch {
    return 0;
  }
}

export interface TrpcAnswer {
  status: number;
  code: string | null;
  message: string | null;
  ms: number;
}

/** One tRPC call over HTTP: a query (GET) or a mutation (POST). Never throws; 0 means no answer in time. */
export async function trpc(
  base: string,
  kind: 'query' | 'mutation',
  path: string,
  input: unknown,
  headers: Record<string, string> = {},
  timeoutMs = 20_000,
): Promise<TrpcAnswer> {
  const started = Date.now();
  const url = kind === 'query' ? `${base}/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}` : `${base}/trpc/${path}`;
  const init: RequestInit =
    kind === 'query' ? { headers } : { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(input) };
  try {
    const response = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
    const body = (await response.json().catch(() => ({}))) as { error?: { message?: string; data?: { code?: string } } };
    return { status: response.status, code: body.error?.data?.code ?? null, message: body.error?.message ?? null, ms: Date.now() - started };
  } catch {
    return { status: 0, code: null, message: null, ms: Date.now() - started };
  }
}
