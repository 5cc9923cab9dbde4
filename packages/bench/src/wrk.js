// Drives one URL with wrk, the load generator the issue's own figures came from: written in C, it
// spends a fraction of what autocannon spends reading each answer, so on a machine shared with the
// servers it leaves them the CPU, and a page of a few kilobytes measures the server, not the client.
import { execFileSync, spawn } from 'node:child_process';

/** wrk's path when it is installed (Debian's package `wrk`), else null. */
export function findWrk() {
  try {
    return execFileSync('sh', ['-c', 'command -v wrk'], { encoding: 'utf8' }).trim() || null;
  } catch {
    return null;
  }
}

const UNITS_MS = { us: 0.001, ms: 1, s: 1000, m: 60_000 };

/** "176.00us", "1.04ms", "2.00s" in milliseconds. */
export function wrkDurationMs(text) {
  const match = /^([\d.]+)(us|ms|s|m)$/.exec(text.trim());
  if (!match) throw new Error(`wrk gave a latency of "${text}", which this cannot read`);
  return Number(match[1]) * UNITS_MS[match[2]];
}

/** The figures of one wrk run (with --latency), from what it printed. */
export function parseWrk(output) {
  const number = (pattern, fallback) => {
    const match = pattern.exec(output);
    if (!match) {
      if (fallback !== undefined) return fallback;
      throw new Error(`wrk's report lacks ${pattern}:\n${output}`);
    }
    return match;
  };
  const requests = number(/(\d+) requests in ([\d.]+)(us|ms|s|m),/);
  const socket = number(/Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/, null);
  const non2xx = number(/Non-2xx or 3xx responses: (\d+)/, null);
  const errors = socket ? Number(socket[1]) + Number(socket[2]) + Number(socket[3]) : 0;
  return {
    responses: Number(requests[1]),
    seconds: wrkDurationMs(`${requests[2]}${requests[3]}`) / 1000,
    requestsPerSecond: Number(number(/Requests\/sec:\s+([\d.]+)/)[1]),
    p50Ms: wrkDurationMs(number(/^\s+50%\s+(\S+)$/m)[1]),
    p99Ms: wrkDurationMs(number(/^\s+99%\s+(\S+)$/m)[1]),
    non2xx: non2xx ? Number(non2xx[1]) : 0,
    errors,
    timeouts: socket ? Number(socket[4]) : 0,
  };
}

function runWrk(wrk, url, { connections, seconds, headers }) {
  const args = ['-t1', `-c${connections}`, `-d${seconds}s`, '--latency'];
  for (const [name, value] of Object.entries(headers)) args.push('-H', `${name}: ${value}`);
  return new Promise((resolve, reject) => {
    const child = spawn(wrk, [...args, url], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(output) : reject(new Error(`wrk exited ${code}:\n${output}`))));
  });
}

/** Warms the target up (unless `warmup` is 0), then measures it for `duration` seconds. */
export async function measureWithWrk(wrk, url, { connections, duration, warmup, headers }) {
  if (warmup > 0) await runWrk(wrk, url, { connections, seconds: warmup, headers });
  const output = await runWrk(wrk, url, { connections, seconds: duration, headers });
  return { ...parseWrk(output), generator: 'wrk' };
}
