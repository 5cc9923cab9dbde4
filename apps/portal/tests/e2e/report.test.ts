import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ANNUAL_REPORT_FORMAT, annualReport, type AnnualReport } from '@pledgekeeper/domain/progress';
import { MADE_IN_WORKSPACE, SAMPLE_PROGRESS, SAMPLE_YEAR, publicPagesSuite } from './public-pages';

// Issue 11: the annual report, young people's version first, and "you said, we did", read with
// JavaScript off. The council made in the workspace has SAMPLE_PROGRESS published; the seed
// councils have nothing, and say so.
const { stack, open } = publicPagesSuite();
const SLUG = MADE_IN_WORKSPACE.slug;
const REPORT = `/${SLUG}/report/${SAMPLE_YEAR}`;
const THIS_YEAR = new Date().getUTCFullYear();

const words = async (page: Page, selector: string): Promise<string[]> =>
  (await page.locator(selector).allTextContents()).map((value) => value.replace(/\s+/g, ' ').trim());
const textOf = async (page: Page, selector: string): Promise<string> => (await words(page, selector)).join(' ');
const get = (path: string) => fetch(stack().portalUrl + path);

describe('the annual report', () => {
  it('gives the young person’s version first, in plain words, with the year’s updates and entries', async () => {
    const page = await open(REPORT);
    expect(await page.title()).toBe(`Report for ${SAMPLE_YEAR} – ${MADE_IN_WORKSPACE.name} – Pledgekeeper`);
    const headings = await words(page, 'h2');
    const young = headings.indexOf(`Our promises in ${SAMPLE_YEAR}, in plain words`);
    expect(young).toBeGreaterThanOrEqual(0);
    expect(headings.indexOf('For the Corporate Parenting Board')).toBeGreaterThan(young);

    const plain = await textOf(page, '.report-young');
    expect(plain).toContain(MADE_IN_WORKSPACE.promises[0]);
    for (const update of ['We are slower than we wanted.', 'Most of you told us we listened.', 'Two new homes are open.']) {
      expect(plain).toContain(update);
    }
    // Status in a word and a symbol, with plain words: never colour alone.
    expect(await textOf(page, '.report-young .report-promise:first-of-type')).toMatch(/→ On track We are doing this\./);
    expect(await textOf(page, '.report-young .report-promise:nth-of-type(2)')).toMatch(/✓ Done We have done this\./);
    // The council's formal words are the board's, not here.
    expect(plain).not.toContain('Nine in ten young people said they were listened to.');
    // The year's "you said, we did", newest first.
    expect(await page.locator('.report-young article.you-said').evaluateAll((list) => list.map((a) => a.id))).toEqual(['said-2', 'said-1']);
    expect(plain).toContain('We opened two supported lodgings.');
    expect(await page.getByRole('link', { name: 'Download this report as JSON' }).getAttribute('href')).toBe(`${REPORT}.json`);
  });

  it('then gives the board the meeting held that year, its actions, and every update in the council’s words', async () => {
    const page = await open(REPORT);
    const board = await textOf(page, '.report-board');
    const meeting = await textOf(page, '.report-meeting');
    expect(await page.locator('.report-meeting').count()).toBe(1);
    expect(meeting).toContain('4 March 2026');
    expect(meeting).toContain('In public');
    expect(meeting).toContain('Elected members (5), young people (3)');
    expect(meeting).toContain('Every social worker to be trained in listening well by June.');
    expect(await page.getByRole('link', { name: 'Minutes of 4 March 2026' }).getAttribute('href')).toBe(
      'https://example.org/minutes-2026-03.pdf',
    );
    // The private meeting of 2099 has not been held, in 2026 or at all.
    expect(board).not.toContain('2099');

    expect(await textOf(page, '#report-set')).toContain('Train every social worker in listening well');
    expect(await textOf(page, '#report-closed')).toContain('Ask every young person after their review');
    // Due 30 June 2026 and still open.
    expect(await textOf(page, '#report-overdue')).toMatch(/Train every social worker in listening well.*30 June 2026\s*Overdue/);
    expect(await textOf(page, '#report-open')).toContain('Open two more supported lodgings');

    expect(board).toContain('Survey design took longer than planned.');
    expect(board).toContain('Nine in ten young people said they were listened to.');
    expect(await page.getByRole('link', { name: 'Survey results' }).getAttribute('href')).toBe('https://example.org/survey.pdf');
    const terms = await words(page, '.report-status dt');
    const counts = await words(page, '.report-status dd');
    const cells = terms.map((term, index) => `${term} | ${counts[index]}`);
    expect(cells).toEqual([
      '○ Not started | 0',
      '→ On track | 1',
      '! Behind | 0',
      '✓ Done | 1',
      '✕ No longer planned | 0',
      'No update yet | 0',
    ]);
  });

  it('prints without the site’s header and links, the board’s version on a page of its own', async () => {
    const page = await open(REPORT);
    await page.emulateMedia({ media: 'print' });
    const shown = (selector: string) =>
      page
        .locator(selector)
        .first()
        .evaluate((el) => getComputedStyle(el).display !== 'none');
    expect(await shown('.site-header')).toBe(false);
    expect(await shown('.leave')).toBe(false);
    expect(await shown('main .page-actions')).toBe(false);
    expect(await shown('.report-board')).toBe(true);
    expect(await page.locator('.report-board').evaluate((el) => getComputedStyle(el).breakBefore)).toBe('page');
    expect(await page.locator('.report-meeting').evaluate((el) => getComputedStyle(el).breakInside)).toBe('avoid');
  });

  it('gives the same as versioned JSON, to download', async () => {
    const response = await get(`${REPORT}.json`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="pledgekeeper-annual-report-${SLUG}-${SAMPLE_YEAR}.json"`,
    );
    expect(response.headers.get('cache-control')).toBe('no-cache');
    const json = (await response.json()) as AnnualReport;
    const targets = MADE_IN_WORKSPACE.promises.map((words, index) => ({
      target: `promise-${index + 1}`,
      label: `Pledge ${index + 1}`,
      words,
    }));
    const expected = annualReport({ slug: SLUG, name: MADE_IN_WORKSPACE.name }, targets, SAMPLE_PROGRESS, SAMPLE_YEAR, new Date());
    expect(json).toEqual(JSON.parse(JSON.stringify(expected)));
    expect(json.format).toBe(ANNUAL_REPORT_FORMAT);
    expect(json.period).toMatchObject({ from: `${SAMPLE_YEAR}-01-01`, to: `${SAMPLE_YEAR}-12-31` });
    expect(json.youngPeople.youSaidWeDid.map((entry) => entry.key)).toEqual(['said-2', 'said-1']);
    expect(json.board.meetings.map((meeting) => meeting.key)).toEqual(['meeting-1']);
  });

  it('says a year with nothing in it has nothing, and links the years that have something', async () => {
    const page = await open(`/${SLUG}/report/2025`);
    expect(await textOf(page, '.report-empty')).toContain('We published nothing about our promises in 2025');
    expect(await words(page, '.report-young .report-promise p strong')).toEqual(['No update yet.', 'No update yet.']);
    expect(await page.getByRole('link', { name: `Our report for ${SAMPLE_YEAR}` }).getAttribute('href')).toBe(REPORT);
    expect(await page.locator('.report-board').textContent()).toContain('No meeting of the board is recorded for 2025.');
  });

  it('says truthfully that the seed councils have nothing yet, inventing no status', async () => {
    for (const [slug, count] of [
      ['worcestershire', 11],
      ['somerset', 7],
    ] as const) {
      const page = await open(`/${slug}/report/${SAMPLE_YEAR}`);
      expect(await page.locator('.report-empty').count()).toBe(1);
      expect(await page.locator('.report-young .report-promise').count()).toBe(count);
      expect(await page.locator('.report-young .report-promise', { hasText: 'No update yet' }).count()).toBe(count);
      expect(await page.locator('.delivery-status').count()).toBe(0);
      expect(await page.locator('.report-young').textContent()).toContain('We did not publish anything about what you said');
      expect(await page.locator('.report-meeting').count()).toBe(0);
      const json = (await (await get(`/${slug}/report/${SAMPLE_YEAR}.json`)).json()) as AnnualReport;
      expect(json.hasContent).toBe(false);
      expect(json.youngPeople.promises.every((promise) => promise.status === null)).toBe(true);
    }
  });

  it('is not found for a year that is no year, or one too far off, and for a council that does not exist', async () => {
    for (const path of [
      `/${SLUG}/report/abcd`,
      `/${SLUG}/report/1850`,
      `/${SLUG}/report/2099`,
      `/${SLUG}/report/abcd.json`,
      `/${SLUG}/report/1850.json`,
      `/no-such-council/report/${SAMPLE_YEAR}`,
      `/no-such-council/report/${SAMPLE_YEAR}.json`,
    ]) {
      expect((await get(path)).status, path).toBe(404);
    }
  });
});

describe('you said, we did', () => {
  it('lists every published entry, newest first, with where it came from and the promises it touched', async () => {
    const page = await open(`/${SLUG}/you-said-we-did`);
    expect(await page.title()).toBe(`You said, we did – ${MADE_IN_WORKSPACE.name} – Pledgekeeper`);
    expect(await page.locator('article.you-said').evaluateAll((list) => list.map((a) => a.id))).toEqual(['said-2', 'said-1']);
    expect(await words(page, '#said-2 dt')).toEqual(['You said', 'We did']);
    const latest = await textOf(page, '#said-2');
    expect(latest).toContain('30 July 2026');
    expect(latest).toContain('You said it was hard to find somewhere to live after care.');
    expect(latest).toContain('We opened two supported lodgings.');
    expect(latest).toContain('Messages sent to us');
    expect(await textOf(page, '#said-1')).toContain('Our Children in Care Council');
    expect(await page.locator('#said-2').getByRole('link', { name: 'Pledge 2' }).getAttribute('href')).toBe(`/${SLUG}/progress#promise-2`);
    expect(await page.locator('#said-1').getByRole('link', { name: 'Pledge 1' }).getAttribute('href')).toBe(`/${SLUG}/progress#promise-1`);
  });

  it('says truthfully when a council has published none', async () => {
    for (const slug of ['worcestershire', 'somerset']) {
      const page = await open(`/${slug}/you-said-we-did`);
      expect(await page.locator('article.you-said').count()).toBe(0);
      expect(await page.locator('main').textContent()).toContain('Nothing here yet.');
    }
    expect((await get('/no-such-council/you-said-we-did')).status).toBe(404);
  });

  it('shows the latest entries on the council’s page after its promises, with links to all, the board and this year’s report', async () => {
    const page = await open(`/${SLUG}`);
    const section = page.locator('section[aria-labelledby="you-said-heading"]');
    expect(await section.locator('article.you-said').evaluateAll((list) => list.map((a) => a.id))).toEqual(['said-2', 'said-1']);
    expect(await section.getByRole('link', { name: 'Everything you said and what we did' }).getAttribute('href')).toBe(
      `/${SLUG}/you-said-we-did`,
    );
    const follows = await page.evaluate(() => {
      const promises = document.getElementById('pledge-heading');
      const entries = document.getElementById('you-said-heading');
      return !!promises && !!entries && !!(promises.compareDocumentPosition(entries) & Node.DOCUMENT_POSITION_FOLLOWING);
    });
    expect(follows).toBe(true);
    const actions = page.locator('main > .page-actions');
    expect(await actions.getByRole('link', { name: 'Our Corporate Parenting Board' }).getAttribute('href')).toBe(`/${SLUG}/board`);
    expect(await actions.getByRole('link', { name: `Our report for ${THIS_YEAR}` }).getAttribute('href')).toBe(
      `/${SLUG}/report/${THIS_YEAR}`,
    );

    // The seed councils have published none: no section, and nothing said that is not so.
    const seed = await open('/worcestershire');
    expect(await seed.locator('#you-said-heading').count()).toBe(0);
  });
});
