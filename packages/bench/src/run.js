// Measures the API and the portal against a raw node:http server on the same machine, one target
// at a time, and writes results/latest.json. Run after `pnpm build` (turbo does: `pnpm bench`).
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkAnswers, measure } from './load.js';
import { benchComparison, comparisonFailures, printComparison } from './compare.js';
import { freePorts, startService, startStack, stopAll, waitUntilReady } from '@pledgekeeper/stack';
import { BENCH_STACK, benchDir, removeTemporaryFiles } from './temporary.js';

function positiveNumber(name, fallback) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, not "${raw}"`);
  return value;
}

const settings = {
  duration: positiveNumber('BENCH_DURATION', 10),
  connections: Math.round(positiveNumber('BENCH_CONNECTIONS', 10)),
};
settings.warmup = Math.min(2, settings.duration);
// Sequential requests per council count in the comparison benchmark.
const compareRequests = Math.round(positiveNumber('BENCH_COMPARE_REQUESTS', 200));

const fixed = (value, digits) => (Number.isFinite(value) ? value.toFixed(digits) : '-');

function printTable(results, meta) {
  const header = ['target', 'req/s', 'p50 ms', 'p99 ms', 'non-2xx', 'errors', 'req/s ÷ base', 'p50 ÷ base', 'p99 ÷ base'];
  const rows = results.map((r) => [
    r.name,
    fixed(r.requestsPerSecond, 0),
    fixed(r.p50Ms, 2),
    fixed(r.p99Ms, 2),
    String(r.non2xx),
    String(r.errors),
    fixed(r.vsBaseline.requestsPerSecond, 3),
    fixed(r.vsBaseline.p50, 2),
    fixed(r.vsBaseline.p99, 2),
  ]);
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => row[i].length)));
  const line = (cells) => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
  console.log(`\nPledgekeeper benchmark, ${meta.date}`);
  console.log(
    `node ${meta.node}, ${meta.cpus} CPUs (${meta.cpuModel}); ${meta.connections} connections, ` +
      `${meta.duration} s per target after a ${meta.warmup} s warm-up; load generator on the same machine\n`,
  );
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) console.log(line(row));
  console.log('\n÷ base: the ratio to the node:http baseline (req/s: higher is better; latency: lower is better).');
}

async function main() {
  const [basePort] = await freePorts(1);
  const env = { ...process.env, NODE_ENV: 'production' };
  let stack;
  try {
    const baseline = startService({
      name: 'baseline',
      args: [fileURLToPath(new URL('./baseline-server.js', import.meta.url))],
      cwd: benchDir,
      detached: true,
      env: { ...env, PORT: String(basePort) },
    });
    await waitUntilReady(baseline, `http://127.0.0.1:${basePort}/`);
    stack = await startStack(BENCH_STACK);
    const { apiUrl, portalUrl } = stack;

    const input = encodeURIComponent(JSON.stringify({ council: 'worcestershire' }));
    const targets = [
      { name: 'node:http hello world', url: `http://127.0.0.1:${basePort}/` },
      { name: 'API council.page', url: `${apiUrl}/trpc/council.page?input=${input}` },
      { name: 'portal /worcestershire', url: `${portalUrl}/worcestershire` },
    ];

    const results = [];
    for (const target of targets) {
      const bodyBytes = await checkAnswers(target.name, target.url);
      console.log(`measuring ${target.name} (${bodyBytes} bytes a response)...`);
      results.push({
        ...target,
        url: new URL(target.url).pathname + new URL(target.url).search,
        bodyBytes,
        ...(await measure(target.url, settings)),
      });
    }
    const comparison = await benchComparison({ baselineUrl: targets[0].url, settings, requests: compareRequests });
    results.push(...comparison.loadResults);
    const [base] = results;
    for (const r of results) {
      r.vsBaseline = {
        requestsPerSecond: r.requestsPerSecond / base.requestsPerSecond,
        p50: r.p50Ms / base.p50Ms,
        p99: r.p99Ms / base.p99Ms,
      };
    }

    const meta = {
      date: new Date().toISOString(),
      node: process.version,
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? 'unknown',
      ...settings,
    };
    printTable(results, meta);
    printComparison(comparison.summary);
    mkdirSync(join(benchDir, 'results'), { recursive: true });
    const outFile = join(benchDir, 'results', 'latest.json');
    writeFileSync(outFile, `${JSON.stringify({ ...meta, results, comparison: comparison.summary }, null, 2)}\n`);
    console.log(`results written to ${outFile}`);

    if (!comparison.summary.pass) {
      throw new Error(`the comparison missed its targets: ${comparisonFailures(comparison.summary).join('; ')}`);
    }
    const failures = results.filter((r) => r.non2xx > 0 || r.errors > 0);
    if (failures.length > 0) {
      throw new Error(
        `not every response was a 2xx: ${failures.map((r) => `${r.name}: ${r.non2xx} non-2xx, ${r.errors} errors`).join('; ')}`,
      );
    }
  } finally {
    await stack?.stop();
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
