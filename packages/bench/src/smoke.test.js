import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { MET, MISSED, NOT_MEASURED, UNMEASURED_GOALS } from './goals.js';
import { readTable } from './table.js';
import { BASELINE_NAME, CLOSED_LOOP_NAMES } from './targets.js';
import { benchDir } from './temporary.js';

/** `pnpm bench` as CI can afford it: the built stack, about a second a target, a short open loop. */
function runSmoke() {
  return new Promise((resolve) => {
    const env = { ...process.env, BENCH_SMOKE: '1', BENCH_DATABASE_URL: '', BENCH_RATE: '', BENCH_CONNECTIONS: '' };
    const child = spawn(process.execPath, [fileURLToPath(new URL('./run.js', import.meta.url))], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let output = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      output += chunk;
    });
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('exit', (code) => resolve({ code, stdout, output }));
  });
}

// CI's short run of the benchmark (issue 14): every target measured against the baseline, every goal judged.
describe('pnpm bench, as a smoke (BENCH_SMOKE=1)', () => {
  it('measures every target against the baseline, judges each goal, and exits 0 whatever was missed', async () => {
    const { code, stdout, output } = await runSmoke();
    expect(code, output).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    const table = readTable(lines);
    const row = (name) => table.find((cells) => cells[0] === name);

    for (const name of CLOSED_LOOP_NAMES) {
      const cells = row(name);
      expect(cells, `${name} is missing from the table:\n${output}`).toBeDefined();
      const [, requestsPerSecond, p50, p99, non2xx, errors, ratio, goal, verdict] = cells;
      for (const figure of [requestsPerSecond, p50, p99, non2xx, errors, ratio]) expect(figure, cells.join(' | ')).toMatch(/^\d+(\.\d+)?$/);
      expect(Number(ratio), cells.join(' | ')).toBeGreaterThan(0);
      if (name === BASELINE_NAME) expect([ratio, goal]).toEqual(['1.000', 'the yardstick']);
      else expect([MET, MISSED], cells.join(' | ')).toContain(verdict);
    }

    const openLoop = table.find((cells) => cells[0].startsWith('open loop 100/s × 2 s, pages (sqlite)'));
    expect(openLoop?.slice(7), output).toEqual(['p99 ≤ 20 ms, 0 errors', expect.stringMatching(/^(met|MISSED)$/)]);
    expect(Number(openLoop[3])).toBeGreaterThan(0);
    for (const { target, goal } of UNMEASURED_GOALS) expect(row(target)).toEqual([target, '', '', '', '', '', '', goal, NOT_MEASURED]);

    expect(lines.at(-1)).toMatch(/^(smoke, so the exit status stays 0; MISSED \d+ of \d+ goals|every goal measured was met)/);
    const saved = JSON.parse(readFileSync(join(benchDir, 'results', 'smoke.json'), 'utf8'));
    expect(saved).toMatchObject({ smoke: true, database: 'sqlite' });
    expect(saved.rows.map((saved) => saved.target)).toEqual(table.map((cells) => cells[0]));
  }, 120_000);
});
