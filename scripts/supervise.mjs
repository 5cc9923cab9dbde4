// Usage: node scripts/supervise.mjs [--name NAME] [--startup-seconds S] [--first-delay S]
//          [--max-delay S] [--steady-after S] -- COMMAND [ARGS...]
// Runs COMMAND and starts it again whenever it exits: after 1 s, then 2 s, 4 s ... at most 30 s,
// back to 1 s once a run has lasted a minute. One crash of the API must not take the portal down.
// If the first run ends within --startup-seconds, that is a failure to start, not a crash: exit
// with its status. SIGTERM or SIGINT stops COMMAND (SIGTERM, then SIGKILL after 8 s) and exits.
import { spawn } from 'node:child_process';
import { constants } from 'node:os';

const argv = process.argv.slice(2);
const split = argv.indexOf('--');
const [command, ...commandArgs] = split === -1 ? [] : argv.slice(split + 1);
const flags = new Map();
for (let i = 0; i < (split === -1 ? argv.length : split); i += 2) flags.set(argv[i], argv[i + 1]);
const seconds = (flag, fallback) => {
  const value = Number(flags.get(flag) ?? fallback);
  if (!Number.isFinite(value) || value < 0) fail(`${flag} must be a number of seconds, not "${flags.get(flag)}"`);
  return value;
};
function fail(message) {
  console.error(`supervise: ${message}`);
  process.exit(2);
}
if (!command) fail('usage: supervise.mjs [--name NAME] [--startup-seconds S] -- COMMAND [ARGS...]');

const name = flags.get('--name') ?? command;
const startupSeconds = seconds('--startup-seconds', 0);
const firstDelay = seconds('--first-delay', 1);
const maxDelay = seconds('--max-delay', 30);
const steadyAfter = seconds('--steady-after', 60);
const STOP_GRACE_MS = 8_000;

const log = (message) => console.error(`==> ${message}`);
const statusOf = (code, signal) => code ?? 128 + (constants.signals[signal] ?? 0);

let child = null;
let runs = 0;
let delay = firstDelay;
let restartTimer = null;
let stopping = false;

function start() {
  restartTimer = null;
  runs += 1;
  const startedAt = Date.now();
  const run = spawn(command, commandArgs, { stdio: 'inherit' });
  child = run;
  let ended = false;
  const onEnd = (status, signal) => {
    if (ended) return;
    ended = true;
    child = null;
    const lasted = (Date.now() - startedAt) / 1000;
    if (stopping) process.exit(0);
    const how = `${name} exited with status ${status}${signal ? ` (${signal})` : ''}`;
    if (runs === 1 && lasted < startupSeconds) {
      log(`${how} while starting; not restarting it`);
      process.exit(status || 1);
    }
    if (lasted >= steadyAfter) delay = firstDelay;
    log(`${how}; restarting in ${delay} s`);
    restartTimer = setTimeout(start, delay * 1000);
    delay = Math.min(delay * 2, maxDelay);
  };
  run.once('exit', (code, signal) => onEnd(statusOf(code, signal), signal));
  // A command that cannot be run at all (ENOENT) gives no exit event.
  run.once('error', (error) => {
    log(`${name} could not be run: ${error.message}`);
    onEnd(127, null);
  });
}

function stop(signal) {
  if (stopping) {
    // A second signal means now.
    child?.kill('SIGKILL');
    process.exit(1);
  }
  stopping = true;
  if (restartTimer) clearTimeout(restartTimer);
  if (!child) process.exit(0);
  child.kill('SIGTERM');
  setTimeout(() => {
    log(`${name} did not stop within ${STOP_GRACE_MS / 1000} s of ${signal}; killing it`);
    child?.kill('SIGKILL');
  }, STOP_GRACE_MS).unref();
}
process.on('SIGTERM', () => stop('SIGTERM'));
process.on('SIGINT', () => stop('SIGINT'));

start();
