import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, startStack, type Stack } from './harness';
import { adminEnv, press, publisherOf } from './journeys';

// Issue 13, "Keep the place": after any button inside a section's form the page opens at the item
// acted on, not at the top of a form many screens long. With JavaScript off, as first-class.
const VIEWPORT = { width: 1280, height: 800 };

let stack: Stack;
let browser: Browser;
let publisher: Page;

beforeAll(async () => {
  [stack, browser] = await Promise.all([startStack({ apiEnv: adminEnv }), launchChromium()]);
  publisher = await publisherOf(browser, stack.portalUrl, 'worcestershire', 'Pat Publisher');
  await publisher.setViewportSize(VIEWPORT);
  await publisher.goto(`${stack.portalUrl}/worcestershire/manage/pledge`);
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

describe('after a button in the pledge form', () => {
  it('shows the promise moved, in its new place, with what was typed', async () => {
    await publisher.locator('#field-promises-5-plainWords').fill('We will help you with money. (typed)');
    await press(publisher, 'Move down promise 6');
    expect(new URL(publisher.url()).hash).toBe('#item-promises-6');
    await expectOnScreen(publisher, '#item-promises-6');
    expect(await publisher.locator('#field-promises-6-plainWords').inputValue()).toBe('We will help you with money. (typed)');
  });

  it('shows the new, empty promise after "Add promise"', async () => {
    await press(publisher, 'Add promise');
    await expectOnScreen(publisher, '#item-promises-11');
    expect(await publisher.locator('#field-promises-11-text').inputValue()).toBe('');
  });

  it('shows the promise before the one removed', async () => {
    await press(publisher, 'Remove promise 12');
    await expectOnScreen(publisher, '#item-promises-10');
    expect(await publisher.locator('#item-promises-11').count()).toBe(0);
  });

  it('shows the list after "Renumber"', async () => {
    await press(publisher, 'Renumber promises in order');
    await expectOnScreen(publisher, '#list-promises');
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
