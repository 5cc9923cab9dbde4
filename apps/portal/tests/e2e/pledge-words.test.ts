import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { councilScope, createDatabase, findCouncilBySlug } from '@pledgekeeper/db';
import { describeEachDialect } from '@pledgekeeper/stack';
import { launchChromium, startStack, type Stack } from './harness';
import { TEST_ADMIN, acceptInvitation, adminEnv, press, publishPage } from './journeys';

// Issues #4 and #5 with JavaScript off: plain words with a reading age, and suggested mappings
// that an editor accepts or turns down on Worcestershire's pledge.
const W = 'worcestershire';
const NEW_PROMISE = 'We will listen to you and help you find a job.';

let stack: Stack;
let browser: Browser;
const contexts: BrowserContext[] = [];
let publisher: Page;
let editor: Page;

async function person(): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled: false });
  contexts.push(context);
  return context.newPage();
}
const go = (page: Page, path: string) => page.goto(stack.portalUrl + path);
const invitationLink = async (page: Page) => ((await page.getByTestId('invitation-link').textContent()) ?? '').trim();

/** What the public is shown for promise 12, read from the published edition in the database. */
async function publishedPromise12() {
  const { db } = createDatabase(stack.databaseUrl);
  try {
    const council = (await findCouncilBySlug(db, W))!;
    return (await councilScope(db, council.id, council.council).publishedPage())?.content.pledge?.promises[11];
  } finally {
    await db.destroy();
  }
}

const suggested = (page: Page, promise: number) => page.getByRole('region', { name: `Suggested for promise ${promise}` });

describeEachDialect(describe, 'plain words and suggested mappings without JavaScript, on %s', (dialect) => {
  beforeAll(async () => {
    stack = await startStack({ dialect, apiEnv: adminEnv });
    browser = await launchChromium();
    const admin = await person();
    await go(admin, '/sign-in');
    await admin.getByLabel('Email address').fill(TEST_ADMIN.email);
    await admin.getByLabel('Password').fill(TEST_ADMIN.password);
    await press(admin, 'Sign in');
    await admin.getByLabel('Council', { exact: true }).selectOption(W);
    await admin.getByLabel('Publisher’s email address').fill('publisher@worcestershire.example');
    await press(admin, 'Create invitation link');
    publisher = await person();
    await acceptInvitation(publisher, await invitationLink(admin), 'Wren Publisher');
    await go(publisher, `/${W}/manage/people`);
    await publisher.getByLabel('Email address').fill('editor@worcestershire.example');
    await press(publisher, 'Create invitation link');
    editor = await person();
    await acceptInvitation(editor, await invitationLink(publisher), 'Will Editor');
  });

  afterAll(async () => {
    for (const context of contexts.splice(0)) await context.close();
    await browser?.close();
    await stack?.stop();
  });

  it('shows a reading age for the formal text and the plain words of each promise', async () => {
    await go(editor, `/${W}/manage/pledge`);
    expect(await editor.locator('#field-promises-1-text-hint').textContent()).toContain(
      'Reading age (an estimate): about 17 years: hard to read.',
    );
    expect(await editor.locator('#field-promises-1-plainWords-hint').textContent()).toMatch(
      /Reading age \(an estimate\): about \d years: easy to read\./,
    );
    // The seeded promises are mapped and reviewed: nothing is waiting to be accepted.
    expect(await editor.getByRole('heading', { name: /^Suggested/ }).count()).toBe(0);
  });

  it('suggests mappings for a new, unmapped promise, with reasons, none of them chosen', async () => {
    await press(editor, 'Add promise');
    await editor.locator('#field-promises-11-number').fill('12');
    await editor.locator('#field-promises-11-text').fill(NEW_PROMISE);
    await press(editor, 'Save pledge');
    expect(await editor.getByRole('status').textContent()).toContain('Saved');
    const list = suggested(editor, 12);
    expect(
      await list
        .locator('fieldset')
        .allTextContents()
        .then((items) => items.map((item) => item.replace(/\s+/g, ' ').trim())),
    ).toEqual(
      [
        ['Express views (corporate parenting principle)', '“listen”'],
        ['Views taken into account (corporate parenting principle)', '“listen”'],
        ['Access to services (corporate parenting principle)', '“help you find”'],
        ['Preparing for adulthood (corporate parenting principle)', '“job”'],
        ['Employment (local offer area)', '“job”'],
      ].map(
        ([name, words]) =>
          `${name} for promise 12 Suggested because it mentions ${words}. Accept Turn down: do not suggest it again Decide later`,
      ),
    );
    // Nothing is decided until someone chooses: "Decide later" is what each starts at.
    expect(await list.locator('input[type="radio"][value=""]:checked').count()).toBe(5);
    expect(await editor.locator('input[name="promises.11.principles"]:checked').count()).toBe(0);
    expect(await editor.locator('input[name="promises.11.localOfferAreas"]:checked').count()).toBe(0);
  });

  it('accepts one suggestion, keeping plain words typed but not yet saved, and shows their reading age', async () => {
    await editor.locator('#field-promises-11-plainWords').fill('We will hear you. We will help you get a job.');
    await suggested(editor, 12)
      .getByRole('group', { name: /^Preparing for adulthood/ })
      .getByLabel('Accept')
      .check();
    await press(editor, 'Save pledge');
    expect(await editor.getByRole('status').textContent()).toContain('Saved');
    expect(await editor.locator('#field-promises-11-principles-6').isChecked()).toBe(true);
    expect(await editor.locator('#field-promises-11-plainWords').inputValue()).toBe('We will hear you. We will help you get a job.');
    expect(await editor.locator('#field-promises-11-plainWords-hint').textContent()).toContain('about 5 years: easy to read');
    expect(
      await suggested(editor, 12)
        .getByRole('group', { name: /^Preparing for adulthood/ })
        .count(),
    ).toBe(0);
  });

  it('turns down another suggestion for good', async () => {
    await suggested(editor, 12)
      .getByRole('group', { name: /^Express views/ })
      .getByLabel(/^Turn down/)
      .check();
    await press(editor, 'Save pledge');
    expect(await editor.getByRole('status').textContent()).toContain('Saved');
    await go(editor, `/${W}/manage/pledge`);
    const names = await suggested(editor, 12).locator('legend').allTextContents();
    expect(names.map((name) => name.replace(/\s+/g, ' ').trim())).toEqual([
      'Views taken into account (corporate parenting principle) for promise 12',
      'Access to services (corporate parenting principle) for promise 12',
      'Employment (local offer area) for promise 12',
    ]);
    expect(await editor.locator('#field-promises-11-principles-1').isChecked()).toBe(false);
  });

  it('publishes the accepted mapping and the plain words, and never the suggestions', async () => {
    await go(publisher, `/${W}/manage`);
    await publishPage(publisher);
    expect(await publisher.getByRole('status').textContent()).toContain('Published');
    expect(await publishedPromise12()).toMatchObject({
      number: 12,
      text: NEW_PROMISE,
      plainWords: 'We will hear you. We will help you get a job.',
      principles: ['cswa2017-1g'],
      localOfferAreas: [],
      rejectedSuggestions: ['cswa2017-1b'],
    });
    await go(publisher, `/${W}`);
    const html = await publisher.content();
    expect(html).toContain(NEW_PROMISE);
    expect(html).not.toMatch(/Suggested because|rejectedSuggestions/);
    // The turned-down suggestion stays turned down in the next draft too.
    await go(editor, `/${W}/manage/pledge`);
    expect((await suggested(editor, 12).locator('legend').allTextContents()).map((name) => name.split(' (')[0]!.trim())).toEqual([
      'Views taken into account',
      'Access to services',
      'Employment',
    ]);
  });
});
