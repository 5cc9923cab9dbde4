import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase } from '@pledgekeeper/db';
import { generateCouncils, publishSampleProgress, writeSeedFiles } from '@pledgekeeper/db/generate';
import { defaultSeedDirectory, readSeedDirectory } from '@pledgekeeper/db/seed';
import { type CouncilContent, PRINCIPLES } from '@pledgekeeper/domain/council';
import { MATRIX_CSV_COLUMNS, MATRIX_CSV_HEADINGS, parseCsv } from '@pledgekeeper/domain/compare';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, startStack, type Stack } from './harness';

// Issue 5: /compare and the side-by-side view, read with JavaScript off, checked against the
// seed files a reader can also check against the councils' own pages.
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const VIEWPORTS = [
  { width: 360, height: 640 },
  { width: 1280, height: 800 },
];
const SIDE_BY_SIDE = '/compare/side-by-side?council=worcestershire&council=somerset';

let stack: Stack;
let browser: Browser;
let seeds: Map<string, CouncilContent>;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  seeds = new Map((await readSeedDirectory()).map((content) => [content.council.slug, content]));
  [stack, browser] = await Promise.all([startStack(), launchChromium()]);
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await stack?.stop();
});

async function open(
  path: string,
  options: { viewport?: (typeof VIEWPORTS)[number]; javaScript?: boolean; base?: string } = {},
): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled: options.javaScript ?? false, viewport: options.viewport ?? VIEWPORTS[1]! });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto((options.base ?? stack.portalUrl) + path);
  return page;
}

/** Per principle, what the seed file maps: promises, and themes as a whole. */
const cellsOf = (seed: CouncilContent) =>
  PRINCIPLES.map(({ code }) => ({
    code,
    promises: seed.pledge!.promises.filter((promise) => promise.principles.includes(code)).length,
    themes: seed.pledge!.themes.filter((theme) => (theme.principles ?? []).includes(code)).length,
  }));

/** What a matrix cell must say for those figures. */
function cellWords({ promises, themes }: { promises: number; themes: number }): string {
  const themeWords = themes === 1 ? 'theme' : `${themes} themes`;
  if (promises > 0) return themes > 0 ? `${promises} + ${themeWords}` : String(promises);
  return themes > 0 ? themeWords : 'none';
}

const textOf = async (page: Page, selector: string) => ((await page.locator(selector).textContent()) ?? '').replace(/\s+/g, ' ').trim();

async function violations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  return results.violations.flatMap((v) => v.nodes.map((node) => `${v.id}: ${node.target.join(' ')}: ${node.failureSummary}`));
}

describe('the principles matrix', () => {
  it('shows Worcestershire and Somerset with the figures of their seed files, each linking to its page', async () => {
    const page = await open('/compare');
    for (const slug of ['worcestershire', 'somerset']) {
      const seed = seeds.get(slug)!;
      const row = `table.matrix tr[data-council="${slug}"]`;
      expect(await page.locator(`${row} th a`).getAttribute('href')).toBe(`/${slug}`);
      expect(await textOf(page, `${row} [data-figure="promises"]`)).toBe(String(seed.pledge!.promises.length));
      expect(await textOf(page, `${row} [data-figure="themes"]`)).toBe(String(seed.pledge!.themes.length));
      for (const cell of cellsOf(seed)) {
        expect(await textOf(page, `${row} td[data-principle="${cell.code}"]`), `${slug} ${cell.code}`).toContain(cellWords(cell));
      }
      const covered = cellsOf(seed).filter((cell) => cell.promises + cell.themes > 0).length;
      expect(await textOf(page, `${row} [data-figure="covered"]`)).toBe(String(covered));
    }
  });

  it('adds up the same figures in the table beside the chart, and draws the chart as an image with a name', async () => {
    const page = await open('/compare');
    const councils = [...seeds.values()];
    for (const { code } of PRINCIPLES) {
      const cells = councils.map((seed) => cellsOf(seed).find((cell) => cell.code === code)!);
      const expected = [
        cells.filter((c) => c.promises > 0).length,
        cells.filter((c) => c.promises === 0 && c.themes > 0).length,
        cells.filter((c) => c.promises === 0 && c.themes === 0).length,
        cells.reduce((sum, c) => sum + c.promises, 0),
      ].map(String);
      expect(await page.locator(`.coverage-table tr[data-principle="${code}"] td`).allTextContents()).toEqual(expected);
    }
    const chart = page.getByRole('img', { name: 'How the 2 councils in England shown cover each principle' });
    expect(await chart.count()).toBe(1);
  });

  it('filters, sorts and leads to a side-by-side view with no JavaScript at all', async () => {
    const page = await open('/compare');
    await page.getByLabel('Nation').selectOption('england');
    await page.getByLabel('Sort by').selectOption({ label: 'Number of promises' });
    await Promise.all([page.waitForURL(/\/compare\?/), page.getByRole('button', { name: 'Show councils' }).click()]);
    expect(new URL(page.url()).search).toBe('?nation=england&kind=&sort=promises');
    expect(
      await page.locator('table.matrix tbody tr[data-council]').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-council'))),
    ).toEqual(['worcestershire', 'somerset']);

    await page.getByLabel('Choose Worcestershire County Council').check();
    await page.getByLabel('Choose Somerset County Council').check();
    await Promise.all([page.waitForURL(/side-by-side/), page.getByRole('button', { name: 'Compare the ticked councils' }).first().click()]);
    expect(new URL(page.url()).search).toBe('?council=worcestershire&council=somerset');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(
      'Side by side: Worcestershire County Council and Somerset County Council',
    );
    // Both in England: compared principle by principle on England's framework, nothing to explain.
    expect(await page.locator('section[data-framework]').evaluateAll((s) => s.map((e) => e.getAttribute('data-framework')))).toEqual([
      'cswa2017-s1',
    ]);
    expect(await page.locator('#other-nations').count()).toBe(0);
    const practice = page.locator('.practice');
    expect(await practice.locator('td[data-council="worcestershire"]').allTextContents()).toContain('Meets every two months');
    expect(await practice.locator('td[data-council="somerset"]').allTextContents()).toContain('CPB training session');
    for (const [slug, seed] of seeds) {
      for (const cell of cellsOf(seed)) {
        const column = page.locator(`section[data-principle="${cell.code}"] [data-council="${slug}"]`);
        expect(await column.locator('li').count(), `${slug} ${cell.code}`).toBe(cell.promises);
        expect(await column.getByText(/Covered by the theme/).count()).toBe(cell.themes);
      }
    }
  });

  it('says plainly when fewer than two councils are chosen, or one does not exist', async () => {
    expect((await fetch(`${stack.portalUrl}/compare/side-by-side?council=somerset`)).status).toBe(400);
    expect((await fetch(`${stack.portalUrl}/compare/side-by-side?council=somerset&council=no-such-council`)).status).toBe(404);
    expect((await fetch(`${stack.portalUrl}/compare/side-by-side.csv?council=somerset`)).status).toBe(400);
  });
});

describe('downloads', () => {
  it('gives the matrix as a CSV download that parses back to the figures on the page', async () => {
    const page = await open('/compare');
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: /these figures as a spreadsheet \(CSV\)/ }).click(),
    ]);
    expect(file.suggestedFilename()).toBe('pledgekeeper-principles-matrix.csv');
    const text = await readFile((await file.path())!, 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    const [header, ...rows] = parseCsv(text);
    // Headings people can read; the codes stay in the JSON and in `?header=codes`.
    expect(header).toEqual([...MATRIX_CSV_HEADINGS]);
    expect(header!.slice(0, 3)).toEqual(['Council identifier', 'Council', 'Kind of council']);
    expect(header).toContain('England: (a) Best interests and wellbeing: promises');
    expect(header).toContain('Wales: Good health: promises');
    const records = rows.map((row) => Object.fromEntries(MATRIX_CSV_COLUMNS.map((column, i) => [column, row[i]])));
    expect(records.map((r) => r.slug)).toEqual(['somerset', 'worcestershire']);
    for (const record of records) {
      const seed = seeds.get(record.slug!)!;
      expect(record.portal_url).toBe(`${stack.portalUrl}/${record.slug}`);
      expect(record.promise_count).toBe(String(seed.pledge!.promises.length));
      for (const cell of cellsOf(seed)) {
        expect(record[cell.code]).toBe(String(cell.promises));
        expect(record[`${cell.code}_themes`]).toBe(String(cell.themes));
      }
    }
  });

  it('serves every download with its type and as an attachment, JSON with the format named', async () => {
    const get = (path: string) => fetch(stack.portalUrl + path);
    for (const [path, type] of [
      ['/compare/matrix.csv?sort=promises', 'text/csv; charset=utf-8'],
      ['/compare/matrix.json', 'application/json; charset=utf-8'],
      [`/compare/side-by-side.csv?council=worcestershire&council=somerset`, 'text/csv; charset=utf-8'],
      [`/compare/side-by-side.json?council=worcestershire&council=somerset`, 'application/json; charset=utf-8'],
    ] as const) {
      const response = await get(path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('content-type')).toBe(type);
      expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="pledgekeeper-[a-z-]+\.(csv|json)"$/);
    }
    const sorted = parseCsv(await (await get('/compare/matrix.csv?sort=promises')).text());
    expect(sorted.slice(1).map((row) => row[0])).toEqual(['worcestershire', 'somerset']);
    const json = (await (await get('/compare/matrix.json')).json()) as {
      format: string;
      councils: { slug: string; promiseCount: number }[];
    };
    expect(json.format).toBe('pledgekeeper.compare.matrix/3');
    expect(parseCsv(await (await get('/compare/matrix.csv?header=codes')).text())[0]).toEqual([...MATRIX_CSV_COLUMNS]);
    expect(json.councils.map((c) => [c.slug, c.promiseCount])).toEqual(
      [...seeds.values()].map((s) => [s.council.slug, s.pledge!.promises.length]).sort(),
    );

    const side = parseCsv(await (await get(`/compare/side-by-side.csv?council=worcestershire&council=somerset`)).text());
    expect(side[0]).toEqual(['field', 'label', 'worcestershire', 'somerset']);
    for (const { code } of PRINCIPLES) {
      const row = side.find((r) => r[0] === code)!;
      expect(row.slice(2)).toEqual(
        ['worcestershire', 'somerset'].map((slug) => String(cellsOf(seeds.get(slug)!).find((c) => c.code === code)!.promises)),
      );
    }
  });
});

describe('accessibility', () => {
  describe.each(VIEWPORTS)('at $width x $height', (viewport) => {
    it.each(['/compare', SIDE_BY_SIDE])('%s has no WCAG 2.2 A or AA violations, and nothing wider than the screen', async (path) => {
      const page = await open(path, { viewport, javaScript: true });
      expect(await violations(page)).toEqual([]);
      // Wide tables scroll inside their own regions; the page itself never scrolls sideways.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
    });
  });
});

describe('with 150 sample councils', () => {
  let big: Stack;
  let seedDir: string;
  beforeAll(async () => {
    seedDir = await mkdtemp(join(tmpdir(), 'pledgekeeper-compare-seeds-'));
    await cp(defaultSeedDirectory(), seedDir, { recursive: true });
    const samples = generateCouncils({ count: 150 });
    await writeSeedFiles(seedDir, samples);
    big = await startStack({ apiEnv: { SEED_DIR: seedDir } });
    // Their sample progress too, so delivery has 152 rows to show.
    const { db } = createDatabase(big.databaseUrl);
    await publishSampleProgress(db, samples, { today: new Date() }).finally(() => db.destroy());
  }, 120_000);
  afterAll(async () => {
    await big?.stop();
    await rm(seedDir, { recursive: true, force: true });
  });

  // axe over 152 rows takes a minute on a busy 2-core machine: run it on the phone, the harder case.
  it.each([
    { ...VIEWPORTS[0]!, axe: true },
    { ...VIEWPORTS[1]!, axe: false },
  ])(
    'lists all 152 on a $width px screen, the page never wider than the screen (axe: $axe)',
    async ({ axe, ...viewport }) => {
      const page = await open('/compare', { viewport, javaScript: axe, base: big.portalUrl });
      // Each nation's councils in a table of their own, on their own framework's principles.
      expect(await page.locator('table.matrix tbody tr[data-council]').count()).toBe(152);
      const english = await page.locator('section[data-nation="england"] table.matrix tbody tr[data-council]').count();
      expect(english).toBeGreaterThan(0);
      expect(english).toBeLessThan(152);
      for (const [nation, principles] of [
        ['wales', 11],
        ['scotland', 6],
      ] as const) {
        const section = page.locator(`section[data-nation="${nation}"]`);
        if ((await section.count()) === 0) continue;
        expect(await section.locator('table.matrix thead th[data-principle]').count()).toBe(principles);
      }
      expect(await page.locator('table.delivery tbody tr[data-council]').count()).toBe(152);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
      // At 1280 px every nation's table fits without scrolling: nothing is cut off.
      if (!axe) {
        const overflow = await page
          .locator('.table-scroll:has(table.matrix)')
          .evaluateAll((regions) => regions.filter((region) => region.scrollWidth > region.clientWidth).length);
        expect(overflow).toBe(0);
      }
      if (axe) expect(await violations(page)).toEqual([]);
    },
    120_000,
  );
});
