// Issue #4: Lighthouse 12 (its default: mobile, simulated throttling) in Debian's Chromium on the
// built portal. Council pages need performance >= 95, accessibility 100, best practices >= 95.
// Prints a table, writes results/lighthouse.json and exits non-zero if a council page misses.
import { mkdirSync, realpathSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import lighthouse from 'lighthouse';
import { CHROMIUM_FLAGS, chromiumPath, freePorts, startService, startStack, stopAll, waitUntilReady } from '@pledgekeeper/stack';
import { BENCH_STACK, benchDir, removeTemporaryFiles, temporaryDir } from './temporary.js';

const USAGE = `Usage: pnpm lighthouse (from the repository root; turbo builds the portal and the API first).
Run directly, \`node packages/bench/src/lighthouse.js\` assumes \`pnpm build\` has been run.
Audits / and the council pages with Lighthouse in Chromium (CHROMIUM_PATH, default /usr/bin/chromium)
and writes packages/bench/results/lighthouse.json.`;

export const COUNCIL_PAGES = ['/worcestershire', '/somerset'];
export const ALL_PAGES = ['/', ...COUNCIL_PAGES];
/** Lowest acceptable score (0-100) per category, for council pages; seo is reported only. */
export const THRESHOLDS = { performance: 95, accessibility: 100, 'best-practices': 95 };
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
// Runs per page; the one with the median performance score is reported, as Lighthouse's own
// advice on variability suggests. A busy 2-core machine moves single runs by 5-10 points.
const RUNS = 3;
// Each metric's audit, and the decimal places kept: whole milliseconds and bytes, CLS to 4.
const METRICS = {
  fcpMs: ['first-contentful-paint', 0],
  lcpMs: ['largest-contentful-paint', 0],
  tbtMs: ['total-blocking-time', 0],
  cls: ['cumulative-layout-shift', 4],
  totalBytes: ['total-byte-weight', 0],
};

/** Chromium with a fresh profile, answering the DevTools protocol on a free port. */
async function launchChromium() {
  const [port] = await freePorts(1);
  const profile = temporaryDir('pledgekeeper-chromium-');
  const browser = startService({
    name: 'Chromium',
    command: chromiumPath(),
    cwd: benchDir,
    env: process.env,
    detached: true,
    args: [...CHROMIUM_FLAGS, `--user-data-dir=${profile}`, `--remote-debugging-port=${port}`, 'about:blank'],
  });
  await waitUntilReady(browser, `http://127.0.0.1:${port}/json/version`);
  return port;
}

// Scores as Lighthouse shows them, 0-100; null when a category could not be scored.
const percent = (score) => (typeof score === 'number' ? Math.round(score * 100) : null);

/** What the report shows as not passed (score under 0.9), with the first few elements named. */
function failedAudits(lhr) {
  // 'hidden' holds inputs the report never shows as findings (TTI, max potential FID, ...).
  const refs = CATEGORIES.flatMap((id) => lhr.categories[id].auditRefs).filter((ref) => ref.group !== 'hidden');
  const ids = new Set(refs.map((ref) => ref.id));
  return [...ids]
    .map((id) => lhr.audits[id])
    .filter((audit) => audit.score !== null && audit.score < 0.9)
    .map((audit) => ({
      id: audit.id,
      title: audit.title,
      ...(audit.displayValue ? { displayValue: audit.displayValue } : {}),
      elements: (audit.details?.items ?? [])
        .slice(0, 5)
        .map((item) => item.node?.selector ?? item.url ?? item.source?.url)
        .filter(Boolean),
    }));
}

function summarise(path, lhr) {
  return {
    path,
    councilPage: COUNCIL_PAGES.includes(path),
    scores: Object.fromEntries(CATEGORIES.map((id) => [id, percent(lhr.categories[id].score)])),
    metrics: Object.fromEntries(
      Object.entries(METRICS).map(([name, [id, places]]) => {
        const value = lhr.audits[id]?.numericValue;
        return [name, typeof value === 'number' ? Number(value.toFixed(places)) : null];
      }),
    ),
    failedAudits: failedAudits(lhr),
    warnings: lhr.runWarnings,
  };
}

/** Each threshold a page misses, as a readable line. */
export function missedThresholds(page) {
  return Object.entries(THRESHOLDS)
    .filter(([id, least]) => !(page.scores[id] >= least))
    .map(([id, least]) => `${page.path}: ${id} ${page.scores[id] ?? 'unscored'}, needs ${least}`);
}

async function audit(url, port, categories = CATEGORIES) {
  const result = await lighthouse(url, { port, output: 'json', logLevel: 'error', onlyCategories: categories });
  const lhr = result?.lhr;
  if (!lhr || lhr.runtimeError) throw new Error(`Lighthouse failed on ${url}: ${lhr?.runtimeError?.message ?? 'no result'}`);
  return lhr;
}

const performanceOf = (lhr) => lhr.categories.performance.score ?? 0;

/** Starts the stack and Chromium, audits each path in turn and stops everything it started. */
export async function runLighthouse(paths = ALL_PAGES, log = () => {}) {
  let stack;
  try {
    stack = await startStack(BENCH_STACK);
    const { portalUrl } = stack;
    const port = await launchChromium();
    // The first run in a fresh Chromium is always the slowest by far: warm up, then measure.
    log(`warming up on ${paths[0]}`);
    await audit(`${portalUrl}${paths[0]}`, port, ['performance']);
    const pages = [];
    let lhr;
    for (const path of paths) {
      const runs = [];
      for (let run = 1; run <= RUNS; run++) {
        log(`auditing ${path}, run ${run} of ${RUNS}`);
        runs.push(await audit(`${portalUrl}${path}`, port));
      }
      lhr = runs.toSorted((a, b) => performanceOf(a) - performanceOf(b))[Math.floor(RUNS / 2)];
      // Lighthouse's CPU benchmark of the machine at each run: low numbers mean a busy machine.
      const runsSeen = runs.map((run) => ({ performance: percent(performanceOf(run)), benchmarkIndex: run.environment.benchmarkIndex }));
      pages.push({ ...summarise(path, lhr), runs: runsSeen });
    }
    const meta = {
      date: new Date().toISOString(),
      lighthouse: lhr?.lighthouseVersion,
      browser: lhr?.environment.hostUserAgent,
      formFactor: lhr?.configSettings.formFactor,
      throttling: lhr?.configSettings.throttlingMethod,
      runsPerPage: RUNS,
      thresholds: THRESHOLDS,
    };
    return { ...meta, pages };
  } finally {
    await stack?.stop();
    await stopAll();
    removeTemporaryFiles();
  }
}

function printTable({ pages }) {
  const ms = (v) => `${v} ms`;
  const format = { fcpMs: ms, lcpMs: ms, tbtMs: ms, cls: (v) => v.toFixed(3), totalBytes: (v) => `${(v / 1024).toFixed(1)} KiB` };
  const header = ['page', ...CATEGORIES, 'performance runs', 'FCP', 'LCP', 'TBT', 'CLS', 'weight'];
  const rows = pages.map((page) => [
    page.councilPage ? page.path : `${page.path} (not checked)`,
    ...CATEGORIES.map((id) => String(page.scores[id] ?? '-')),
    page.runs.map((run) => run.performance).join(' '),
    ...Object.keys(METRICS).map((name) => (page.metrics[name] === null ? '-' : format[name](page.metrics[name]))),
  ]);
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => row[i].length)));
  const line = (cells) => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
  console.log(`\n${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`);
  for (const row of rows) console.log(line(row));
  for (const page of pages) {
    for (const audit of page.failedAudits) {
      console.log(
        `${page.path}: not passed: ${audit.id} (${audit.title})${audit.displayValue ? `, ${audit.displayValue}` : ''}` +
          `${audit.elements.length ? `: ${audit.elements.join(', ')}` : ''}`,
      );
    }
  }
}

async function main() {
  if (process.argv.includes('--help')) return console.log(USAGE);
  const report = await runLighthouse(ALL_PAGES, (line) => console.log(line));
  console.log(
    `\nLighthouse ${report.lighthouse}, ${report.formFactor}, ${report.throttling} throttling, ` +
      `median of ${report.runsPerPage} runs a page; ${report.browser}`,
  );
  printTable(report);
  mkdirSync(join(benchDir, 'results'), { recursive: true });
  const outFile = join(benchDir, 'results', 'lighthouse.json');
  writeFileSync(outFile, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`results written to ${outFile}`);

  const missed = report.pages.filter((page) => page.councilPage).flatMap(missedThresholds);
  if (missed.length > 0) throw new Error(`council pages below the thresholds:\n  ${missed.join('\n  ')}`);
  const wanted = Object.entries(THRESHOLDS).map(([id, least]) => `${id} ${least === 100 ? '' : '>= '}${least}`);
  console.log(`both council pages meet the thresholds: ${wanted.join(', ')}`);
}

// Run as a script, not when a test imports runLighthouse.
if (process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.once(signal, () => {
      console.error(`\n${signal}: stopping the servers and Chromium`);
      stopAll().finally(() => {
        removeTemporaryFiles();
        process.exit(130);
      });
    });
  }
  main().catch((error) => {
    console.error(`\nlighthouse failed: ${error.message}\n\n${USAGE}`);
    process.exitCode = 1;
  });
}
