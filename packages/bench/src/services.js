// Starts the servers under test as child node processes and stops them again, by their own PIDs.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

const running = new Set();

/** Ports free on 127.0.0.1, all held open together so that no two are the same. */
export async function freePorts(count) {
  const servers = await Promise.all(
    Array.from({ length: count }, () => new Promise((resolve, reject) => {
      const server = createServer();
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve(server));
    })),
  );
  const ports = servers.map((server) => server.address().port);
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  return ports;
}

/**
 * Runs `node file` (or `command ...args`, e.g. a browser) with its own cwd and env, keeping the
 * last few KB of its output for errors. The PID is that of the process itself, not of a shell.
 */
export function startService({ name, file, command = process.execPath, args = [file], cwd, env }) {
  // detached: Ctrl-C in the terminal reaches only us, and we stop each child once.
  const child = spawn(command, args, { cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const service = { name, child, output: '' };
  const keep = (chunk) => {
    service.output = (service.output + chunk.toString()).slice(-4000);
  };
  // A missing executable is reported here, and waitUntilReady then fails at once.
  child.once('error', (error) => keep(`${error.message}\n`));
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  child.once('exit', () => running.delete(service));
  running.add(service);
  return service;
}

const hasExited = (child) => child.exitCode !== null || child.signalCode !== null;

/** Polls url until it answers 200; fails early if the service dies. */
export async function waitUntilReady(service, url, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  while (Date.now() < deadline) {
    if (hasExited(service.child)) {
      throw new Error(`${service.name} exited (${service.child.exitCode ?? service.child.signalCode}) before it was ready:\n${service.output}`);
    }
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      await response.arrayBuffer();
      if (response.status === 200) return;
      last = `status ${response.status}`;
    } catch (error) {
      last = error.cause?.code ?? error.message;
    }
    await sleep(200);
  }
  throw new Error(`${service.name} was not ready at ${url} after ${timeoutMs / 1000} s (${last}):\n${service.output}`);
}

/** Stops one service, gently first. */
export async function stopService({ child }) {
  if (hasExited(child)) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const stopped = await Promise.race([exited.then(() => true), sleep(5000).then(() => false)]);
  if (!stopped) {
    child.kill('SIGKILL');
    await exited;
  }
}

/** Stops every service still running, gently first. */
export async function stopAll() {
  await Promise.all([...running].map(stopService));
}

// Last resort if the process exits some other way: no child may outlive the benchmark.
process.once('exit', () => {
  for (const { child } of running) if (!hasExited(child)) child.kill('SIGKILL');
});
