import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type TestDatabase, describeEachDialect, openTestDatabase } from '@pledgekeeper/db/testing';
import { type Mailer, createMailer } from './mailer.js';
import { readMailSettings } from './settings.js';
import { deliveries, startTestMailServer } from './testing-smtp.js';
import { W, emailPeople } from './testing-people.js';

const ORIGIN = 'https://portal.example';
const FROM = 'Pledgekeeper <pledgekeeper@example.org>';
const message = { council: W, page: `/${W}`, topic: 'help' as const, message: 'Who is my advocate?' };

describeEachDialect(describe, 'turning emails off, and where they go, on %s', (dialect) => {
  let smtp: Awaited<ReturnType<typeof startTestMailServer>>;
  let t: TestDatabase;
  let mailer: Mailer;
  let people: Awaited<ReturnType<typeof emailPeople>>;
  const logged: unknown[][] = [];
  const log = { info: (d: object, m: string) => logged.push([d, m]), error: (d: object, m: string) => logged.push([d, m]) };
  beforeAll(async () => {
    smtp = await startTestMailServer();
  });
  afterAll(() => smtp.stop());
  beforeEach(async () => {
    smtp.clear();
    logged.splice(0);
    t = await openTestDatabase(dialect, { seed: true });
    mailer = createMailer({ smtpUrl: smtp.url, from: FROM, outbox: '/nonexistent', origin: ORIGIN }, log);
    people = await emailPeople(t, () => mailer);
  });
  afterEach(() => t.destroy());
  const as = (who: Parameters<typeof people.as>[0]) => people.as(who);
  const arrived = async () => {
    await mailer.settled();
    return deliveries(smtp.received.splice(0)).map((line) => line.split(':')[0]);
  };

  it('lets each person turn off each kind, and sends them none of it', async () => {
    expect((await as('editor').account.emailPreferences()).map((p) => `${p.kind} ${p.on}`)).toEqual([
      'review-requested true',
      'sent-back true',
      'published true',
      'new-message true',
    ]);
    await as('editor').account.setEmailPreferences({ on: ['published'] });
    await as('publisher2').account.setEmailPreferences({ on: ['sent-back', 'published', 'new-message'] });
    expect((await as('editor').account.emailPreferences()).filter((p) => p.on).map((p) => p.kind)).toEqual(['published']);
    // Each person's own: the others' are untouched.
    expect((await as('editor2').account.emailPreferences()).every((p) => p.on)).toBe(true);

    await as(null).feedback.send(message);
    expect(await arrived()).toEqual(['editor2@worcs.example', 'publisher2@worcs.example', 'publisher@worcs.example']);
    await as('editor').workspace.saveSection({
      council: W,
      section: 'events',
      revision: 0,
      content: [{ title: null, description: ['We visit schools.'], callToAction: null }],
    });
    await as('editor').workspace.submitForReview({ council: W });
    expect(await arrived()).toEqual(['publisher@worcs.example']);
    await as('publisher').workspace.sendBack({ council: W, comment: 'Add the dates' });
    expect(await arrived()).toEqual([]);
    await as('editor').workspace.submitForReview({ council: W });
    await arrived();
    await as('publisher').workspace.publish({ council: W });
    expect(await arrived()).toEqual(['editor@worcs.example']);

    // Turned back on, it comes again (for a message that is not part of a burst).
    people.later(20 * 60_000);
    await as('editor').account.setEmailPreferences({ on: ['published', 'new-message'] });
    await as(null).feedback.send(message);
    expect(await arrived()).toContain('editor@worcs.example');
  });

  it('answers at once even when the mail server cannot be reached, and logs why', async () => {
    const down = await startTestMailServer();
    await down.stop();
    mailer = createMailer({ smtpUrl: down.url, from: FROM, outbox: '/nonexistent', origin: ORIGIN }, log);
    expect(await as(null).feedback.send(message)).toEqual({ received: true });
    const invited = await as('publisher').people.invite({ council: W, email: 'new@worcs.example', role: 'editor' });
    expect(invited.token).toBeTruthy();
    await mailer.settled();
    expect(logged.filter(([, m]) => m === 'an email could not be sent').length).toBe(5);
    expect(JSON.stringify(logged)).not.toContain(invited.token);
  });

  it('writes each email to the log and an .eml file in the outbox when there is no SMTP server', async () => {
    const outbox = await mkdtemp(join(tmpdir(), 'pk-outbox-'));
    try {
      mailer = createMailer({ smtpUrl: null, from: FROM, outbox: join(outbox, 'made-when-needed'), origin: ORIGIN }, log);
      const invited = await as('publisher').people.invite({ council: W, email: 'new@worcs.example', role: 'editor' });
      await mailer.settled();
      const files = await readdir(join(outbox, 'made-when-needed'));
      expect(files).toHaveLength(1);
      expect(files[0]).toMatch(/\.eml$/);
      const eml = await readFile(join(outbox, 'made-when-needed', files[0]!), 'utf8');
      expect(eml).toMatch(/^To: new@worcs\.example$/m);
      expect(eml.replace(/=\n/g, '')).toContain(`${ORIGIN}/invitations/${invited.token}`);
      expect(logged).toEqual([
        [
          expect.objectContaining({ to: 'new@worcs.example', subject: expect.stringContaining('You are invited') }),
          'email written to the outbox',
        ],
      ]);
      expect(JSON.stringify(logged)).not.toContain(invited.token);
    } finally {
      await rm(outbox, { recursive: true, force: true });
    }
  });
});

describe('the mail settings', () => {
  it('default to the outbox beside the database, and links to the local portal', () => {
    expect(readMailSettings({})).toEqual({
      smtpUrl: null,
      from: 'Pledgekeeper <pledgekeeper@localhost>',
      outbox: resolve('data', 'outbox'),
      origin: 'http://localhost:3000',
    });
    expect(readMailSettings({ SMTP_URL: 'smtp://u:p@mail.example:587', ORIGIN: 'https://p.example/', MAIL_OUTBOX: '' })).toMatchObject({
      smtpUrl: 'smtp://u:p@mail.example:587',
      origin: 'https://p.example',
    });
  });

  it('refuse an address that is not SMTP, or an origin with a path, naming the variable', () => {
    expect(() => readMailSettings({ SMTP_URL: 'http://mail.example' })).toThrow(/SMTP_URL: must be an smtp:\/\//);
    expect(() => readMailSettings({ ORIGIN: 'https://p.example/somerset' })).toThrow(/ORIGIN: must be the portal's public address/);
  });
});
