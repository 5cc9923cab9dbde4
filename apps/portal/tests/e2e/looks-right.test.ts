import { AxeBuilder } from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, startStack, storedFeedback, type Stack } from './harness';
import { adminEnv, press, publisherOf, publishPage } from './journeys';

// Issue 12, "Fix what looks broken": what a reader saw go wrong, checked as they would see it, in
// Chromium with JavaScript off, at the widths it went wrong at.
const WIDE = { width: 1280, height: 800 };
const PHONE = { width: 360, height: 640 };

let stack: Stack;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  [stack, browser] = await Promise.all([startStack({ apiEnv: adminEnv }), launchChromium()]);
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await stack?.stop();
});

async function open(path: string, viewport = WIDE, javaScriptEnabled = false): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled, viewport });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(stack.portalUrl + path);
  return page;
}

/** How many lines each element's text takes: one rectangle per line box. */
const linesOf = (page: Page, selector: string): Promise<number[]> =>
  page.locator(selector).evaluateAll((elements) =>
    elements.map((element) => {
      const range = document.createRange();
      range.selectNodeContents(element);
      return new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size;
    }),
  );

/** Words broken across two lines, as "Worcestershir / e" was: each word of each element must sit on one line. */
const splitWords = (page: Page, selector: string): Promise<string[]> =>
  page.locator(selector).evaluateAll((elements) =>
    elements.flatMap((element) => {
      const text = element.firstChild;
      if (!text || text.nodeType !== Node.TEXT_NODE) return [`${element.textContent}: not plain text`];
      const value = text.textContent ?? '';
      const split: string[] = [];
      for (const match of value.matchAll(/\S+/g)) {
        const range = document.createRange();
        range.setStart(text, match.index);
        range.setEnd(text, match.index + match[0].length);
        const tops = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top)));
        if (tops.size > 1) split.push(match[0]);
      }
      return split;
    }),
  );

const background = (page: Page, selector: string) =>
  page.locator(selector).evaluate((element) => getComputedStyle(element).backgroundColor);

describe('"Was this page helpful?"', () => {
  it.each([WIDE, PHONE])('keeps "Yes" and "No" on one line each at $width px, beside their radios', async (viewport) => {
    const page = await open('/worcestershire', viewport);
    expect(await page.locator('.feedback .govuk-radios__label').allTextContents()).toEqual(['Yes', 'No']);
    expect(await linesOf(page, '.feedback .govuk-radios__label')).toEqual([1, 1]);
    const [yes, no] = await page
      .locator('.feedback .govuk-radios__label')
      .evaluateAll((labels) => labels.map((l) => l.getBoundingClientRect()));
    // A letter a line made each label about three times as tall as it was wide.
    expect(yes!.width).toBeGreaterThan(yes!.height);
    expect(no!.width).toBeGreaterThan(no!.height);
  });

  it('has a "Send feedback" button that stands out from its grey panel', async () => {
    const page = await open('/worcestershire');
    const button = await background(page, '.feedback button[type="submit"]');
    expect(await page.locator('.feedback button[type="submit"]').textContent()).toBe('Send feedback');
    expect(button).not.toBe(await background(page, '.feedback'));
    expect(button).not.toBe('rgba(0, 0, 0, 0)');
  });

  it('asks the council’s own question where it has one, and the portal’s otherwise', async () => {
    expect(await (await open('/somerset')).locator('.feedback legend').textContent()).toBe('Was this information helpful?');
    expect(await (await open('/worcestershire')).locator('.feedback legend').textContent()).toBe('Was this page helpful?');
  });

  it('lets a publisher word the question in the workspace, and shows it once published', async () => {
    const publisher = await publisherOf(browser, stack.portalUrl, 'worcestershire');
    contexts.push(publisher.context());
    await publisher.goto(`${stack.portalUrl}/worcestershire/manage/statement`);
    await publisher.getByLabel('Question above the feedback form').fill('Did this page help you?');
    await press(publisher, 'Save statement');
    await publisher.goto(`${stack.portalUrl}/worcestershire/manage`);
    await publishPage(publisher);
    expect(await (await open('/worcestershire')).locator('.feedback legend').textContent()).toBe('Did this page help you?');
  });
});

describe('the principles matrix on /compare at 1280 px', () => {
  it('shows every column whole, "Covered of 7" included, with no need to scroll sideways', async () => {
    const page = await open('/compare');
    const region = page.locator('.table-scroll:has(table.matrix)');
    const { clientWidth, scrollWidth, right } = await region.evaluate((element) => ({
      clientWidth: element.clientWidth,
      scrollWidth: element.scrollWidth,
      right: element.getBoundingClientRect().right,
    }));
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
    const last = page.locator('table.matrix thead th').last();
    expect((await last.textContent())?.replace(/\s+/g, ' ').trim()).toBe('Covered of 7');
    expect((await last.boundingBox())!.x + (await last.boundingBox())!.width).toBeLessThanOrEqual(right + 0.5);
    for (const cell of await page.locator('table.matrix [data-figure="covered"]').all()) {
      const box = (await cell.boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(right + 0.5);
    }
  });

  it('never breaks a council’s name inside a word', async () => {
    const page = await open('/compare');
    expect(await page.locator('table.matrix th.council a').allTextContents()).toContain('Worcestershire County Council');
    expect(await splitWords(page, 'table.matrix th.council a')).toEqual([]);
  });
});

describe('the pledge card', () => {
  it('prints the full address of the council’s page', async () => {
    const page = await open('/worcestershire/card');
    await page.emulateMedia({ media: 'print' });
    const address = page.locator('.card-address');
    expect((await address.textContent())?.replace(/\s+/g, ' ')).toContain(`${stack.portalUrl}/worcestershire`);
    expect(await address.isVisible()).toBe(true);
  });

  it('puts Somerset’s phone number and email on lines of their own on a 360 px phone', async () => {
    const page = await open('/somerset/card', PHONE);
    const team = page.locator('.card-contacts li', { hasText: "Children and Young People's Team" });
    const phone = (await team.locator('a[href^="tel:"]').boundingBox())!;
    const email = (await team.locator('a[href^="mailto:"]').boundingBox())!;
    expect(email.y).toBeGreaterThanOrEqual(phone.y + phone.height - 1);
    expect(await team.locator('a[href^="mailto:"]').evaluate((a) => a.parentElement?.textContent?.trim())).toMatch(/^Email /);
  });
});

describe('a form sent from another website', () => {
  it('gets the portal’s own page, status 403, and nothing is stored', async () => {
    const before = await storedFeedback(stack.databaseUrl, 'somerset');
    const response = await fetch(`${stack.portalUrl}/somerset?/feedback`, {
      method: 'POST',
      headers: { origin: 'https://elsewhere.example', 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
      body: 'helpful=yes&comment=from+elsewhere',
    });
    expect(response.status).toBe(403);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await response.text();
    expect(html).toContain('<h1>We could not accept this form</h1>');
    expect(html).toContain('Leave this page quickly');
    expect(await storedFeedback(stack.databaseUrl, 'somerset')).toEqual(before);
  });

  it.each([WIDE, PHONE])('is shown styled, wherever the form was sent, with no WCAG violations at $width px', async (viewport) => {
    const context = await browser.newContext({ javaScriptEnabled: true, viewport });
    contexts.push(context);
    const page = await context.newPage();
    // A page of no origin at all posting into the workspace, three folders deep.
    await page.setContent(
      `<form method="post" action="${stack.portalUrl}/worcestershire/manage/statement"><input name="summary" value="x"><button>Send</button></form>`,
    );
    const [response] = await Promise.all([page.waitForEvent('response'), page.getByRole('button', { name: 'Send' }).click()]);
    await page.waitForLoadState('load');
    expect(response.status()).toBe(403);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('We could not accept this form');
    // The stylesheet arrived: the header has the platform's dark colour, not the browser's none.
    expect(await background(page, '.site-header')).toBe('rgb(11, 12, 12)');
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    expect(results.violations.map((v) => v.id)).toEqual([]);
  });

  it('is still accepted from the portal’s own pages', async () => {
    const page = await open('/somerset');
    await page.getByLabel('Yes', { exact: true }).check();
    await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Send feedback' }).click()]);
    expect(await page.getByText('Thank you for your feedback.').count()).toBe(1);
  });
});
