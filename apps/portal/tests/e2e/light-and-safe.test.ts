import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ABOUT_PAGES, COUNCIL_PAGES, DELIVERY_PAGES, PUBLIC_PAGES, VIEWPORTS, publicPagesSuite } from './public-pages';

// Issue 4: light and safe, measured in Debian's Chromium with JavaScript off.
const LEAVE_URL = 'https://www.bbc.co.uk/weather';
const BUDGET_BYTES = 30 * 1024;
const { stack, newContext, open } = publicPagesSuite();

describe('text at 200% on a 320 px wide screen', () => {
  it.each([...COUNCIL_PAGES, ...ABOUT_PAGES, ...DELIVERY_PAGES])('%s reflows with nothing wider than the screen', async (path) => {
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
        if (
          range.getBoundingClientRect().right > width + 0.5 &&
          !parent?.closest('.govuk-skip-link, .govuk-visually-hidden, .visually-hidden')
        ) {
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
  it.each([...COUNCIL_PAGES, ...ABOUT_PAGES, ...DELIVERY_PAGES])(
    '%s: HTML and CSS at most 30 KB gzipped, no web fonts, no script',
    async (path) => {
      const html = await (await fetch(stack().portalUrl + path)).text();
      const stylesheets = [...html.matchAll(/<link\b[^>]*>/gi)]
        .map(([tag]) => tag)
        .filter((tag) => /\brel="stylesheet"/i.test(tag))
        .map((tag) => new URL(/\bhref="([^"]+)"/i.exec(tag)?.[1] ?? '', stack().portalUrl + path).href);
      expect(stylesheets.length).toBeGreaterThan(0);
      const css = await Promise.all(stylesheets.map(async (url) => (await fetch(url)).text()));
      const gzipped = [html, ...css].reduce((total, text) => total + gzipSync(text).byteLength, 0);
      expect(gzipped).toBeLessThanOrEqual(BUDGET_BYTES);
      for (const sheet of css) expect(sheet).not.toMatch(/@font-face/i);
      expect(html).not.toMatch(/<script/i);

      // What the browser actually asks for, to catch anything referenced indirectly.
      const context = await newContext({ javaScriptEnabled: false });
      const page = await context.newPage();
      const requests: { url: string; type: string }[] = [];
      page.on('request', (request) => requests.push({ url: request.url(), type: request.resourceType() }));
      await page.goto(stack().portalUrl + path, { waitUntil: 'networkidle' });
      expect(requests.filter(({ type }) => type === 'font')).toEqual([]);
      expect(requests.filter(({ url, type }) => type === 'script' || /\.m?js(\?|$)/.test(new URL(url).pathname))).toEqual([]);
      expect(await page.locator('script').count()).toBe(0);
    },
  );
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
