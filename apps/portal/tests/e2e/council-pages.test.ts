import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CouncilContentInput } from '@pledgekeeper/domain/council';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, repoRoot, startStack, storedFeedback, type Stack } from './harness';

const seed = (slug: string): CouncilContentInput => JSON.parse(readFileSync(join(repoRoot, 'packages/db/seeds', `${slug}.json`), 'utf8'));
const PAGES = ['/', '/worcestershire', '/somerset', '/worcestershire/about', '/somerset/about', '/no-such-council'];

let stack: Stack;
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  stack = await startStack();
  browser = await launchChromium();
  context = await browser.newContext({ javaScriptEnabled: false });
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await stack?.stop();
});

async function open(path: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(stack.portalUrl + path);
  return page;
}

const text = async (page: Page, selector: string): Promise<string[]> =>
  (await page.locator(selector).allTextContents()).map((value) => value.replace(/\s+/g, ' ').trim());

/** Clicks "Send feedback" and waits for the page the server sends back. */
async function send(page: Page): Promise<number> {
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST'),
    // The next document's load, not the URL: after a first post the address is `?/feedback` already.
    page.waitForEvent('load'),
    page.getByRole('button', { name: 'Send feedback' }).click(),
  ]);
  expect(new URL(page.url()).search).toBe('?/feedback');
  return response.status();
}

describe('reading council pages without JavaScript', () => {
  it('lists both councils, each linking to its page', async () => {
    const page = await open('/');
    for (const [name, href] of [
      ['Worcestershire County Council', '/worcestershire'],
      ['Somerset County Council', '/somerset'],
    ]) {
      expect(await page.getByRole('link', { name }).getAttribute('href')).toBe(href);
    }
    const meta = await text(page, '.council-list .meta');
    expect(meta).toEqual(['County council, 7 themes', 'County council, 11 promises']);
    await page.close();
  });

  it('shows all 11 Worcestershire pledges in order, in plain words first and then in the council’s words', async () => {
    const page = await open('/worcestershire');
    const promises = seed('worcestershire').pledge?.promises ?? [];
    expect(promises).toHaveLength(11);
    // Each has its link to the progress page beside its heading, then its words, then a way to say it is not kept.
    const progress = promises.map((p) => `How we're doing with this: Pledge ${p.number}`);
    const tellUs = promises.map((p) => `Tell us if we're not keeping this: Pledge ${p.number}`);
    const expected = promises.map((p, index) =>
      p.plainWords
        ? `Pledge ${p.number} ${progress[index]} ${p.plainWords} In the council's words ${p.text} ${tellUs[index]}`
        : `Pledge ${p.number} ${progress[index]} ${p.text} ${tellUs[index]}`,
    );
    expect(await text(page, 'ol.promises > li')).toEqual(expected);
    expect(await text(page, 'ol.promises > li .promise-link')).toEqual(promises.flatMap((_, index) => [progress[index], tellUs[index]]));
    // The young person's version is read first, before the council's own.
    expect(await text(page, 'ol.promises > li > :nth-child(2)')).toEqual(promises.map((p) => p.plainWords ?? p.text));
    // The title names the council and no more, so a shared device's history gives little away.
    expect(await page.title()).toBe('Worcestershire County Council – Pledgekeeper');
    const about = await open('/worcestershire/about');
    expect(await about.getByText('Meets every two months', { exact: true }).count()).toBe(1);
    await page.close();
    await about.close();
  });

  it('shows Somerset’s seven themes and contacts to young people, and ways to get involved, training and events to staff', async () => {
    const page = await open('/somerset');
    const themes = (seed('somerset').pledge?.themes ?? []).map((theme) => theme.title);
    expect(themes).toHaveLength(7);
    expect(await text(page, '.themes > li')).toEqual(
      themes.map((theme) => `${theme} How we're doing with this: ${theme} Tell us if we're not keeping this: ${theme}`),
    );

    const contacts = page.getByRole('region', { name: 'Contacts' });
    const address = (await contacts.locator('address').innerText()).split('\n');
    expect(address).toEqual(expect.arrayContaining(['PO Box 618', 'TA1 3WF']));
    expect(await contacts.getByRole('link', { name: 'childrens@somerset.gov.uk' }).getAttribute('href')).toBe(
      'mailto:childrens@somerset.gov.uk',
    );
    expect(await contacts.getByRole('link', { name: '0300 123 2224' }).getAttribute('href')).toBe('tel:03001232224');

    const about = await open('/somerset/about');
    const involved = about.getByRole('region', { name: 'Getting involved' });
    expect(await involved.textContent()).toContain('Route1 Advocacy');
    const register = about.getByRole('region', { name: 'Training' }).getByRole('link');
    expect(await register.getAttribute('href')).toBe('mailto:SomersetCorporateParentingBoard@somerset.gov.uk');
    expect(await about.getByRole('region', { name: 'Events and promotions' }).textContent()).toContain('Invite us to your workplace.');
    await page.close();
    await about.close();
  });

  // Issue 12: the staff material moved to /{council}/about; nothing of the councils' content was lost on the way.
  it.each(['worcestershire', 'somerset'])('shows every sentence of the %s seed on its page or its page for staff', async (slug) => {
    const shown = (
      await Promise.all(
        [`/${slug}`, `/${slug}/about`].map(async (path) => {
          const page = await open(path);
          const words = (await page.locator('main').textContent()) ?? '';
          await page.close();
          return words;
        }),
      )
    )
      .join(' ')
      .replace(/\s+/g, ' ');
    const { council: _identity, ...content } = seed(slug);
    // Every piece of words in the file: codes, keys and addresses are data, not sentences.
    const sentences: string[] = [];
    const collect = (value: unknown, key = ''): void => {
      if (typeof value === 'string') {
        if (value.includes(' ') && !['key', 'kind', 'url', 'email', 'phone'].includes(key))
          sentences.push(value.replace(/\s+/g, ' ').trim());
      } else if (Array.isArray(value)) {
        value.forEach((item) => collect(item, key));
      } else if (value && typeof value === 'object') {
        for (const [name, item] of Object.entries(value)) collect(item, name);
      }
    };
    collect(content);
    expect(sentences.length).toBeGreaterThan(10);
    expect(sentences.filter((sentence) => !shown.includes(sentence))).toEqual([]);
  });

  it('answers an unknown council with a 404 page that leads home', async () => {
    const page = await context.newPage();
    const response = await page.goto(`${stack.portalUrl}/no-such-council`);
    expect(response?.status()).toBe(404);
    expect(await text(page, 'h1')).toEqual(['Page not found']);
    expect(await page.getByRole('link', { name: 'See the list of councils' }).getAttribute('href')).toBe('/');
    await page.close();
  });

  it.each(PAGES)('%s has one h1, headings in order and the skip link first', async (path) => {
    const page = await open(path);
    const levels = await page
      .locator('h1, h2, h3, h4, h5, h6')
      .evaluateAll((headings) => headings.map((heading) => Number(heading.tagName.slice(1))));
    expect(levels[0]).toBe(1);
    expect(levels.filter((level) => level === 1)).toHaveLength(1);
    levels.slice(1).forEach((level, index) => expect(level).toBeLessThanOrEqual(levels[index]! + 1));

    await page.keyboard.press('Tab');
    const focused = page.locator(':focus');
    expect(await focused.textContent()).toBe('Skip to main content');
    expect(await focused.getAttribute('href')).toBe('#main-content');
    expect(await page.locator('main#main-content').count()).toBe(1);
    await page.close();
  });

  it.each(PAGES)('%s fits a 360 px wide screen', async (path) => {
    const page = await context.newPage();
    await page.setViewportSize({ width: 360, height: 640 });
    await page.goto(stack.portalUrl + path);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.close();
  });

  it.each(PAGES)('%s sends the security headers and no script', async (path) => {
    const response = await fetch(stack.portalUrl + path);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('referrer-policy')).toBe('same-origin');
    const csp = response.headers.get('content-security-policy') ?? '';
    for (const directive of ["default-src 'self'", "script-src 'self'", "frame-ancestors 'none'", "form-action 'self'"]) {
      expect(csp).toContain(directive);
    }
    expect(await response.text()).not.toMatch(/<script/i);
  });

  it('gzips a council page for readers on little data, and still serves it plain to those who ask', async () => {
    const zipped = await fetch(`${stack.portalUrl}/worcestershire`, { headers: { 'accept-encoding': 'gzip' } });
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    expect(zipped.headers.get('vary')).toMatch(/accept-encoding/i);
    expect(await zipped.text()).toContain('Our promises to you');
    const plain = await fetch(`${stack.portalUrl}/worcestershire`, { headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toContain('Our promises to you');
  });
});

describe('"Was this page helpful?" without JavaScript', () => {
  it('stores an answer and says thank you', async () => {
    const comment = `Clear and useful ${Date.now()}`;
    const page = await open('/somerset');
    await page.getByLabel('Yes').check();
    await page.getByLabel('Tell us more (optional)').fill(comment);
    expect(await send(page)).toBe(200);
    const status = page.getByRole('status');
    expect(await status.textContent()).toContain('Thank you for your feedback.');
    expect(await status.evaluate((element) => element === document.activeElement)).toBe(true);
    const stored = await storedFeedback(stack.databaseUrl, 'somerset');
    expect(stored).toContainEqual(expect.objectContaining({ page: '/somerset', helpful: true, comment }));
    await page.close();
  });

  it('shows what to fix, keeps the comment and stores nothing when the answer is incomplete', async () => {
    const before = await storedFeedback(stack.databaseUrl, 'worcestershire');
    const page = await open('/worcestershire');
    const comment = 'x'.repeat(1201);
    const field = page.getByLabel('Tell us more (optional)');
    // Browsers stop typing at maxlength; a tampered or older browser may not.
    await field.evaluate((element) => element.removeAttribute('maxlength'));
    await field.fill(comment);
    expect(await send(page)).toBe(400);

    const summary = page.getByRole('alert');
    expect(await summary.getByRole('heading').textContent()).toBe('There is a problem');
    // The browser lands on the summary, so it is what a screen reader reads first.
    expect(await summary.evaluate((element) => element === document.activeElement)).toBe(true);
    const links = summary.getByRole('link');
    expect(await links.allTextContents()).toEqual([
      'Say whether the page was helpful: yes or no',
      'Your comment must be at most 1200 characters',
    ]);
    expect(await links.evaluateAll((all) => all.map((link) => link.getAttribute('href')))).toEqual([
      '#feedback-helpful-yes',
      '#feedback-comment',
    ]);
    const kept = page.getByLabel('Tell us more (optional)');
    expect(await kept.inputValue()).toBe(comment);
    expect(await kept.getAttribute('aria-invalid')).toBe('true');
    expect(await kept.getAttribute('aria-describedby')).toContain('feedback-comment-error');
    expect(await page.locator('#feedback-comment-error').textContent()).toContain('at most 1200 characters');
    expect(await page.getByRole('radiogroup').getAttribute('aria-invalid')).toBe('true');
    expect(await page.title()).toMatch(/^Error: /);
    expect(await storedFeedback(stack.databaseUrl, 'worcestershire')).toEqual(before);
    await page.close();
  });

  it('keeps markup in a comment as text: shown back escaped, stored as written', async () => {
    const markup = '<script>alert(1)</script>';
    const page = await open('/somerset');
    await page.getByLabel('Tell us more (optional)').fill(markup);
    expect(await send(page)).toBe(400);
    expect(await page.getByLabel('Tell us more (optional)').inputValue()).toBe(markup);
    expect(await page.locator('script').count()).toBe(0);
    expect(await page.content()).not.toContain(markup);

    await page.getByLabel('No').check();
    expect(await send(page)).toBe(200);
    expect(await page.getByRole('status').textContent()).toContain('Thank you');
    const stored = await storedFeedback(stack.databaseUrl, 'somerset');
    expect(stored).toContainEqual(expect.objectContaining({ helpful: false, comment: markup }));
    await page.close();
  });
});
