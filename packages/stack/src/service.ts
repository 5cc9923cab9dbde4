import { type ChildProcess, spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';

/** A child process we started, with what it printed and a way to stop it. */
export interface Service {
  name: string;
  child: ChildProcess;
  /** Everything it printed on stdout and stderr, interleaved (the last few MB of it). */
  output: () => string;
  /** Its exit code, once it has exited (null when a signal ended it). */
  exited: Promise<number | null>;
  alive: () => boolean;
  /** SIGTERM, then SIGKILL if it is still there after `graceMs`; resolves with its exit code. */
  stop: (graceMs?: number) => Promise<number | null>;
}

export interface ServiceOptions {
  name: string;
  /** `node` by default, running `args`. */
  command?: string;
  args: string[];
  cwd?: string;
  env: NodeJS.ProcessEnv;
  /** Its own process group: Ctrl-C in a terminal then reaches only us, and we stop it once. */
  detached?: boolean;
}

const KEPT_OUTPUT = 4_000_000;
const running = new Set<Service>();

/** Starts a process; its PID is that of the process itself, not of a shell around it. */
export function startService(options: ServiceOptions): Service {
  const child = spawn(options.command ?? process.execPath, options.args, {
    cwd: options.cwd,
    env: options.env,
    detached: options.detached ?? false,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: unknown) => {
    output += String(chunk);
    if (output.length > KEPT_OUTPUT) output = output.slice(-KEPT_OUTPUT / 2);
  };
  // A missing executable is reported here, and waitUntilReady then fails at once.
  child.once('error', (error) => keep(`${error.message}\n`));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<number | null>((resolve) => {
    child.once('exit', (code) => resolve(code));
    // A process that never started emits 'error' and no 'exit'.
    child.once('error', () => child.pid === undefined && resolve(null));
  });
  const alive = () => child.pid !== undefined && child.exitCode === null && child.signalCode === null;
  const service: Service = {
    name: options.name,
    child,
    output: () => output,
    exited,
    alive,
    async stop(graceMs = 10_000) {
      if (alive()) child.kill('SIGTERM');
      const timer = setTimeout(() => alive() && child.kill('SIGKILL'), graceMs);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
  running.add(service);
  void exited.then(() => running.delete(service));
  return service;
}

/**
 * Polls `url` until it answers 200; fails early, with its output, if the service dies. `headers`
 * go with each request, such as the X-Forwarded-For a portal behind a proxy needs.
 */
export async function waitUntilReady(
  service: Service,
  url: string,
  timeoutMs = 60_000,
  headers: Record<string, string> = {},
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  while (Date.now() < deadline) {
    if (!service.alive()) {
      throw new Error(
        `${service.name} exited (${service.child.exitCode ?? service.child.signalCode}) before it was ready:\n${tail(service)}`,
      );
    }
    try {
      const response = await fetch(url, { headers, signal: AbortSignal.timeout(2_000) });
      await response.arrayBuffer();
      if (response.status === 200) return;
      last = `status ${response.status}`;
    } catch (error) {
      last = ((error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message) || 'no answer';
    }
    await sleep(100);
  }
  throw new Error(`${service.name} was not ready at ${url} after ${timeoutMs / 1000} s (${last}):\n${tail(service)}`);
}

const tail = (service: Service) => service.output().slice(-4_000);

/** Stops every service still running, gently first. */
export async function stopAll(): Promise<void> {
  await Promise.all([...running].map((service) => service.stop(5_000)));
}

// Last resort if the process exits some other way: no child may outlive whoever started it.
process.once('exit', () => {
  for (const { child, alive } of running) if (alive()) child.kill('SIGKILL');
});
