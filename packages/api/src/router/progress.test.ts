import type { ZodError } from 'zod';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type TestDatabase, describeEachDialect, openTestDatabase } from '@pledgekeeper/db/testing';
import type { ProgressContent } from '@pledgekeeper/domain/progress';
import { rejection } from '../testing/rejection.js';
import { NOW, W, workspaceCallers } from '../testing/workspace-callers.js';

const promise3: ProgressContent = {
  promises: [
    {
      target: 'promise-3',
      measure: 'Every young person has a pathway plan by 16',
      actions: [{ key: 'plans', what: 'Check every plan', responsible: 'Head of Leaving Care', due: '2027-03-31', status: 'open' }],
      updates: [
        {
          date: '2026-11-20',
          status: 'on-track',
          text: 'Half of all pathway plans have been reviewed.',
          plainWords: 'We have checked half of the plans.',
          reason: null,
          evidence: [{ label: 'Board papers', url: 'https://example.org/papers.pdf' }],
        },
      ],
    },
  ],
  meetings: [],
  youSaidWeDid: [],
};

describeEachDialect(describe, 'delivery on each promise on %s', (dialect) => {
  let t: TestDatabase;
  let callers: Awaited<ReturnType<typeof workspaceCallers>>;
  beforeEach(async () => {
    t = await openTestDatabase(dialect, { seed: true });
    callers = await workspaceCallers(t);
  });
  afterEach(() => t.destroy());

  const as = (...args: Parameters<typeof callers.as>) => callers.as(...args);
  const published = () => as(null).progress.published({ council: W });
  const editions = () => t.db.selectFrom('editions').selectAll().orderBy('id').execute();

  it('says truthfully that nothing is published yet', async () => {
    expect(await published()).toEqual({ version: null, publishedAt: null, content: { promises: [], meetings: [], youSaidWeDid: [] } });
    expect(await as('editor').progress.working({ council: W })).toEqual({
      state: 'none',
      version: null,
      revision: 0,
      content: { promises: [], meetings: [], youSaidWeDid: [] },
      reviewComment: null,
      publishedVersion: null,
    });
  });

  it('publishes a board meeting and a "you said, we did" entry with the promise they concern', async () => {
    await as('publisher').feedback.setSafeguardingContact({ council: W, contact: 'Front door: 01905 000000' });
    await as(null).feedback.send({ council: W, page: `/${W}`, topic: 'promises', message: 'My letters are hard to read' });
    const [message] = (await as('publisher').feedback.overview({ council: W })).comments;
    const meeting = {
      key: 'meeting-1',
      date: '2026-11-18',
      access: 'public' as const,
      papers: [{ label: 'Minutes', url: 'https://example.org/minutes.pdf' }],
      attendance: [{ kind: 'young-people' as const, count: 4 }],
      reviewed: ['promise-3'],
      actionsSet: ['plans'],
      actionsClosed: [],
      decisions: 'Every plan to be checked by March.',
    };
    const saved = await as('editor').progress.save({ council: W, revision: 0, content: { ...promise3, meetings: [meeting] } });
    const added = await as('publisher').progress.addYouSaidWeDid({
      council: W,
      revision: saved.revision,
      entry: {
        date: '2026-11-24',
        source: 'messages',
        youSaid: 'Letters were hard to read',
        weDid: 'We rewrote them',
        promises: ['promise-3'],
        actions: ['plans'],
      },
      feedbackIds: [message!.id],
    });
    expect(added).toEqual({ version: 1, revision: 2, key: 'said-1' });
    await as('publisher').progress.publish({ council: W });

    const { content } = await published();
    expect(content.meetings).toEqual([meeting]);
    expect(content.youSaidWeDid).toEqual([
      expect.objectContaining({ key: 'said-1', youSaid: 'Letters were hard to read', promises: ['promise-3'], actions: ['plans'] }),
    ]);
    const [answered] = (await as('editor').feedback.overview({ council: W })).comments;
    expect(answered!.publicAnswer).toEqual({ key: 'said-1', published: true });
  });

  it('lets only a publisher turn messages into an entry, and refuses a meeting about a promise the pledge lacks', async () => {
    const entry = { date: '2026-11-24', source: 'consultation' as const, youSaid: 'More help with money', weDid: 'A new guide' };
    const refused = await rejection(
      as('editor').progress.addYouSaidWeDid({ council: W, revision: 0, entry, feedbackIds: [] }),
      'FORBIDDEN',
    );
    expect(refused.message).toMatch(/publisher/i);
    const meeting = { key: 'meeting-1', date: '2026-11-18', access: 'private' as const, reviewed: ['promise-99'] };
    await as('editor').progress.save({ council: W, revision: 0, content: { ...promise3, meetings: [meeting] } as never });
    const bad = await rejection(as('publisher').progress.publish({ council: W }), 'BAD_REQUEST');
    expect(bad.message).toContain('"promise-99"');
    expect(await published()).toMatchObject({ version: null });
  });

  it('goes from an editor’s draft, through review, to the public, with no new pledge edition', async () => {
    const pageBefore = await callers.publicPage();
    const editionsBefore = await editions();

    expect(await as('editor').progress.save({ council: W, revision: 0, content: promise3 })).toEqual({ version: 1, revision: 1 });
    expect(await as('editor').progress.submitForReview({ council: W })).toEqual({ version: 1, status: 'in-review' });
    const later = new Date(NOW.getTime() + 60_000);
    expect(await as('publisher', later).progress.publish({ council: W })).toEqual({ version: 1, publishedAt: later.toISOString() });

    expect(await published()).toEqual({ version: 1, publishedAt: later.toISOString(), content: promise3 });
    expect(await as('editor').progress.working({ council: W })).toMatchObject({
      state: 'published',
      version: 1,
      revision: 1,
      content: promise3,
      publishedVersion: 1,
    });
    // The pledge's page is as it was: same version, same rows.
    const pageAfter = await callers.publicPage();
    expect(pageAfter.pledge?.version).toBe(pageBefore.pledge?.version);
    expect(pageAfter).toEqual(pageBefore);
    expect(await editions()).toEqual(editionsBefore);

    const audit = await t.db.selectFrom('audit_log').select(['action', 'actor_email', 'summary']).orderBy('at').orderBy('action').execute();
    expect(audit.map((entry) => `${entry.action} ${entry.actor_email}: ${entry.summary}`)).toEqual([
      'content-changed editor@worcestershire.gov.uk: Saved the progress records of draft progress version 1',
      'submitted-for-review editor@worcestershire.gov.uk: Sent draft progress version 1 for review',
      'published publisher@worcestershire.gov.uk: Published progress version 1',
    ]);
  });

  it('never shows the public a draft or one in review, only what was published', async () => {
    await as('editor').progress.save({ council: W, revision: 0, content: promise3 });
    expect(await published()).toEqual({ version: null, publishedAt: null, content: { promises: [], meetings: [], youSaidWeDid: [] } });
    await as('editor').progress.submitForReview({ council: W });
    expect((await published()).version).toBeNull();
    await as('publisher').progress.publish({ council: W });

    const behind = structuredClone(promise3);
    behind.promises[0]!.updates.push({ ...promise3.promises[0]!.updates[0]!, date: '2026-11-24', status: 'behind', text: 'Behind now' });
    await as('editor').progress.save({ council: W, revision: 1, content: behind });
    await as('editor').progress.submitForReview({ council: W });
    expect(await published()).toMatchObject({ version: 1, content: promise3 });
    expect(await as('editor').progress.working({ council: W })).toMatchObject({ state: 'in-review', version: 2, content: behind });
  });

  it('refuses a save from a stale revision, keeping the first', async () => {
    await as('editor').progress.save({ council: W, revision: 0, content: promise3 });
    const error = await rejection(as('editor2').progress.save({ council: W, revision: 0, content: { promises: [] } }), 'CONFLICT');
    expect(error.message).toBe(
      'Someone else saved the progress records while you were editing them. Load them again to see their changes, then make yours.',
    );
    expect((await as('editor2').progress.working({ council: W })).content).toEqual(promise3);
  });

  it('refuses a save begun before a publication or a discard', async () => {
    await as('editor').progress.save({ council: W, revision: 0, content: promise3 });
    await as('publisher').progress.publish({ council: W });
    // Loaded when nothing was published: revision 0 is now stale.
    await rejection(as('editor2').progress.save({ council: W, revision: 0, content: { promises: [] } }), 'CONFLICT');
    await as('editor').progress.save({ council: W, revision: 1, content: { promises: [], meetings: [], youSaidWeDid: [] } });
    expect(await as('editor').progress.discard({ council: W })).toEqual({ discarded: 2 });
    // The discarded draft's revision is never given again.
    await rejection(as('editor2').progress.save({ council: W, revision: 2, content: { promises: [] } }), 'CONFLICT');
    expect(await as('editor').progress.working({ council: W })).toMatchObject({ state: 'published', version: 1, revision: 3 });
    expect(await as('editor').progress.save({ council: W, revision: 3, content: promise3 })).toEqual({ version: 3, revision: 4 });
  });

  it('lets only a publisher publish or send back', async () => {
    await as('editor').progress.save({ council: W, revision: 0, content: promise3 });
    await as('editor').progress.submitForReview({ council: W });
    expect((await rejection(as('editor').progress.publish({ council: W }), 'FORBIDDEN')).message).toBe(
      'Only a publisher of Worcestershire County Council can do this',
    );
    await rejection(as('editor').progress.sendBack({ council: W, comment: 'Fine by me' }), 'FORBIDDEN');
    expect((await published()).version).toBeNull();

    await as('publisher').progress.sendBack({ council: W, comment: 'Please add the board papers' });
    expect(await as('editor').progress.working({ council: W })).toMatchObject({
      state: 'draft',
      reviewComment: 'Please add the board papers',
    });
  });

  it('refuses another council’s people, and people signed out, changing nothing', async () => {
    await as('editor').progress.save({ council: W, revision: 0, content: promise3 });
    const before = await t.db.selectFrom('progress_editions').selectAll().execute();
    const somerset = as('somersetPublisher').progress;
    for (const call of [
      () => somerset.working({ council: W }),
      () => somerset.save({ council: W, revision: 1, content: { promises: [] } }),
      () => somerset.submitForReview({ council: W }),
      () => somerset.sendBack({ council: W, comment: 'No' }),
      () => somerset.publish({ council: W }),
      () => somerset.discard({ council: W }),
    ]) {
      expect((await rejection(call(), 'FORBIDDEN')).message).toBe('You do not have a role in Worcestershire County Council');
    }
    await rejection(as(null).progress.working({ council: W }), 'UNAUTHORIZED');
    expect(await t.db.selectFrom('progress_editions').selectAll().execute()).toEqual(before);
  });

  it('refuses to publish a record for a promise the pledge does not have, naming it', async () => {
    const content = structuredClone(promise3);
    content.promises.push({ ...structuredClone(promise3.promises[0]!), target: 'promise-99', actions: [] });
    await as('editor').progress.save({ council: W, revision: 0, content });
    const error = await rejection(as('publisher').progress.publish({ council: W }), 'BAD_REQUEST');
    expect(error.message).toBe(
      `The draft cannot be published until this is fixed: a record names "promise-99", which is not a promise or theme in the council's published pledge`,
    );
    expect((await published()).version).toBeNull();
    await rejection(as('editor').progress.submitForReview({ council: W }), 'BAD_REQUEST');
  });

  it('publishes a themed pledge’s records by theme', async () => {
    const content = progressFor('theme-where-i-live');
    await as('somersetPublisher').progress.save({ council: 'somerset', revision: 0, content });
    await as('somersetPublisher').progress.publish({ council: 'somerset' });
    expect((await as(null).progress.published({ council: 'somerset' })).content).toEqual(content);
    expect((await published()).version).toBeNull();
  });

  it('refuses records that break the rules, field by field, and saves nothing', async () => {
    const content = progressFor('promise-3');
    content.promises[0]!.updates[0] = { ...content.promises[0]!.updates[0]!, status: 'no-longer-planned', reason: null };
    const error = await rejection(as('editor').progress.save({ council: W, revision: 0, content }), 'BAD_REQUEST');
    expect((error.cause as ZodError).issues).toEqual([
      expect.objectContaining({ path: ['content', 'promises', 0, 'updates', 0, 'reason'], message: 'Say why it is no longer planned' }),
    ]);
    expect(await t.db.selectFrom('progress_editions').selectAll().execute()).toEqual([]);
  });
});

const progressFor = (target: string): ProgressContent => ({
  ...promise3,
  promises: [{ ...structuredClone(promise3.promises[0]!), target, actions: [] }],
});
