import { expect } from 'vitest';
import type { DialectName } from '@pledgekeeper/db';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, startStack, type Stack } from './harness';
import { adminEnv, press, signIn as signInAt } from './journeys';

export const SLUG = 'north-somerset';

/** The steps the workspace suites take through the portal's forms, on a stack with the first admin, and a browser. */
export function workspaceSteps() {
  let stack: Stack;
  let browser: Browser;
  const current = () => ({ stack, browser });
  const contexts: BrowserContext[] = [];
  const go = (page: Page, path: string) => page.goto(current().stack.portalUrl + path);

  const invitationLink = async (page: Page): Promise<string> => {
    const link = (await page.getByTestId('invitation-link').textContent())?.trim() ?? '';
    expect(link).toMatch(new RegExp(`^${current().stack.portalUrl}/invitations/\\S+$`));
    return link;
  };

  return {
    async start(dialect: DialectName): Promise<Stack> {
      stack = await startStack({ dialect, apiEnv: adminEnv });
      browser = await launchChromium();
      return stack;
    },
    async stop(): Promise<void> {
      for (const context of contexts.splice(0)) await context.close();
      await browser?.close();
      await stack?.stop();
    },
    go,
    invitationLink,
    /** A fresh browser with no JavaScript and no cookies: one person. */
    async person(): Promise<Page> {
      const context = await current().browser.newContext({ javaScriptEnabled: false });
      contexts.push(context);
      return context.newPage();
    },
    signIn: (page: Page, email: string, password: string) => signInAt(page, current().stack.portalUrl, email, password),
    /** A publisher's invitation from the council's people page. */
    async invite(page: Page, council: string, email: string): Promise<string> {
      await go(page, `/${council}/manage/people`);
      await page.getByLabel('Email address').fill(email);
      await press(page, 'Create invitation link');
      return invitationLink(page);
    },
    /** The admin, on /admin, creates North Somerset. */
    async createCouncil(admin: Page): Promise<void> {
      await admin.getByLabel('Slug').fill(SLUG);
      await admin.getByLabel('Name', { exact: true }).fill('North Somerset Council');
      await admin.getByLabel('Kind').selectOption('unitary');
      await admin.getByLabel('Nation').selectOption('england');
      await press(admin, 'Create council');
    },
    /** The admin, on /admin, invites a council's publisher. */
    async invitePublisher(admin: Page, council: string, email: string): Promise<string> {
      await admin.getByLabel('Council', { exact: true }).selectOption(council);
      await admin.getByLabel('Publisher’s email address').fill(email);
      await press(admin, 'Create invitation link');
      return invitationLink(admin);
    },
  };
}

export const texts = async (page: Page, selector: string): Promise<string[]> =>
  (await page.locator(selector).allTextContents()).map((value) => value.replace(/\s+/g, ' ').trim());

/** Worcestershire's workspace, and every page of it a publisher can open (the tests of every page use these). */
export const WORKSPACE = '/worcestershire/manage';
export const WORKSPACE_PAGES = [
  WORKSPACE,
  ...['statement', 'pledge', 'board', 'involvement', 'training', 'events', 'contacts'].map((section) => `${WORKSPACE}/${section}`),
  `${WORKSPACE}/preview`,
  `${WORKSPACE}/history`,
  `${WORKSPACE}/history/1`,
  `${WORKSPACE}/audit`,
  `${WORKSPACE}/people`,
  `${WORKSPACE}/feedback`,
  `${WORKSPACE}/branding`,
  `${WORKSPACE}/wording`,
  `${WORKSPACE}/progress`,
  `${WORKSPACE}/board-meetings`,
  `${WORKSPACE}/you-said-we-did`,
  '/account/email',
];
