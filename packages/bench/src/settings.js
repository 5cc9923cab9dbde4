// What a run measures and for how long, from the environment: the full benchmark by default, or a
// smoke (BENCH_SMOKE=1) that runs every target for about a second, waits less for a publication,
// and never fails on a goal.
import { findWrk } from './wrk.js';

function positiveNumber(env, name, fallback) {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, not "${raw}"`);
  return value;
}

/** SQLite unless BENCH_DATABASE_URL names a PostgreSQL server, on which the run makes a database of its own. */
function readDatabase(env) {
  const url = env.BENCH_DATABASE_URL;
  if (url === undefined || url === '') return { dialect: 'sqlite' };
  if (!/^postgres(ql)?:\/\//.test(url)) {
    throw new Error(`BENCH_DATABASE_URL must name a PostgreSQL server (postgres://…), not "${url}"; SQLite is the default`);
  }
  return { dialect: 'postgres', serverUrl: url };
}

/**
 * The closed loop's load generator: wrk when installed (BENCH_LOAD=wrk insists on it), else
 * autocannon (BENCH_LOAD=autocannon chooses it). Both measure the baseline too, so ratios hold.
 */
function readLoad(env, find) {
  const chosen = env.BENCH_LOAD ?? '';
  if (!['', 'wrk', 'autocannon'].includes(chosen)) throw new Error(`BENCH_LOAD must be wrk or autocannon, not "${chosen}"`);
  if (chosen === 'autocannon') return null;
  const wrk = find();
  if (chosen === 'wrk' && !wrk) throw new Error('BENCH_LOAD=wrk, but wrk is not installed: apt-get install wrk');
  return wrk;
}

export function readSettings(env = process.env, find = findWrk) {
  const smoke = env.BENCH_SMOKE !== undefined && env.BENCH_SMOKE !== '' && env.BENCH_SMOKE !== '0';
  const duration = smoke ? 1 : positiveNumber(env, 'BENCH_DURATION', 10);
  return {
    smoke,
    // Closed loop: each target in turn, as fast as BENCH_CONNECTIONS connections allow.
    duration,
    warmup: smoke ? 0 : Math.min(2, duration),
    connections: Math.round(positiveNumber(env, 'BENCH_CONNECTIONS', 10)),
    // Open loop: a fixed rate over the public pages; a smoke's is short and gentle on a shared CI machine.
    rate: positiveNumber(env, 'BENCH_RATE', smoke ? 100 : 500),
    openSeconds: smoke ? 2 : positiveNumber(env, 'BENCH_OPEN_SECONDS', 30),
    // A request unanswered this long after it was due is a timeout, so an overloaded target cannot
    // stretch the open loop much past openSeconds.
    deadlineMs: positiveNumber(env, 'BENCH_OPEN_DEADLINE_MS', 2_000),
    // Publications timed until the portal and the API show them, polled every 20 ms for up to waitMs.
    publications: smoke ? 1 : 5,
    publicationWaitMs: smoke ? 2_000 : 5_000,
    // Sequential requests per council count in the comparison on generated councils (not in a smoke).
    compareRequests: Math.round(positiveNumber(env, 'BENCH_COMPARE_REQUESTS', 200)),
    database: readDatabase(env),
    // wrk's path, or null for autocannon.
    wrk: readLoad(env, find),
  };
}
