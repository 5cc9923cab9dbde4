// Runs by packages/bench's vitest. The supervisor start.sh runs the API under, with a dummy command.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const SUPERVISE = fileURLToPath(new URL('./supervise.mjs', import.meta.url));
// Notes its PID in a file and runs until stopped; says so on SIGTERM.
const DUMMY = `
const fs = require('node:fs');
fs.appendFileSync(process.argv[1], process.pid + '\\n');
process.on('SIGTERM', () => { fs.appendFileSync(process.argv[1], 'stopped ' + process.pid + '\\n'); process.exit(0); });
setInterval(() => {}, 1000);
`;

const started = [];
const dirs = [];
afterEach(() => {
  for (const child of started.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function supervise(flags, command) {
  const child = spawn(process.execPath, [SUPERVISE, '--name', 'API', ...flags, '--', ...command], { stdio: ['ignore', 'pipe', 'pipe'] });
  started.push(child);
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function until(condition, what, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = condition();
    if (value) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const isAlive = (pid) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

function pidFile() {
  const dir = mkdtempSync(join(tmpdir(), 'pk-supervise-'));
  dirs.push(dir);
  const file = join(dir, 'pids');
  const lines = () => {
    try {
      return readFileSync(file, 'utf8').split('\n').filter(Boolean);
    } catch {
      return [];
    }
  };
  return {
    file,
    pids: () =>
      lines()
        .filter((line) => /^\d+$/.test(line))
        .map(Number),
    lines,
  };
}

describe('supervise.mjs', () => {
  it('restarts a killed command with a doubling, capped wait, and resets the wait after a steady run', async () => {
    const { file, pids } = pidFile();
    const run = supervise(['--first-delay', '0.2', '--max-delay', '0.8', '--steady-after', '3'], [process.execPath, '-e', DUMMY, file]);
    for (let n = 1; n <= 5; n++) {
      const pid = await until(() => pids().length === n && pids()[n - 1], `run ${n}`);
      process.kill(pid, 'SIGKILL');
    }
    await until(() => pids().length === 6, 'run 6');
    const waits = [...run.output().matchAll(/API exited with status 137 \(SIGKILL\); restarting in ([\d.]+) s/g)].map((m) => m[1]);
    expect(waits).toEqual(['0.2', '0.4', '0.8', '0.8', '0.8']);

    // Up for longer than --steady-after: the next crash waits the first delay again.
    await new Promise((resolve) => setTimeout(resolve, 3_500));
    process.kill(pids()[5], 'SIGKILL');
    await until(() => pids().length === 7, 'run 7');
    expect(run.output().trim().split('\n').at(-1)).toBe('==> API exited with status 137 (SIGKILL); restarting in 0.2 s');
  });

  it('stops the command with SIGTERM and exits 0 on SIGTERM, leaving nothing running', async () => {
    const { file, pids, lines } = pidFile();
    const run = supervise([], [process.execPath, '-e', DUMMY, file]);
    const pid = await until(() => pids()[0], 'the first run');
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
    expect(lines()).toContain(`stopped ${pid}`);
    expect(isAlive(pid)).toBe(false);
  });

  it('gives up, with the status, when the first run fails while starting', async () => {
    const run = supervise(['--startup-seconds', '10'], [process.execPath, '-e', 'process.exit(3)']);
    expect(await run.exited).toBe(3);
    expect(run.output()).toContain('API exited with status 3 while starting; not restarting it');
  });

  it('keeps restarting a command that exits by itself after it has started once', async () => {
    const run = supervise(['--first-delay', '0.1', '--max-delay', '0.2'], [process.execPath, '-e', 'process.exit(1)']);
    await until(() => (run.output().match(/restarting/g) ?? []).length >= 3, 'three restarts');
    expect(run.output()).toContain(
      '==> API exited with status 1; restarting in 0.1 s\n==> API exited with status 1; restarting in 0.2 s\n',
    );
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
  });
});
