import { AxeBuilder } from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createDatabase, findCouncilBySlug, progressScope } from '@pledgekeeper/db';
import { describeEachDialect } from '@pledgekeeper/stack';
import { giveSafeguardingContact, launchChromium, storedRows, type Stack } from './harness';
import { TEST_ADMIN as ADMIN, acceptInvitation as accept, press } from './journeys';
import { BOARD_WORKSPACE_ACTIONS, HOSTILE_FORM, actionKey, actionUrl, portalActions } from './portal-actions';
import { VIEWPORTS } from './public-pages';
import { texts, workspaceSteps } from './workspace-steps';

// Issue 11 in the workspace, with JavaScript off: a board meeting recorded by an editor and
// published by a publisher, and a young person's message answered in public without publishing it.
const steps = workspaceSteps();
const { go, person, signIn, invite, invitePublisher } = steps;
let stack: Stack;
let publisher: Page;
let editor: Page;
let stranger: Page;

const ACTION = 'Open a youth club in Redditch';
const MESSAGE = 'Nobody asked us where the youth club should be.';
const YOU_SAID = 'You said you wanted a say in where the youth club goes.';
const WE_DID = 'We asked young people to choose between three places.';
const UPDATE = 'Three sites for the youth club have been shortlisted.';
const PLAIN = 'We have three places in mind for the youth club.';
const DECISION = 'The club will open in the summer.';

/** What the public can read now, straight from the database. */
async function published(databaseUrl: string) {
  const { db } = createDatabase(databaseUrl);
  try {
    const council = await findCouncilBySlug(db, 'worcestershire');
    return (await progressScope(db, council!.id).published()).content;
  } finally {
    await db.destroy();
  }
}

const summary = async (page: Page) =>
  page.locator('.govuk-error-summary__list a').evaluateAll((links) => links.map((a) => [a.getAttribute('href'), a.textContent?.trim()]));
const group = (page: Page, name: string) => page.getByRole('group', { name, exact: true });
const box = (page: Page, name: 'Day' | 'Month' | 'Year') => page.getByRole('textbox', { name, exact: true });

describeEachDialect(describe, 'board meetings and “you said, we did” in the workspace, on %s', (dialect) => {
  beforeAll(async () => {
    stack = await steps.start(dialect);
    await giveSafeguardingContact(stack.databaseUrl, 'worcestershire');
    const admin = await person();
    await signIn(admin, ADMIN.email, ADMIN.password);
    publisher = await person();
    await accept(publisher, await invitePublisher(admin, 'worcestershire', 'publisher@worcestershire.example'), 'Wren Publisher');
    editor = await person();
    await accept(editor, await invite(publisher, 'worcestershire', 'editor@worcestershire.example'), 'Will Editor');
    stranger = await person();
    await go(admin, '/admin');
    await accept(stranger, await invitePublisher(admin, 'somerset', 'publisher@somerset.example'), 'Sam Somerset');
  }, 120_000);
  afterAll(() => steps.stop());

  it('refuses bad meetings with GOV.UK messages, changing nothing, then records one that reviewed promise 1 and closed an action', async () => {
    await go(editor, '/worcestershire/manage/progress?target=promise-1');
    await editor.getByLabel('What we will do').fill(ACTION);
    await press(editor, 'Add action');
    await editor.locator('#update-status-on-track').check();
    const updateDate = group(editor, 'Date');
    for (const [name, value] of [
      ['Day', '10'],
      ['Month', '3'],
      ['Year', '2026'],
    ] as const) {
      await updateDate.getByRole('textbox', { name, exact: true }).fill(value);
    }
    await editor.getByLabel("Update, in the council's words").fill(UPDATE);
    await editor.getByLabel('The same in plain words').fill(PLAIN);
    await press(editor, 'Add update');
    expect(await editor.getByRole('status').textContent()).toContain('Added the update');

    await Promise.all([editor.waitForEvent('load'), editor.getByRole('link', { name: 'Board meetings', exact: true }).click()]);
    expect(await texts(editor, 'h1')).toEqual(['Worcestershire County Council Board meetings']);
    const before = await storedRows(stack.databaseUrl);
    await press(editor, 'Add meeting');
    expect(await summary(editor)).toEqual([
      ['#date-day', 'Enter the date of the meeting'],
      ['#access-public', 'Say whether the meeting was held in public or in private'],
    ]);
    expect(await editor.title()).toMatch(/^Error: Board meetings/);

    await box(editor, 'Day').fill('31');
    await box(editor, 'Month').fill('2');
    await box(editor, 'Year').fill('2026');
    await editor.getByLabel('In public: anyone could come and watch').check();
    await editor.getByLabel('Paper 1: link text').fill('Minutes');
    await editor.getByLabel('Paper 1: web address').fill('minutes.pdf');
    await press(editor, 'Add meeting');
    expect(await summary(editor)).toEqual([
      ['#date-day', 'The date must be a real date'],
      ['#paper-1-url', 'Enter the web address of paper 1 in the correct format, like https://www.example.org/minutes'],
    ]);
    expect(await editor.locator('#date-error').textContent()).toContain('The date must be a real date');
    // What was typed comes back as it was.
    expect(await box(editor, 'Day').inputValue()).toBe('31');
    expect(await editor.getByLabel('Paper 1: web address').inputValue()).toBe('minutes.pdf');
    expect(await storedRows(stack.databaseUrl)).toBe(before);

    await box(editor, 'Day').fill('12');
    await box(editor, 'Month').fill('3');
    await editor.getByLabel('Paper 1: web address').fill('https://example.org/minutes');
    await editor.getByLabel('Young people', { exact: true }).check();
    await editor.getByLabel('How many young people').fill('4');
    await group(editor, 'Which promises did it look at?')
      .getByLabel(/^Pledge 1:/)
      .check();
    await group(editor, 'Which actions did it close?').getByLabel(ACTION, { exact: false }).check();
    await editor.getByLabel('What it decided').fill(DECISION);
    // Someone else saves progress first: what was typed is kept, and sent again it is saved.
    const other = await editor.context().newPage();
    await go(other, '/worcestershire/manage/progress?target=promise-2');
    await other.getByLabel('What we will do').fill('Ask carers what they need');
    await press(other, 'Add action');
    await other.close();
    await press(editor, 'Add meeting');
    expect(await editor.getByRole('alert').textContent()).toContain('Someone else saved progress');
    expect(await editor.getByLabel('What it decided').inputValue()).toBe(DECISION);
    expect(await editor.getByLabel('How many young people').inputValue()).toBe('4');
    expect(await group(editor, 'Which actions did it close?').getByLabel(ACTION, { exact: false }).isChecked()).toBe(true);
    await press(editor, 'Add meeting');
    expect(await editor.getByRole('status').textContent()).toContain('Added the meeting of 12 March 2026 to the draft.');
    const meeting = (await texts(editor, '.meetings > li'))[0] ?? '';
    for (const words of ['Meeting of 12 March 2026', 'Young people: 4', 'Pledge 1:', `Actions it closed ${ACTION}`, 'Minutes']) {
      expect(meeting).toContain(words);
    }
    // Closing it marked the action done in the same save.
    await go(editor, '/worcestershire/manage/progress?target=promise-1');
    expect(await texts(editor, '.preview .delivery-actions li')).toEqual([expect.stringMatching(/Status\s*Done$/)]);

    await go(editor, '/worcestershire/manage/board-meetings');
    expect(await editor.getByRole('button', { name: 'Publish progress' }).count()).toBe(0);
    await press(editor, 'Send for review');
    expect(await editor.getByRole('status').textContent()).toContain('sent for review');
  });

  it('publishes the meeting with the rest of the progress on a publisher’s word', async () => {
    expect((await published(stack.databaseUrl)).meetings).toEqual([]);
    await go(publisher, '/worcestershire/manage/board-meetings');
    expect(await texts(publisher, '.govuk-summary-list__value')).toContain('In review: waiting for a publisher');
    await press(publisher, 'Publish progress');
    expect(await publisher.getByRole('status').textContent()).toContain('Published');

    const content = await published(stack.databaseUrl);
    expect(content.meetings).toMatchObject([
      { key: 'meeting-1', date: '2026-03-12', access: 'public', reviewed: ['promise-1'], actionsClosed: ['action-1'] },
    ]);
    const reader = await person();
    await go(reader, '/worcestershire/progress');
    expect(await texts(reader, '#promise-1 .delivery-actions li')).toEqual([expect.stringMatching(new RegExp(`^${ACTION}.*Done$`))]);
  });

  it('turns a message into a "you said, we did" entry from the feedback view, shown as answered publicly once published', async () => {
    const reader = await person();
    await go(reader, '/worcestershire');
    await reader.getByLabel('Your message').fill(MESSAGE);
    await press(reader, 'Send your message');

    await go(publisher, '/worcestershire/manage/feedback');
    const item = () => publisher.locator('.feedback-item', { hasText: MESSAGE });
    await item()
      .getByLabel(/^Answer in “you said, we did”/)
      .check();
    await press(publisher, 'Write a ‘you said, we did’ entry');
    const chosen = new URL(publisher.url());
    expect(chosen.pathname).toBe('/worcestershire/manage/you-said-we-did');
    expect(chosen.searchParams.getAll('message')).toHaveLength(1);
    expect(await texts(publisher, '.messages .preserve')).toEqual([MESSAGE]);

    const before = await storedRows(stack.databaseUrl);
    await press(publisher, 'Add entry');
    expect(await summary(publisher)).toEqual([
      ['#date-day', 'Enter the date'],
      ['#you-said', 'Enter what young people said, in your own words'],
      ['#we-did', 'Enter what you did'],
    ]);
    expect(await texts(publisher, '.messages .preserve')).toEqual([MESSAGE]);
    expect(await storedRows(stack.databaseUrl)).toBe(before);

    await box(publisher, 'Day').fill('2');
    await box(publisher, 'Month').fill('April');
    await box(publisher, 'Year').fill('2026');
    await publisher.getByLabel('You said').fill(YOU_SAID);
    await publisher.getByLabel('We did').fill(WE_DID);
    await group(publisher, 'Which promises did it touch?')
      .getByLabel(/^Pledge 1:/)
      .check();
    await press(publisher, 'Add entry');
    expect(new URL(publisher.url()).search).toBe('?added=said-1');
    expect(await publisher.getByRole('status').textContent()).toContain('Added the entry to the draft');
    expect(await texts(publisher, '.entries h3')).toEqual(['2 April 2026 Not published yet']);

    await go(publisher, '/worcestershire/manage/feedback');
    expect(await item().locator('.govuk-tag').allTextContents()).toEqual(['New', 'In a draft “you said, we did”']);
    // Only publishers add entries; an editor is told so and has no form.
    await go(editor, '/worcestershire/manage/you-said-we-did');
    expect(await editor.textContent('main')).toContain('Only publishers of Worcestershire County Council can add');
    expect(await editor.getByRole('button', { name: 'Add entry' }).count()).toBe(0);

    await go(publisher, '/worcestershire/manage/you-said-we-did');
    await press(publisher, 'Publish progress');
    expect(await publisher.getByRole('status').textContent()).toContain('Published');
    expect((await published(stack.databaseUrl)).youSaidWeDid).toMatchObject([
      { key: 'said-1', youSaid: YOU_SAID, promises: ['promise-1'] },
    ]);

    await go(publisher, '/worcestershire/manage/feedback');
    expect(await item().locator('.govuk-tag').allTextContents()).toEqual(['New', 'Answered publicly']);
    expect(
      await item()
        .getByRole('link', { name: /^See the answer/ })
        .getAttribute('href'),
    ).toBe('/worcestershire/you-said-we-did#said-1');
    // The young person's own words are never published.
    await go(reader, '/worcestershire');
    expect(await reader.textContent('body')).not.toContain(MESSAGE);
  });

  it('shows all of it to the public: progress, board, scorecard, council page, "you said, we did" and the annual report', async () => {
    const reader = await person();
    const shown = async (path: string, selector = 'main') => {
      expect((await go(reader, path))?.status(), path).toBe(200);
      return (await reader.locator(selector).innerText()).replace(/\s+/g, ' ');
    };
    const progress = await shown('/worcestershire/progress', '#promise-1');
    for (const words of ['On track', PLAIN, ACTION]) expect(progress, words).toContain(words);

    const board = await shown('/worcestershire/board');
    for (const words of ['12 March 2026', DECISION, 'Minutes', ACTION, '4 young people']) expect(board, words).toContain(words);
    // Pledge 1's plain words are Pledgekeeper's, not yet confirmed by the council: the meeting's list of promises says so.
    const looked = reader.locator('section.meeting', { hasText: DECISION }).locator('dt:text-is("Promises it looked at") + dd');
    expect((await looked.innerText()).replace(/\s+/g, ' ')).toMatch(/^Pledge 1: .+ Suggested wording, not yet confirmed by the council\.$/);
    const scorecard = await shown('/worcestershire/board/scorecard', 'table');
    expect(scorecard).toMatch(/Pledge 1\b.*On track/);

    const council = await shown('/worcestershire');
    for (const words of [YOU_SAID, WE_DID]) expect(council, words).toContain(words);
    const entries = await shown('/worcestershire/you-said-we-did', '#said-1');
    expect(entries).toContain(YOU_SAID);
    expect(
      await reader
        .locator('#said-1')
        .getByRole('link', { name: /Pledge 1/ })
        .getAttribute('href'),
    ).toBe('/worcestershire/progress#promise-1');

    const report = await shown('/worcestershire/report/2026');
    for (const words of [PLAIN, UPDATE, YOU_SAID, WE_DID, DECISION, '12 March 2026', ACTION]) expect(report, words).toContain(words);
    // The young person's version comes before the board's.
    expect(report.indexOf(PLAIN)).toBeLessThan(report.indexOf('For the Corporate Parenting Board'));
    const json = (await (await reader.request.get(`${stack.portalUrl}/worcestershire/report/2026.json`)).json()) as Record<string, unknown>;
    expect(JSON.stringify(json)).toContain(YOU_SAID);
    expect(JSON.stringify(json)).toContain(DECISION);
    // What young people wrote stays private everywhere the public can look.
    for (const text of [council, entries, report, JSON.stringify(json)]) expect(text).not.toContain(MESSAGE);
  });

  it('passes axe at 360 and 1280 px on both pages after a mistake, and on the feedback view', async () => {
    // axe needs JavaScript; with it the workspace's forms answer in place, which `press` waits for.
    const browser = await launchChromium();
    try {
      for (const viewport of VIEWPORTS) {
        const context = await browser.newContext({ viewport, storageState: await publisher.context().storageState() });
        const page = await context.newPage();
        const violations = async () =>
          (await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze()).violations.map(
            (violation) => `${new URL(page.url()).pathname}: ${violation.id}`,
          );
        for (const [path, button] of [
          ['/worcestershire/manage/board-meetings', 'Add meeting'],
          ['/worcestershire/manage/you-said-we-did', 'Add entry'],
        ] as const) {
          await page.goto(stack.portalUrl + path);
          await press(page, button);
          expect(await page.locator('#date-error').count(), await page.locator('main').innerText()).toBe(1);
          expect(await violations()).toEqual([]);
        }
        await page.goto(`${stack.portalUrl}/worcestershire/manage/feedback`);
        expect(await violations()).toEqual([]);
        await context.close();
      }
    } finally {
      await browser.close();
    }
  });

  it('gives another council’s publisher a 403 on both pages and every one of their actions, changing nothing', async () => {
    const found = (await portalActions()).filter((action) => /\/manage\/(board-meetings|you-said-we-did)$/.test(action.route));
    expect(found.map(actionKey).sort()).toEqual([...BOARD_WORKSPACE_ACTIONS].sort());
    for (const path of ['/worcestershire/manage/board-meetings', '/worcestershire/manage/you-said-we-did?message=x']) {
      expect((await go(stranger, path))?.status(), path).toBe(403);
    }
    const before = await storedRows(stack.databaseUrl);
    for (const action of found) {
      const url = actionUrl(action, { council: 'worcestershire' });
      const answer = await stranger.request.post(stack.portalUrl + url, {
        form: { ...HOSTILE_FORM, revision: '100', reviewed: 'promise-1', promises: 'promise-1' },
        headers: { origin: stack.portalUrl, accept: 'text/html' },
        maxRedirects: 0,
      });
      expect(answer.status(), url).toBe(403);
      expect(await answer.text()).toContain('You do not have access to this page');
    }
    expect(await storedRows(stack.databaseUrl)).toBe(before);
  });
});
