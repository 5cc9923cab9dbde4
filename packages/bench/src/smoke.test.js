import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { GOALS, MET, MISSED, NOT_MEASURED } from './goals.js';
import { readTable } from './table.js';
import { BASELINE_NAME, CLOSED_LOOP_NAMES } from './targets.js';
import { benchDir } from './temporary.js';

/** `pnpm bench` as CI can afford it: the built stack, about a second a target, a short open loop, one publication. */
function runSmoke() {
  return new Promise((resolve) => {
    const env = {
      ...process.env,
      BENCH_SMOKE: '1',
      BENCH_DATABASE_URL: '',
      BENCH_RATE: '',
      BENCH_CONNECTIONS: '',
      BENCH_OPEN_DEADLINE_MS: '',
    };
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

// CI's short run of the benchmark (issue 14): every target measured against the baseline, the caches read, a
// publication timed, every goal judged. The figures are the machine's; only the shape is checked.
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
      const [, requestsPerSecond, p50, p99, non2xx, errors, timeouts, ratio, goal, verdict] = cells;
      for (const figure of [requestsPerSecond, p50, p99, non2xx, errors, timeouts, ratio]) {
        expect(figure, cells.join(' | ')).toMatch(/^\d+(\.\d+)?$/);
      }
      expect(Number(ratio), cells.join(' | ')).toBeGreaterThan(0);
      if (name === BASELINE_NAME) expect([ratio, goal]).toEqual(['1.000', 'the yardstick']);
      else expect([MET, MISSED], cells.join(' | ')).toContain(verdict);
    }

    const openLoop = table.find((cells) => cells[0].startsWith('open loop 100/s × 2 s, pages (sqlite)'));
    expect(openLoop?.slice(8), output).toEqual([GOALS.openLoop.text, expect.stringMatching(/^(met|MISSED)$/)]);
    expect(Number(openLoop[3])).toBeGreaterThan(0);
    expect(openLoop[6]).toMatch(/^\d+$/);
    expect(row('open loop on postgres (with BENCH_DATABASE_URL)')?.slice(8)).toEqual([GOALS.openLoop.text, NOT_MEASURED]);

    // One publication, shown or not within the smoke's wait: a time where it was shown, a count of timeouts.
    for (const name of ['publication → portal /worcestershire/progress (sqlite)', 'publication → API progress.published (sqlite)']) {
      const cells = row(name);
      expect(cells, `${name} is missing from the table:\n${output}`).toBeDefined();
      const [, requestsPerSecond, p50, p99, non2xx, errors, timeouts, ratio, goal, verdict] = cells;
      expect([requestsPerSecond, ratio, goal]).toEqual(['', '', GOALS.publication.text]);
      for (const figure of [p50, p99]) expect(figure, cells.join(' | ')).toMatch(timeouts === '1' ? /^-$/ : /^\d+\.\d+$/);
      for (const count of [non2xx, errors, timeouts]) expect(count, cells.join(' | ')).toMatch(/^\d+$/);
      expect([MET, MISSED], cells.join(' | ')).toContain(verdict);
    }
    expect(row('publication on postgres (with BENCH_DATABASE_URL)')?.slice(8)).toEqual([GOALS.publication.text, NOT_MEASURED]);

    // The caches as the servers report them: judged once they do, not measured before.
    const caches = row(GOALS.caches.target);
    expect(caches?.slice(1, 8), output).toEqual(['', '', '', '', '', '', '']);
    expect(caches?.[8]).toBe(GOALS.caches.text);
    expect([MET, MISSED, NOT_MEASURED]).toContain(caches?.[9]);
    expect(lines.filter((line) => /^ {2}(API|portal)\b/.test(line))).toHaveLength(2);

    expect(lines.at(-1)).toMatch(/^(smoke, so the exit status stays 0; MISSED \d+ of \d+ goals|every goal measured was met)/);
    const saved = JSON.parse(readFileSync(join(benchDir, 'results', 'smoke.json'), 'utf8'));
    expect(saved).toMatchObject({
      smoke: true,
      database: 'sqlite',
      openLoop: { deadlineMs: 2000, timeouts: expect.any(Number), unsent: expect.any(Number) },
      caches: [{ service: 'API' }, { service: 'portal' }],
      publication: { count: 1, waitMs: 2000, portal: { unseen: expect.any(Number) }, api: { unseen: expect.any(Number) } },
    });
    expect(saved.publication.publications[0].publishMs).toBeGreaterThan(0);
    expect(saved.rows.map((saved) => saved.target)).toEqual(table.map((cells) => cells[0]));
  }, 120_000);
});
