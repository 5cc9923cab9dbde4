// Measures the API and the portal against a raw node:http server on the same machine, one target
// at a time, and writes results/latest.json. Run after `pnpm build` (turbo does: `pnpm bench`).
import { existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkAnswers, measure } from './load.js';
import { freePorts, startService, stopAll, waitUntilReady } from './services.js';

const benchDir = fileURLToPath(new URL('..', import.meta.url));

function positiveNumber(name, fallback) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, not "${raw}"`);
  return value;
}

// The built servers, found through this package's workspace dependencies.
function builtEntry(packageName, relativeFile) {
  const dir = realpathSync(join(benchDir, 'node_modules', ...packageName.split('/')));
  const file = join(dir, relativeFile);
  if (!existsSync(file)) throw new Error(`${file} is missing: run \`pnpm build\` first`);
  return { dir, file };
}

function serverEntry() {
  const dir = realpathSync(join(benchDir, 'node_modules', '@pledgekeeper', 'server'));
  const bin = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).bin;
  const relative = typeof bin === 'string' ? bin : Object.values(bin ?? {})[0] ?? 'dist/main.js';
  return builtEntry('@pledgekeeper/server', relative);
}

const settings = {
  duration: positiveNumber('BENCH_DURATION', 10),
  connections: Math.round(positiveNumber('BENCH_CONNECTIONS', 10)),
};
settings.warmup = Math.min(2, settings.duration);

// The temporary SQLite folder goes when the run ends, however it ends.
const removeOnExit = [];
function removeTemporaryFiles() {
  for (const dir of removeOnExit.splice(0)) rmSync(dir, { recursive: true, force: true });
}

const fixed = (value, digits) => (Number.isFinite(value) ? value.toFixed(digits) : '-');

function printTable(results, meta) {
  const header = ['target', 'req/s', 'p50 ms', 'p99 ms', 'non-2xx', 'errors', 'req/s ÷ base', 'p50 ÷ base', 'p99 ÷ base'];
  const rows = results.map((r) => [
    r.name, fixed(r.requestsPerSecond, 0), fixed(r.p50Ms, 2), fixed(r.p99Ms, 2), String(r.non2xx), String(r.errors),
    fixed(r.vsBaseline.requestsPerSecond, 3), fixed(r.vsBaseline.p50, 2), fixed(r.vsBaseline.p99, 2),
  ]);
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => row[i].length)));
  const line = (cells) => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
  console.log(`\nPledgekeeper benchmark, ${meta.date}`);
  console.log(`node ${meta.node}, ${meta.cpus} CPUs (${meta.cpuModel}); ${meta.connections} connections, ` +
    `${meta.duration} s per target after a ${meta.warmup} s warm-up; load generator on the same machine\n`);
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) console.log(line(row));
  console.log('\n÷ base: the ratio to the node:http baseline (req/s: higher is better; latency: lower is better).');
}

async function main() {
  const server = serverEntry();
  const portal = builtEntry('@pledgekeeper/portal', 'build/index.js');
  const [basePort, apiPort, portalPort] = await freePorts(3);
  const dataDir = mkdtempSync(join(tmpdir(), 'pledgekeeper-bench-'));
  removeOnExit.push(dataDir);
  const env = { ...process.env, NODE_ENV: 'production' };

  try {
    const baseline = startService({
      name: 'baseline', file: fileURLToPath(new URL('./baseline-server.js', import.meta.url)), cwd: benchDir,
      env: { ...env, PORT: String(basePort) },
    });
    const api = startService({
      name: 'API server', file: server.file, cwd: server.dir,
      env: { ...env, API_PORT: String(apiPort), DATABASE_URL: join(dataDir, 'bench.sqlite'), LOG_LEVEL: 'warn' },
    });
    await waitUntilReady(baseline, `http://127.0.0.1:${basePort}/`);
    await waitUntilReady(api, `http://127.0.0.1:${apiPort}/health`);
    const web = startService({
      name: 'portal', file: portal.file, cwd: portal.dir,
      env: {
        ...env, PORT: String(portalPort), HOST: '127.0.0.1', ORIGIN: `http://127.0.0.1:${portalPort}`,
        API_URL: `http://127.0.0.1:${apiPort}`,
      },
    });
    await waitUntilReady(web, `http://127.0.0.1:${portalPort}/`);

    const input = encodeURIComponent(JSON.stringify({ council: 'worcestershire' }));
    const targets = [
      { name: 'node:http hello world', url: `http://127.0.0.1:${basePort}/` },
      { name: 'API council.page', url: `http://127.0.0.1:${apiPort}/trpc/council.page?input=${input}` },
      { name: 'portal /worcestershire', url: `http://127.0.0.1:${portalPort}/worcestershire` },
    ];

    const results = [];
    for (const target of targets) {
      const bodyBytes = await checkAnswers(target.name, target.url);
      console.log(`measuring ${target.name} (${bodyBytes} bytes a response)...`);
      results.push({ ...target, url: new URL(target.url).pathname + new URL(target.url).search, bodyBytes,
        ...(await measure(target.url, settings)) });
    }
    const [base] = results;
    for (const r of results) {
      r.vsBaseline = {
        requestsPerSecond: r.requestsPerSecond / base.requestsPerSecond,
        p50: r.p50Ms / base.p50Ms,
        p99: r.p99Ms / base.p99Ms,
      };
    }

    const meta = {
      date: new Date().toISOString(), node: process.version, cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown',
      ...settings,
    };
    printTable(results, meta);
    mkdirSync(join(benchDir, 'results'), { recursive: true });
    const outFile = join(benchDir, 'results', 'latest.json');
    writeFileSync(outFile, `${JSON.stringify({ ...meta, results }, null, 2)}\n`);
    console.log(`results written to ${outFile}`);

    const failures = results.filter((r) => r.non2xx > 0 || r.errors > 0);
    if (failures.length > 0) {
      throw new Error(`not every response was a 2xx: ${failures.map((r) => `${r.name}: ${r.non2xx} non-2xx, ${r.errors} errors`).join('; ')}`);
    }
  } finally {
    await stopAll();
    removeTemporaryFiles();
  }
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    console.error(`\n${signal}: stopping the servers`);
    stopAll().finally(() => {
      removeTemporaryFiles();
      process.exit(130);
    });
  });
}

main().catch((error) => {
  console.error(`\nbenchmark failed: ${error.message}`);
  process.exitCode = 1;
});
