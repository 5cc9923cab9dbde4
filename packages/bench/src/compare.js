// The comparison endpoint on generated sample councils (issue 5): its server time at 25, 50, 100
// and 150 councils, how that grows with their number, and whether 150 answer within 50 ms.
import { generateCouncils, writeSeedFiles } from '@pledgekeeper/db/generate';
import { linearFit } from './linear-fit.js';
import { checkAnswers, measure } from './load.js';
import { startStack } from '@pledgekeeper/stack';
import { BENCH_STACK, temporaryDir } from './temporary.js';

export const COMPARE_SIZES = [25, 50, 100, 150];
export const TARGET_MS = 50;

const median = (sorted) => sorted[Math.floor((sorted.length - 1) / 2)];
const at = (sorted, fraction) => sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)];

/** One GET, timed to the last byte of the answer. */
async function timedGet(url) {
  const start = performance.now();
  const response = await fetch(url);
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`GET ${url} answered ${response.status}`);
  return performance.now() - start;
}

const summarise = (times) => {
  const sorted = [...times].sort((a, b) => a - b);
  return { p50Ms: median(sorted), p90Ms: at(sorted, 0.9), minMs: sorted[0], requests: sorted.length };
};

/**
 * Requests one after another, taking turns across the URLs: no queueing, so each latency is the
 * server's own time plus the loopback and HTTP cost (which the baseline, timed alongside, shows),
 * and whatever else the machine is doing falls on every size alike.
 */
async function inTurns(urls, rounds) {
  const times = urls.map(() => []);
  for (let round = 0; round < rounds; round += 1) {
    for (const [i, url] of urls.entries()) times[i].push(await timedGet(url));
  }
  return times.map(summarise);
}

/**
 * For each size, a fresh API server (and portal) seeded with that many sample councils through
 * SEED_DIR, the seed path real councils take. At the largest size the API and the portal's
 * /compare are also loaded like the other targets; those results are returned for the main table.
 */
export async function benchComparison({ baselineUrl, settings, requests }) {
  const samples = generateCouncils({ count: Math.max(...COMPARE_SIZES) });
  const stacks = [];
  try {
    const first = [];
    for (const councils of COMPARE_SIZES) {
      const seedDir = temporaryDir('pledgekeeper-samples-');
      await writeSeedFiles(seedDir, samples.slice(0, councils));
      const stack = await startStack({ ...BENCH_STACK, apiEnv: { SEED_DIR: seedDir } });
      stacks.push(stack);
      const url = `${stack.apiUrl}/trpc/compare.matrix`;
      // The first answer reads every council's published edition from the database; later ones
      // find them in memory, until a council publishes again.
      const coldStart = performance.now();
      const bodyBytes = await checkAnswers(`compare.matrix, ${councils} councils`, url);
      first.push({ url, bodyBytes, coldMs: performance.now() - coldStart });
    }
    const urls = [baselineUrl, ...first.map((f) => f.url)];
    await inTurns(urls, Math.min(20, requests));
    const [baseline, ...warm] = await inTurns(urls, requests);
    const sizes = COMPARE_SIZES.map((councils, i) => ({
      councils,
      bodyBytes: first[i].bodyBytes,
      coldMs: first[i].coldMs,
      ...warm[i],
      serverMsEstimate: Math.max(0, warm[i].p50Ms - baseline.p50Ms),
      msPerCouncil: warm[i].p50Ms / councils,
      p50VsBaseline: warm[i].p50Ms / baseline.p50Ms,
    }));

    const largest = stacks.at(-1);
    const loadResults = [];
    for (const [name, target] of [
      [`API compare.matrix (${sizes.at(-1).councils} councils)`, first.at(-1).url],
      [`portal /compare (${sizes.at(-1).councils} councils)`, `${largest.portalUrl}/compare`],
    ]) {
      const bodyBytes = await checkAnswers(name, target);
      console.log(`measuring ${name} (${bodyBytes} bytes a response)...`);
      loadResults.push({ name, url: new URL(target).pathname, bodyBytes, ...(await measure(target, settings)) });
    }
    return {
      summary: {
        endpoint: 'GET /trpc/compare.matrix',
        requestsPerSize: requests,
        baseline,
        sizes,
        fit: linearFit(sizes.map((s) => [s.councils, s.p50Ms])),
        coldFit: linearFit(sizes.map((s) => [s.councils, s.coldMs])),
        targetMs: TARGET_MS,
        pass: sizes.at(-1).p50Ms <= TARGET_MS,
      },
      loadResults,
    };
  } finally {
    await Promise.all(stacks.map((stack) => stack.stop()));
  }
}

const fixed = (value, digits) => (Number.isFinite(value) ? value.toFixed(digits) : '-');

export function printComparison(summary) {
  const header = ['councils', 'first ms', 'p50 ms', 'p90 ms', '≈ server ms', 'p50 ms/council', 'p50 ÷ base', 'KB'];
  const rows = summary.sizes.map((s) => [
    String(s.councils),
    fixed(s.coldMs, 0),
    fixed(s.p50Ms, 2),
    fixed(s.p90Ms, 2),
    fixed(s.serverMsEstimate, 2),
    fixed(s.msPerCouncil, 3),
    fixed(s.p50VsBaseline, 1),
    fixed(s.bodyBytes / 1024, 0),
  ]);
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => row[i].length)));
  const line = (cells) => cells.map((cell, i) => cell.padStart(widths[i])).join('  ');
  const { fit, coldFit, baseline } = summary;
  console.log(
    `\nComparison endpoint, ${summary.endpoint}, on generated councils: ${summary.requestsPerSize} requests a size, ` +
      `one at a time, taking turns with the baseline (its p50 ${fixed(baseline.p50Ms, 3)} ms)\n`,
  );
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) console.log(line(row));
  console.log(`\nleast squares, p50: ${fixed(fit.intercept, 2)} ms + ${fixed(fit.slope * 1000, 1)} µs per council, R² ${fixed(fit.r2, 3)}`);
  console.log(
    `least squares, first answer: ${fixed(coldFit.intercept, 0)} ms + ${fixed(coldFit.slope, 2)} ms per council, R² ${fixed(coldFit.r2, 3)}`,
  );
  console.log('≈ server ms: p50 minus the baseline p50, so without the loopback and HTTP cost; first: the first answer after start.');
  const largest = summary.sizes.at(-1);
  console.log(
    `${largest.councils} councils: p50 ${fixed(largest.p50Ms, 2)} ms against a target of ${summary.targetMs} ms: ${summary.pass ? 'PASS' : 'FAIL'}`,
  );
}
