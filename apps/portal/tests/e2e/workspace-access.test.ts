import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { describeEachDialect } from '@pledgekeeper/stack';
import { storedRows, type Stack } from './harness';
import { TEST_ADMIN as ADMIN, PASSWORD, acceptInvitation as accept, press } from './journeys';
import { HOSTILE_FORM, PUBLIC, actionKey as key, actionUrl, isAccount, isAdmin, isWorkspace, portalActions } from './portal-actions';
import { SLUG, texts, workspaceSteps } from './workspace-steps';

// Who may do what in the workspace, and what strangers and wrong passwords get.
const steps = workspaceSteps();
const { go, person, signIn, invite, createCouncil, invitePublisher } = steps;
let stack: Stack;

let admin: Page;
let publisher: Page;

describeEachDialect(describe, 'who may use the council workspace, on %s', (dialect) => {
  // North Somerset, made through the workspace, with its publisher and an editor.
  beforeAll(async () => {
    stack = await steps.start(dialect);
    admin = await person();
    await signIn(admin, ADMIN.email, ADMIN.password);
    await createCouncil(admin);
    publisher = await person();
    await accept(publisher, await invitePublisher(admin, SLUG, 'publisher@north-somerset.example'), 'Pat Publisher');
    await accept(await person(), await invite(publisher, SLUG, 'editor@north-somerset.example'), 'Eddie Editor');
  }, 120_000);
  afterAll(() => steps.stop());

  it('gives a Worcestershire editor a 403 for Somerset’s workspace and changes nothing of Somerset’s', async () => {
    await go(admin, '/admin');
    const worcsPublisher = await person();
    await accept(worcsPublisher, await invitePublisher(admin, 'worcestershire', 'publisher@worcestershire.example'), 'Wren Publisher');
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
    const unclassified = actions.filter(
      (action) => !isWorkspace(action) && !isAdmin(action) && !isAccount(action) && !PUBLIC.has(key(action)),
    );
    expect(unclassified).toEqual([]);
    const before = await storedRows(stack.databaseUrl);
    const sections = ['statement', 'pledge', 'board', 'involvement', 'training', 'events', 'contacts'];
    for (const [who, page] of [
      ['Worcestershire editor', worcsEditor],
      ['Worcestershire publisher', worcsPublisher],
      ['platform admin', admin],
    ] as const) {
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
    await publisher.goto(await invitePublisher(admin, 'somerset', 'publisher@north-somerset.example'));
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
});
