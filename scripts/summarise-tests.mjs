// Usage: node scripts/summarise-tests.mjs [ROOT] [--require-exit-codes] [--turbo-output FILE] [--lint-output FILE]
// Reads every apps/*/.test-results/vitest.json and packages/*/.test-results/vitest.json, the
// newest turbo run summary in ROOT/.turbo/runs (from `turbo run --summarize`) and what turbo
// printed (FILE), prints a line per package and, last, the total: "N passed, N failed"
// (", N skipped" when any were).
// The line and the exit status always agree. Failures are failed tests, test files that failed
// to load, errors vitest caught outside any test (its json report leaves them out; its output
// names them), and any task whose command exited non-zero though no test failed. A package with a
// `test` script and no results counts as one failure too. With --lint-output, what `pnpm lint`
// printed and then its exit status (the last line, as test.sh writes it) make one more row,
// "lint": one passed check when clean, one failure when ESLint found problems or did not run.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const requireExitCodes = args.includes('--require-exit-codes');
const valueOf = (flag) => (args.includes(flag) ? args[args.indexOf(flag) + 1] : undefined);
const outputFile = valueOf('--turbo-output');
const lintFile = valueOf('--lint-output');
const root =
  args.find((arg, i) => !arg.startsWith('--') && !['--turbo-output', '--lint-output'].includes(args[i - 1])) ??
  fileURLToPath(new URL('..', import.meta.url));
const workspaceFolders = ['apps', 'packages'];

const readJson = (path) => JSON.parse(readFileSync(path, 'utf8'));

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

/** The tasks of the newest turbo run summary, or null when there is none. */
function turboTasks() {
  const dir = join(root, '.turbo', 'runs');
  if (!existsSync(dir)) return null;
  const files = readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .map((name) => join(dir, name));
  if (files.length === 0) return null;
  const newest = files.sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0];
  return readJson(newest).tasks ?? [];
}

// What vitest printed, per package, about errors outside tests, from turbo's prefixed output:
// "@pledgekeeper/db:test: Vitest caught 2 unhandled errors during the test run."
function unhandledErrorsByPackage() {
  const counts = new Map();
  if (!outputFile || !existsSync(outputFile)) return counts;
  // eslint-disable-next-line no-control-regex
  const text = readFileSync(outputFile, 'utf8').replace(/\u001b\[[0-9;]*m/g, '');
  for (const match of text.matchAll(/^(\S+):test: .*Vitest caught (\d+) unhandled errors?/gm)) {
    counts.set(match[1], (counts.get(match[1]) ?? 0) + Number(match[2]));
  }
  return counts;
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
    notes: brokenFiles > 0 ? [`${brokenFiles} test file(s) failed to run`] : [],
  };
}

function resultsOf(pkg) {
  const resultFile = join(pkg.dir, '.test-results', 'vitest.json');
  if (!existsSync(resultFile)) return { passed: 0, failed: 1, skipped: 0, notes: ['no .test-results/vitest.json'] };
  let report;
  try {
    report = readJson(resultFile);
  } catch (error) {
    return { passed: 0, failed: 1, skipped: 0, notes: [`unreadable vitest.json: ${error.message}`] };
  }
  const counts = countsOf(report);
  if (report.success === false && counts.failed === 0) {
    counts.failed = 1;
    counts.notes.push('vitest reported failure');
  }
  return counts;
}

/** The lint as a row of its own: ESLint's "✖ N problems" line, and the exit status test.sh appended. */
function lintRow(file) {
  const row = { name: 'lint', passed: 0, failed: 1, skipped: 0, notes: [] };
  if (!existsSync(file)) return { ...row, notes: [`no lint output at ${file}`] };
  const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
  const status = Number(/^exit status (\d+)$/.exec(lines.at(-1) ?? '')?.[1] ?? NaN);
  if (status === 0) return { ...row, passed: 1, failed: 0 };
  const problems = lines.map((line) => /(\d+) problems?/.exec(line)?.[1]).findLast(Boolean);
  return {
    ...row,
    notes: [
      Number.isNaN(status) ? 'no exit status: did the lint run?' : problems ? `${problems} problem(s)` : `exited with status ${status}`,
    ],
  };
}

const tasks = turboTasks();
const unhandledErrors = unhandledErrorsByPackage();
const rows = [];
const problems = [];
if (tasks === null && requireExitCodes) {
  problems.push("no turbo run summary in .turbo/runs: the test commands' exit codes are unknown");
}
for (const pkg of workspacePackages()) {
  const ownTasks = (tasks ?? []).filter((task) => task.package === pkg.name);
  const testTask = ownTasks.find((task) => task.task === 'test');
  if (!pkg.hasTests && !testTask) continue;
  const row = { name: pkg.name, ...resultsOf(pkg) };
  const unhandled = unhandledErrors.get(pkg.name) ?? 0;
  if (unhandled > 0) {
    row.failed += unhandled;
    row.notes.push(`${unhandled} unhandled error(s) outside any test`);
  }
  if (testTask) {
    const exitCode = testTask.execution?.exitCode;
    if (typeof exitCode === 'number' && exitCode !== 0 && row.failed === 0) {
      row.failed = 1;
      row.notes.push(`test command exited with status ${exitCode}`);
    }
  }
  rows.push(row);
}
// Any other task that failed (a build the tests needed, say) fails the run too.
for (const task of tasks ?? []) {
  const exitCode = task.execution?.exitCode;
  if (task.task === 'test' || typeof exitCode !== 'number' || exitCode === 0) continue;
  rows.push({
    name: task.taskId ?? `${task.package}#${task.task}`,
    passed: 0,
    failed: 1,
    skipped: 0,
    notes: [`exited with status ${exitCode}`],
  });
}

if (lintFile !== undefined) rows.push(lintRow(lintFile));

const total = rows.reduce(
  (sum, row) => ({ passed: sum.passed + row.passed, failed: sum.failed + row.failed, skipped: sum.skipped + row.skipped }),
  { passed: 0, failed: 0, skipped: 0 },
);
if (total.passed + total.failed === 0) problems.push('no test ran');
// A problem is a failure too, so that the closing line never says 0 failed when we exit non-zero.
total.failed += problems.length;

const width = Math.max(7, ...rows.map((row) => row.name.length));
console.log(`${'package'.padEnd(width)}  passed  failed  skipped`);
for (const row of rows) {
  const cells = [row.passed, row.failed, row.skipped].map((n, i) => String(n).padStart(i === 2 ? 7 : 6));
  console.log(`${row.name.padEnd(width)}  ${cells.join('  ')}${row.notes.length ? `  (${row.notes.join('; ')})` : ''}`);
}
for (const problem of problems) console.log(`problem: ${problem}`);
console.log(`${total.passed} passed, ${total.failed} failed${total.skipped > 0 ? `, ${total.skipped} skipped` : ''}`);
process.exitCode = total.failed > 0 ? 1 : 0;
