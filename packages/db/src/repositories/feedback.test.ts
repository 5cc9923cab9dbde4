import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { councilScope } from '../council-scope.js';
import { type TestDatabase, describeEachDialect, openTestDatabase } from '../testing.js';
import { findCouncilBySlug } from './councils.js';
import { SUBMISSION_LIMITS } from './submissions.js';
import { insertUser } from './users.js';

// The server's key for readers' addresses: any fixed key will do here.
const KEY = Buffer.alloc(32, 7);

describeEachDialect(describe, 'feedback and messages on %s', (dialect) => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await openTestDatabase(dialect, { seed: true });
  });
  afterEach(() => t.destroy());

  const scopeOf = async (slug: string) => {
    const found = await findCouncilBySlug(t.db, slug);
    if (!found) throw new Error(`no council ${slug}`);
    return councilScope(t.db, found.id, found.council);
  };
  const now = new Date('2026-11-25T10:00:00.000Z');
  // Real accounts, since the audit log names them; the API checks roles before it gets here.
  let sam: { id: string; email: string; displayName: string };
  let intruder: typeof sam;
  beforeEach(async () => {
    sam = await insertUser(t.db, { email: 'sam@somerset.gov.uk', displayName: 'Sam Publisher', passwordHash: 'unused' }, now);
    intruder = await insertUser(t.db, { email: 'x@worcestershire.gov.uk', displayName: 'Intruder', passwordHash: 'unused' }, now);
  });

  it('keeps both kinds for the council they were sent to, newest first, as new', async () => {
    const somerset = await scopeOf('somerset');
    await somerset.submitFeedback({ page: '/somerset', helpful: false, comment: 'Too long' }, now);
    await somerset.sendMessage(
      { page: '/somerset', topic: 'help', about: null, message: 'Who do I ring at night?' },
      new Date(now.getTime() + 1000),
    );
    const items = await somerset.listFeedback();
    expect(items).toMatchObject([
      { kind: 'message', helpful: null, topic: 'help', comment: 'Who do I ring at night?', status: 'new', statusChangedBy: null },
      { kind: 'helpful', helpful: false, topic: null, comment: 'Too long', status: 'new' },
    ]);
    expect(await (await scopeOf('worcestershire')).listFeedback()).toEqual([]);
  });

  it('keeps which promise or theme a message is about, where the reader said', async () => {
    const worcestershire = await scopeOf('worcestershire');
    await worcestershire.sendMessage({ page: '/worcestershire', topic: 'promises', about: 'promise-3', message: 'Not for me' }, now);
    await worcestershire.sendMessage(
      { page: '/worcestershire', topic: null, about: null, message: 'Hello' },
      new Date(now.getTime() + 1000),
    );
    await worcestershire.submitFeedback({ page: '/worcestershire', helpful: true, comment: 'Clear' }, new Date(now.getTime() + 2000));
    expect(await worcestershire.listFeedback()).toMatchObject([
      { kind: 'helpful', about: null },
      { kind: 'message', topic: null, about: null, comment: 'Hello' },
      { kind: 'message', topic: 'promises', about: 'promise-3', comment: 'Not for me' },
    ]);
  });

  it('marks a comment read or answered with who and when, and only within its own council', async () => {
    const somerset = await scopeOf('somerset');
    await somerset.sendMessage({ page: '/somerset', topic: null, about: null, message: 'Thank you' }, now);
    const [item] = await somerset.listFeedback();
    const worcestershire = await scopeOf('worcestershire');
    await expect(worcestershire.markFeedback({ id: item!.id, status: 'answered', actor: intruder }, now)).rejects.toMatchObject({
      name: 'Refusal',
      code: 'NOT_FOUND',
      message: 'That feedback does not exist',
    });
    expect((await somerset.listFeedback())[0]).toMatchObject({ status: 'new' });

    await expect(somerset.markFeedback({ id: item!.id, status: 'answered', actor: sam }, now)).resolves.toBeUndefined();
    expect((await somerset.listFeedback())[0]).toMatchObject({
      status: 'answered',
      statusChangedBy: 'Sam Publisher',
      statusChangedAt: now.toISOString(),
    });
    // The log names the message as the feedback list shows it, by when it came, never by its id.
    expect(await somerset.auditLog()).toEqual([
      {
        at: now.toISOString(),
        actor: 'Sam Publisher',
        action: 'feedback-marked',
        summary: 'Marked the message sent on 25 November 2026 at 10:00 as answered',
      },
    ]);
    await somerset.markFeedback({ id: item!.id, status: 'new', actor: sam }, now);
    expect((await somerset.listFeedback())[0]).toMatchObject({ status: 'new', statusChangedBy: null, statusChangedAt: null });
  });

  it('lets a client send a few messages, then refuses until the window has passed', async () => {
    const somerset = await scopeOf('somerset');
    const { max, windowMs } = SUBMISSION_LIMITS.message;
    for (let sent = 0; sent < max; sent += 1) {
      expect(
        await somerset.allowSubmission({ client: '203.0.113.9', form: 'message', addressKey: KEY }, new Date(now.getTime() + sent)),
      ).toBe(true);
    }
    expect(await somerset.allowSubmission({ client: '203.0.113.9', form: 'message', addressKey: KEY }, new Date(now.getTime() + max))).toBe(
      false,
    );
    // Another client, and the other form, have allowances of their own.
    expect(await somerset.allowSubmission({ client: '198.51.100.7', form: 'message', addressKey: KEY }, now)).toBe(true);
    expect(await somerset.allowSubmission({ client: '203.0.113.9', form: 'helpful', addressKey: KEY }, now)).toBe(true);
    // Each council's allowance is its own: one council's readers never use up another's.
    expect(await (await scopeOf('worcestershire')).allowSubmission({ client: '203.0.113.9', form: 'message', addressKey: KEY }, now)).toBe(
      true,
    );
    expect(
      await somerset.allowSubmission({ client: '203.0.113.9', form: 'message', addressKey: KEY }, new Date(now.getTime() + windowMs + max)),
    ).toBe(true);
  });

  it('keeps the client only as a hash, apart from what was written', async () => {
    await (await scopeOf('somerset')).allowSubmission({ client: '203.0.113.9', form: 'message', addressKey: KEY }, now);
    const rows = await t.db.selectFrom('submission_attempts').selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain('203.0.113.9');
  });
});
