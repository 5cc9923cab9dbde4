import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { describeEachDialect } from '@pledgekeeper/stack';
import { TEST_ADMIN as ADMIN, PASSWORD, acceptInvitation as accept, press, publishPage } from './journeys';
import { SLUG, texts, workspaceSteps } from './workspace-steps';

// The "Done when" journey, through the portal's forms with JavaScript off; who may do
// what to whom is in workspace-access.test.ts.
const steps = workspaceSteps();
const { go, person, signIn, invite, createCouncil, invitePublisher } = steps;

let admin: Page;
let publisher: Page;
let editor: Page;

// The whole journey runs once per database the tests have: SQLite always, PostgreSQL in CI.
describeEachDialect(describe, 'the council workspace without JavaScript, on %s', (dialect) => {
  beforeAll(() => steps.start(dialect));
  afterAll(() => steps.stop());

  it('lets the admin sign in with a HttpOnly, SameSite=Lax session cookie and onboard a council', async () => {
    admin = await person();
    await signIn(admin, ADMIN.email, ADMIN.password);
    expect(new URL(admin.url()).pathname).toBe('/admin');
    const [cookie] = (await admin.context().cookies()).filter((c) => c.name === 'pk_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/', secure: false });
    expect(await admin.locator('meta[name="robots"]').getAttribute('content')).toBe('noindex');

    await createCouncil(admin);
    // Named as people know it, not by its address.
    expect(await admin.getByRole('status').first().textContent()).toBe(
      'North Somerset Council was created. Invite its first publisher below.',
    );

    const link = await invitePublisher(admin, SLUG, 'publisher@north-somerset.example');
    // The next invitation starts where this one was: the same council stays chosen.
    expect(await admin.getByLabel('Council', { exact: true }).inputValue()).toBe(SLUG);

    publisher = await person();
    await accept(publisher, link, 'Pat Publisher');
    // A council with nothing yet starts its first person at its first section, and says so.
    expect(new URL(publisher.url()).pathname).toBe(`/${SLUG}/manage/statement`);
    expect(await publisher.locator('.govuk-inset-text').textContent()).toContain('Your council’s page is empty, so start here.');
    expect(await publisher.locator('.workspace-bar').textContent()).toContain('Pat Publisher');
    await go(publisher, `/${SLUG}/manage`);
    // A council with nothing yet is told so plainly: no "version 0", no working version of nothing.
    const status = await texts(publisher, '.govuk-summary-list__row');
    expect(status).toContainEqual(expect.stringMatching(/^Draft ?No draft$/));
    expect(status).toContainEqual(expect.stringMatching(/^Published version ?Nothing published yet$/));
    expect((await publisher.locator('main').textContent()) ?? '').not.toMatch(/version 0|None: the published/);
    await go(publisher, `/${SLUG}/manage/statement`);
    expect(await texts(publisher, 'p.govuk-hint')).toContain(
      'Nothing has been saved yet. Saving this section starts the first draft; nothing is public until a publisher publishes it.',
    );
  });

  it('lets the publisher add an editor, who drafts a pledge and submits it for review', async () => {
    const link = await invite(publisher, SLUG, 'editor@north-somerset.example');
    editor = await person();
    await accept(editor, link, 'Eddie Editor');
    expect(new URL(editor.url()).pathname).toBe(`/${SLUG}/manage/statement`);

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
    await press(editor, 'Renumber promises in order');
    expect(await editor.locator('#field-promises-0-number').inputValue()).toBe('1');
    expect(await editor.locator('#field-promises-1-number').inputValue()).toBe('2');
    expect(await editor.locator('#field-promises-0-principles-1').isChecked()).toBe(true);

    await go(editor, `/${SLUG}/manage`);
    expect(await editor.locator('.warning-panel').textContent()).toContain('has not published its page yet');
    await press(editor, 'Submit for review');
    expect(await editor.getByRole('status').textContent()).toContain('sent for review');
    expect(await editor.getByRole('button', { name: 'Publish' }).count()).toBe(0);
  });

  it('lets the publisher send it back with a comment on the pledge, which the editor sees there and answers', async () => {
    await go(publisher, `/${SLUG}/manage`);
    await publisher.getByLabel('What needs to change').fill('Nearly there.');
    await publisher.getByLabel('Pledge', { exact: true }).fill('Give the pledge a title.');
    await press(publisher, 'Send back');
    expect(await publisher.getByRole('status').textContent()).toContain('sent back');

    await go(editor, `/${SLUG}/manage`);
    expect(await editor.locator('.govuk-inset-text').textContent()).toMatch(/Nearly there\.[\s\S]*Pledge:\s*Give the pledge a title\./);
    await go(editor, `/${SLUG}/manage/pledge`);
    expect(await editor.locator('.govuk-inset-text').textContent()).toContain('Give the pledge a title.');
    await editor.locator('#field-title').fill('Our promises to you');
    await press(editor, 'Save and send for review');
    expect(new URL(editor.url()).pathname).toBe(`/${SLUG}/manage`);
    expect(await editor.getByRole('status').textContent()).toContain('Saved and sent for review');
  });

  it('publishes on the publisher’s word, and the public page shows the promises', async () => {
    await go(publisher, `/${SLUG}/manage`);
    await publishPage(publisher);
    expect(await publisher.getByRole('status').textContent()).toContain('Published');
    await go(publisher, `/${SLUG}`);
    // A council made here has not chosen its own word for a promise: "Promise 1".
    expect(await texts(publisher, 'ol.promises > li')).toEqual([
      "Promise 1 How we're doing with this: Promise 1 We will listen to you. Tell us if we're not keeping this: Promise 1",
      "Promise 2 How we're doing with this: Promise 2 We will help you find a home. Tell us if we're not keeping this: Promise 2",
    ]);
  });

  it('keeps both published versions in the history, with a readable diff', async () => {
    await go(publisher, `/${SLUG}/manage/pledge`);
    await publisher.locator('#field-promises-1-text').fill('We will help you find a safe home.');
    await press(publisher, 'Save pledge');
    await go(publisher, `/${SLUG}/manage`);
    // Before publishing, the overview shows what will change and who started the draft.
    expect(await texts(publisher, 'main p')).toContainEqual(expect.stringMatching(/^Version 2, started by Pat Publisher, last saved/));
    const draftChange = publisher.locator('table:has(#draft-changes-caption) tbody tr', { hasText: 'We will help you find a safe home.' });
    expect(await draftChange.locator('td').first().textContent()).toBe('We will help you find a home.');
    // Publishing needs the box ticked: without it, a clear error and nothing published.
    await press(publisher, 'Publish');
    expect(await publisher.locator('.govuk-error-summary').textContent()).toContain(
      'Tick the box to confirm you have checked the changes before publishing',
    );
    await go(publisher, `/${SLUG}`);
    expect(await publisher.locator('main').textContent()).not.toContain('find a safe home');
    await go(publisher, `/${SLUG}/manage`);
    await publishPage(publisher);

    await go(publisher, `/${SLUG}/manage/history`);
    const rows = await texts(publisher, 'tbody tr');
    expect(rows).toEqual([expect.stringContaining('Published'), expect.stringContaining('Published')]);
    // People by name: Eddie started version 1 and Pat published it; nobody's email is shown.
    const [, , started, published] = await texts(publisher, 'tbody tr:last-child td');
    expect([started, published]).toEqual([expect.stringMatching(/^Eddie Editor, /), expect.stringMatching(/^Pat Publisher, /)]);
    expect(rows.join(' ')).not.toContain('@');
    // Both versions, each named once.
    expect(rows.map((row) => /Version (\d+)/.exec(row)?.[1]).sort()).toEqual(['1', '2']);
    await publisher.getByRole('link', { name: 'Version 2' }).click();
    const change = publisher.locator('tbody tr', { hasText: 'We will help you find a safe home.' });
    expect(await change.locator('td').first().textContent()).toBe('We will help you find a home.');
    expect(await publisher.getByRole('button', { name: 'Restore this version as a new draft' }).count()).toBe(1);
    await go(publisher, `/${SLUG}`);
    expect(await publisher.locator('ol.promises').getByText('We will help you find a safe home.').count()).toBe(1);
  });

  it('tells the council’s publishers in sentences, by name, who did what, sign-ins included', async () => {
    const again = await person();
    await signIn(again, 'editor@north-somerset.example', PASSWORD);
    await go(publisher, `/${SLUG}/manage/audit`);
    const log = await texts(publisher, 'tbody td:nth-child(2)');
    expect(log[0]).toBe('Eddie Editor signed in.');
    expect(log).toContain('Pat Publisher published version 2.');
    expect(log).toContain('Eddie Editor sent draft version 1 for review.');
    expect(log).toContain('Eddie Editor accepted the invitation and is now an editor of North Somerset Council.');
    // Nobody's internal id, and a member's email only where they have no name yet: an invitation.
    expect(log.filter((line) => /\b[0-9a-f]{8}\b/.test(line))).toEqual([]);
    expect(log.filter((line) => line.includes('@') && !line.includes(' invited '))).toEqual([]);
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
    const [response] = await Promise.all([editor.waitForResponse((r) => r.request().method() === 'POST'), press(editor, 'Save pledge')]);
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
    // Only the portal's own script is on the page (the workspace ships it), none from what was typed.
    expect(await editor.locator('main script, main b').count()).toBe(0);
  });

  it.each(['/sign-in', `/${SLUG}/manage`, `/${SLUG}/manage/pledge`, `/${SLUG}/manage/history`])(
    '%s has headings in order, no script but the portal’s own and fits 360 px',
    async (path) => {
      await editor.setViewportSize({ width: 360, height: 640 });
      const response = await go(editor, path);
      expect(response?.headers()['x-robots-tag']).toBe('noindex');
      const levels = await editor
        .locator('main h1, main h2, main h3, main h4')
        .evaluateAll((headings) => headings.map((heading) => Number(heading.tagName.slice(1))));
      expect(levels[0]).toBe(1);
      levels.slice(1).forEach((level, index) => expect(level).toBeLessThanOrEqual(levels[index]! + 1));
      // The workspace ships SvelteKit's start script, inline, so its forms answer in place; no other.
      const scripts = await editor.locator('script').evaluateAll((found) => found.map((script) => (script as HTMLScriptElement).src));
      expect(scripts).toEqual(path === '/sign-in' ? [] : ['']);
      expect(await editor.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    },
  );
});
