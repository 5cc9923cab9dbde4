// `pnpm bench`: issue 14's goals measured against a raw node:http server on the same machine in the
// same run, then the caches' sizes and how long a publication takes to show, printed as one table
// and written to results/latest.json (a smoke: results/smoke.json).
// Exits 1 when a goal is missed, except in a smoke. Run after `pnpm build` (turbo does: `pnpm bench`).
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePorts, startService, startStack, stopAll, waitUntilReady } from '@pledgekeeper/stack';
import { cacheLines, readStackCaches } from './caches.js';
import { benchComparison, comparisonFailures, printComparison } from './compare.js';
import { cacheRow, closedLoopRow, closingLine, comparisonRow, missedGoals, openLoopRows, publicationRows } from './goals.js';
import { checkAnswers, measure } from './load.js';
import { openLoop } from './open-loop.js';
import { timePublications } from './publication.js';
import { readSettings } from './settings.js';
import { tableLines } from './table.js';
import { PUBLIC_PAGES, closedLoopTargets } from './targets.js';
import { BENCH_STACK, benchDir, removeTemporaryFiles } from './temporary.js';

const settings = readSettings();

/** The stack's database: SQLite by default; on PostgreSQL, a fresh database on that server, dropped at the end. */
function databaseOptions(database) {
  if (database.dialect !== 'postgres') return {};
  // The harness makes its PostgreSQL databases on TEST_POSTGRES_URL's server, as for the tests.
  process.env.TEST_POSTGRES_URL = database.serverUrl;
  return { dialect: 'postgres' };
}

async function startBaseline() {
  const [port] = await freePorts(1);
  const baseline = startService({
    name: 'baseline',
    args: [fileURLToPath(new URL('./baseline-server.js', import.meta.url))],
    cwd: benchDir,
    detached: true,
    env: { ...process.env, NODE_ENV: 'production', PORT: String(port) },
  });
  const url = `http://127.0.0.1:${port}/`;
  await waitUntilReady(baseline, url);
  return url;
}

const ms = (value, digits) => (Number.isFinite(value) ? value.toFixed(digits) : '-');
const pathOf = (url) => new URL(url).pathname + new URL(url).search;

async function measureClosedLoop(targets) {
  const results = [];
  for (const target of targets) {
    const bodyBytes = await checkAnswers(target.name, target.url);
    console.log(`measuring ${target.name} (${bodyBytes} bytes a response)...`);
    results.push({ ...target, url: pathOf(target.url), bodyBytes, ...(await measure(target.url, settings)) });
  }
  return results;
}

function printReport(rows, meta, { open, caches, publication }) {
  console.log(`\nPledgekeeper benchmark${meta.smoke ? ' (smoke: goals reported, never failing the run)' : ''}, ${meta.date}`);
  console.log(
    `node ${meta.node}, ${meta.cpus} CPUs (${meta.cpuModel}), ${meta.database}; closed loop: ${meta.loadGenerator}, ${meta.connections} connections, ` +
      `${meta.duration} s per target after a ${meta.warmup} s warm-up; open loop: ${meta.rate} requests/s for ${meta.openSeconds} s ` +
      `over ${PUBLIC_PAGES.join(' ')}, a ${meta.deadlineMs} ms deadline each; gzip accepted; load generator on the same machine; ` +
      `run took ${meta.seconds} s\n`,
  );
  for (const line of tableLines(rows)) console.log(line);
  const byPage = open.byPage.map((page) => `${page.path} ${ms(page.p99Ms, 1)}`).join(', ');
  console.log(
    '\n÷ base: requests per second as a ratio to the node:http baseline of this run.' +
      `\nopen loop: each latency from when its request was due; p99 ms by page: ${byPage}; ` +
      `the load generator's own lateness (included), p99 ${ms(open.sendLagP99Ms, 2)} ms` +
      `${open.unsent > 0 ? `, and ${open.unsent} requests it had not sent when the time was up` : ''}; ` +
      `a timeout: no answer ${open.deadlineMs} ms after it was due.` +
      `\npublication: ${publication.count} in turn, each a new update on ${publication.paths.portal}, saved and published ` +
      `through the database, timed from its commit until shown (polled every ${publication.everyMs} ms, up to ${publication.waitMs} ms); ` +
      `p99 of so few is the slowest; a timeout: never shown.`,
  );
  console.log('\ncaches after the load, from GET /health:');
  for (const line of cacheLines(caches)) console.log(`  ${line}`);
}

async function main() {
  const started = performance.now();
  const { database } = settings;
  const stackOptions = databaseOptions(database);
  let stack;
  try {
    const baselineUrl = await startBaseline();
    stack = await startStack({ ...BENCH_STACK, ...stackOptions });
    const closed = await measureClosedLoop(closedLoopTargets({ baselineUrl, apiUrl: stack.apiUrl, portalUrl: stack.portalUrl }));
    console.log(`open loop: ${settings.rate} requests/s for ${settings.openSeconds} s over the public pages...`);
    const pageUrls = PUBLIC_PAGES.map((path) => `${stack.portalUrl}${path}`);
    const open = await openLoop(pageUrls, { rate: settings.rate, seconds: settings.openSeconds, deadlineMs: settings.deadlineMs });
    const caches = await readStackCaches(stack);
    console.log(`timing ${settings.publications} publications on ${database.dialect}...`);
    const publication = await timePublications(stack, { count: settings.publications, waitMs: settings.publicationWaitMs });
    await stack.stop();
    stack = undefined;

    // Issues 5 and 11: how the comparison grows with the number of councils. Too long for a smoke.
    const comparison = settings.smoke
      ? null
      : await benchComparison({ baselineUrl, settings, requests: settings.compareRequests, stackOptions });
    if (comparison) printComparison(comparison.summary);

    const [base] = closed;
    const comparisonRows = (comparison?.loadResults ?? []).map((result, i) => {
      const target = comparison.summary.targets[i];
      const [failure] = comparisonFailures({ ...comparison.summary, targets: [target] });
      return comparisonRow(result, base, target, comparison.summary.targetMs, failure);
    });
    const rows = [
      ...closed.map((result) => closedLoopRow(result, base)),
      ...openLoopRows(open, database.dialect),
      ...publicationRows(publication, database.dialect),
      cacheRow(caches),
      ...comparisonRows,
    ];

    const meta = {
      date: new Date().toISOString(),
      node: process.version,
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? 'unknown',
      smoke: settings.smoke,
      // The dialect alone: a server URL may hold a password.
      database: database.dialect,
      duration: settings.duration,
      warmup: settings.warmup,
      connections: settings.connections,
      loadGenerator: settings.wrk ? 'wrk' : 'autocannon',
      rate: settings.rate,
      openSeconds: settings.openSeconds,
      deadlineMs: settings.deadlineMs,
      seconds: Math.round((performance.now() - started) / 1000),
    };
    const outFile = join(benchDir, 'results', settings.smoke ? 'smoke.json' : 'latest.json');
    mkdirSync(join(benchDir, 'results'), { recursive: true });
    const missed = missedGoals(rows);
    const report = {
      ...meta,
      rows,
      missed,
      closedLoop: closed,
      openLoop: open,
      caches,
      publication,
      comparison: comparison?.summary ?? null,
    };
    writeFileSync(outFile, `${JSON.stringify(report, null, 2)}\n`);
    printReport(rows, meta, { open, caches, publication });
    console.log(`\nresults written to ${outFile}`);
    console.log(closingLine(rows, settings));
    if (missed.length > 0 && !settings.smoke) process.exitCode = 1;
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
