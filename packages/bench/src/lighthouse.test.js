import { describe, expect, it } from 'vitest';
import { missedThresholds, runLighthouse } from './lighthouse.js';

// Issue #4 in CI: the same audit as `pnpm lighthouse` (median of three runs after a warm-up), on
// one council page to keep it short. The message shows every run and what Lighthouse flagged.
describe('Lighthouse on a council page (mobile, simulated throttling)', () => {
  it('/worcestershire: performance >= 95, accessibility 100, best practices >= 95', async () => {
    const { pages } = await runLighthouse(['/worcestershire']);
    expect(pages).toHaveLength(1);
    const [page] = pages;
    expect(missedThresholds(page), JSON.stringify({ runs: page.runs, failedAudits: page.failedAudits }, null, 2)).toEqual([]);
  });
});
