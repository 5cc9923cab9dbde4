import { AxeBuilder } from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { describeEachDialect } from '@pledgekeeper/stack';
import { launchChromium, type Stack } from './harness';
import { TEST_ADMIN as ADMIN, acceptInvitation as accept, press, publishPage } from './journeys';
import { VIEWPORTS } from './public-pages';
import { texts, workspaceSteps } from './workspace-steps';

// Issue 12, "Truthful, always", with JavaScript off: what a council has not stated reads "Not
// stated"; Pledgekeeper's own plain words and links say so until a publisher confirms them; links
// the council names go somewhere or are not shown as something to click.
const steps = workspaceSteps();
const { go, person, signIn, invite, invitePublisher } = steps;
let stack: Stack;
let publisher: Page;
let editor: Page;
let somersetPublisher: Page;
let reader: Page;

const W = 'worcestershire';
const S = 'somerset';
const WORDING_NOTE = 'Suggested wording, not yet confirmed by the council';
const MAPPING_NOTE = 'Suggested by Pledgekeeper, not yet confirmed by the council';
const MORE_INFO = 'Visit the Corporate Parenting Board web page for more information.';
const CONFIRM = "Confirm this wording as Worcestershire County Council's own";

const bodyText = async (page: Page) => ((await page.locator('main').textContent()) ?? '').replace(/\s+/g, ' ');
/** The answer a board section gives to one of its facts. */
const fact = (page: Page, term: string) =>
  page.locator('#board-heading ~ dl dt', { hasText: term }).locator('xpath=following-sibling::dd[1]');

/**
 * axe at 360 and 1280 px on each path, as `as` sees it (signed in, where it is). axe needs
 * JavaScript; the portal ships none, so the pages are the same as without it.
 */
async function accessibleAtBothWidths(as: Page, paths: string[]): Promise<void> {
  const browser = await launchChromium();
  try {
    for (const viewport of VIEWPORTS) {
      const context = await browser.newContext({ viewport, storageState: await as.context().storageState() });
      const page = await context.newPage();
      for (const path of paths) {
        await page.goto(stack.portalUrl + path);
        const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
        const found = results.violations.flatMap((v) => v.nodes.map((node) => `${v.id}: ${node.target.join(' ')}: ${node.failureSummary}`));
        expect(found, `${path} at ${viewport.width}px`).toEqual([]);
      }
      await context.close();
    }
  } finally {
    await browser.close();
  }
}

/** Posts the confirm action as a form would, from the portal's own origin. */
const postConfirm = (page: Page) =>
  page.request.post(`${stack.portalUrl}/${W}/manage/wording?/confirm`, {
    form: { version: '1' },
    headers: { origin: stack.portalUrl, accept: 'text/html' },
    maxRedirects: 0,
  });

describeEachDialect(describe, 'a truthful page, on %s', (dialect) => {
  beforeAll(async () => {
    stack = await steps.start(dialect);
    const admin = await person();
    await signIn(admin, ADMIN.email, ADMIN.password);
    publisher = await person();
    await accept(publisher, await invitePublisher(admin, W, 'publisher@worcestershire.example'), 'Wren Publisher');
    editor = await person();
    await accept(editor, await invite(publisher, W, 'editor@worcestershire.example'), 'Will Editor');
    await go(admin, '/admin');
    somersetPublisher = await person();
    await accept(somersetPublisher, await invitePublisher(admin, S, 'publisher@somerset.example'), 'Sam Somerset');
    reader = await person();
  }, 120_000);
  afterAll(() => steps.stop());
  // The pages are the same on either database: only the confirming, which writes, runs on both.
  const onSqlite = (name: string, test: () => Promise<void>) => {
    if (dialect === 'sqlite') it(name, test, 120_000);
  };

  onSqlite('says "Not stated" for young people on Somerset’s board, where its page says nothing either way', async () => {
    await go(reader, `/${S}/board`);
    expect(await fact(reader, 'Young people on the board').textContent()).toBe('Not stated');
    await go(reader, `/${W}/board`);
    expect(await fact(reader, 'Young people on the board').textContent()).toBe('Yes');
    await go(reader, `/compare/side-by-side?council=${W}&council=${S}`);
    const row = reader.locator('.practice tr', { has: reader.locator('th', { hasText: 'Young people on the board' }) });
    expect(await row.locator('td[data-council="somerset"]').textContent()).toBe('Not stated');
    expect(await row.locator('td[data-council="worcestershire"]').textContent()).toBe('Yes');
  });

  onSqlite('never tells anyone to visit a page the council gave no address for, until it gives one', async () => {
    await go(reader, `/${W}/about`);
    const text = await bodyText(reader);
    // Every sentence of the council's page is still shown, as something its page says.
    expect(text).toContain(`The council's own page says: “${MORE_INFO}” It does not give a web address for it yet.`);
    expect(await reader.getByRole('link', { name: MORE_INFO }).count()).toBe(0);
  });

  it('marks the seeded plain words and links as suggested until Worcestershire’s publisher confirms them, and audits who did', async () => {
    // Everywhere young people read the plain words: their page, the progress page and the card.
    const PLAIN_WORDS_PAGES = [`/${W}`, `/${W}/progress`, `/${W}/card`];
    for (const path of PLAIN_WORDS_PAGES) {
      await go(reader, path);
      expect(await bodyText(reader), path).toContain(WORDING_NOTE);
    }
    await go(reader, `/${W}/about`);
    expect(await bodyText(reader)).toContain(MAPPING_NOTE);

    // An editor sees what is waiting and who may confirm it; posting anyway is refused on the page, plainly.
    await go(editor, `/${W}/manage/wording`);
    expect(await texts(editor, 'h1')).toEqual(['Worcestershire County Council Suggested wording']);
    expect(await editor.getByRole('button', { name: CONFIRM }).count()).toBe(0);
    expect(await bodyText(editor)).toContain('Only a publisher of Worcestershire County Council can confirm this wording.');
    const refused = await postConfirm(editor);
    expect(refused.status()).toBe(403);
    expect(await refused.text()).toContain(
      'Only a publisher of Worcestershire County Council can do this. Ask a publisher to confirm the suggested wording.',
    );
    // Another council's publisher gets the portal's 403 page.
    const stranger = await postConfirm(somersetPublisher);
    expect(stranger.status()).toBe(403);
    expect(await stranger.text()).toContain('You do not have access to this page');

    await go(publisher, `/${W}/manage`);
    await Promise.all([publisher.waitForEvent('load'), publisher.getByRole('link', { name: 'Suggested wording', exact: true }).click()]);
    expect(await bodyText(publisher)).toContain('Pledge 1: Support and help you to keep safe and prevent bullying');
    await accessibleAtBothWidths(publisher, [`/${W}/manage/wording`]);
    await press(publisher, CONFIRM);
    expect(await publisher.getByRole('status').textContent()).toContain('Confirmed. The public page now shows this wording');
    expect(await bodyText(publisher)).toContain(
      "The suggested wording of version 1 was confirmed as Worcestershire County Council's own by Wren Publisher",
    );
    await accessibleAtBothWidths(publisher, [`/${W}/manage/wording`]);

    for (const path of PLAIN_WORDS_PAGES) {
      await go(reader, path);
      expect(await bodyText(reader), path).not.toContain('Suggested wording');
    }
    await go(reader, `/${W}/about`);
    expect(await bodyText(reader)).not.toContain('Suggested by Pledgekeeper');
    // Somerset's links are still Pledgekeeper's.
    await go(reader, `/${S}/about`);
    expect(await bodyText(reader)).toContain(MAPPING_NOTE);

    await go(publisher, `/${W}/manage/audit`);
    // A sentence that names who did it, not their email.
    const entry = publisher.locator('tr', { hasText: 'Wren Publisher confirmed the suggested wording of version 1' });
    expect(await entry.count()).toBe(1);
    expect(await entry.textContent()).not.toContain('@');
  }, 120_000);

  onSqlite('never claims every promise is linked to a principle for a council with no promises', async () => {
    for (const path of [`/${S}`, `/${S}/about`]) {
      await go(reader, path);
      expect(await bodyText(reader), path).not.toMatch(/every promise is linked/i);
    }
    // Side by side, the claim is made for Worcestershire, whose promises are all linked, and not for Somerset.
    await go(reader, `/compare/side-by-side?council=${W}&council=${S}`);
    const column = (slug: string) => reader.locator(`section[aria-labelledby="not-mapped-heading"] [data-council="${slug}"]`);
    expect(await column(W).textContent()).toMatch(/every promise is linked/);
    expect(await column(S).textContent()).not.toMatch(/every promise is linked/i);
  });

  onSqlite('links each promise and theme in the principles lists to it, in the council’s own word', async () => {
    await go(reader, `/${W}/about`);
    const principles = reader.locator('section[aria-labelledby="principles-heading"]');
    const link = principles.getByRole('link', { name: 'Pledge 2', exact: true }).first();
    expect(await link.getAttribute('href')).toBe(`/${W}#promise-2`);
    await Promise.all([reader.waitForEvent('load'), link.click()]);
    expect(new URL(reader.url()).pathname).toBe(`/${W}`);
    expect(await reader.locator('#promise-2').count()).toBe(1);

    await go(reader, `/${S}/about`);
    const theme = reader
      .locator('section[aria-labelledby="principles-heading"]')
      .getByRole('link', { name: 'Where I live', exact: true })
      .first();
    expect(await theme.getAttribute('href')).toBe(`/${S}#theme-where-i-live`);
    await go(reader, `/${S}`);
    expect(await reader.locator('#theme-where-i-live').count()).toBe(1);
    await accessibleAtBothWidths(reader, [`/${W}/about`, `/${S}/about`, `/${S}/board`]);
  });

  onSqlite('shows the web addresses a council gives: for a way to get involved, and for its board’s page', async () => {
    await go(somersetPublisher, `/${S}/manage/involvement`);
    expect(await somersetPublisher.locator('#field-opportunities-0-url').inputValue()).toBe('');
    await somersetPublisher.locator('#field-opportunities-0-url').fill('https://route1.example.org/');
    await press(somersetPublisher, 'Save getting involved');
    expect(await somersetPublisher.getByRole('status').textContent()).toContain('Saved');
    await go(somersetPublisher, `/${S}/manage`);
    await publishPage(somersetPublisher);
    await go(reader, `/${S}/about`);
    const route1 = reader.getByRole('link', { name: "Route1 Advocacy's website" });
    expect(await route1.getAttribute('href')).toBe('https://route1.example.org/');
    // The other ways to get involved gained no address nobody gave them.
    expect(await reader.locator('section[aria-labelledby="involvement-heading"] a').count()).toBe(1);
    await accessibleAtBothWidths(reader, [`/${S}/about`]);

    await go(publisher, `/${W}/manage/board`);
    await publisher.locator('#field-moreInfo-url').fill('https://worcestershire.example.org/corporate-parenting-board');
    await press(publisher, 'Save board');
    await go(publisher, `/${W}/manage`);
    await publishPage(publisher);
    await go(reader, `/${W}/about`);
    expect(await reader.getByRole('link', { name: MORE_INFO }).getAttribute('href')).toBe(
      'https://worcestershire.example.org/corporate-parenting-board',
    );
    expect(await bodyText(reader)).not.toContain('It does not give a web address');
  });
});
