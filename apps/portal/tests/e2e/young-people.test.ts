import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, repoRoot, startStack, storedFeedback, type Stack } from './harness';
import { adminEnv, press, publisherOf } from './journeys';

// Issue 4, "Written for them" and "Their voice": with JavaScript off, as a young person on a
// cheap phone would read, and as the council's staff then see it.
let stack: Stack;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  stack = await startStack({ apiEnv: adminEnv });
  browser = await launchChromium();
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await stack?.stop();
});

async function reader(path: string): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 640 } });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(stack.portalUrl + path);
  return page;
}

/** How many A4 pages the browser prints: each page is one "/Type /Page" object in the PDF. */
async function printedPages(page: Page): Promise<number> {
  const pdf = await page.pdf({ format: 'A4' });
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
}

const MESSAGE = 'Nobody told me I could have an advocate until I was 17.';

describe('"Tell us what you think"', () => {
  it('asks for words, then sends them anonymously and says plainly what happens next', async () => {
    const page = await reader('/somerset');
    await press(page, 'Send your message');
    expect(await page.getByRole('alert').textContent()).toContain('Write what you think before you send it');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('tell-us');
    expect(await storedFeedback(stack.databaseUrl, 'somerset')).toEqual([]);

    await page.getByLabel('Getting help or support').check();
    await page.getByLabel('Your message').fill(MESSAGE);
    await press(page, 'Send your message');
    const confirmation = page.getByRole('status').filter({ hasText: 'Message sent' });
    expect(await confirmation.count()).toBe(1);
    expect(await page.locator('#tell-us-heading ~ h3').first().textContent()).toBe('What happens next');
    expect(await page.textContent('main')).toContain('they cannot write back to you');
    // Nobody asked who they are: the form has no field for it.
    expect(await page.locator('input[type="email"], input[name*="name"]').count()).toBe(0);

    const stored = await storedFeedback(stack.databaseUrl, 'somerset');
    expect(stored).toMatchObject([{ kind: 'message', topic: 'help', comment: MESSAGE, status: 'new' }]);
    // Never shown publicly.
    expect(await (await reader('/somerset')).textContent('body')).not.toContain(MESSAGE);
  });

  it("shows the council's staff the message with counts, lets them mark it answered, and keeps it from other councils", async () => {
    const staff = await publisherOf(browser, stack.portalUrl, 'somerset', 'Sam Somerset');
    contexts.push(staff.context());
    await staff.goto(`${stack.portalUrl}/somerset/manage/feedback`);
    // No message is shown until the council has said who to tell when one suggests a child is at risk.
    expect(await staff.locator('main').textContent()).toContain('Messages can be read here once Somerset County Council has given');
    expect(await staff.locator('main').textContent()).not.toContain(MESSAGE);
    await staff
      .getByLabel('Who to contact when a message suggests a child may be at risk')
      .fill('Children’s services front door: 0300 000 0000');
    await press(staff, 'Save the safeguarding contact');
    expect(await staff.locator('.govuk-warning-text').textContent()).toContain('contact Children’s services front door: 0300 000 0000');
    const row = staff.locator('tbody tr').first();
    expect((await row.locator('th, td').allTextContents()).map((cell) => cell.trim())).toEqual([
      new Date().toISOString().slice(0, 7),
      '/somerset',
      '0',
      '0',
      '1',
    ]);
    const item = staff.locator('.feedback-item', { hasText: MESSAGE });
    expect(await item.locator('.govuk-tag').textContent()).toBe('New');
    expect(await item.textContent()).toContain('about getting help or support');

    await Promise.all([staff.waitForEvent('load'), item.getByRole('button', { name: /^Mark as read/ }).click()]);
    expect(await staff.locator('.feedback-item', { hasText: MESSAGE }).locator('.govuk-tag').textContent()).toBe('Read');
    await Promise.all([
      staff.waitForEvent('load'),
      staff
        .locator('.feedback-item', { hasText: MESSAGE })
        .getByRole('button', { name: /^Mark as answered in person/ })
        .click(),
    ]);
    const answered = staff.locator('.feedback-item', { hasText: MESSAGE });
    // Answered in person: an answer in public is "you said, we did", shown as "Answered publicly".
    expect(await answered.locator('.govuk-tag').textContent()).toBe('Answered in person');
    expect(await answered.textContent()).toContain('Answered in person by Sam Somerset');
    // Whoever reads the messages is told, always, what to do when one suggests a child is at risk.
    expect(await staff.locator('.govuk-warning-text').textContent()).toContain('may be at risk of harm, act straight away');
    expect((await storedFeedback(stack.databaseUrl, 'somerset'))[0]).toMatchObject({ status: 'answered', statusChangedBy: 'Sam Somerset' });

    // The staff pages meet the same bar as the public ones (axe needs JavaScript to run).
    const checked = await browser.newContext({ storageState: await staff.context().storageState() });
    contexts.push(checked);
    for (const path of ['/somerset/manage/feedback', '/somerset/manage/branding']) {
      const page = await checked.newPage();
      await page.goto(stack.portalUrl + path);
      const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
      expect(results.violations.map((violation) => `${path}: ${violation.id}`)).toEqual([]);
    }

    const other = await publisherOf(browser, stack.portalUrl, 'worcestershire', 'Wren Worcs');
    contexts.push(other.context());
    const response = await other.goto(`${stack.portalUrl}/somerset/manage/feedback`);
    expect(response?.status()).toBe(403);
    expect(await other.textContent('body')).not.toContain(MESSAGE);
  });
});

describe('the pledge card', () => {
  it.each(['/worcestershire', '/somerset'])('%s/card prints on one A4 page, with the promises and who to contact', async (path) => {
    const page = await reader(`${path}/card`);
    expect(await page.locator('h1').textContent()).toContain('Our promises to you');
    expect(await page.textContent('.card-contacts')).toContain('0800 528 0731');
    expect(await printedPages(page)).toBe(1);
  });

  it('is counted right: the full council page prints on several pages', async () => {
    expect(await printedPages(await reader('/worcestershire'))).toBeGreaterThan(1);
  });

  it("shows Worcestershire's promises in plain words where it has them", async () => {
    const page = await reader('/worcestershire/card');
    const items = (await page.locator('.card-promises li').allTextContents()).map((item) => item.replace(/\s+/g, ' ').trim());
    const seed = JSON.parse(await readFile(join(repoRoot, 'packages/db/seeds/worcestershire.json'), 'utf8')) as {
      pledge: { promises: { number: number; text: string; plainWords?: string | null }[] };
    };
    expect(items).toEqual(seed.pledge.promises.map((p) => `Pledge ${p.number}: ${p.plainWords ?? p.text}`));
  });
});

describe('help and complaints', () => {
  it.each(['/worcestershire', '/somerset'])('%s gives a route to an advocate and to making a complaint', async (path) => {
    const page = await reader(path);
    const help = page.getByRole('region', { name: 'Need someone on your side, or want to complain?' });
    expect(await help.getByRole('link', { name: '0800 528 0731' }).getAttribute('href')).toBe('tel:08005280731');
    expect(await help.textContent()).toContain('make a complaint');
    // Reached from the top of the page in one step.
    expect(await page.getByRole('link', { name: 'Get help or make a complaint' }).getAttribute('href')).toBe('#help-heading');
  });

  it("links Somerset's own theme on complaints, and its contact", async () => {
    const page = await reader('/somerset');
    const help = page.getByRole('region', { name: 'Need someone on your side, or want to complain?' });
    const theme = help.getByRole('link', { name: 'Sorting out problems and making complaints' });
    const target = (await theme.getAttribute('href')) ?? '';
    expect(await page.locator(target).count()).toBe(1);
    expect(await help.textContent()).toContain('0300 123 2224');
  });
});
