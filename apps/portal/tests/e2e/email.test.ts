import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { describeEachDialect } from '@pledgekeeper/stack';
import { type Stack, launchChromium, startStack, storedRows } from './harness';
import { TEST_ADMIN, acceptInvitation, adminEnv, press, signIn } from './journeys';

// Issue 13: the invitation reaches the invited person by email, and its link works in a browser.
// No SMTP server is given, so the API writes each email to the outbox folder, as on a laptop.
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** The plain text of an .eml file the API wrote, with quoted-printable undone. */
const bodyOf = (eml: string) =>
  eml
    .slice(eml.search(/\r?\n\r?\n/))
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

async function emailsIn(outbox: string, count: number): Promise<string[]> {
  for (let tries = 0; tries < 50; tries++) {
    const files = await readdir(outbox).catch(() => [] as string[]);
    if (files.length >= count) return Promise.all(files.sort().map((file) => readFile(join(outbox, file), 'utf8')));
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Fewer than ${count} emails arrived in ${outbox}`);
}

describeEachDialect(describe, 'emails from the workspace, on %s', (dialect) => {
  let stack: Stack;
  let browser: Browser;
  let outbox: string;
  let publisher: Page;
  beforeAll(async () => {
    outbox = await mkdtemp(join(tmpdir(), 'pk-e2e-outbox-'));
    stack = await startStack({ dialect, apiEnv: { ...adminEnv, MAIL_OUTBOX: outbox } });
    browser = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
    await rm(outbox, { recursive: true, force: true });
  });
  const person = async () => (await browser.newContext({ javaScriptEnabled: false })).newPage();

  it('emails the invitation with a link that a browser follows to accept it', async () => {
    const admin = await person();
    await signIn(admin, stack.portalUrl, TEST_ADMIN.email, TEST_ADMIN.password);
    await admin.getByLabel('Slug').fill('testshire');
    await admin.getByLabel('Name', { exact: true }).fill('Testshire Council');
    await admin.getByLabel('Kind').selectOption('county');
    await admin.getByLabel('Nation').selectOption('england');
    await press(admin, 'Create council');
    await admin.getByLabel('Council', { exact: true }).selectOption('testshire');
    await admin.getByLabel('Publisher’s email address').fill('pat@testshire.example');
    await press(admin, 'Create invitation link');
    const onScreen = (await admin.getByTestId('invitation-link').textContent())?.trim();

    const [eml] = await emailsIn(outbox, 1);
    const headers = eml!.slice(0, eml!.search(/\r?\n\r?\n/)).replace(/\r?\n[ \t]+/g, ' ');
    expect(headers).toMatch(/^To: pat@testshire\.example$/m);
    expect(headers).toMatch(/^Subject: You are invited to work on Testshire Council's pages on Pledgekeeper$/m);
    const links = bodyOf(eml!).match(/https?:\/\/\S+/g);
    expect(links).toEqual([onScreen]);
    expect(links![0]).toMatch(new RegExp(`^${stack.portalUrl}/invitations/\\S+$`));

    publisher = await person();
    await acceptInvitation(publisher, links![0]!, 'Pat Publisher');
    expect(new URL(publisher.url()).pathname).toBe('/testshire/manage/statement');
  });

  it('lets a person turn emails off on a page that works without JavaScript and passes axe', async () => {
    await Promise.all([publisher.waitForEvent('load'), publisher.getByRole('link', { name: 'Email settings' }).click()]);
    expect(new URL(publisher.url()).pathname).toBe('/account/email');
    const box = publisher.getByLabel('A young person has sent a message');
    expect(await box.isChecked()).toBe(true);
    // axe runs as a script: the same person's page, in a browser with JavaScript on.
    const storageState = await publisher.context().storageState();
    for (const width of [360, 1280]) {
      const page = await (await browser.newContext({ storageState, viewport: { width, height: 800 } })).newPage();
      await page.goto(`${stack.portalUrl}/account/email`);
      const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
      await page.context().close();
    }
    await box.uncheck();
    await press(publisher, 'Save email settings');
    expect(await publisher.getByRole('status').textContent()).toContain('Your email settings are saved');
    await publisher.reload();
    expect(await publisher.getByLabel('A young person has sent a message').isChecked()).toBe(false);
    expect(await publisher.getByLabel('Changes are waiting for my review').isChecked()).toBe(true);
  });

  it('sends someone signed out to sign in, changing nothing', async () => {
    const before = await storedRows(stack.databaseUrl);
    const stranger = await person();
    const response = await stranger.request.post(`${stack.portalUrl}/account/email?/save`, {
      form: { on: 'published' },
      headers: { origin: stack.portalUrl, accept: 'text/html' },
      maxRedirects: 0,
    });
    expect([303, 302]).toContain(response.status());
    expect(response.headers().location).toContain('/sign-in');
    expect(await storedRows(stack.databaseUrl)).toBe(before);
  });
});
