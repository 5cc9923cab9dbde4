import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DELIVERY_STATUS_LABELS, type DeliveryStatus } from '@pledgekeeper/domain/progress';
import { MADE_IN_WORKSPACE, SAMPLE_PROGRESS, publicPagesSuite } from './public-pages';

// Issue 11, the board's cycle: its meetings, the action log and the scorecard, read with
// JavaScript off. The council made in the workspace has SAMPLE_PROGRESS published; the seed
// councils have nothing, and must say so.
const { stack, open } = publicPagesSuite();
const SLUG = MADE_IN_WORKSPACE.slug;

const words = async (page: Page, selector: string): Promise<string> =>
  ((await page.locator(selector).first().textContent()) ?? '').replace(/\s+/g, ' ').trim();
const rowsOf = (page: Page) => page.getByRole('table', { name: 'Scorecard: how each promise is going' }).locator('tbody tr');
const shown = (status: DeliveryStatus) => `${DELIVERY_STATUS_LABELS[status].symbol} ${DELIVERY_STATUS_LABELS[status].word}`;

/** Every stylesheet a page links, as one text. */
async function stylesOf(path: string): Promise<string> {
  const url = stack().portalUrl + path;
  const html = await (await fetch(url)).text();
  const hrefs = [...html.matchAll(/<link\b[^>]*\brel="stylesheet"[^>]*>/gi)].map(([tag]) => /\bhref="([^"]+)"/i.exec(tag)?.[1] ?? '');
  expect(hrefs.length).toBeGreaterThan(0);
  return (await Promise.all(hrefs.map(async (href) => (await fetch(new URL(href, url))).text()))).join('\n');
}
const SUGGESTED = 'Suggested wording, not yet confirmed by the council.';
const LANDSCAPE = /@page\s*\{[^}]*size:\s*A4\s+landscape/i;

/** The size of the first printed page, in points, as the page's own CSS asks for it. */
async function printedSize(path: string): Promise<number[]> {
  const page = await open(path);
  const pdf = (await page.pdf({ preferCSSPageSize: true })).toString('latin1');
  return (/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(pdf) ?? []).slice(1).map((points) => Math.round(Number(points)));
}

describe('the board page of a council with published progress', () => {
  it('shows the next meeting, held in private, with only its date', async () => {
    const page = await open(`/${SLUG}/board`);
    expect(await page.title()).toBe(`Board – ${MADE_IN_WORKSPACE.name} – Pledgekeeper`);
    expect(await page.locator('h2').allTextContents()).toEqual(
      expect.arrayContaining(['Next meeting', 'Past meetings', 'What the board asked people to do']),
    );
    expect(await words(page, 'section:has(#meeting-2-heading)')).toBe('20 January 2099 Held in private.');
    // The council has not described its board, and nothing is made up for it.
    expect(await page.getByText(`${MADE_IN_WORKSPACE.name} has not told us about its board yet.`).count()).toBe(1);
  });

  it('shows the past meeting with its minutes, who came, what it reviewed and what it decided', async () => {
    const page = await open(`/${SLUG}/board`);
    const meeting = page.locator('section:has(#meeting-1-heading)');
    expect(await meeting.locator('h3').textContent()).toBe('4 March 2026');
    const minutes = meeting.getByRole('link', { name: 'Minutes of 4 March 2026' });
    expect(await minutes.getAttribute('href')).toBe('https://example.org/minutes-2026-03.pdf');
    const text = await words(page, 'section:has(#meeting-1-heading)');
    for (const expected of [
      'Held in public.',
      `What it decided ${SAMPLE_PROGRESS.meetings[0]!.decisions}`,
      'Who came 5 elected members and 3 young people',
      `Promises it looked at Pledge 1: ${MADE_IN_WORKSPACE.promises[0]}`,
      'Actions it set Train every social worker in listening well (Pledge 1)',
      'Actions it closed Ask every young person after their review (Pledge 1)',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('lists the actions still to do first, says in words which are overdue, then those done', async () => {
    const page = await open(`/${SLUG}/board`);
    const toDo = page.locator('h3:text-is("Still to do") + p + ul.action-log > li');
    expect(await words(page, 'h3:text-is("Still to do") + p')).toBe('2 actions, 1 of them overdue. Overdue first.');
    expect((await toDo.allTextContents()).map((item) => item.replace(/\s+/g, ' ').trim())).toEqual([
      'Train every social worker in listening well For Pledge 1 Who answers for it Principal Social Worker Due 30 June 2026 Overdue Status To do',
      'Open two more supported lodgings For Pledge 2 Who answers for it Head of Leaving Care Due No date given Status To do',
    ]);
    const closed = page.locator('h3:text-is("Done or dropped") + ul.action-log > li');
    expect((await closed.allTextContents()).map((item) => item.replace(/\s+/g, ' ').trim())).toEqual([
      'Ask every young person after their review For Pledge 1 Who answers for it Head of Service Due 31 March 2026 Status Done',
    ]);
  });

  it('shows the scorecard: each promise’s status in words and a symbol, and links to the printable one', async () => {
    const page = await open(`/${SLUG}/board`);
    const rows = rowsOf(page);
    expect(await rows.count()).toBe(2);
    expect(await rows.nth(0).locator('th').textContent()).toContain(`Pledge 1 ${MADE_IN_WORKSPACE.promises[0]}`);
    expect(await rows.nth(0).locator('.delivery-status').textContent()).toBe(shown('on-track'));
    expect(await rows.nth(1).locator('.delivery-status').textContent()).toBe(shown('done'));
    // Its last update is older than six months (the council gave no cadence): said in words.
    expect(await rows.nth(1).textContent()).toContain('No update since 1 May 2026');
    expect(await words(page, '.scorecard-totals')).toContain('On track: 1');
    // The council wrote these promises itself: nothing is marked as Pledgekeeper's.
    expect(await page.getByText(SUGGESTED).count()).toBe(0);
    const link = page.getByRole('link', { name: /^The scorecard on its own/ });
    expect(await link.getAttribute('href')).toBe(`/${SLUG}/board/scorecard`);
  });

  it('is linked from the progress page, with the scorecard', async () => {
    const page = await open(`/${SLUG}/progress`);
    expect(await page.getByRole('link', { name: "The board's meetings and actions" }).getAttribute('href')).toBe(`/${SLUG}/board`);
    expect(await page.getByRole('link', { name: "The board's scorecard" }).getAttribute('href')).toBe(`/${SLUG}/board/scorecard`);
  });
});

describe('the printable scorecard', () => {
  it('is one table with a row per promise and its status', async () => {
    const page = await open(`/${SLUG}/board/scorecard`);
    expect(await page.title()).toBe(`Scorecard – ${MADE_IN_WORKSPACE.name} – Pledgekeeper`);
    expect(await page.locator('table').count()).toBe(1);
    const statuses = await rowsOf(page).locator('td:nth-of-type(1)').allTextContents();
    expect(statuses.map((status) => status.trim())).toEqual([shown('on-track'), shown('done')]);
  });

  it('turns the paper sideways on this page only', async () => {
    expect(await stylesOf(`/${SLUG}/board/scorecard`)).toMatch(LANDSCAPE);
    for (const path of [`/${SLUG}`, `/${SLUG}/board`]) expect(await stylesOf(path)).not.toMatch(LANDSCAPE);
    // Printed, the scorecard's A4 page is wider than it is tall, the pledge card's is not.
    expect(await printedSize(`/${SLUG}/board/scorecard`)).toEqual([842, 595]);
    expect(await printedSize(`/${SLUG}/card`)).toEqual([595, 842]);
  });
});

describe('a council that has published no progress', () => {
  it.each([
    ['worcestershire', 11],
    ['somerset', 7],
  ])('%s says so truthfully, and its scorecard says "No update yet" for all %i', async (slug, count) => {
    const page = await open(`/${slug}/board`);
    const name = (await page.locator('h1 .caption').textContent())!;
    // What the board is stays: the council's own words about it.
    expect(await page.getByRole('heading', { name: /^Corporate Parenting Board/ }).count()).toBe(1);
    for (const said of [
      `${name} has not published any board meetings yet.`,
      `${name} has not published any actions yet.`,
      `${name} has not published any progress yet, so every promise says "No update yet".`,
    ]) {
      expect(await page.getByText(said, { exact: true }).count(), said).toBe(1);
    }
    for (const path of [`/${slug}/board`, `/${slug}/board/scorecard`]) {
      const reader = path.endsWith('scorecard') ? await open(path) : page;
      expect(await rowsOf(reader).count()).toBe(count);
      expect(await rowsOf(reader).filter({ hasText: 'No update yet' }).count()).toBe(count);
      expect(await reader.locator('.delivery-status').count()).toBe(0);
      expect(await words(reader, '.scorecard-totals')).toContain(`No update yet: ${count}`);
    }
  });
});

describe('plain words Pledgekeeper suggested', () => {
  it('are marked on the board page and the scorecard until the council confirms them, as on its own page', async () => {
    // Worcestershire's plain words were written by Pledgekeeper and are not yet confirmed.
    for (const path of ['/worcestershire/board', '/worcestershire/board/scorecard']) {
      const page = await open(path);
      const table = page.getByRole('table', { name: 'Scorecard: how each promise is going' });
      expect(await table.locator('.scorecard-words').count(), path).toBe(11);
      // Every row's words are suggested, so it is said once, right after the table.
      const note = page.locator('.table-scroll + .suggested-note');
      expect(await note.textContent(), path).toBe(SUGGESTED);
      expect(await page.getByText(SUGGESTED).count(), path).toBe(1);
    }
  });
});
