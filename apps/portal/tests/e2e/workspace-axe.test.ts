import { AxeBuilder } from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, startStack, type Stack } from './harness';
import { TEST_ADMIN, adminEnv, press, publisherOf, signIn, started } from './journeys';
import { WORKSPACE, WORKSPACE_PAGES } from './workspace-steps';

// Issue 13: no WCAG 2.2 A or AA violations on any workspace page, at 360 and 1280 px, seen by a
// publisher with a draft under way (so the overview shows its changes and the boxes to tick).
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const VIEWPORTS = [
  { width: 360, height: 640 },
  { width: 1280, height: 800 },
];
const W = WORKSPACE;
const COUNCIL_PAGES = WORKSPACE_PAGES;

let stack: Stack;
let browser: Browser;
let publisher: Page;
let admin: Page;

beforeAll(async () => {
  [stack, browser] = await Promise.all([startStack({ apiEnv: adminEnv }), launchChromium()]);
  publisher = await publisherOf(browser, stack.portalUrl, 'worcestershire', 'Pat Publisher');
  await publisher.goto(`${stack.portalUrl}${W}/pledge`);
  await publisher.locator('#field-promises-0-plainWords').fill('We will keep you safe, always.');
  await press(publisher, 'Save pledge');
  admin = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await signIn(admin, stack.portalUrl, TEST_ADMIN.email, TEST_ADMIN.password);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

async function violations(as: Page, path: string, viewport: (typeof VIEWPORTS)[number]): Promise<string[]> {
  const context = await browser.newContext({ viewport, storageState: await as.context().storageState() });
  try {
    const page = await context.newPage();
    const response = await page.goto(stack.portalUrl + path);
    expect(response?.status(), path).toBe(200);
    // axe runs as a script, so the workspace's own has started too: the page as its readers get it.
    await started(page);
    const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
    return results.violations.flatMap((v) => v.nodes.map((node) => `${v.id}: ${node.target.join(' ')}`));
  } finally {
    await context.close();
  }
}

describe.each(VIEWPORTS)('every workspace page at $width px', (viewport) => {
  it.each(COUNCIL_PAGES)('%s has no violations', async (path) => {
    expect(await violations(publisher, path, viewport)).toEqual([]);
  });

  it('/admin has no violations', async () => {
    expect(await violations(admin, '/admin', viewport)).toEqual([]);
  });
});

describe('the workspace menu on a phone', () => {
  it('folds away at 360 px, so the page itself starts in the first screen, and opens without JavaScript', async () => {
    const context = await browser.newContext({
      viewport: VIEWPORTS[0],
      javaScriptEnabled: false,
      storageState: await publisher.context().storageState(),
    });
    const page = await context.newPage();
    await page.goto(`${stack.portalUrl}${W}/branding`);
    const heading = await page.locator('h1').boundingBox();
    expect(heading!.y + heading!.height).toBeLessThan(640);
    expect(await page.getByRole('link', { name: 'Audit log' }).count()).toBe(0);
    await page.getByText('Workspace menu').click();
    await page
      .getByRole('navigation', { name: /workspace$/ })
      .getByRole('link', { name: 'Audit log' })
      .click();
    await page.waitForURL(`${stack.portalUrl}${W}/audit`);
    await context.close();
  });

  it('is a plain list of every page at 1280 px', async () => {
    const context = await browser.newContext({ viewport: VIEWPORTS[1], storageState: await publisher.context().storageState() });
    const page = await context.newPage();
    await page.goto(`${stack.portalUrl}${W}`);
    expect(await page.getByText('Workspace menu').isVisible()).toBe(false);
    expect(
      await page
        .getByRole('navigation', { name: /workspace$/ })
        .getByRole('link')
        .count(),
    ).toBe(18);
    await context.close();
  });
});
