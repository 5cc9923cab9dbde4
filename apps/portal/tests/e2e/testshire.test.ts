import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, startStack, type Stack } from './harness';
import { TEST_ADMIN, acceptInvitation, adminEnv, press, signIn } from './journeys';

// Issue 13's journey, as a new council's team takes it: the admin creates Testshire and invites a
// publisher, who writes a statement, a pledge of 3 promises (deciding every suggestion), a board
// and 2 contacts, and publishes; an editor changes a promise and sends it for review; the
// publisher publishes. Every full page load is counted, with JavaScript off and again on.
//
// The same journey on the workspace as it was before this issue (commit ff935cb), scripted the
// same way but pressing "Add", "Renumber" and each suggestion's button as that form needed: 38
// page loads in all, 24 of them from accepting the invitation to the first publication.
const BEFORE = { total: 38, toFirstPublication: 24 };
// With JavaScript on, the workspace's forms answer in place: only opening an address, signing in
// and accepting an invitation load a page. Filled in by the journey without it, which runs first.
const withoutJavaScript = { total: 0, toFirstPublication: 0 };

const PROMISES = ['We will keep you safe from bullying.', 'We will listen to your views.', 'We will help you find a job.'];

let stack: Stack;
let browser: Browser;

beforeAll(async () => {
  [stack, browser] = await Promise.all([startStack({ apiEnv: adminEnv }), launchChromium()]);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

describe.each([false, true])('the Testshire journey (JavaScript %s)', (javaScriptEnabled) => {
  const slug = javaScriptEnabled ? 'testshire-js' : 'testshire';
  let loads = 0;
  const person = async (): Promise<Page> => {
    const page = await (await browser.newContext({ javaScriptEnabled })).newPage();
    page.on('load', () => (loads += 1));
    return page;
  };
  const go = (page: Page, path: string) => page.goto(stack.portalUrl + path);
  let toFirstPublication = 0;

  it('takes at most half the page loads it took before', async () => {
    const admin = await person();
    await signIn(admin, stack.portalUrl, TEST_ADMIN.email, TEST_ADMIN.password);
    await admin.getByLabel('Slug').fill(slug);
    await admin.getByLabel('Name', { exact: true }).fill('Testshire County Council');
    await admin.getByLabel('Kind').selectOption('county');
    await admin.getByLabel('Nation').selectOption('england');
    // The council and its first publisher's invitation, in one step.
    await admin.getByLabel('Email address of its first publisher').fill(`pat@${slug}.example`);
    await press(admin, 'Create council');
    expect(await admin.getByRole('status').first().textContent()).toBe('Testshire County Council was created.');
    const link = (await admin.getByTestId('invitation-link').textContent())!.trim();
    const adminLoads = loads;

    // A new council's first publisher starts at the statement and goes on from there.
    const publisher = await person();
    await acceptInvitation(publisher, link, 'Pat Publisher');
    expect(new URL(publisher.url()).pathname).toBe(`/${slug}/manage/statement`);
    await publisher.getByLabel('What corporate parenting means').fill('Everyone at Testshire is your corporate parent.');
    await press(publisher, 'Save and continue to pledge');

    await publisher.getByLabel('Children in care').check();
    for (const [index, text] of PROMISES.entries()) await publisher.locator(`#field-promises-${index}-text`).fill(text);
    // Suggestions come from the words saved: the first save shows them, and each is decided on the form.
    await press(publisher, 'Save pledge');
    const choices = publisher.locator('section.suggestions fieldset');
    const suggestions = await choices.count();
    expect(suggestions).toBeGreaterThan(0);
    for (let index = 0; index < suggestions; index++) await choices.nth(index).getByLabel('Accept').check();
    await press(publisher, 'Save and continue to board');

    await publisher.getByLabel('Name of the board').fill('Corporate Parenting Board');
    await publisher.getByLabel('Purpose').fill('It checks we keep our promises.');
    await press(publisher, 'Save and continue to contacts');

    await publisher.locator('#field-contacts-0-team').fill('Children in care team');
    await publisher.locator('#field-contacts-0-phone').fill('01234 567890');
    await publisher.locator('#field-contacts-1-team').fill('Leaving care team');
    await publisher.locator('#field-contacts-1-email').fill(`leaving@${slug}.example`);
    await press(publisher, 'Save and go to the overview');
    await publisher.getByLabel(/^I have checked/).check();
    await press(publisher, 'Publish');
    expect(await publisher.getByRole('status').textContent()).toContain('Published');
    toFirstPublication = loads - adminLoads;

    await go(publisher, `/${slug}/manage/people`);
    await publisher.getByLabel('Email address').fill(`eddie@${slug}.example`);
    await press(publisher, 'Create invitation link');
    const editorLink = (await publisher.getByTestId('invitation-link').textContent())!.trim();

    const editor = await person();
    await acceptInvitation(editor, editorLink, 'Eddie Editor');
    await go(editor, `/${slug}/manage/pledge`);
    await editor.locator('#field-promises-1-text').fill('We will always listen to your views.');
    await press(editor, 'Save and send for review');
    expect(await editor.getByRole('status').textContent()).toContain('sent for review');

    await go(publisher, `/${slug}/manage`);
    await publisher.getByLabel(/^I have checked/).check();
    await press(publisher, 'Publish');
    expect(await publisher.getByRole('status').textContent()).toContain('Published');

    const page = await go(publisher, `/${slug}`);
    expect(await page?.text()).toContain('We will always listen to your views.');
    loads -= 1; // the check of the public page above is not part of the journey

    console.log(
      `Testshire, JavaScript ${javaScriptEnabled ? 'on' : 'off'}: ${loads} page loads, ${toFirstPublication} to the first publication`,
    );
    expect(loads).toBeLessThanOrEqual(BEFORE.total / 2);
    expect(toFirstPublication).toBeLessThanOrEqual(BEFORE.toFirstPublication / 2);
    if (!javaScriptEnabled) {
      Object.assign(withoutJavaScript, { total: loads, toFirstPublication });
      return;
    }
    expect(withoutJavaScript.total, 'the journey without JavaScript ran first').toBeGreaterThan(0);
    expect(loads).toBeLessThanOrEqual(withoutJavaScript.total / 2);
    expect(toFirstPublication).toBeLessThanOrEqual(withoutJavaScript.toFirstPublication / 3);
  }, 240_000);
});
