import { gzipSync } from 'node:zlib';
import { AxeBuilder } from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, startStack, storedFeedback, type Stack } from './harness';
import { adminEnv, councilThroughWorkspace } from './journeys';

// Issue 4: accessible, light and safe, measured in Debian's Chromium with JavaScript off.
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const VIEWPORTS = [
  { width: 360, height: 640 },
  { width: 1280, height: 800 },
];
// Both seed councils, and one made from nothing through the workspace, as a new council would be.
const MADE_IN_WORKSPACE = { slug: 'north-somerset', name: 'North Somerset Council', promises: ['We will listen to you.', 'We will help you find a safe home.'] };
const COUNCIL_PAGES = ['/worcestershire', '/somerset', `/${MADE_IN_WORKSPACE.slug}`];
const CARD_PAGES = COUNCIL_PAGES.map((path) => `${path}/card`);
const PUBLIC_PAGES = ['/', ...COUNCIL_PAGES, ...CARD_PAGES, '/sign-in', '/no-such-council'];
const LEAVE_URL = 'https://www.bbc.co.uk/weather';
const BUDGET_BYTES = 30 * 1024;

let stack: Stack;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  stack = await startStack({ apiEnv: adminEnv });
  browser = await launchChromium();
  const publisher = await councilThroughWorkspace(browser, stack.portalUrl, MADE_IN_WORKSPACE);
  await publisher.context().close();
}, 120_000);

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await stack?.stop();
});

/**
 * A page in a fresh context: axe needs one made by `browser.newContext()`. axe itself needs
 * JavaScript (its timers never fire without it); the portal ships none, so pages are the same.
 */
async function open(path: string, viewport = VIEWPORTS[1]!, javaScriptEnabled = false): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled, viewport });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(stack.portalUrl + path);
  return page;
}

/** Waits for the page the server answers a feedback post with, after `act` sends it. */
async function sent(page: Page, act: () => Promise<void>): Promise<number> {
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST'),
    page.waitForURL((url) => url.search === '?/feedback'),
    act(),
  ]);
  return response.status();
}

const send = (page: Page) => sent(page, () => page.getByRole('button', { name: 'Send feedback' }).click());

/** Each violation as one readable line, so a failure says what to fix and where. */
async function violations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  return results.violations.flatMap((violation) =>
    violation.nodes.map((node) => `${violation.id} (${violation.impact}): ${node.target.join(' ')}: ${node.failureSummary}`),
  );
}

const activeKey = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('data-tab-key') ?? null);

describe('axe: no WCAG 2.2 A or AA violations', () => {
  describe.each(VIEWPORTS)('at $width x $height', (viewport) => {
    it.each(PUBLIC_PAGES)('%s', async (path) => {
      const page = await open(path, viewport, true);
      expect(await violations(page)).toEqual([]);
    });

    it.each(COUNCIL_PAGES)('%s after a message with errors, then after one that is sent', async (path) => {
      const page = await open(path, viewport, true);
      const post = async () => {
        const [response] = await Promise.all([
          page.waitForResponse((r) => r.request().method() === 'POST'),
          page.waitForURL((url) => url.search === '?/message'),
          page.getByRole('button', { name: 'Send your message' }).click(),
        ]);
        return response.status();
      };
      expect(await post()).toBe(400);
      expect(await violations(page)).toEqual([]);
      await page.getByLabel('Your message').fill('More help with money when I leave care, please.');
      expect(await post()).toBe(200);
      expect(await page.getByRole('status').filter({ hasText: 'Message sent' }).count()).toBe(1);
      expect(await violations(page)).toEqual([]);
    });

    it.each(COUNCIL_PAGES)('%s after feedback with errors, then after feedback that is sent', async (path) => {
      const page = await open(path, viewport, true);
      expect(await send(page)).toBe(400);
      expect(await page.getByRole('alert').count()).toBe(1);
      expect(await violations(page)).toEqual([]);

      await page.getByLabel('Yes').check();
      expect(await send(page)).toBe(200);
      expect(await page.getByRole('status').textContent()).toContain('Thank you');
      expect(await violations(page)).toEqual([]);
    });
  });
});

describe('the keyboard alone', () => {
  it('reaches the skip link first, and the skip link moves focus to the main content', async () => {
    const page = await open('/somerset');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to main content');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main-content');
  });

  // On a phone, the narrowest screen, where anything fixed or sticky would hide focus soonest.
  it.each(COUNCIL_PAGES)('reaches every link, button and field on %s, each visibly focused', async (path) => {
    const page = await open(path, VIEWPORTS[0]);
    // A radio group is one Tab stop: arrow keys move within it.
    const expected = await page.evaluate(() => {
      const controls = document.querySelectorAll<HTMLElement>('a[href], button, input:not([type="hidden"]), textarea, select');
      return [...new Set([...controls].map((control, index) => {
        const key = control instanceof HTMLInputElement && control.type === 'radio' ? `radio:${control.name}` : `control:${index}`;
        control.setAttribute('data-tab-key', key);
        return key;
      }))];
    });
    expect(expected.length).toBeGreaterThan(5);

    const reached: string[] = [];
    const unfocused: string[] = [];
    for (let presses = 0; presses < expected.length + 5 && reached.length < expected.length; presses += 1) {
      await page.keyboard.press('Tab');
      const focus = await page.evaluate(() => {
        const element = document.activeElement;
        if (!element || element === document.body) return null;
        const style = getComputedStyle(element);
        const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
        // Not hidden under anything (WCAG 2.2, 2.4.11): what is drawn at the middle of the focused
        // control's first line box is the control itself (a link may wrap onto two lines).
        const box = element.getClientRects()[0] ?? element.getBoundingClientRect();
        const top = document.elementFromPoint(box.left + box.width / 2, box.top + Math.min(box.height / 2, 10));
        return {
          key: element.getAttribute('data-tab-key'),
          name: `${element.tagName} ${element.textContent?.trim().slice(0, 40) ?? ''}`,
          visible: (outline || style.boxShadow !== 'none') && (top === element || element.contains(top) || (top?.contains(element) ?? false)),
        };
      });
      if (!focus?.key || reached.includes(focus.key)) continue;
      reached.push(focus.key);
      if (!focus.visible) unfocused.push(focus.name);
    }
    expect(reached).toEqual(expected);
    expect(unfocused).toEqual([]);
  });

  it.each([
    { answer: 'No', arrows: ['ArrowDown'], submitKey: 'Enter', helpful: false },
    { answer: 'Yes', arrows: ['ArrowDown', 'ArrowUp'], submitKey: 'Space', helpful: true },
  ])('sends feedback answering "$answer", pressing $submitKey on the button', async ({ arrows, submitKey, helpful }) => {
    const comment = `Sent by keyboard ${submitKey} ${Date.now()}`;
    const page = await open('/somerset');
    const focusedName = () => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name ?? null);
    for (let presses = 0; presses < 50 && (await focusedName()) !== 'helpful'; presses += 1) {
      await page.keyboard.press('Tab');
    }
    expect(await focusedName()).toBe('helpful');
    await page.keyboard.press('Space');
    expect(await page.getByLabel('Yes').isChecked()).toBe(true);
    for (const key of arrows) await page.keyboard.press(key);
    expect(await page.getByLabel('Yes').isChecked()).toBe(helpful);
    expect(await page.getByLabel('No').isChecked()).toBe(!helpful);

    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('feedback-comment');
    await page.keyboard.type(comment);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Send feedback');
    expect(await sent(page, () => page.keyboard.press(submitKey))).toBe(200);

    const status = page.getByRole('status');
    expect(await status.textContent()).toContain('Thank you for your feedback.');
    expect(await status.evaluate((element) => element === document.activeElement)).toBe(true);
    const stored = await storedFeedback(stack.databaseUrl, 'somerset');
    expect(stored).toContainEqual(expect.objectContaining({ page: '/somerset', helpful, comment }));
  });
});

describe('text at 200% on a 320 px wide screen', () => {
  it.each(COUNCIL_PAGES)('%s reflows with nothing wider than the screen', async (path) => {
    const page = await open(path, { width: 320, height: 640 });
    // Set from outside the page, so the CSP (no inline style) stays as it is.
    await page.evaluate(() => (document.documentElement.style.fontSize = '200%'));
    expect(await page.evaluate(() => getComputedStyle(document.body).fontSize)).toBe('36px');
    const overflow = await page.evaluate(() => {
      const width = document.documentElement.clientWidth;
      const wide = [...document.querySelectorAll<HTMLElement>('body *')]
        .filter((element) => element.getBoundingClientRect().right > width + 0.5)
        .filter((element) => !element.matches('.govuk-skip-link, .govuk-visually-hidden, .visually-hidden'))
        .map((element) => `${element.tagName}.${element.className}`);
      // Text can spill out of a box that itself fits, so each piece of text is measured too.
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const range = document.createRange();
        range.selectNodeContents(node);
        const parent = node.parentElement;
        if (range.getBoundingClientRect().right > width + 0.5 && !parent?.closest('.govuk-skip-link, .govuk-visually-hidden, .visually-hidden')) {
          wide.push(`text in ${parent?.tagName}.${parent?.className}: ${node.textContent?.trim().slice(0, 40)}`);
        }
      }
      return { width, scrollWidth: document.documentElement.scrollWidth, wide };
    });
    expect(overflow.width).toBe(320);
    expect(overflow.wide).toEqual([]);
    expect(overflow.scrollWidth).toBeLessThanOrEqual(overflow.width);
  });
});

describe('weight budget', () => {
  it.each(COUNCIL_PAGES)('%s: HTML and CSS at most 30 KB gzipped, no web fonts, no script', async (path) => {
    const html = await (await fetch(stack.portalUrl + path)).text();
    const stylesheets = [...html.matchAll(/<link\b[^>]*>/gi)]
      .map(([tag]) => tag)
      .filter((tag) => /\brel="stylesheet"/i.test(tag))
      .map((tag) => new URL(/\bhref="([^"]+)"/i.exec(tag)?.[1] ?? '', stack.portalUrl + path).href);
    expect(stylesheets.length).toBeGreaterThan(0);
    const css = await Promise.all(stylesheets.map(async (url) => (await fetch(url)).text()));
    const gzipped = [html, ...css].reduce((total, text) => total + gzipSync(text).byteLength, 0);
    expect(gzipped).toBeLessThanOrEqual(BUDGET_BYTES);
    for (const sheet of css) expect(sheet).not.toMatch(/@font-face/i);
    expect(html).not.toMatch(/<script/i);

    // What the browser actually asks for, to catch anything referenced indirectly.
    const context = await browser.newContext({ javaScriptEnabled: false });
    contexts.push(context);
    const page = await context.newPage();
    const requests: { url: string; type: string }[] = [];
    page.on('request', (request) => requests.push({ url: request.url(), type: request.resourceType() }));
    await page.goto(stack.portalUrl + path, { waitUntil: 'networkidle' });
    expect(requests.filter(({ type }) => type === 'font')).toEqual([]);
    expect(requests.filter(({ url, type }) => type === 'script' || /\.m?js(\?|$)/.test(new URL(url).pathname))).toEqual([]);
    expect(await page.locator('script').count()).toBe(0);
  });
});

describe('"Leave this page quickly"', () => {
  it.each(PUBLIC_PAGES)('%s has it right after the skip link, as a plain link to a neutral site', async (path) => {
    const page = await open(path, VIEWPORTS[0]);
    const leave = page.getByRole('link', { name: 'Leave this page quickly' });
    expect(await leave.getAttribute('href')).toBe(LEAVE_URL);
    expect((await leave.getAttribute('rel'))?.split(/\s+/)).toContain('noreferrer');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await leave.evaluate((element) => element === document.activeElement)).toBe(true);
    // Big enough to hit in a hurry, on a phone.
    const box = await leave.boundingBox();
    expect(box?.height).toBeGreaterThanOrEqual(44);
    expect(box?.width).toBeGreaterThanOrEqual(44);
  });

  it('leaves with Enter and tells the neutral site nothing about where the reader was', async () => {
    const page = await open('/somerset');
    const arrivals: Record<string, string>[] = [];
    // Answered here: the machine has no outside network, and only the request matters.
    await page.context().route(`${LEAVE_URL}**`, async (route) => {
      arrivals.push(route.request().headers());
      await route.fulfill({ status: 200, contentType: 'text/html', body: '<title>Weather</title>' });
    });
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await Promise.all([page.waitForURL(LEAVE_URL), page.keyboard.press('Enter')]);
    expect(arrivals).toHaveLength(1);
    expect(arrivals[0]).not.toHaveProperty('referer');
    expect(await page.evaluate(() => document.referrer)).toBe('');
  });
});
