// The comparison on generated sample councils (issues 5 and 11): the server time of the matrix,
// of delivery (the API's and the portal's /compare) and of one council's progress page at 25, 50,
// 100 and 150 councils with their sample progress published; how that grows with their number,
// and whether each answers within 50 ms at 150.
import { createDatabase } from '@pledgekeeper/db';
import { generateCouncils, generateProgress, publishSampleProgress, writeSeedFiles } from '@pledgekeeper/db/generate';
import { verdict } from './growth.js';
import { linearFit } from './linear-fit.js';
import { checkAnswers, measure } from './load.js';
import { startStack } from '@pledgekeeper/stack';
import { BENCH_STACK, temporaryDir } from './temporary.js';

export const COMPARE_SIZES = [25, 50, 100, 150];
export const TARGET_MS = 50;
/** The sizes whose ratio says whether time grows in proportion to the councils. */
export const GROWTH_FROM = 50;

/** What is timed at each size: the API's procedures, and the portal's pages that read them. */
export const COMPARE_TARGETS = [
  { key: 'matrix', name: 'API compare.matrix', url: (stack) => `${stack.apiUrl}/trpc/compare.matrix` },
  { key: 'delivery', name: 'API compare.delivery', url: (stack) => `${stack.apiUrl}/trpc/compare.delivery` },
  { key: 'compare', name: 'portal /compare', url: (stack) => `${stack.portalUrl}/compare` },
  { key: 'progress', name: 'portal /{council}/progress', url: (stack, council) => `${stack.portalUrl}/${council}/progress` },
];

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

/** Publishes the samples' progress straight into the stack's database, as publishers would have. */
async function publishProgress(stack, samples, today) {
  const { db } = createDatabase(stack.databaseUrl);
  try {
    await publishSampleProgress(db, samples, { today });
  } finally {
    await db.destroy();
  }
}

/**
 * For each size, a fresh API server (and portal) seeded with that many sample councils through
 * SEED_DIR, the seed path real councils take, then their sample progress published. At the
 * largest size each target is also loaded like the others; those results go in the main table.
 * `stackOptions` chooses the database, as for the main stack.
 */
export async function benchComparison({ baselineUrl, settings, requests, stackOptions = {} }) {
  const today = new Date();
  const samples = generateCouncils({ count: Math.max(...COMPARE_SIZES) });
  // The same council's progress page at every size: the first sample, and so in every size, with progress.
  const council = samples.find((sample) => generateProgress(sample, { today }) !== null).council.slug;
  const stacks = [];
  try {
    const first = [];
    for (const councils of COMPARE_SIZES) {
      const seedDir = temporaryDir('pledgekeeper-samples-');
      await writeSeedFiles(seedDir, samples.slice(0, councils));
      const stack = await startStack({ ...BENCH_STACK, ...stackOptions, apiEnv: { SEED_DIR: seedDir } });
      stacks.push(stack);
      await publishProgress(stack, samples.slice(0, councils), today);
      // The first answer reads every council's published editions from the database; later ones
      // find them in memory, until a council publishes again.
      for (const target of COMPARE_TARGETS) {
        const url = target.url(stack, council);
        const coldStart = performance.now();
        const bodyBytes = await checkAnswers(`${target.name}, ${councils} councils`, url);
        first.push({ key: target.key, councils, url, bodyBytes, coldMs: performance.now() - coldStart });
      }
    }
    const urls = [baselineUrl, ...first.map((f) => f.url)];
    await inTurns(urls, Math.min(20, requests));
    const [baseline, ...warm] = await inTurns(urls, requests);
    const measured = first.map((f, i) => ({
      ...f,
      ...warm[i],
      serverMsEstimate: Math.max(0, warm[i].p50Ms - baseline.p50Ms),
      msPerCouncil: warm[i].p50Ms / f.councils,
      p50VsBaseline: warm[i].p50Ms / baseline.p50Ms,
    }));
    const largest = Math.max(...COMPARE_SIZES);
    const targets = COMPARE_TARGETS.map(({ key, name }) => {
      const sizes = measured.filter((m) => m.key === key).map(({ key: _key, url: _url, ...size }) => size);
      return {
        key,
        name: key === 'progress' ? `portal /${council}/progress` : name,
        sizes,
        fit: linearFit(sizes.map((s) => [s.councils, s.p50Ms])),
        coldFit: linearFit(sizes.map((s) => [s.councils, s.coldMs])),
        ...verdict(sizes, { from: GROWTH_FROM, to: largest, targetMs: TARGET_MS }),
      };
    });

    const loadResults = [];
    for (const target of targets) {
      const url = first.find((f) => f.key === target.key && f.councils === largest).url;
      const name = `${target.name} (${largest} councils)`;
      const bodyBytes = await checkAnswers(name, url);
      console.log(`measuring ${name} (${bodyBytes} bytes a response)...`);
      loadResults.push({ name, url: new URL(url).pathname, bodyBytes, ...(await measure(url, settings)) });
    }
    return {
      summary: {
        requestsPerSize: requests,
        baseline,
        targetMs: TARGET_MS,
        growthFrom: GROWTH_FROM,
        targets,
        pass: targets.every((target) => target.pass),
      },
      loadResults,
    };
  } finally {
    await Promise.all(stacks.map((stack) => stack.stop()));
  }
}

const fixed = (value, digits) => (Number.isFinite(value) ? value.toFixed(digits) : '-');

function printTarget(target) {
  const header = ['councils', 'first ms', 'p50 ms', 'p90 ms', '≈ server ms', 'p50 ms/council', 'p50 ÷ base', 'KB'];
  const rows = target.sizes.map((s) => [
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
  console.log(`\n${target.name}\n`);
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) console.log(line(row));
  const { fit, coldFit } = target;
  const grew = target.growth;
  const largest = target.sizes.at(-1);
  console.log(`least squares, p50: ${fixed(fit.intercept, 2)} ms + ${fixed(fit.slope * 1000, 1)} µs per council, R² ${fixed(fit.r2, 3)}`);
  console.log(
    `least squares, first answer: ${fixed(coldFit.intercept, 0)} ms + ${fixed(coldFit.slope, 2)} ms per council, R² ${fixed(coldFit.r2, 3)}`,
  );
  console.log(
    `growth, ${grew.from} to ${grew.to} councils: server time × ${fixed(grew.serverRatio, 2)} for councils × ${fixed(grew.councilsRatio, 0)}` +
      ` (${grew.linear ? 'linear or better' : 'faster than linear'}); ` +
      `${largest.councils} councils: ≈ server ${fixed(largest.serverMsEstimate, 2)} ms against ${TARGET_MS} ms: ${target.pass ? 'PASS' : 'FAIL'}`,
  );
}

export function printComparison(summary) {
  console.log(
    `\nThe comparison on generated councils with their sample progress: ${summary.requestsPerSize} requests a size and target, ` +
      `one at a time, taking turns with the baseline (its p50 ${fixed(summary.baseline.p50Ms, 3)} ms)`,
  );
  for (const target of summary.targets) printTarget(target);
  console.log(
    '\n≈ server ms: p50 minus the baseline p50, so without the loopback and HTTP cost; first: the first answer after start. ' +
      `Linear: the server time at ${summary.targets[0]?.growth.to} councils at most ${summary.targets[0]?.growth.councilsRatio} times ` +
      `that at ${summary.growthFrom} (a quarter more and 1 ms for noise).`,
  );
}

/** The targets that missed, in words, for the run's failure message. */
export const comparisonFailures = (summary) =>
  summary.targets
    .filter((target) => !target.pass)
    .map((target) =>
      !target.withinTarget
        ? `${target.name} took ${fixed(target.sizes.at(-1).serverMsEstimate, 1)} ms (over ${summary.targetMs} ms) with ${target.growth.to} councils`
        : `${target.name} grew ${fixed(target.growth.serverRatio, 1)} times from ${target.growth.from} to ${target.growth.to} councils`,
    );
