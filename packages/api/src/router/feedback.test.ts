import { createHash, randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SUBMISSION_LIMITS } from '@pledgekeeper/db';
import { type TestDatabase, describeEachDialect, openTestDatabase } from '@pledgekeeper/db/testing';
import { createCaller } from '../root.js';
import { signInActors } from '../testing/actors.js';
import { rejection } from '../testing/rejection.js';
import { createContext } from '../trpc.js';

const NOW = new Date('2026-11-25T12:00:00Z');

describeEachDialect(describe, "young people's feedback on %s", (dialect) => {
  let t: TestDatabase;
  let tokens: Awaited<ReturnType<typeof signInActors>>;
  beforeEach(async () => {
    t = await openTestDatabase(dialect, { seed: true });
    tokens = await signInActors(t.db, 'somerset', 'worcestershire', NOW);
  });
  afterEach(() => t.destroy());

  const reader = (client = '203.0.113.5', now = NOW) =>
    createCaller(createContext({ db: t.db, now: () => now, sessionToken: null, client }));
  const staff = (who: keyof typeof tokens) => createCaller(createContext({ db: t.db, now: () => NOW, sessionToken: tokens[who] }));
  const message = { council: 'somerset', page: '/somerset', topic: 'promises' as const, message: 'I want to know who my advocate is' };
  const giveSafeguardingContacts = () => t.db.updateTable('councils').set({ safeguarding_contact: 'Front door: 0300 000 0000' }).execute();

  it('shows no message until a publisher has said who to tell when one suggests a child is at risk', async () => {
    await reader().feedback.send(message);
    expect(await staff('editorA').feedback.overview({ council: 'somerset' })).toEqual({
      safeguardingContact: null,
      tallies: [],
      comments: [],
    });
    await rejection(
      staff('editorA').feedback.setSafeguardingContact({ council: 'somerset', contact: 'Front door: 0300 000 0000' }),
      'FORBIDDEN',
    );
    const empty = await rejection(
      staff('publisherA').feedback.setSafeguardingContact({ council: 'somerset', contact: '  ' }),
      'BAD_REQUEST',
    );
    expect(empty.message).toMatch(/Enter who to contact when a message suggests a child may be at risk/);
    expect(
      await staff('publisherA').feedback.setSafeguardingContact({ council: 'somerset', contact: ' Front door: 0300 000 0000 ' }),
    ).toEqual({
      contact: 'Front door: 0300 000 0000',
    });
    const overview = await staff('editorA').feedback.overview({ council: 'somerset' });
    expect(overview.safeguardingContact).toBe('Front door: 0300 000 0000');
    expect(overview.comments).toHaveLength(1);
    // One council's contact is its own.
    expect((await staff('publisherB').feedback.overview({ council: 'worcestershire' })).safeguardingContact).toBeNull();
    expect((await staff('publisherA').people.audit({ council: 'somerset' }))[0]).toMatchObject({ action: 'safeguarding-contact-changed' });
  });

  it("takes a message anonymously and shows it to the council's own people only", async () => {
    await giveSafeguardingContacts();
    expect(await reader().feedback.send(message)).toEqual({ received: true });
    await reader().feedback.submit({ council: 'somerset', page: '/somerset', helpful: true, comment: null });
    const overview = await staff('publisherA').feedback.overview({ council: 'somerset' });
    expect(overview.comments).toMatchObject([{ kind: 'message', topic: 'promises', comment: message.message, status: 'new' }]);
    expect(overview.tallies).toEqual([{ page: '/somerset', month: '2026-11', helpful: 1, notHelpful: 0, messages: 1 }]);
    // Nowhere public: not on the council's page, and no other council's people.
    expect(JSON.stringify(await reader().council.page({ council: 'somerset' }))).not.toContain(message.message);
    await rejection(staff('publisherB').feedback.overview({ council: 'somerset' }), 'FORBIDDEN');
    await rejection(reader().feedback.overview({ council: 'somerset' }), 'UNAUTHORIZED');
  });

  it('lets an editor mark a message read, then answered, naming who did it', async () => {
    await giveSafeguardingContacts();
    await reader().feedback.send(message);
    const [sent] = (await staff('editorA').feedback.overview({ council: 'somerset' })).comments;
    await staff('editorA').feedback.mark({ council: 'somerset', id: sent!.id, status: 'read' });
    await staff('publisherA').feedback.mark({ council: 'somerset', id: sent!.id, status: 'answered' });
    const [marked] = (await staff('editorA').feedback.overview({ council: 'somerset' })).comments;
    expect(marked).toMatchObject({ status: 'answered', statusChangedAt: NOW.toISOString() });
    expect(marked?.statusChangedBy).toBe('publisher.a');
  });

  it('refuses an empty or over-long message with a clear reason, storing nothing', async () => {
    const empty = await rejection(reader().feedback.send({ ...message, message: '  ' }), 'BAD_REQUEST');
    expect(empty.message).toContain('Write what you think before you send it');
    await rejection(reader().feedback.send({ ...message, message: 'x'.repeat(2001) }), 'BAD_REQUEST');
    expect(await t.db.selectFrom('feedback').selectAll().execute()).toEqual([]);
  });

  it('keeps which promise or theme a message is about, and shows it to staff', async () => {
    await giveSafeguardingContacts();
    await reader().feedback.send({ ...message, council: 'worcestershire', page: '/worcestershire', about: 'promise-3' });
    await reader().feedback.send({ ...message, about: 'theme-where-i-live' });
    const [worcestershire] = (await staff('publisherB').feedback.overview({ council: 'worcestershire' })).comments;
    expect(worcestershire).toMatchObject({ topic: 'promises', about: 'promise-3', comment: message.message });
    const [somerset] = (await staff('publisherA').feedback.overview({ council: 'somerset' })).comments;
    expect(somerset).toMatchObject({ about: 'theme-where-i-live' });
  });

  it('refuses a message about a promise or theme the council has not published, changing nothing', async () => {
    // Somerset's pledge has themes, not numbered promises; Worcestershire has eleven pledges and no themes.
    const notSomersets = await rejection(reader().feedback.send({ ...message, about: 'promise-3' }), 'BAD_REQUEST');
    expect(notSomersets.message).toBe(
      'That is not one of the promises Somerset County Council has published. Choose one from the list, or leave it out.',
    );
    await rejection(
      reader().feedback.send({ ...message, council: 'worcestershire', page: '/worcestershire', about: 'promise-12' }),
      'BAD_REQUEST',
    );
    await rejection(
      reader().feedback.send({ ...message, council: 'worcestershire', page: '/worcestershire', about: 'theme-where-i-live' }),
      'BAD_REQUEST',
    );
    expect(await t.db.selectFrom('feedback').selectAll().execute()).toEqual([]);
    expect(await t.db.selectFrom('submission_attempts').selectAll().execute()).toEqual([]);
  });

  it('slows a client that sends too much, without touching anyone else', async () => {
    for (let sent = 0; sent < SUBMISSION_LIMITS.message.max; sent += 1) await reader().feedback.send(message);
    const refused = await rejection(reader().feedback.send(message), 'TOO_MANY_REQUESTS');
    expect(refused.message).toBe('You have sent a lot in a short time. Wait 15 minutes, then try again.');
    expect(await t.db.selectFrom('feedback').selectAll().execute()).toHaveLength(SUBMISSION_LIMITS.message.max);
    expect(await reader('198.51.100.20').feedback.send(message)).toEqual({ received: true });
    const later = new Date(NOW.getTime() + SUBMISSION_LIMITS.message.windowMs + 1);
    expect(await reader('203.0.113.5', later).feedback.send(message)).toEqual({ received: true });
  });

  it("keeps nothing that ties a message to the reader's address without the server's key, nor its exact time", async () => {
    const sentAt = new Date('2026-11-25T12:03:37.123Z');
    const key = randomBytes(32);
    const sender = (addressKey: Buffer) => createCaller(createContext({ db: t.db, now: () => sentAt, client: '203.0.113.5', addressKey }));
    await sender(key).feedback.send(message);
    await sender(randomBytes(32)).feedback.send(message);
    const attempts = await t.db.selectFrom('submission_attempts').select(['client_hash', 'at']).execute();
    const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
    expect(attempts).toHaveLength(2);
    for (const attempt of attempts) {
      expect([sha256('203.0.113.5'), sha256('pledgekeeper-submission:203.0.113.5')]).not.toContain(attempt.client_hash);
      expect(attempt.client_hash).not.toContain('203.0.113.5');
      expect(attempt.at).toBe('2026-11-25T12:03:00.000Z');
    }
    // The same address under another key is another value: the rows alone cannot be matched to it.
    expect(attempts[0]!.client_hash).not.toBe(attempts[1]!.client_hash);
    expect(JSON.stringify(await t.db.selectFrom('feedback').selectAll().execute())).not.toContain('203.0.113.5');
    // And the limit still holds for one key.
    for (let sent = 1; sent < SUBMISSION_LIMITS.message.max; sent += 1) await sender(key).feedback.send(message);
    await rejection(sender(key).feedback.send(message), 'TOO_MANY_REQUESTS');
  });
});
