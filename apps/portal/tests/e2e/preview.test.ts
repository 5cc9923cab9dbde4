import { AxeBuilder } from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, startStack, type Stack } from './harness';
import { adminEnv, press, publisherOf } from './journeys';

// Issue 13, "Preview": the draft as the public page and the card will look, marked "Preview — not
// published", for the council's own people only, while the public page stays as published.
const DRAFT_WORDS = 'We will help you feel safe, every day. (In the draft only.)';
const VIEWPORTS = [
  { width: 360, height: 640 },
  { width: 1280, height: 800 },
];

let stack: Stack;
let browser: Browser;
let publisher: Page;

beforeAll(async () => {
  [stack, browser] = await Promise.all([startStack({ apiEnv: adminEnv }), launchChromium()]);
  publisher = await publisherOf(browser, stack.portalUrl, 'worcestershire', 'Pat Publisher');
  await publisher.goto(`${stack.portalUrl}/worcestershire/manage/pledge`);
  await publisher.locator('#field-promises-0-plainWords').fill(DRAFT_WORDS);
  await press(publisher, 'Save pledge');
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

describe('the preview', () => {
  it('is a link away on the overview, shows the draft marked as a preview, and the card too', async () => {
    await publisher.goto(`${stack.portalUrl}/worcestershire/manage`);
    await Promise.all([
      publisher.waitForEvent('load'),
      publisher.getByRole('link', { name: 'Preview the page and card as they will look' }).click(),
    ]);
    expect(new URL(publisher.url()).pathname).toBe('/worcestershire/manage/preview');
    expect(await publisher.getByRole('region', { name: 'Preview — not published' }).textContent()).toContain('Nobody else can see it.');
    expect(await publisher.locator('ol.promises > li').first().textContent()).toContain(DRAFT_WORDS);
    expect(await publisher.locator('.pledge-card').textContent()).toContain(DRAFT_WORDS);
    const response = await publisher.goto(`${stack.portalUrl}/worcestershire/manage/preview`);
    expect(response?.headers()['cache-control']).toBe('private, no-store');
  });

  it('leaves the public page as published', async () => {
    const reader = await browser.newPage({ javaScriptEnabled: false });
    await reader.goto(`${stack.portalUrl}/worcestershire`);
    expect(await reader.locator('main').textContent()).not.toContain(DRAFT_WORDS);
    await reader.goto(`${stack.portalUrl}/worcestershire/manage/preview`);
    expect(new URL(reader.url()).pathname).toBe('/sign-in');
    await reader.close();
  });

  it('passes axe at 360 and 1280 px', async () => {
    for (const viewport of VIEWPORTS) {
      const context = await browser.newContext({ viewport, storageState: await publisher.context().storageState() });
      const page = await context.newPage();
      await page.goto(`${stack.portalUrl}/worcestershire/manage/preview`);
      const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
      expect(
        results.violations.flatMap((v) => v.nodes.map((node) => `${v.id}: ${node.target.join(' ')}`)),
        `at ${viewport.width}px`,
      ).toEqual([]);
      await context.close();
    }
  });
});
