import { afterAll, beforeAll } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, startStack, type Stack } from './harness';
import { adminEnv, councilThroughWorkspace } from './journeys';

// Issue 4: accessible, light and safe, measured in Debian's Chromium with JavaScript off.
export const VIEWPORTS = [
  { width: 360, height: 640 },
  { width: 1280, height: 800 },
];
// Both seed councils, and one made from nothing through the workspace, as a new council would be.
export const MADE_IN_WORKSPACE = {
  slug: 'north-somerset',
  name: 'North Somerset Council',
  promises: ['We will listen to you.', 'We will help you find a safe home.'],
};
export const COUNCIL_PAGES = ['/worcestershire', '/somerset', `/${MADE_IN_WORKSPACE.slug}`];
export const CARD_PAGES = COUNCIL_PAGES.map((path) => `${path}/card`);
// How each council is doing with its promises: the seed councils truthfully have no update yet.
export const PROGRESS_PAGES = COUNCIL_PAGES.map((path) => `${path}/progress`);
export const PUBLIC_PAGES = ['/', ...COUNCIL_PAGES, ...CARD_PAGES, ...PROGRESS_PAGES, '/sign-in', '/no-such-council'];

export interface PublicPages {
  stack: () => Stack;
  /** A fresh context of the suite's browser, closed when the suite ends. */
  newContext: (options: Parameters<Browser['newContext']>[0]) => Promise<BrowserContext>;
  /**
   * A page in a fresh context: axe needs one made by `browser.newContext()`. axe itself needs
   * JavaScript (its timers never fire without it); the portal ships none, so pages are the same.
   */
  open: (path: string, viewport?: { width: number; height: number }, javaScriptEnabled?: boolean) => Promise<Page>;
}

/** The stack with the council made through the workspace, and a browser, for the suites of one file. */
export function publicPagesSuite(): PublicPages {
  let stack: Stack;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    stack = await startStack({ apiEnv: adminEnv });
    browser = await launchChromium();
    const publisher = await councilThroughWorkspace(browser, stack.portalUrl, MADE_IN_WORKSPACE);
    await publisher.context().close();
  }, 120_000);

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await stack?.stop();
  });

  const newContext: PublicPages['newContext'] = async (options) => {
    const context = await browser.newContext(options);
    contexts.push(context);
    return context;
  };
  return {
    stack: () => stack,
    newContext,
    async open(path, viewport = VIEWPORTS[1]!, javaScriptEnabled = false) {
      const page = await (await newContext({ javaScriptEnabled, viewport })).newPage();
      await page.goto(stack.portalUrl + path);
      return page;
    },
  };
}
