import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startThrowawayCluster, type ThrowawayCluster } from '@pledgekeeper/db/testing-cluster';
import { hasPostgres } from '@pledgekeeper/stack';
import { launchChromium, startStack, type Stack } from './harness';
import { adminEnv, publisherOf } from './journeys';

// Issue 9, item 3: young people keep the pages they read while the API (or its database) is away,
// and whatever they typed into a form survives being refused.
const PROMISE = 'Support and help you to keep safe and prevent bullying';
// Each page read once while all is well, with something on it a reader would miss.
const READ_BEFORE: [string, string][] = [
  ['/', 'Worcestershire County Council'],
  ['/worcestershire', PROMISE],
  ['/worcestershire/card', 'We will work hard to stop bullying'],
  ['/worcestershire/progress', 'No update yet'],
  ['/compare', 'Worcestershire'],
  ['/compare/matrix.csv', 'worcestershire'],
];

interface Outage {
  name: string;
  /** Runs only where the tests have PostgreSQL; reported as skipped elsewhere. */
  needsPostgres: boolean;
  start: () => Promise<Stack>;
  /** Takes the API's answers away while the portal keeps running. */
  takeAway: () => Promise<void>;
  cleanUp: () => Promise<void>;
  /** What a refused form answers: 503, or 502 when the API answers with an error it cannot name. */
  formStatuses: number[];
}

function apiStopped(): Outage {
  let stack: Stack;
  return {
    name: 'the API server is stopped (SQLite)',
    needsPostgres: false,
    start: async () => (stack = await startStack({ apiEnv: adminEnv })),
    takeAway: () => stack.stopApi(),
    cleanUp: async () => undefined,
    formStatuses: [503],
  };
}

// A PostgreSQL server of the test's own, stopped hard as in the outside fault run.
function databaseStopped(): Outage {
  let cluster: ThrowawayCluster | undefined;
  return {
    name: 'PostgreSQL is stopped',
    needsPostgres: true,
    start: async () => {
      cluster = await startThrowawayCluster();
      return startStack({ apiEnv: adminEnv, databaseUrl: cluster.url });
    },
    takeAway: () => cluster!.stop('immediate'),
    cleanUp: async () => cluster?.destroy(),
    formStatuses: [502, 503],
  };
}

for (const outage of [apiStopped(), databaseStopped()])
  describe.skipIf(outage.needsPostgres && !hasPostgres())(`while ${outage.name}`, () => {
    let stack: Stack;
    let browser: Browser;
    const contexts: BrowserContext[] = [];

    beforeAll(async () => {
      stack = await outage.start();
      browser = await launchChromium();
    });

    afterAll(async () => {
      for (const context of contexts) await context.close();
      await browser?.close();
      await stack?.stop();
      await outage.cleanUp();
    });

    async function reader(path: string): Promise<Page> {
      const context = await browser.newContext({ javaScriptEnabled: false });
      contexts.push(context);
      const page = await context.newPage();
      const response = await page.goto(stack.portalUrl + path);
      expect(response?.status()).toBe(200);
      return page;
    }

    /** Presses a button and waits for the server's answer to the form, returning its status. */
    async function send(page: Page, button: string): Promise<number> {
      const [response] = await Promise.all([
        page.waitForResponse((r) => r.request().method() === 'POST'),
        page.waitForEvent('load'),
        page.getByRole('button', { name: button, exact: true }).click(),
      ]);
      return response.status();
    }

    describe('readers and writers', () => {
      let messagePage: Page;
      let signInPage: Page;
      let publisher: Page;

      beforeAll(async () => {
        for (const [path, shown] of READ_BEFORE) {
          const response = await fetch(stack.portalUrl + path);
          expect(response.status, path).toBe(200);
          expect(await response.text()).toContain(shown);
        }
        // Open in a browser before the API goes, as a reader halfway through writing would have them.
        messagePage = await reader('/worcestershire');
        signInPage = await reader('/sign-in');
        publisher = await publisherOf(browser, stack.portalUrl, 'somerset');
        contexts.push(publisher.context());
        await publisher.goto(`${stack.portalUrl}/somerset/manage/statement`);
        await outage.takeAway();
      });

      it('keeps answering the pages already read, with what they said, marked as stale', async () => {
        for (const [path, shown] of READ_BEFORE) {
          for (const encoding of ['identity', 'gzip']) {
            const response = await fetch(stack.portalUrl + path, { headers: { 'accept-encoding': encoding } });
            expect(response.status, path).toBe(200);
            expect(response.headers.get('x-pledgekeeper-stale'), path).toBe('1');
            expect(response.headers.get('cache-control'), path).toMatch(/no-store/);
            expect(await response.text(), path).toContain(shown);
          }
        }
      });

      it('apologises with a 503 for a page nobody read before', async () => {
        const response = await fetch(`${stack.portalUrl}/somerset`);
        expect(response.status).toBe(503);
        expect(await response.text()).toContain('not available right now');
      });

      it('says a message could not be sent, keeping every word typed', async () => {
        const typed = 'I only found out about my pathway plan when I turned 18.';
        await messagePage.getByLabel('Your message').fill(typed);
        expect(outage.formStatuses).toContain(await send(messagePage, 'Send your message'));
        expect(await messagePage.getByRole('alert').first().textContent()).toContain('could not send your message');
        expect(await messagePage.getByLabel('Your message').inputValue()).toBe(typed);
      });

      it('says signing in is not available, keeping the email, never a 500', async () => {
        await signInPage.getByLabel('Email address').fill('pat@worcestershire.example');
        await signInPage.getByLabel('Password').fill('a long enough passphrase');
        expect(outage.formStatuses).toContain(await send(signInPage, 'Sign in'));
        expect(await signInPage.textContent('main')).toContain('Signing in is not available right now');
        expect(await signInPage.getByLabel('Email address').inputValue()).toBe('pat@worcestershire.example');
      });

      it('says a workspace section could not be saved, keeping what the publisher typed', async () => {
        const typed = 'Every councillor is a corporate parent, and we mean it.';
        await publisher.getByLabel('Summary').fill(typed);
        expect(outage.formStatuses).toContain(await send(publisher, 'Save statement'));
        expect(await publisher.textContent('main')).toContain('The workspace is not available right now');
        expect(await publisher.getByLabel('Summary').inputValue()).toBe(typed);
      });
    });
  });
