import { AxeBuilder } from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DELIVERY_STATUS_LABELS } from '@pledgekeeper/domain/progress';
import { describeEachDialect } from '@pledgekeeper/stack';
import { launchChromium, storedRows, type Stack } from './harness';
import { TEST_ADMIN as ADMIN, acceptInvitation as accept, press } from './journeys';
import { HOSTILE_FORM, actionUrl, portalActions } from './portal-actions';
import { VIEWPORTS } from './public-pages';
import { texts, workspaceSteps } from './workspace-steps';

// Issue 11's foundation: delivery on each promise, recorded and published through the workspace
// with JavaScript off, and shown on the public progress page only once published.
const steps = workspaceSteps();
const { go, person, signIn, invite, invitePublisher } = steps;
let stack: Stack;
let admin: Page;
let publisher: Page;
let editor: Page;

const ON_TRACK = DELIVERY_STATUS_LABELS['on-track'];
const PLAIN = 'We have found two new places for you to meet your friends.';
const ACTION = 'Open a youth club in Redditch';
const TODAY = new Date().toISOString().slice(0, 10);
const DAY = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${TODAY}T00:00:00Z`));
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const notUpdated = (page: Page) => page.locator('section.delivery', { hasText: 'No update yet' });
/** The three boxes of a GOV.UK date input, found by its question. */
const dateBox = (page: Page, legend: string, box: 'Day' | 'Month' | 'Year') =>
  page.getByRole('group', { name: legend, exact: true }).getByRole('textbox', { name: box, exact: true });
async function fillDate(page: Page, legend: string, day: string, month: string, year: string) {
  await dateBox(page, legend, 'Day').fill(day);
  await dateBox(page, legend, 'Month').fill(month);
  await dateBox(page, legend, 'Year').fill(year);
}

describeEachDialect(describe, 'delivery on each promise, on %s', (dialect) => {
  beforeAll(async () => {
    stack = await steps.start(dialect);
    admin = await person();
    await signIn(admin, ADMIN.email, ADMIN.password);
    publisher = await person();
    await accept(publisher, await invitePublisher(admin, 'worcestershire', 'publisher@worcestershire.example'), 'Wren Publisher');
    editor = await person();
    await accept(editor, await invite(publisher, 'worcestershire', 'editor@worcestershire.example'), 'Will Editor');
  }, 120_000);
  afterAll(() => steps.stop());

  it('says truthfully that the seed councils have no update yet, for every promise and theme', async () => {
    const reader = await person();
    for (const [slug, count, first] of [
      ['worcestershire', 11, 'promise-1'],
      ['somerset', 7, 'theme-listening-informing'],
    ] as const) {
      expect((await go(reader, `/${slug}/progress`))?.status()).toBe(200);
      expect(await reader.title()).toMatch(/^Progress – .+ – Pledgekeeper$/);
      expect(await reader.locator('section.delivery').count()).toBe(count);
      expect(await notUpdated(reader).count()).toBe(count);
      expect(await reader.locator(`#${first}`).count()).toBe(1);
      // No status is invented: no status word appears anywhere.
      expect(await reader.locator('.delivery-status').count()).toBe(0);
      expect(await reader.getByRole('link', { name: 'Leave this page quickly' }).count()).toBe(1);
    }
    // The filter is a plain GET form.
    await go(reader, '/worcestershire/progress?status=on-track');
    expect(await reader.locator('section.delivery').count()).toBe(0);
    await reader.getByLabel('Show', { exact: true }).selectOption('no-update');
    await press(reader, 'Show');
    expect(new URL(reader.url()).search).toBe('?status=no-update');
    expect(await notUpdated(reader).count()).toBe(11);
  });

  it('lets an editor record an update and an action for a promise and send them for review', async () => {
    await go(editor, '/worcestershire/manage');
    await Promise.all([editor.waitForEvent('load'), editor.getByRole('link', { name: 'Progress', exact: true }).click()]);
    expect(await editor.locator('.govuk-summary-list').textContent()).toContain('Nothing recorded yet');
    await editor.getByLabel('Promise', { exact: true }).selectOption('promise-3');
    await press(editor, 'Choose');

    // A mistake comes back on its field, with what was typed kept.
    await editor.getByLabel('The same in plain words').fill(PLAIN);
    await press(editor, 'Add update');
    const summary = editor.locator('.govuk-error-summary__list a');
    expect(await summary.evaluateAll((links) => links.map((link) => link.getAttribute('href')))).toEqual([
      '#update-status',
      '#update-text',
    ]);
    expect(await summary.first().textContent()).toBe('Choose how it is going');
    expect(await editor.getByLabel('The same in plain words').inputValue()).toBe(PLAIN);

    await editor.locator('#update-status-on-track').check();
    // Dated today by default, so it is not yet stale.
    const [year, month, day] = TODAY.split('-').map(Number);
    for (const [box, value] of [
      ['Day', day],
      ['Month', month],
      ['Year', year],
    ] as const) {
      expect(await dateBox(editor, 'Date', box).inputValue()).toBe(String(value));
    }
    await editor.getByLabel("Update, in the council's words").fill('Two further youth venues have been commissioned.');
    await editor.getByLabel('Evidence: link text').fill('Board minutes, March 2025');
    await editor.getByLabel('Evidence: web address').fill('https://example.org/minutes');
    await press(editor, 'Add update');
    expect(await editor.getByRole('status').textContent()).toContain('Added the update');

    await editor.getByLabel('What we will do').fill(ACTION);
    await editor.getByLabel('Who answers for it').fill('Head of Leaving Care');
    // A date no calendar has is refused in the date input's own words, on the box at fault.
    await fillDate(editor, 'Due date', '31', '13', '2020');
    await press(editor, 'Add action');
    expect(await summary.evaluateAll((links) => links.map((link) => [link.getAttribute('href'), link.textContent]))).toEqual([
      ['#action-due-month', 'The date must be a real date'],
    ]);
    expect(await dateBox(editor, 'Due date', 'Month').getAttribute('aria-invalid')).toBe('true');
    expect(await dateBox(editor, 'Due date', 'Day').getAttribute('aria-invalid')).toBeNull();
    expect(await editor.getByLabel('What we will do').inputValue()).toBe(ACTION);
    await dateBox(editor, 'Due date', 'Month').fill('1');
    await press(editor, 'Add action');
    expect(await editor.getByRole('status').textContent()).toContain('Added the action');
    expect(await editor.locator('.preview').textContent()).toContain(ACTION);

    await press(editor, 'Send for review');
    expect(await editor.getByRole('status').textContent()).toContain('sent for review');
    expect(await editor.getByRole('button', { name: 'Publish progress' }).count()).toBe(0);

    // Before publication the public page still says there is no update.
    const reader = await person();
    await go(reader, '/worcestershire/progress');
    expect(await notUpdated(reader).count()).toBe(11);
    expect(await reader.locator('#promise-3').textContent()).not.toContain(PLAIN);
  });

  it('publishes on a publisher’s word, and the public pages show the status, the plain words and the action', async () => {
    await go(publisher, '/worcestershire/manage/progress');
    await press(publisher, 'Publish progress');
    expect(await publisher.getByRole('status').textContent()).toContain('Published');

    const reader = await person();
    await go(reader, '/worcestershire');
    const link = reader.getByRole('link', { name: /^How we're doing with this\W+Pledge 3\W*$/ });
    expect(await link.getAttribute('href')).toBe('/worcestershire/progress#promise-3');
    await Promise.all([reader.waitForEvent('load'), link.click()]);
    expect(new URL(reader.url()).hash).toBe('#promise-3');

    const promise = reader.locator('#promise-3');
    expect(await promise.locator('.delivery-status').textContent()).toBe(`${ON_TRACK.symbol} ${ON_TRACK.word}`);
    const shown = (await promise.textContent())?.replace(/\s+/g, ' ') ?? '';
    for (const words of [PLAIN, ACTION, 'Head of Leaving Care', '31 January 2020 Overdue', `Updated ${DAY}`, 'Board minutes, March 2025']) {
      expect(shown).toContain(words);
    }
    expect(shown).not.toContain('No update since');
    expect(await promise.getByRole('link', { name: 'Board minutes, March 2025' }).getAttribute('href')).toBe('https://example.org/minutes');
    expect(await notUpdated(reader).count()).toBe(10);

    await go(reader, '/worcestershire/progress?status=on-track');
    expect(await reader.locator('section.delivery h2').allTextContents()).toEqual(['Pledge 3']);
  });

  it('passes axe at 360 and 1280 px with progress published, and on the workspace page after a mistake', async () => {
    // axe needs JavaScript; with it the workspace's forms answer in place, which `press` waits for.
    const browser = await launchChromium();
    try {
      for (const viewport of VIEWPORTS) {
        const context = await browser.newContext({ viewport, storageState: await editor.context().storageState() });
        const page = await context.newPage();
        await page.goto(`${stack.portalUrl}/worcestershire/progress`);
        const violations = async () => (await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze()).violations.map((v) => v.id);
        expect(await violations()).toEqual([]);
        await page.goto(`${stack.portalUrl}/worcestershire/manage/progress?target=promise-3`);
        await press(page, 'Add action');
        expect(await page.locator('#action-what-error').count()).toBe(1);
        expect(await violations()).toEqual([]);
        await context.close();
      }
    } finally {
      await browser.close();
    }
  });

  it('gives a Worcestershire publisher a 403 on Somerset’s progress page and every progress action, changing nothing', async () => {
    const response = await go(publisher, '/somerset/manage/progress');
    expect(response?.status()).toBe(403);

    const actions = (await portalActions()).filter((action) => action.route === '/[council]/manage/progress');
    expect(actions.map((action) => action.name).sort()).toEqual(
      ['actionStatus', 'addAction', 'addUpdate', 'discard', 'measure', 'publish', 'sendBack', 'submitForReview'].sort(),
    );
    const before = await storedRows(stack.databaseUrl);
    for (const action of actions) {
      const url = actionUrl(action, { council: 'somerset' });
      const answer = await publisher.request.post(stack.portalUrl + url, {
        form: { ...HOSTILE_FORM, target: 'theme-where-i-live', status: 'done', text: 'Hijacked', what: 'Hijacked' },
        headers: { origin: stack.portalUrl, accept: 'text/html' },
        maxRedirects: 0,
      });
      expect(answer.status(), url).toBe(403);
      expect(await answer.text()).toContain('You do not have access to this page');
    }
    expect(await storedRows(stack.databaseUrl)).toBe(before);
  });
  it('keeps what was typed when someone else saved first, and saves it when sent again', async () => {
    const path = '/worcestershire/manage/progress?target=promise-5';
    const other = await editor.context().newPage();
    await go(editor, path);
    await go(other, path);
    await other.getByLabel('What we will do').fill('Meet carers every month');
    await press(other, 'Add action');
    expect(await other.getByRole('status').textContent()).toContain('Added the action');

    await editor.getByLabel('What we will do').fill('Ask carers what they need');
    await press(editor, 'Add action');
    expect(await editor.getByRole('alert').textContent()).toContain('Someone else saved progress');
    expect(await editor.getByLabel('What we will do').inputValue()).toBe('Ask carers what they need');
    await press(editor, 'Add action');
    expect(await texts(editor, '.preview .action-what')).toEqual(['Meet carers every month', 'Ask carers what they need']);
  });

  it('marks an action done between meetings, saying what is missing first', async () => {
    await go(editor, '/worcestershire/manage/progress?target=promise-5');
    await press(editor, 'Change status');
    expect(await texts(editor, '.govuk-error-summary__list a')).toEqual(['Choose its new status']);
    await editor.getByLabel('Action', { exact: true }).selectOption({ label: 'Meet carers every month (To do)' });
    await editor.locator('#status-of-action-done').check();
    await press(editor, 'Change status');
    expect(await editor.getByRole('status').textContent()).toContain('Changed the action’s status');
    const actions = await texts(editor, '.preview .delivery-actions li');
    expect(actions.find((action) => action.startsWith('Meet carers every month'))).toMatch(/Done$/);
    expect(actions.find((action) => action.startsWith('Ask carers what they need'))).toMatch(/To do$/);
  });
});
