// Runs by packages/bench's vitest. The closing line of scripts/test.sh, on fixture workspaces.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const SUMMARISE = fileURLToPath(new URL('./summarise-tests.mjs', import.meta.url));
const benchManifest = fileURLToPath(new URL('../packages/bench/package.json', import.meta.url));
const VITEST = join(dirname(createRequire(benchManifest).resolve('vitest/package.json')), 'vitest.mjs');

const roots = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

function workspace() {
  const root = mkdtempSync(join(tmpdir(), 'pk-summary-'));
  roots.push(root);
  const write = (path, content) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), typeof content === 'string' ? content : JSON.stringify(content));
  };
  const addPackage = (folder, name) => write(`packages/${folder}/package.json`, { name, scripts: { test: 'vitest run' } });
  const report = (folder, counts, testResults = []) =>
    write(`packages/${folder}/.test-results/vitest.json`, {
      numPassedTests: 0,
      numFailedTests: 0,
      numPendingTests: 0,
      numTodoTests: 0,
      success: true,
      testResults,
      ...counts,
    });
  const turboRun = (tasks) => write('.turbo/runs/run.json', { tasks });
  return { root, write, addPackage, report, turboRun };
}

function summarise(root, ...args) {
  const result = spawnSync(process.execPath, [SUMMARISE, root, ...args], { encoding: 'utf8' });
  const lines = result.stdout.trim().split('\n');
  return { status: result.status, output: result.stdout, last: lines.at(-1) };
}

describe('summarise-tests.mjs', () => {
  it('counts an error vitest caught outside any test, though every test passed', () => {
    const w = workspace();
    w.addPackage('boom', '@fixture/boom');
    // The failure mode CI hid: an error thrown after the test's own assertions have passed.
    w.write(
      'packages/boom/boom.test.js',
      "it('passes', async () => { setTimeout(() => { throw new Error('boom'); }, 0); await new Promise((r) => setTimeout(r, 100)); expect(1).toBe(1); });\n",
    );
    const dir = join(w.root, 'packages/boom');
    const run = spawnSync(
      process.execPath,
      [VITEST, 'run', '--root', dir, '--globals', '--reporter=default', '--reporter=json', '--outputFile.json=.test-results/vitest.json'],
      { cwd: dir, encoding: 'utf8', env: { ...process.env, CI: 'true', NO_COLOR: '1' } },
    );
    expect(run.status, run.stdout + run.stderr).toBe(1);
    const printed = `${run.stdout}\n${run.stderr}`
      .split('\n')
      .map((line) => `@fixture/boom:test: ${line}`)
      .join('\n');
    w.write('.turbo/test-output.log', printed);
    w.turboRun([{ taskId: '@fixture/boom#test', task: 'test', package: '@fixture/boom', execution: { exitCode: run.status } }]);

    const summary = summarise(w.root, '--require-exit-codes', '--turbo-output', join(w.root, '.turbo/test-output.log'));
    expect(summary.last).toBe('1 passed, 1 failed');
    expect(summary.output).toContain('1 unhandled error(s) outside any test');
    expect(summary.status).toBe(1);

    // From the exit code alone, when the output is not at hand.
    const fromExitCode = summarise(w.root, '--require-exit-codes');
    expect(fromExitCode.last).toBe('1 passed, 1 failed');
    expect(fromExitCode.output).toContain('test command exited with status 1');
    expect(fromExitCode.status).toBe(1);
  });

  it('counts a test file that failed to load and a package that left no results', () => {
    const w = workspace();
    w.addPackage('a', '@fixture/a');
    w.addPackage('b', '@fixture/b');
    w.report('a', { numPassedTests: 3 }, [{ name: 'broken.test.ts', status: 'failed', assertionResults: [] }]);
    w.turboRun([
      { task: 'test', package: '@fixture/a', execution: { exitCode: 1 } },
      { task: 'test', package: '@fixture/b', execution: { exitCode: 1 } },
    ]);
    const summary = summarise(w.root, '--require-exit-codes');
    expect(summary.last).toBe('3 passed, 2 failed');
    expect(summary.status).toBe(1);
  });

  it('counts a failed task the tests needed, such as a build', () => {
    const w = workspace();
    w.addPackage('a', '@fixture/a');
    w.report('a', { numPassedTests: 2 });
    w.turboRun([
      { taskId: '@fixture/a#test', task: 'test', package: '@fixture/a', execution: { exitCode: 0 } },
      { taskId: '@fixture/lib#build', task: 'build', package: '@fixture/lib', execution: { exitCode: 2 } },
    ]);
    const summary = summarise(w.root, '--require-exit-codes');
    expect(summary.last).toBe('2 passed, 1 failed');
    expect(summary.output).toContain('@fixture/lib#build');
    expect(summary.status).toBe(1);
  });

  it('says 0 failed and exits 0 only when every package passed and exited 0', () => {
    const w = workspace();
    w.addPackage('a', '@fixture/a');
    w.report('a', { numPassedTests: 5, numPendingTests: 1 });
    w.turboRun([{ task: 'test', package: '@fixture/a', execution: { exitCode: 0 } }]);
    const summary = summarise(w.root, '--require-exit-codes');
    expect(summary.last).toBe('5 passed, 0 failed, 1 skipped');
    expect(summary.status).toBe(0);
  });

  it('counts the lint as one more check: passed when clean, failed with its problem count, failed when it did not run', () => {
    const w = workspace();
    w.addPackage('a', '@fixture/a');
    w.report('a', { numPassedTests: 5 });
    w.turboRun([{ task: 'test', package: '@fixture/a', execution: { exitCode: 0 } }]);
    const lint = join(w.root, '.turbo/lint-output.log');

    w.write('.turbo/lint-output.log', '> eslint .\nexit status 0\n');
    expect(summarise(w.root, '--require-exit-codes', '--lint-output', lint)).toMatchObject({ last: '6 passed, 0 failed', status: 0 });

    w.write('.turbo/lint-output.log', '/x/a.ts\n  1:1  error  Unexpected any\n\n✖ 7 problems (7 errors, 0 warnings)\nexit status 1\n');
    const failed = summarise(w.root, '--require-exit-codes', '--lint-output', lint);
    expect(failed).toMatchObject({ last: '5 passed, 1 failed', status: 1 });
    expect(failed.output).toMatch(/^lint\s+0\s+1\s+0\s+\(7 problem\(s\)\)$/m);

    w.write('.turbo/lint-output.log', 'sh: 1: eslint: not found\n');
    expect(summarise(w.root, '--require-exit-codes', '--lint-output', lint)).toMatchObject({ last: '5 passed, 1 failed', status: 1 });
  });

  it('fails, saying so, when the exit codes are required and turbo left no run summary', () => {
    const w = workspace();
    w.addPackage('a', '@fixture/a');
    w.report('a', { numPassedTests: 5 });
    const summary = summarise(w.root, '--require-exit-codes');
    expect(summary.output).toContain('problem: no turbo run summary');
    expect(summary.last).toBe('5 passed, 1 failed');
    expect(summary.status).toBe(1);
  });
});
