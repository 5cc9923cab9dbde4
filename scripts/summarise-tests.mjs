// Reads every apps/*/.test-results/vitest.json and packages/*/.test-results/vitest.json, prints a
// line per package and, last, the total: "N passed, N failed" (", N skipped" when any were).
// Exits non-zero if a test failed, a package with a `test` script left no results, or no test ran.
// A missing result file, or a test file that failed before running its tests, counts as one failure.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = process.argv[2] ?? fileURLToPath(new URL('..', import.meta.url));
const workspaceFolders = ['apps', 'packages'];

function readJson(path) {
  return JSON.parse(readFileSync(path, 'utf8'));
}

function workspacePackages() {
  const found = [];
  for (const folder of workspaceFolders) {
    const parent = join(root, folder);
    if (!existsSync(parent)) continue;
    for (const entry of readdirSync(parent, { withFileTypes: true })) {
      const dir = join(parent, entry.name);
      if (!entry.isDirectory() || !existsSync(join(dir, 'package.json'))) continue;
      const manifest = readJson(join(dir, 'package.json'));
      found.push({ dir, name: manifest.name ?? `${folder}/${entry.name}`, hasTests: Boolean(manifest.scripts?.test) });
    }
  }
  return found.sort((a, b) => a.dir.localeCompare(b.dir));
}

// Counts from vitest's json reporter; a file that failed to load has no assertions of its own.
function countsOf(report) {
  const brokenFiles = (report.testResults ?? []).filter(
    (file) => file.status === 'failed' && !(file.assertionResults ?? []).some((test) => test.status === 'failed'),
  ).length;
  return {
    passed: report.numPassedTests ?? 0,
    failed: (report.numFailedTests ?? 0) + brokenFiles,
    skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
    note: brokenFiles > 0 ? `${brokenFiles} test file(s) failed to run` : '',
  };
}

const rows = [];
const problems = [];
for (const pkg of workspacePackages()) {
  const resultFile = join(pkg.dir, '.test-results', 'vitest.json');
  if (!existsSync(resultFile)) {
    if (pkg.hasTests) {
      rows.push({ name: pkg.name, passed: 0, failed: 1, skipped: 0, note: 'no .test-results/vitest.json' });
      problems.push(`${pkg.name} has a test script but left no .test-results/vitest.json`);
    }
    continue;
  }
  let report;
  try {
    report = readJson(resultFile);
  } catch (error) {
    rows.push({ name: pkg.name, passed: 0, failed: 1, skipped: 0, note: 'unreadable vitest.json' });
    problems.push(`${resultFile}: ${error.message}`);
    continue;
  }
  const counts = countsOf(report);
  if (report.success === false && counts.failed === 0) {
    counts.failed = 1;
    counts.note = 'vitest reported failure';
  }
  rows.push({ name: pkg.name, ...counts });
}

const total = rows.reduce(
  (sum, row) => ({ passed: sum.passed + row.passed, failed: sum.failed + row.failed, skipped: sum.skipped + row.skipped }),
  { passed: 0, failed: 0, skipped: 0 },
);
if (total.passed + total.failed === 0) problems.push('no test ran');

const width = Math.max(7, ...rows.map((row) => row.name.length));
console.log(`${'package'.padEnd(width)}  passed  failed  skipped`);
for (const row of rows) {
  const cells = [row.passed, row.failed, row.skipped].map((n, i) => String(n).padStart(i === 2 ? 7 : 6));
  console.log(`${row.name.padEnd(width)}  ${cells.join('  ')}${row.note ? `  (${row.note})` : ''}`);
}
for (const problem of problems) console.log(`problem: ${problem}`);
console.log(`${total.passed} passed, ${total.failed} failed${total.skipped > 0 ? `, ${total.skipped} skipped` : ''}`);
process.exitCode = total.failed > 0 || problems.length > 0 ? 1 : 0;
