import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DELIVERY_STATUS_LABELS } from '@pledgekeeper/domain/progress';
import { giveSafeguardingContact, launchChromium, publishProgress, startStack, storedFeedback, type Stack } from './harness';
import { adminEnv, councilThroughWorkspace, press, publisherOf, publishPage } from './journeys';
import { SAMPLE_PROGRESS } from './public-pages';

// Issue 12, "Promises first": a young person on a 360 x 640 phone, JavaScript off, sees who the
// page is from, "Leave this page quickly" and the start of the promises on the first screen; every
// promise heading within four screens; help no more than a screen after the promises.
const PHONE = { width: 360, height: 640 };
const SCREEN = PHONE.height;
const TWENTY = {
  slug: 'long-pledge',
  name: 'Long Pledge Borough Council',
  // Twenty short promises, as councils with many promises tend to write them.
  promises: [
    'We will listen to you.',
    'We will keep you safe.',
    'We will help you stay healthy.',
    'We will help you do well at school.',
    'We will find you a good home.',
    'We will help you see your family.',
    'We will tell you who to contact.',
    'We will involve you in your plans.',
    'We will answer your questions.',
    'We will help you make friends.',
    'We will support your hobbies.',
    'We will help you get a job.',
    'We will help you manage money.',
    'We will help you find a home.',
    'We will support you after care.',
    'We will treat you with respect.',
    'We will keep our word to you.',
    'We will say sorry if we get it wrong.',
    'We will celebrate your successes.',
    'We will ask you what you think.',
  ],
};

let stack: Stack;
let browser: Browser;
const contexts: BrowserContext[] = [];
let twentysPublisher: Page;

beforeAll(async () => {
  stack = await startStack({ apiEnv: adminEnv });
  browser = await launchChromium();
  twentysPublisher = await councilThroughWorkspace(browser, stack.portalUrl, TWENTY);
  contexts.push(twentysPublisher.context());
  // Published progress, so the first two promises show a status as well.
  await publishProgress(stack.databaseUrl, TWENTY.slug, SAMPLE_PROGRESS);
}, 180_000);

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await stack?.stop();
});

async function phone(path: string): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: PHONE });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(stack.portalUrl + path);
  return page;
}

/** Where things are on the page, in pixels from its top. */
async function layout(page: Page) {
  return page.evaluate(() => {
    const top = (element: Element) => element.getBoundingClientRect().top + window.scrollY;
    const bottom = (element: Element) => element.getBoundingClientRect().bottom + window.scrollY;
    const headings = [...document.querySelectorAll('section[aria-labelledby="pledge-heading"] :is(.promise-heading, .theme-heading)')];
    const promises = document.querySelector('section[aria-labelledby="pledge-heading"]');
    const help = document.getElementById('help-heading');
    const leave = document.querySelector('.leave-link');
    const from = document.querySelector('h1 .caption');
    const helpLink = [...document.querySelectorAll('a')].find((link) => link.textContent === 'Get help or make a complaint');
    return {
      headings: headings.map((heading) => heading.textContent?.trim() ?? ''),
      firstHeadingTop: headings[0] ? top(headings[0]) : null,
      firstHeadingBottom: headings[0] ? bottom(headings[0]) : null,
      lastHeadingTop: headings.at(-1) ? top(headings.at(-1)!) : null,
      promisesEnd: promises ? bottom(promises) : null,
      helpTop: help ? top(help) : null,
      leaveBottom: leave ? bottom(leave) : null,
      fromBottom: from ? bottom(from) : null,
      fromText: from?.textContent ?? '',
      helpLinkBottom: helpLink ? bottom(helpLink) : null,
      height: document.documentElement.scrollHeight,
    };
  });
}

const inScreens = (pixels: number | null) => (pixels === null ? null : Math.round((pixels / 640) * 100) / 100);

describe('promises first, on a 360 x 640 phone', () => {
  it.each([
    ['/worcestershire', 'Worcestershire County Council', 11],
    ['/somerset', 'Somerset County Council', 7],
    [`/${TWENTY.slug}`, TWENTY.name, 20],
  ] as const)(
    '%s shows who it is from, the way out and the first promise on the first screen; all %s headings within four screens; help a screen after them',
    async (path, council, count) => {
      const page = await phone(path);
      const at = await layout(page);
      // For the closing note: where the first and last promise headings and the help section are, in screens.
      console.log(
        `${path}: first promise heading ${inScreens(at.firstHeadingTop)}, last ${inScreens(at.lastHeadingTop)}, help ${inScreens(at.helpTop)}, page ${inScreens(at.height)} screens`,
      );
      expect(at.headings).toHaveLength(count);
      expect(at.fromText).toBe(council);
      expect(at.fromBottom).toBeLessThanOrEqual(SCREEN);
      expect(at.leaveBottom).toBeLessThanOrEqual(SCREEN);
      expect(at.helpLinkBottom).toBeLessThanOrEqual(SCREEN);
      expect(at.firstHeadingBottom).toBeLessThanOrEqual(SCREEN);
      expect(at.lastHeadingTop).toBeLessThanOrEqual(4 * SCREEN);
      expect(at.helpTop! - at.promisesEnd!).toBeGreaterThanOrEqual(0);
      expect(at.helpTop! - at.promisesEnd!).toBeLessThanOrEqual(SCREEN);
      // Help is one tap from the top.
      expect(await page.getByRole('link', { name: 'Get help or make a complaint' }).getAttribute('href')).toBe('#help-heading');
    },
  );

  it("names each promise in the council's own word, or by its theme", async () => {
    const worcestershire = await layout(await phone('/worcestershire'));
    expect(worcestershire.headings).toEqual(Array.from({ length: 11 }, (_, index) => `Pledge ${index + 1}`));
    const somerset = await layout(await phone('/somerset'));
    expect(somerset.headings[0]).toBe('Listening, informing');
    expect(somerset.headings.join(' ')).not.toMatch(/(Pledge|Promise) \d/);
    // A council made in the workspace keeps the default word until it chooses its own.
    const twenty = await layout(await phone(`/${TWENTY.slug}`));
    expect(twenty.headings.slice(0, 3)).toEqual(['Promise 1', 'Promise 2', 'Promise 3']);
  });

  it('shows each promise in plain words first, how it is going where the council has said, and the two links', async () => {
    const page = await phone('/worcestershire');
    const third = page.locator('#promise-3');
    expect(await third.locator('.plain-words').textContent()).toContain('Your learning matters a lot to us.');
    // The council's own words are one tap away, in a <details> that needs no JavaScript.
    const formal = third.locator('details');
    expect(await formal.locator('summary').textContent()).toBe("In the council's words");
    await formal.locator('summary').click();
    expect(await formal.locator('p').isVisible()).toBe(true);
    expect(await formal.locator('p').textContent()).toContain('Make sure that your learning is a priority');
    expect(await third.getByRole('link', { name: /^How we're doing with this\W+Pledge 3$/ }).getAttribute('href')).toBe(
      '/worcestershire/progress#promise-3',
    );
    // No progress published: no status is shown, and none invented.
    expect(await third.locator('.delivery-status').count()).toBe(0);

    const twenty = await phone(`/${TWENTY.slug}`);
    const onTrack = DELIVERY_STATUS_LABELS['on-track'];
    const done = DELIVERY_STATUS_LABELS.done;
    expect(await twenty.locator('#promise-1 .delivery-status').textContent()).toBe(`${onTrack.symbol} ${onTrack.word}`);
    expect(await twenty.locator('#promise-2 .delivery-status').textContent()).toBe(`${done.symbol} ${done.word}`);
    expect(await twenty.locator('#promise-3 .delivery-status').count()).toBe(0);
  });
});

describe('"Tell us if we\'re not keeping this"', () => {
  const MESSAGE = 'Nobody has asked me about my school this year.';

  it('opens the message form with the promise chosen; the message is kept with it and shown to staff', async () => {
    const page = await phone('/worcestershire');
    const link = page.locator('#promise-3').getByRole('link', { name: /^Tell us if we're not keeping this\W+Pledge 3$/ });
    expect(await link.getAttribute('href')).toBe('?about=promise-3#tell-us');
    await Promise.all([page.waitForEvent('load'), link.click()]);
    expect(new URL(page.url()).search).toBe('?about=promise-3');
    expect(await page.getByLabel('The promises').isChecked()).toBe(true);
    const which = page.getByLabel('Which pledge is it about? (optional)');
    expect(await which.inputValue()).toBe('promise-3');
    expect(await which.locator('option:checked').textContent()).toMatch(/^Pledge 3: Your learning matters/);

    await page.getByLabel('Your message').fill(MESSAGE);
    await press(page, 'Send your message');
    expect(await page.getByRole('status').filter({ hasText: 'Message sent' }).count()).toBe(1);
    // Only what is true: nobody is alerted, and messages are not answered one by one.
    const next = await page.locator('section.tell-us').textContent();
    expect(next).not.toContain('read every message');
    expect(next).toContain('Messages are not answered one by one');
    expect(await storedFeedback(stack.databaseUrl, 'worcestershire')).toMatchObject([
      { kind: 'message', topic: 'promises', about: 'promise-3', comment: MESSAGE },
    ]);

    const staff = await publisherOf(browser, stack.portalUrl, 'worcestershire', 'Wren Worcs');
    contexts.push(staff.context());
    await giveSafeguardingContact(stack.databaseUrl, 'worcestershire');
    await staff.goto(`${stack.portalUrl}/worcestershire/manage/feedback`);
    expect(await staff.locator('.feedback-item', { hasText: MESSAGE }).locator('.about').textContent()).toBe('About Pledge 3');
  });

  it("chooses a theme where the pledge has themes, and nothing for a promise that is not the council's", async () => {
    const somerset = await phone('/somerset?about=theme-where-i-live');
    expect(await somerset.getByLabel('Which theme is it about? (optional)').inputValue()).toBe('theme-where-i-live');
    const unknown = await phone('/somerset?about=promise-3');
    expect(await unknown.getByLabel('Which theme is it about? (optional)').inputValue()).toBe('');
    expect(await unknown.getByLabel('The promises').isChecked()).toBe(false);
  });

  it('refuses a tampered choice of promise on the field, keeping the words and storing nothing', async () => {
    const before = await storedFeedback(stack.databaseUrl, 'somerset');
    const page = await phone('/somerset');
    const which = page.getByLabel('Which theme is it about? (optional)');
    await which.evaluate((select) => {
      const option = document.createElement('option');
      option.value = 'promise-3';
      option.textContent = 'Forged';
      select.append(option);
    });
    await which.selectOption('promise-3');
    await page.getByLabel('Your message').fill(MESSAGE);
    await press(page, 'Send your message');
    const alert = page.getByRole('alert');
    expect(await alert.getByRole('link').first().textContent()).toBe(
      'That is not one of the promises Somerset County Council has published. Choose one from the list, or leave it out.',
    );
    expect(await alert.getByRole('link').first().getAttribute('href')).toBe('#message-about');
    expect(await page.getByLabel('Your message').inputValue()).toBe(MESSAGE);
    expect(await storedFeedback(stack.databaseUrl, 'somerset')).toEqual(before);
  });
});

describe('the page for staff, partners and professionals', () => {
  it('holds what is for adults, clearly labelled and linked from the young people’s page, which no longer does', async () => {
    const young = await phone('/somerset');
    const link = young.getByRole('link', { name: 'For staff and partners' });
    await Promise.all([young.waitForEvent('load'), link.click()]);
    expect(new URL(young.url()).pathname).toBe('/somerset/about');
    expect(await young.locator('h1').textContent()).toContain('For staff, partners and professionals');
    const headings = (await young.locator('h2').allTextContents()).map((heading) => heading.replace(/\s+/g, ' ').trim());
    expect(headings).toEqual(
      expect.arrayContaining([
        'Being a corporate parent',
        'Who the corporate parents are',
        "Our pledge, in the council's words",
        'Corporate Parenting Board (CPB)',
        'Getting involved',
        'Training',
        'Events and promotions',
      ]),
    );
    expect(await young.locator('main').textContent()).toContain('Invite us to your workplace.');
    expect(await young.getByRole('link', { name: 'Your page' }).getAttribute('href')).toBe('/somerset');

    const worcestershire = await phone('/worcestershire/about');
    const adult = (await worcestershire.locator('h2').allTextContents()).map((heading) => heading.trim());
    expect(adult).toEqual(
      expect.arrayContaining(['Being a good corporate parent means', "Corporate Parenting Board Pledge, in the council's words"]),
    );
    expect(await worcestershire.locator('.formal-promises li').first().textContent()).toBe(
      'Pledge 1: Support and help you to keep safe and prevent bullying',
    );

    // The young people's pages keep none of it.
    for (const path of ['/somerset', '/worcestershire']) {
      const page = await phone(path);
      const own = (await page.locator('h2').allTextContents()).map((heading) => heading.trim());
      for (const heading of ['Who the corporate parents are', 'Being a good corporate parent means', 'Training', 'Events and promotions']) {
        expect(own).not.toContain(heading);
      }
    }
  });
});

describe("the council's own word, chosen in the workspace", () => {
  it('names every promise with it once published', async () => {
    await twentysPublisher.goto(`${stack.portalUrl}/${TWENTY.slug}/manage/pledge`);
    await twentysPublisher.getByLabel('What you call each promise').selectOption('commitment');
    await press(twentysPublisher, 'Save pledge');
    await twentysPublisher.goto(`${stack.portalUrl}/${TWENTY.slug}/manage`);
    await publishPage(twentysPublisher);
    const page = await phone(`/${TWENTY.slug}`);
    const headings = (await layout(page)).headings;
    expect(headings).toEqual(Array.from({ length: 20 }, (_, index) => `Commitment ${index + 1}`));
    expect(await page.getByRole('link', { name: /^How we're doing with this\W+Commitment 3$/ }).getAttribute('href')).toBe(
      `/${TWENTY.slug}/progress#promise-3`,
    );
    const progress = await phone(`/${TWENTY.slug}/progress`);
    expect(await progress.locator('#promise-3-heading').textContent()).toBe('Commitment 3');
  });
});
