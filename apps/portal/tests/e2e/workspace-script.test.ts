import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, publishProgress, startStack, type Stack } from './harness';
import { TEST_ADMIN, adminEnv, press, publisherOf, signIn, started } from './journeys';
import { SAMPLE_PROGRESS } from './public-pages';
import { WORKSPACE, WORKSPACE_PAGES as WORKSPACE_PAGES_ALL } from './workspace-steps';

// Issue 13: with JavaScript on, the workspace's forms answer without reloading the page. Its pages
// then run the portal's script under the same Content Security Policy, with nothing refused and no
// error; public pages, and the preview of one, still ship no script at all.
const W = WORKSPACE;
// The progress page with one promise's forms open, as well as every page axe checks.
const WORKSPACE_PAGES = [...WORKSPACE_PAGES_ALL.filter((path) => path !== `${W}/preview`), `${W}/progress?target=promise-1`];
const PUBLIC_PAGES = ['/', '/worcestershire', '/worcestershire/card', '/compare', '/sign-in', `${W}/preview`];

let stack: Stack;
let browser: Browser;
const contexts: BrowserContext[] = [];
/** What each page said in its console as an error, and any error it threw, by page. */
const problems: string[] = [];

beforeAll(async () => {
  [stack, browser] = await Promise.all([startStack({ apiEnv: adminEnv }), launchChromium()]);
}, 120_000);

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await stack?.stop();
});

/** The same person as `as`, in a browser with JavaScript on, listening for errors. */
async function withScript(as: Page): Promise<Page> {
  const context = await browser.newContext({ storageState: await as.context().storageState(), viewport: { width: 1280, height: 800 } });
  contexts.push(context);
  const page = await context.newPage();
  // A refusal by the Content Security Policy is reported in the console as an error.
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`${new URL(page.url()).pathname}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`${new URL(page.url()).pathname}: ${error.message}`));
  return page;
}

describe('the workspace with JavaScript on', () => {
  let publisher: Page;

  beforeAll(async () => {
    publisher = await withScript(await publisherOf(browser, stack.portalUrl, 'worcestershire', 'Pat Publisher'));
    // Progress with updates and actions, so the progress page shows all of its forms.
    await publishProgress(stack.databaseUrl, 'worcestershire', SAMPLE_PROGRESS);
  });

  it('starts its script on every page, with nothing refused and no error', async () => {
    for (const path of WORKSPACE_PAGES) {
      const response = await publisher.goto(stack.portalUrl + path);
      expect(response?.status(), path).toBe(200);
      expect(await started(publisher), `${path} runs the portal's script`).toBe(true);
    }
    const admin = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
    await signIn(admin, stack.portalUrl, TEST_ADMIN.email, TEST_ADMIN.password);
    const adminWithScript = await withScript(admin);
    await admin.context().close();
    await adminWithScript.goto(`${stack.portalUrl}/admin`);
    expect(await started(adminWithScript), '/admin runs the portal’s script').toBe(true);
    expect(problems).toEqual([]);
  });

  it('answers a form in place, focuses the error summary, and opens its own links without a page load', async () => {
    let loads = 0;
    publisher.on('load', () => (loads += 1));
    await publisher.goto(`${stack.portalUrl}${W}/people`);
    await press(publisher, 'Create invitation link');
    expect(await publisher.evaluate(() => document.activeElement?.id)).toBe('problem');
    expect(await publisher.locator('#problem').textContent()).toContain('There is a problem');

    await publisher
      .getByRole('navigation', { name: /workspace$/ })
      .getByRole('link', { name: 'Statement' })
      .click();
    await publisher.waitForURL(`${stack.portalUrl}${W}/statement`);
    await press(publisher, 'Save statement');
    expect(await publisher.getByRole('status').textContent()).toContain('Saved');
    expect(await publisher.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('status');
    expect(loads, 'only the first page was loaded').toBe(1);
    expect(problems).toEqual([]);
  });

  it('keeps what was typed and ticked before the page’s script arrived', async () => {
    // The script is held back, as on a slow connection, while the reader starts on the form.
    let arrive = () => {};
    const held = new Promise<void>((resolve) => (arrive = resolve));
    await publisher.route('**/_app/immutable/**/*.js', async (route) => {
      await held;
      await route.continue();
    });
    await publisher.goto(`${stack.portalUrl}${W}/contacts`, { waitUntil: 'domcontentloaded' });
    await publisher.locator('#field-contacts-0-team').fill('Typed before the script came');
    const box = publisher.locator('#item-contacts-0').getByLabel('Sorting out problems and making a complaint');
    const ticked = !(await box.isChecked());
    await box.setChecked(ticked);
    arrive();
    expect(await started(publisher)).toBe(true);
    await publisher.unroute('**/_app/immutable/**/*.js');
    expect(await publisher.locator('#field-contacts-0-team').inputValue()).toBe('Typed before the script came');
    expect(await box.isChecked()).toBe(ticked);
    await press(publisher, 'Save contacts');
    expect(await publisher.locator('#field-contacts-0-team').inputValue()).toBe('Typed before the script came');
    expect(problems).toEqual([]);
  });
});

describe('public pages, in a browser with JavaScript on', () => {
  it('ship none, the preview of the draft included, even to someone signed in to the workspace', async () => {
    const page = await withScript(await publisherOf(browser, stack.portalUrl, 'worcestershire', 'Preview Publisher'));
    for (const path of PUBLIC_PAGES) {
      await page.goto(stack.portalUrl + path);
      expect(await page.locator('script').count(), path).toBe(0);
      expect(await page.locator('html[data-enhanced]').count(), path).toBe(0);
    }
    expect(problems).toEqual([]);
  });
});
