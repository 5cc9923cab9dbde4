import { afterAll, beforeAll } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { ProgressContent } from '@pledgekeeper/domain/progress';
import { launchChromium, publishProgress, startStack, type Stack } from './harness';
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
  promiseNoun: 'pledge' as const,
};
export const COUNCIL_PAGES = ['/worcestershire', '/somerset', `/${MADE_IN_WORKSPACE.slug}`];
export const CARD_PAGES = COUNCIL_PAGES.map((path) => `${path}/card`);
/** Each council's page for staff, partners and professionals, linked from the young people's page. */
export const ABOUT_PAGES = COUNCIL_PAGES.map((path) => `${path}/about`);
// How each council is doing with its promises: the seed councils truthfully have no update yet;
// the council made in the workspace has SAMPLE_PROGRESS published, so every part shows.
export const PROGRESS_PAGES = COUNCIL_PAGES.map((path) => `${path}/progress`);
export const BOARD_PAGES = COUNCIL_PAGES.flatMap((path) => [`${path}/board`, `${path}/board/scorecard`]);
/** The year SAMPLE_PROGRESS falls in. */
export const SAMPLE_YEAR = 2026;
export const REPORT_PAGES = COUNCIL_PAGES.map((path) => `${path}/report/${SAMPLE_YEAR}`);
export const YOU_SAID_PAGES = COUNCIL_PAGES.map((path) => `${path}/you-said-we-did`);
/** Every page of a council's delivery: what young people and the board read about promises kept. */
export const DELIVERY_PAGES = [...PROGRESS_PAGES, ...BOARD_PAGES, ...REPORT_PAGES, ...YOU_SAID_PAGES];
export const PUBLIC_PAGES = ['/', ...COUNCIL_PAGES, ...ABOUT_PAGES, ...CARD_PAGES, ...DELIVERY_PAGES, '/sign-in', '/no-such-council'];

/** Progress, two board meetings and two "you said, we did" entries for the council made in the workspace. */
export const SAMPLE_PROGRESS: ProgressContent = {
  promises: [
    {
      target: 'promise-1',
      measure: 'Every young person says they were listened to at their review',
      actions: [
        {
          key: 'action-1',
          what: 'Ask every young person after their review',
          responsible: 'Head of Service',
          due: '2026-03-31',
          status: 'done',
        },
        {
          key: 'action-2',
          what: 'Train every social worker in listening well',
          responsible: 'Principal Social Worker',
          due: '2026-06-30',
          status: 'open',
        },
      ],
      updates: [
        {
          date: '2026-02-10',
          status: 'behind',
          text: 'Survey design took longer than planned.',
          plainWords: 'We are slower than we wanted.',
          reason: null,
          evidence: [],
        },
        {
          date: '2026-09-15',
          status: 'on-track',
          text: 'Nine in ten young people said they were listened to.',
          plainWords: 'Most of you told us we listened.',
          reason: null,
          evidence: [{ label: 'Survey results', url: 'https://example.org/survey.pdf' }],
        },
      ],
    },
    {
      target: 'promise-2',
      measure: null,
      actions: [
        { key: 'action-3', what: 'Open two more supported lodgings', responsible: 'Head of Leaving Care', due: null, status: 'open' },
      ],
      updates: [
        {
          date: '2026-05-01',
          status: 'done',
          text: 'Two supported lodgings opened.',
          plainWords: 'Two new homes are open.',
          reason: null,
          evidence: [],
        },
      ],
    },
  ],
  meetings: [
    {
      key: 'meeting-1',
      date: '2026-03-04',
      access: 'public',
      papers: [{ label: 'Minutes of 4 March 2026', url: 'https://example.org/minutes-2026-03.pdf' }],
      attendance: [
        { kind: 'elected-members', count: 5 },
        { kind: 'young-people', count: 3 },
      ],
      reviewed: ['promise-1'],
      actionsSet: ['action-2'],
      actionsClosed: ['action-1'],
      decisions: 'Every social worker to be trained in listening well by June.',
    },
    {
      key: 'meeting-2',
      date: '2099-01-20',
      access: 'private',
      papers: [],
      attendance: [],
      reviewed: [],
      actionsSet: [],
      actionsClosed: [],
      decisions: null,
    },
  ],
  youSaidWeDid: [
    {
      key: 'said-1',
      date: '2026-04-12',
      source: 'children-in-care-council',
      youSaid: 'You said reviews felt like meetings about you, not with you.',
      weDid: 'Young people now choose where their review happens and who comes.',
      promises: ['promise-1'],
      actions: ['action-1'],
    },
    {
      key: 'said-2',
      date: '2026-07-30',
      source: 'messages',
      youSaid: 'You said it was hard to find somewhere to live after care.',
      weDid: 'We opened two supported lodgings.',
      promises: ['promise-2'],
      actions: [],
    },
  ],
};

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
    await publishProgress(stack.databaseUrl, MADE_IN_WORKSPACE.slug, SAMPLE_PROGRESS);
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
