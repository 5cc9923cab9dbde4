import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, startStack, type Stack } from './harness';
import { adminEnv, press, publisherOf } from './journeys';

// Issue 13, "Keep the place": after any button inside a section's form the page opens at the item
// acted on, not at the top of a form many screens long. With JavaScript off, as first-class, and
// with it on, where the form answers without reloading the page and focus moves to the item.
const VIEWPORT = { width: 1280, height: 800 };

let stack: Stack;
let browser: Browser;
let publisher: Page;

beforeAll(async () => {
  [stack, browser] = await Promise.all([startStack({ apiEnv: adminEnv }), launchChromium()]);
  publisher = await publisherOf(browser, stack.portalUrl, 'worcestershire', 'Pat Publisher');
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

/** Where the element's top is, in the viewport: on screen means from 0 to the viewport's height. */
async function shown(page: Page, selector: string): Promise<number> {
  const box = await page.locator(selector).boundingBox();
  if (!box) throw new Error(`${selector} is not on the page`);
  return box.y;
}

const expectOnScreen = async (page: Page, selector: string) => {
  const top = await shown(page, selector);
  expect(top, `${selector} at ${top}px`).toBeGreaterThanOrEqual(0);
  expect(top, `${selector} at ${top}px`).toBeLessThan(VIEWPORT.height);
  expect(await page.evaluate(() => window.scrollY), 'the page has scrolled down to it').toBeGreaterThan(1000);
};

describe.each([false, true])('after a button in the pledge form (JavaScript %s)', (javaScriptEnabled) => {
  let page: Page;
  // Set once the page is open: a page load would lose it.
  const unloaded = () => page.evaluate(() => !(window as { opened?: boolean }).opened);

  beforeAll(async () => {
    const storageState = await publisher.context().storageState();
    page = await (await browser.newContext({ javaScriptEnabled, viewport: VIEWPORT, storageState })).newPage();
    await page.goto(`${stack.portalUrl}/worcestershire/manage/pledge`);
    if (javaScriptEnabled) await page.locator('html[data-enhanced]').waitFor({ state: 'attached' });
    await page.evaluate(() => ((window as { opened?: boolean }).opened = true));
  });

  afterAll(() => page.context().close());

  /** The page opened at the item, as the no-JavaScript page does; with JavaScript, in place and focused. */
  const expectAt = async (id: string) => {
    await expectOnScreen(page, `#${id}`);
    if (!javaScriptEnabled) {
      expect(new URL(page.url()).hash).toBe(`#${id}`);
      return;
    }
    expect(await unloaded(), 'the page was not loaded again').toBe(false);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(id);
  };

  it('shows the promise moved, in its new place, with what was typed', async () => {
    await page.locator('#field-promises-5-plainWords').fill('We will help you with money. (typed)');
    await press(page, 'Move down promise 6');
    await expectAt('item-promises-6');
    expect(await page.locator('#field-promises-6-plainWords').inputValue()).toBe('We will help you with money. (typed)');
  });

  it('shows the new, empty promise after "Add promise"', async () => {
    await press(page, 'Add promise');
    await expectAt('item-promises-11');
    expect(await page.locator('#field-promises-11-text').inputValue()).toBe('');
  });

  it('shows the promise before the one removed', async () => {
    await press(page, 'Remove promise 12');
    await expectAt('item-promises-10');
    expect(await page.locator('#item-promises-11').count()).toBe(0);
  });

  it('shows the list after "Renumber", with every number put right', async () => {
    // A number typed out of order: the answer renumbers it, even in the field typed in.
    await page.locator('#field-promises-1-number').fill('9');
    await press(page, 'Renumber promises in order');
    await expectAt('list-promises');
    expect(await page.locator('#field-promises-1-number').inputValue()).toBe('2');
  });

  it('saves with "Save pledge" and says so, at the top', async () => {
    await press(page, 'Save pledge');
    expect(await page.getByRole('status').textContent()).toContain('Saved');
    if (javaScriptEnabled) {
      expect(await unloaded(), 'the page was not loaded again').toBe(false);
      expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('status');
      expect(await shown(page, '[role="status"]')).toBeGreaterThanOrEqual(0);
    }
  });
});

describe('a new council’s lists', () => {
  it('start with empty, numbered promises and contacts to type into, and save only those typed in', async () => {
    const page = await publisherOf(browser, stack.portalUrl, 'testshire-place', 'Tess Publisher', {
      slug: 'testshire-place',
      name: 'Testshire Place Council',
      promises: [],
    });
    await page.goto(`${stack.portalUrl}/testshire-place/manage/pledge`);
    expect(await page.locator('fieldset[id^="item-promises-"]').count()).toBe(3);
    expect(await page.locator('#field-promises-2-number').inputValue()).toBe('3');
    await page.getByLabel('Children in care').check();
    await page.locator('#field-promises-0-text').fill('We will listen to you.');
    await page.locator('#field-promises-1-text').fill('We will help you find a home.');
    await press(page, 'Save pledge');
    expect(await page.getByRole('status').textContent()).toContain('Saved');
    expect(await page.locator('fieldset[id^="item-promises-"]').count()).toBe(2);
    expect(await page.locator('#field-promises-1-number').inputValue()).toBe('2');

    await page.goto(`${stack.portalUrl}/testshire-place/manage/contacts`);
    expect(await page.locator('fieldset[id^="item-contacts-"]').count()).toBe(2);
    await page.context().close();
  });
});
