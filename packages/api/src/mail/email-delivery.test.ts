import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type TestDatabase, describeEachDialect, openTestDatabase } from '@pledgekeeper/db/testing';
import type { ProgressContent } from '@pledgekeeper/domain/progress';
import { type Mailer, createMailer } from './mailer.js';
import { type Delivered, deliveries, startTestMailServer, tokenLinks } from './testing-smtp.js';
import { W, emailPeople } from './testing-people.js';

const ORIGIN = 'https://portal.example';
const events = (words: string) => [{ title: null, description: [words], callToAction: null }];
const progress: ProgressContent = {
  promises: [
    {
      target: 'promise-3',
      measure: 'Every young person has a pathway plan by 16',
      actions: [],
      updates: [
        {
          date: '2026-11-20',
          status: 'on-track',
          text: 'Half the plans are checked.',
          plainWords: 'We are halfway.',
          reason: null,
          evidence: [],
        },
      ],
    },
  ],
  meetings: [],
  youSaidWeDid: [],
};

describeEachDialect(describe, 'emails about the work, on %s', (dialect) => {
  let smtp: Awaited<ReturnType<typeof startTestMailServer>>;
  let t: TestDatabase;
  let mailer: Mailer;
  let people: Awaited<ReturnType<typeof emailPeople>>;
  const logged: string[] = [];
  beforeAll(async () => {
    smtp = await startTestMailServer();
  });
  afterAll(() => smtp.stop());
  beforeEach(async () => {
    smtp.clear();
    logged.splice(0);
    t = await openTestDatabase(dialect, { seed: true });
    const log = {
      info: (d: object, m: string) => logged.push(JSON.stringify([d, m])),
      error: (d: object, m: string) => logged.push(JSON.stringify([d, m])),
    };
    mailer = createMailer(
      { smtpUrl: smtp.url, from: 'Pledgekeeper <pledgekeeper@example.org>', outbox: '/nonexistent', origin: ORIGIN },
      log,
    );
    people = await emailPeople(t, () => mailer);
  });
  afterEach(() => t.destroy());

  const as = (who: Parameters<typeof people.as>[0]) => people.as(who);
  /** What arrived since the last look, once every email of the calls so far has gone. */
  const arrived = async (): Promise<Delivered[]> => {
    await mailer.settled();
    const got = [...smtp.received];
    smtp.clear();
    return got;
  };
  const noTokens = (emails: Delivered[]) => {
    for (const email of emails) expect(tokenLinks(email, ORIGIN, [W, 'somerset', 'testshire'])).toEqual([]);
    const sessions = Object.values(people.tokens);
    for (const email of emails) for (const token of sessions) expect(email.raw).not.toContain(token);
  };

  it('emails each invitation to the invited address, with a link that works', async () => {
    await as('admin').admin.createCouncil({ slug: 'testshire', name: 'Testshire Council', kind: 'county', nation: 'england' });
    const first = await as('admin').admin.invitePublisher({ council: 'testshire', email: 'first@testshire.example' });
    const editor = await as('publisher').people.invite({ council: W, email: 'new.editor@worcs.example', role: 'editor' });
    const emails = await arrived();
    expect(deliveries(emails)).toEqual([
      "first@testshire.example: You are invited to work on Testshire Council's pages on Pledgekeeper",
      "new.editor@worcs.example: You are invited to work on Worcestershire County Council's pages on Pledgekeeper",
    ]);
    const link = (to: string) => emails.find((e) => e.to.includes(to))!.text.match(/https:\/\/\S+/g);
    expect(link('first@testshire.example')).toEqual([`${ORIGIN}/invitations/${first.token}`]);
    expect(link('new.editor@worcs.example')).toEqual([`${ORIGIN}/invitations/${editor.token}`]);
    expect(emails.find((e) => e.to.includes('new.editor@worcs.example'))!.text).toContain(
      'Name of publisher has invited you to be an editor',
    );
    // The link is the real one: the invitation it names is open, for that address.
    expect(await as(null).auth.invitation({ token: editor.token })).toMatchObject({ email: 'new.editor@worcs.example' });
    expect(logged.join('\n')).not.toContain(editor.token);
  });

  it('tells publishers a review waits, the submitter it was sent back, and those who worked on it that it is published', async () => {
    await as('editor').workspace.saveSection({ council: W, section: 'events', revision: 0, content: events('We visit schools.') });
    await as('editor').workspace.submitForReview({ council: W });
    expect(deliveries(await arrived())).toEqual([
      'publisher2@worcs.example: Worcestershire County Council: changes are waiting for your review',
      'publisher@worcs.example: Worcestershire County Council: changes are waiting for your review',
    ]);
    // A second click changes nothing, so it says nothing.
    await as('editor').workspace.submitForReview({ council: W });
    expect(await arrived()).toEqual([]);

    await as('publisher').workspace.sendBack({
      council: W,
      comment: 'Please add the dates of the school visits',
      sections: { contacts: 'The fostering team needs an email address.' },
    });
    const sentBack = await arrived();
    expect(deliveries(sentBack)).toEqual(['editor@worcs.example: Worcestershire County Council: your changes were sent back']);
    expect(sentBack[0]!.text).toContain('Please add the dates of the school visits');
    expect(sentBack[0]!.text).toContain('On the contacts: The fostering team needs an email address.');
    expect(sentBack[0]!.text).toContain(`${ORIGIN}/${W}/manage`);

    const { revisions } = await as('editor2').workspace.draft({ council: W });
    await as('editor2').workspace.saveSection({
      council: W,
      section: 'events',
      revision: revisions.events,
      content: events('We visit schools each May.'),
    });
    await as('editor').workspace.submitForReview({ council: W });
    await arrived();
    await as('publisher').workspace.publish({ council: W });
    const published = await arrived();
    expect(deliveries(published)).toEqual([
      'editor2@worcs.example: Worcestershire County Council: your changes are published',
      'editor@worcs.example: Worcestershire County Council: your changes are published',
    ]);
    expect(published[0]!.text).toContain(`${ORIGIN}/${W}\n`);
    noTokens([...sentBack, ...published]);
  });

  it('does the same for progress updates, never telling the person who acted', async () => {
    await as('editor').progress.save({ council: W, revision: 0, content: progress });
    await as('publisher').progress.submitForReview({ council: W });
    const requested = await arrived();
    expect(deliveries(requested)).toEqual(['publisher2@worcs.example: Worcestershire County Council: changes are waiting for your review']);
    expect(requested[0]!.text).toContain(`${ORIGIN}/${W}/manage/progress`);
    await as('publisher2').progress.sendBack({ council: W, comment: 'Say which plans' });
    expect(deliveries(await arrived())).toEqual(['publisher@worcs.example: Worcestershire County Council: your changes were sent back']);
    await as('editor').progress.submitForReview({ council: W });
    await arrived();
    await as('publisher').progress.publish({ council: W });
    const published = await arrived();
    expect(deliveries(published)).toEqual(['editor@worcs.example: Worcestershire County Council: your changes are published']);
    expect(published[0]!.text).toContain('the progress update for Worcestershire County Council');
    noTokens([...requested, ...published]);
  });

  it("tells the council's people a message waits, and never what it says or is about", async () => {
    const words = 'My foster carer shouts at me and I feel scared at home';
    await as(null).feedback.send({ council: W, page: `/${W}`, topic: 'help', message: words, about: 'promise-3' });
    const emails = await arrived();
    expect(deliveries(emails)).toEqual(
      ['editor2', 'editor', 'publisher2', 'publisher'].map(
        (who) => `${who}@worcs.example: Worcestershire County Council: a young person has sent a message`,
      ),
    );
    for (const email of emails) {
      expect(email.text).toContain(`${ORIGIN}/${W}/manage/feedback`);
      for (const part of [words, 'foster', 'scared', 'promise-3', 'Pledge 3', 'help'])
        expect(email.raw.toLowerCase()).not.toContain(part.toLowerCase());
    }
    noTokens(emails);
    // A burst of messages makes one email; a message a while later makes another.
    await as(null).feedback.send({ council: W, page: `/${W}`, topic: null, message: 'Second' });
    expect(await arrived()).toEqual([]);
    people.later(16 * 60_000);
    await as(null).feedback.send({ council: W, page: `/${W}`, topic: null, message: 'Third' });
    expect(await arrived()).toHaveLength(4);
    // "Was this helpful?" answers are not messages: nobody is emailed.
    await as(null).feedback.submit({ council: W, page: `/${W}`, helpful: false, comment: 'Too long' });
    expect(await arrived()).toEqual([]);
  });
});
