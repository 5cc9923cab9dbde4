import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { dialectsUnderTest } from '@pledgekeeper/db/testing';
import { launchChromium, startStack, storedRows, type Stack } from './harness';
import { actionUrl, portalActions, type PortalAction } from './portal-actions';

// The "Done when" journey, through the portal's forms with JavaScript off.
const ADMIN = { email: 'admin@pledgekeeper.example', password: 'a long admin passphrase for tests' };
const PASSWORD = 'another long passphrase here';
const SLUG = 'north-somerset';

let stack: Stack;
let browser: Browser;
const contexts: BrowserContext[] = [];

/** A fresh browser with no JavaScript and no cookies: one person. */
async function person(): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled: false });
  contexts.push(context);
  return context.newPage();
}

const go = (page: Page, path: string) => page.goto(stack.portalUrl + path);

/** Presses a button and waits for the page the server answers with (after any redirect). */
async function press(page: Page, name: string): Promise<void> {
  await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name, exact: true }).click()]);
}

async function signIn(page: Page, email: string, password: string): Promise<void> {
  await go(page, '/sign-in');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(password);
  await press(page, 'Sign in');
}

async function accept(page: Page, link: string, name: string): Promise<void> {
  await page.goto(link);
  await page.getByLabel('Your name').fill(name);
  await page.getByLabel('Choose a password').fill(PASSWORD);
  await page.getByLabel('Type the password again').fill(PASSWORD);
  await press(page, 'Create my account and accept');
}

const invitationLink = async (page: Page): Promise<string> => {
  const link = (await page.getByTestId('invitation-link').textContent())?.trim() ?? '';
  expect(link).toMatch(new RegExp(`^${stack.portalUrl}/invitations/\\S+$`));
  return link;
};

async function invite(page: Page, council: string, email: string): Promise<string> {
  await go(page, `/${council}/manage/people`);
  await page.getByLabel('Email address').fill(email);
  await press(page, 'Create invitation link');
  return invitationLink(page);
}

// Open to anyone by design: reading and feedback, signing in and out, accepting an invitation by its token.
const PUBLIC = new Set(['/[council]#feedback', '/[council]#message', '/sign-in#signIn', '/sign-out#default', '/invitations/[token]#accept']);
const key = (action: PortalAction) => `${action.route}#${action.name}`;
const isWorkspace = (action: PortalAction) => action.route.startsWith('/[council]/manage');
const isAdmin = (action: PortalAction) => action.route === '/admin';
/** Plausible values for every field any workspace form has, so each action reaches the API. */
const HOSTILE_FORM = {
  revision: '0', command: 'save', comment: 'No', email: 'intruder@example.org', role: 'publisher', invitationId: '1',
  summary: 'Hijacked', title: 'Hijacked', name: 'Hijacked', audiences: 'carers', slug: 'hijacked', kind: 'county',
  nation: 'england', council: 'somerset', brandColour: '#003366', brandName: 'Hijacked',
  id: '00000000-0000-4000-8000-000000000000', status: 'answered',
};

const texts = async (page: Page, selector: string): Promise<string[]> =>
  (await page.locator(selector).allTextContents()).map((value) => value.replace(/\s+/g, ' ').trim());

let admin: Page;
let publisher: Page;
let editor: Page;

// The whole journey runs once per database the tests have: SQLite always, PostgreSQL in CI.
describe.each(dialectsUnderTest())('the council workspace without JavaScript, on %s', (dialect) => {
  beforeAll(async () => {
    stack = await startStack({
      dialect,
      apiEnv: { PLEDGEKEEPER_ADMIN_EMAIL: ADMIN.email, PLEDGEKEEPER_ADMIN_PASSWORD: ADMIN.password },
    });
    browser = await launchChromium();
  });

  afterAll(async () => {
    for (const context of contexts.splice(0)) await context.close();
    await browser?.close();
    await stack?.stop();
  });

    it('lets the admin sign in with a HttpOnly, SameSite=Lax session cookie and onboard a council', async () => {
      admin = await person();
      await signIn(admin, ADMIN.email, ADMIN.password);
      expect(new URL(admin.url()).pathname).toBe('/admin');
      const [cookie] = (await admin.context().cookies()).filter((c) => c.name === 'pk_session');
      expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/', secure: false });
      expect(await admin.locator('meta[name="robots"]').getAttribute('content')).toBe('noindex');

      await admin.getByLabel('Slug').fill(SLUG);
      await admin.getByLabel('Name', { exact: true }).fill('North Somerset Council');
      await admin.getByLabel('Kind').selectOption('unitary');
      await admin.getByLabel('Nation').selectOption('england');
      await press(admin, 'Create council');
      expect(await admin.getByRole('status').first().textContent()).toContain(`“${SLUG}” was created`);

      await admin.getByLabel('Council', { exact: true }).selectOption(SLUG);
      await admin.getByLabel('Publisher’s email address').fill('publisher@north-somerset.example');
      await press(admin, 'Create invitation link');
      const link = await invitationLink(admin);

      publisher = await person();
      await accept(publisher, link, 'Pat Publisher');
      expect(new URL(publisher.url()).pathname).toBe(`/${SLUG}/manage`);
      expect(await publisher.locator('.workspace-bar').textContent()).toContain('Pat Publisher');
    });

    it('lets the publisher add an editor, who drafts a pledge and submits it for review', async () => {
      const link = await invite(publisher, SLUG, 'editor@north-somerset.example');
      editor = await person();
      await accept(editor, link, 'Eddie Editor');
      expect(new URL(editor.url()).pathname).toBe(`/${SLUG}/manage`);

      await go(editor, `/${SLUG}/manage/pledge`);
      await editor.getByLabel('Children in care').check();
      await press(editor, 'Add promise');
      expect(await editor.getByRole('status').textContent()).toContain('Saved');
      await editor.locator('#field-promises-0-text').fill('We will listen to you.');
      await editor.locator('#field-promises-0-principles-1').check();
      await press(editor, 'Add promise');
      await editor.locator('#field-promises-1-text').fill('We will help you find a home.');
      // List buttons say which item they act on, with a space: "Remove promise 2", not "Removepromise 2".
      expect(await editor.getByRole('button', { name: 'Remove promise 2', exact: true }).count()).toBe(1);
      expect(await editor.getByRole('button', { name: 'Move up promise 2', exact: true }).count()).toBe(1);
      await press(editor, 'Renumber 1 to 2');
      expect(await editor.locator('#field-promises-0-number').inputValue()).toBe('1');
      expect(await editor.locator('#field-promises-1-number').inputValue()).toBe('2');
      expect(await editor.locator('#field-promises-0-principles-1').isChecked()).toBe(true);

      await go(editor, `/${SLUG}/manage`);
      expect(await editor.locator('.warning-panel').textContent()).toContain('has not published its page yet');
      await press(editor, 'Submit for review');
      expect(await editor.getByRole('status').textContent()).toContain('sent for review');
      expect(await editor.getByRole('button', { name: 'Publish' }).count()).toBe(0);
    });

    it('publishes on the publisher’s word, and the public page shows the promises', async () => {
      await go(publisher, `/${SLUG}/manage`);
      await press(publisher, 'Publish');
      expect(await publisher.getByRole('status').textContent()).toContain('Published');
      await go(publisher, `/${SLUG}`);
      expect(await texts(publisher, 'ol.promises > li')).toEqual([
        'Pledge 1 We will listen to you.',
        'Pledge 2 We will help you find a home.',
      ]);
    });

    it('keeps both published versions in the history, with a readable diff', async () => {
      await go(publisher, `/${SLUG}/manage/pledge`);
      await publisher.locator('#field-promises-1-text').fill('We will help you find a safe home.');
      await press(publisher, 'Save pledge');
      await go(publisher, `/${SLUG}/manage`);
      await press(publisher, 'Publish');

      await go(publisher, `/${SLUG}/manage/history`);
      const rows = await texts(publisher, 'tbody tr');
      expect(rows).toHaveLength(2);
      expect(rows.every((row) => row.includes('Published'))).toBe(true);
      await publisher.getByRole('link', { name: 'Version 2' }).click();
      const change = publisher.locator('tbody tr', { hasText: 'We will help you find a safe home.' });
      expect(await change.locator('td').first().textContent()).toBe('We will help you find a home.');
      expect(await publisher.getByRole('button', { name: 'Restore this version as a new draft' }).count()).toBe(1);
      await go(publisher, `/${SLUG}`);
      expect(await publisher.getByText('We will help you find a safe home.').count()).toBe(1);
    });

    it('shows the second of two editors saving the same section the first one’s text, and keeps their own', async () => {
      await go(publisher, `/${SLUG}/manage/statement`);
      await go(editor, `/${SLUG}/manage/statement`);
      await publisher.getByLabel('Summary').fill('Written by the publisher.');
      await press(publisher, 'Save statement');
      expect(await publisher.getByRole('status').textContent()).toContain('Saved');

      await editor.getByLabel('Summary').fill('Written by the editor.');
      await press(editor, 'Save statement');
      expect(await editor.getByRole('heading', { name: 'This section changed while you were editing it' }).count()).toBe(1);
      const theirs = editor.getByRole('region', { name: 'Their version' });
      expect(await theirs.textContent()).toContain('Written by the publisher.');
      expect(await editor.getByLabel('Summary').inputValue()).toBe('Written by the editor.');

      // Saving again is a deliberate choice to replace theirs.
      await press(editor, 'Save statement');
      expect(await editor.getByRole('status').textContent()).toContain('Saved');
      expect(await editor.getByLabel('Summary').inputValue()).toBe('Written by the editor.');
    });

    it('shows what to fix next to the field, keeps what was typed, and keeps markup as text', async () => {
      await go(editor, `/${SLUG}/manage/pledge`);
      await editor.locator('#field-promises-0-number').fill('one');
      const [response] = await Promise.all([
        editor.waitForResponse((r) => r.request().method() === 'POST'),
        press(editor, 'Save pledge'),
      ]);
      expect(response.status()).toBe(400);
      const summary = editor.getByRole('alert');
      expect(await summary.evaluate((element) => element === document.activeElement)).toBe(true);
      const link = summary.getByRole('link');
      expect(await link.getAttribute('href')).toBe('#field-promises-0-number');
      expect(await link.textContent()).toMatch(/^Promise 1, number: /);
      expect(await editor.locator('#field-promises-0-number').inputValue()).toBe('one');
      expect(await editor.locator('#field-promises-0-number').getAttribute('aria-invalid')).toBe('true');
      expect(await editor.title()).toMatch(/^Error: /);

      const markup = '<b>Bold</b><script>alert(1)</script>';
      await go(editor, `/${SLUG}/manage/statement`);
      await editor.getByLabel('Summary').fill(markup);
      await press(editor, 'Save statement');
      expect(await editor.getByRole('status').textContent()).toContain('Saved');
      expect(await editor.getByLabel('Summary').inputValue()).toBe(markup);
      expect(await editor.locator('script, main b').count()).toBe(0);
    });

    it('gives a Worcestershire editor a 403 for Somerset’s workspace and changes nothing of Somerset’s', async () => {
      await go(admin, '/admin');
      await admin.getByLabel('Council', { exact: true }).selectOption('worcestershire');
      await admin.getByLabel('Publisher’s email address').fill('publisher@worcestershire.example');
      await press(admin, 'Create invitation link');
      const worcsPublisher = await person();
      await accept(worcsPublisher, await invitationLink(admin), 'Wren Publisher');
      const worcsEditor = await person();
      await accept(worcsEditor, await invite(worcsPublisher, 'worcestershire', 'editor@worcestershire.example'), 'Will Editor');
      expect(new URL(worcsEditor.url()).pathname).toBe('/worcestershire/manage');

      for (const path of ['/somerset/manage', '/somerset/manage/pledge', '/somerset/manage/history']) {
        const response = await go(worcsEditor, path);
        expect(response?.status()).toBe(403);
        expect(await texts(worcsEditor, 'h1')).toEqual(['You do not have access to this page']);
      }

      // Every form action the portal has, found from its routes, posted by people with no role in Somerset.
      const actions = await portalActions();
      const unclassified = actions.filter((action) => !isWorkspace(action) && !isAdmin(action) && !PUBLIC.has(key(action)));
      expect(unclassified).toEqual([]);
      const before = await storedRows(stack.databaseUrl);
      const sections = ['statement', 'pledge', 'board', 'involvement', 'training', 'events', 'contacts'];
      for (const [who, page] of [['Worcestershire editor', worcsEditor], ['Worcestershire publisher', worcsPublisher], ['platform admin', admin]] as const) {
        for (const action of actions.filter((one) => isWorkspace(one) || (isAdmin(one) && page !== admin))) {
          for (const section of action.route.includes('[section') ? sections : ['statement']) {
            const url = actionUrl(action, { council: 'somerset', section, version: '1' });
            const response = await page.request.post(stack.portalUrl + url, {
              form: HOSTILE_FORM,
              headers: { origin: stack.portalUrl, accept: 'text/html' },
              maxRedirects: 0,
            });
            expect(response.status(), `${who}: ${url}`).toBe(403);
            // The workspace's own refusal, not SvelteKit's cross-site check.
            expect(await response.text()).toContain('You do not have access to this page');
          }
        }
      }
      expect(await storedRows(stack.databaseUrl)).toBe(before);
    });

    it('lets one person hold roles in two councils, accepting with their current password, and see only those', async () => {
      await go(admin, '/admin');
      await admin.getByLabel('Council', { exact: true }).selectOption('somerset');
      await admin.getByLabel('Publisher’s email address').fill('publisher@north-somerset.example');
      await press(admin, 'Create invitation link');
      await publisher.goto(await invitationLink(admin));
      await publisher.getByLabel('Your current password').fill(PASSWORD);
      await press(publisher, 'Accept with my account');
      expect(new URL(publisher.url()).pathname).toBe('/somerset/manage');
      expect((await texts(publisher, '.workspace-councils a')).sort()).toEqual(['North Somerset Council', 'Somerset County Council']);
    });

    it('sends signed-out people to sign in, and gives one answer for any wrong email or password', async () => {
      const stranger = await person();
      await go(stranger, `/${SLUG}/manage/pledge`);
      expect(new URL(stranger.url()).pathname).toBe('/sign-in');
      expect(new URL(stranger.url()).searchParams.get('next')).toBe(`/${SLUG}/manage/pledge`);

      for (const [email, password] of [
        [ADMIN.email, 'not the password at all'],
        ['nobody@example.org', 'not the password at all'],
      ] as const) {
        await signIn(stranger, email, password);
        const summary = stranger.getByRole('alert');
        expect(await summary.getByRole('link').allTextContents()).toEqual(['The email or password is not right']);
      }

      // More than five failures for one email in 15 minutes: refused, and told plainly.
      for (let attempt = 1; attempt <= 6; attempt++) await signIn(stranger, 'guessed@example.org', `wrong password ${attempt}`);
      expect(await stranger.getByRole('alert').textContent()).toContain('Too many attempts');

      // After signing in the editor lands where they were going, but never on another site.
      await go(stranger, `/sign-in?next=${encodeURIComponent('//evil.example/')}`);
      await stranger.getByLabel('Email address').fill('editor@north-somerset.example');
      await stranger.getByLabel('Password').fill(PASSWORD);
      await press(stranger, 'Sign in');
      expect(new URL(stranger.url()).origin).toBe(stack.portalUrl);
      expect(new URL(stranger.url()).pathname).toBe(`/${SLUG}/manage`);

      await press(stranger, 'Sign out');
      expect(new URL(stranger.url()).pathname).toBe('/sign-in');
      expect((await stranger.context().cookies()).some((c) => c.name === 'pk_session')).toBe(false);
      await go(stranger, `/${SLUG}/manage`);
      expect(new URL(stranger.url()).pathname).toBe('/sign-in');
    });

    it.each(['/sign-in', `/${SLUG}/manage`, `/${SLUG}/manage/pledge`, `/${SLUG}/manage/history`])(
      '%s has headings in order, no script and fits 360 px',
      async (path) => {
        await editor.setViewportSize({ width: 360, height: 640 });
        const response = await go(editor, path);
        expect(response?.headers()['x-robots-tag']).toBe('noindex');
        const levels = await editor
          .locator('main h1, main h2, main h3, main h4')
          .evaluateAll((headings) => headings.map((heading) => Number(heading.tagName.slice(1))));
        expect(levels[0]).toBe(1);
        levels.slice(1).forEach((level, index) => expect(level).toBeLessThanOrEqual(levels[index]! + 1));
        expect(await editor.locator('script').count()).toBe(0);
        expect(await editor.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      },
    );

});
