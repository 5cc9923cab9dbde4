import { AxeBuilder } from '@axe-core/playwright';
import { describe, expect, it } from 'vitest';
import { COMPARE_PROGRESS_CSV_COLUMNS, COMPARE_PROGRESS_FORMAT, type CompareProgress, parseCsv } from '@pledgekeeper/domain/compare';
import { PRINCIPLES } from '@pledgekeeper/domain/council';
import { monthsBefore } from '@pledgekeeper/domain/progress';
import type { Page } from 'playwright-core';
import { MADE_IN_WORKSPACE, VIEWPORTS, publicPagesSuite } from './public-pages';

// Issue 11: /compare says how councils are doing with their promises, from published progress
// only. North Somerset (made in the workspace) has SAMPLE_PROGRESS published: pledge 1 on track
// (updated 15 September 2026), pledge 2 done (1 May 2026). The seed councils have published none.
const { stack, open } = publicPagesSuite();
const NS = MADE_IN_WORKSPACE.slug;
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

const textOf = async (page: Page, selector: string) => ((await page.locator(selector).textContent()) ?? '').replace(/\s+/g, ' ').trim();
// North Somerset's board does not say how often it meets: an update is too old after six months.
const isStale = (date: string) => date < monthsBefore(new Date(), 6);
const get = (path: string) => fetch(stack().portalUrl + path);

describe('delivery on /compare', () => {
  it('shows each council’s promises by status and how recent its last update is, in words', async () => {
    const page = await open('/compare');
    const row = (slug: string) => `table.delivery tr[data-council="${slug}"]`;
    expect(await page.locator(`${row(NS)} th a`).getAttribute('href')).toBe(`/${NS}/progress`);
    // Each status column's figure, by the status its heading names.
    const statuses = await page
      .locator('table.delivery thead th[data-status]')
      .evaluateAll((cells) => cells.map((c) => c.getAttribute('data-status')!));
    const figures = async (slug: string) => {
      const cells = await page.locator(`${row(slug)} td`).allTextContents();
      return statuses.map((status, i) => [status, cells[i + 1]!.trim()]);
    };
    expect(await figures(NS)).toEqual([
      ['on-track', '1'],
      ['behind', '0'],
      ['done', '1'],
      ['not-started', '0'],
      ['no-longer-planned', '0'],
      ['no-update', '0'],
    ]);
    const lastUpdate = (slug: string) => textOf(page, `${row(slug)} td.recency`);
    expect(await lastUpdate(NS)).toBe(
      isStale('2026-09-15') ? 'No update since 15 September 2026' : 'Last update 15 September 2026; 1 promise not updated for 6 months',
    );
    // The seed councils have published nothing: every promise says so, and no date is made up.
    for (const [slug, promises] of [
      ['worcestershire', '11'],
      ['somerset', '7'],
    ] as const) {
      expect(await lastUpdate(slug)).toBe('No updates published');
      expect(Object.fromEntries(await figures(slug))['no-update']).toBe(promises);
    }
    expect(await textOf(page, '#delivery-summary')).toMatch(/^1 council of the 3 shown has published progress\. Of the 20 promises/);
    // Every status is named in words in the table's head, a symbol beside it.
    expect(await page.locator('table.delivery thead th').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringContaining('On track'), expect.stringContaining('No update yet')]),
    );
  });

  it('counts, per principle, the linked promises on track or done, as the download lists them', async () => {
    const page = await open('/compare');
    const download = (await (await get('/compare/progress.json')).json()) as CompareProgress;
    // Every council here is in England, and counted under England's principles only.
    expect(download.councils.every((council) => council.framework === 'cswa2017-s1')).toBe(true);
    const promises = download.councils.flatMap((council) => council.promises);
    for (const { code } of PRINCIPLES) {
      const linked = promises.filter((promise) => promise.principles.includes(code));
      const kept = linked.filter((promise) => promise.status === 'on-track' || promise.status === 'done').length;
      const england = '[aria-labelledby="principle-delivery-england-caption"]';
      expect(await textOf(page, `${england} tr[data-principle="${code}"] [data-figure="kept"]`)).toBe(
        linked.length === 0 ? 'No promises linked' : `${kept} of ${linked.length}`,
      );
    }
  });

  it('links both downloads, with the filters in force', async () => {
    const page = await open('/compare?nation=england&sort=promises');
    expect(await page.getByRole('link', { name: /progress on each promise as a spreadsheet \(CSV\)/ }).getAttribute('href')).toBe(
      '/compare/progress.csv?nation=england',
    );
    expect(await page.getByRole('link', { name: /progress on each promise as data \(JSON\)/ }).getAttribute('href')).toBe(
      '/compare/progress.json?nation=england',
    );
  });

  it.each(VIEWPORTS)('has no WCAG 2.2 A or AA violations at $width px, and nothing wider than the screen', async (viewport) => {
    const page = await open('/compare', viewport, true);
    const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
    expect(results.violations.flatMap((v) => v.nodes.map((node) => `${v.id}: ${node.target.join(' ')}`))).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
  });
});

describe('delivery as open data', () => {
  it('gives a CSV with a byte order mark: a row per council and promise, published progress only', async () => {
    const response = await get('/compare/progress.csv');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="pledgekeeper-compare-progress.csv"');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text.endsWith('\r\n')).toBe(true);
    const [header, ...rows] = parseCsv(text);
    expect(header).toEqual([...COMPARE_PROGRESS_CSV_COLUMNS]);
    const records = rows.map((row) => Object.fromEntries(header!.map((column, i) => [column, row[i]])));
    expect(records.map((r) => r.council)).toEqual([NS, NS, ...Array(7).fill('somerset'), ...Array(11).fill('worcestershire')]);
    expect(
      records
        .filter((r) => r.council === NS)
        .map((r) => [r.target, r.status_word, r.latest_update, r.stale, r.open_actions, r.overdue_actions]),
    ).toEqual([
      ['promise-1', 'On track', '2026-09-15', isStale('2026-09-15') ? 'yes' : 'no', '1', '1'],
      ['promise-2', 'Done', '2026-05-01', isStale('2026-05-01') ? 'yes' : 'no', '1', '0'],
    ]);
    expect(records.find((r) => r.council === NS)!.progress_url).toBe(`${stack().portalUrl}/${NS}/progress#promise-1`);
    const worcestershire = records.filter((r) => r.council === 'worcestershire');
    expect(worcestershire.map((r) => r.promise)).toEqual(Array.from({ length: 11 }, (_, i) => `Pledge ${i + 1}`));
    expect(worcestershire.every((r) => r.status === '' && r.latest_update === '' && r.stale === 'no')).toBe(true);
  });

  it('gives the same as versioned JSON, and keeps to the filters', async () => {
    const response = await get('/compare/progress.json');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="pledgekeeper-compare-progress.json"');
    const json = (await response.json()) as CompareProgress;
    expect(json.format).toBe(COMPARE_PROGRESS_FORMAT);
    const northSomerset = json.councils.find((c) => c.slug === NS)!;
    expect(northSomerset).toMatchObject({ version: 1, lastUpdate: '2026-09-15', byStatus: { 'on-track': 1, done: 1 } });
    expect(northSomerset.promises.map((p) => [p.target, p.status])).toEqual([
      ['promise-1', 'on-track'],
      ['promise-2', 'done'],
    ]);
    const welsh = (await (await get('/compare/progress.json?nation=wales')).json()) as CompareProgress;
    expect(welsh).toMatchObject({ query: { nation: 'wales' }, councils: [] });
    expect(parseCsv(await (await get('/compare/progress.csv?nation=wales')).text())).toEqual([[...COMPARE_PROGRESS_CSV_COLUMNS]]);
  });
});
