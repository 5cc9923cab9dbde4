import { type TRPCError } from '@trpc/server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type TestDatabase, describeEachDialect, openTestDatabase } from '@pledgekeeper/db/testing';
import { appRouter, createCaller } from './root.js';
import { signInActors } from './testing/actors.js';
import { createContext } from './trpc.js';
import { rejection } from './testing/rejection.js';
import { TINY_SVG } from './testing/procedures.js';

const NOW = new Date('2026-11-25T12:00:00Z');

describeEachDialect(describe, 'the API on %s', (dialect) => {
  let t: TestDatabase;
  let api: ReturnType<typeof createCaller>;
  beforeEach(async () => {
    t = await openTestDatabase(dialect, { seed: true });
    api = createCaller(createContext({ db: t.db, now: () => NOW }));
  });
  afterEach(() => t.destroy());

  const feedbackRows = () => t.db.selectFrom('feedback').selectAll().execute();

  it('lists the councils that have published', async () => {
    const councils = await api.council.list();
    expect(councils.map((c) => [c.slug, c.name, c.promiseCount, c.themeCount])).toEqual([
      ['somerset', 'Somerset County Council', 0, 7],
      ['worcestershire', 'Worcestershire County Council', 11, 0],
    ]);
  });

  it("serves Worcestershire's whole page in one call", async () => {
    const page = await api.council.page({ council: 'worcestershire' });
    expect(page.council.name).toBe('Worcestershire County Council');
    expect(page.pledge?.promises.map((p) => p.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(page.pledge).toMatchObject({ version: 1, status: 'published' });
    expect(page.board?.cadence).toEqual({ kind: 'every-n-months', months: 2 });
    expect(page.principles.map((p) => p.code)).toEqual([
      'cswa2017-1a',
      'cswa2017-1b',
      'cswa2017-1c',
      'cswa2017-1d',
      'cswa2017-1e',
      'cswa2017-1f',
      'cswa2017-1g',
    ]);
  });

  it("serves Somerset's themes, involvement, training, events and contacts", async () => {
    const page = await api.council.page({ council: 'somerset' });
    expect(page.pledge?.themes).toHaveLength(7);
    expect(page.involvement?.opportunities).toHaveLength(4);
    expect(page.training[0]?.duration).toBe('Half-day');
    expect(page.events).toHaveLength(1);
    expect(page.contacts[0]?.phone).toBe('0300 123 2224');
  });

  it('names an unknown council in its NOT_FOUND', async () => {
    const error = await rejection(api.council.page({ council: 'no-such-council' }), 'NOT_FOUND');
    expect(error.message).toBe('There is no council "no-such-council" on Pledgekeeper');
  });

  it('refuses a slug that could never be a council, saying why', async () => {
    const upper = await rejection(api.council.page({ council: 'Somerset!' }), 'BAD_REQUEST');
    expect(upper.message).toMatch(/lower-case letters, digits and single hyphens/);
    const reserved = await rejection(api.council.page({ council: 'manage' }), 'BAD_REQUEST');
    expect(reserved.message).toMatch(/reserved/);
  });

  it('stores feedback for the council it is about, with the time it came', async () => {
    await expect(
      api.feedback.submit({ council: 'somerset', page: '/somerset', helpful: false, comment: '  I could not find who to call.  ' }),
    ).resolves.toEqual({ received: true });
    const rows = await feedbackRows();
    const somerset = await t.db.selectFrom('councils').select('id').where('slug', '=', 'somerset').executeTakeFirstOrThrow();
    expect(rows).toEqual([
      expect.objectContaining({
        council_id: somerset.id,
        page: '/somerset',
        comment: 'I could not find who to call.',
        created_at: NOW.toISOString(),
      }),
    ]);
    expect(Number(rows[0]?.helpful)).toBe(0);
  });

  it('stores an empty comment as no comment', async () => {
    await api.feedback.submit({ council: 'worcestershire', page: '/worcestershire', helpful: true, comment: '   ' });
    expect((await feedbackRows())[0]?.comment).toBeNull();
  });

  it.each([
    ['no answer to "was it helpful"', { page: '/somerset', comment: 'hi' }, /yes or no/],
    ['a comment over 1,200 characters', { page: '/somerset', helpful: true, comment: 'a'.repeat(1201) }, /at most 1200 characters/],
    ['a control character', { page: '/somerset', helpful: true, comment: 'a\u0000b' }, /characters we cannot store/],
    ['a page off this site', { page: 'https://example.org/', helpful: true }, /path on this site/],
  ])('refuses feedback with %s, and stores nothing', async (_, input, message) => {
    const error = await rejection(api.feedback.submit({ council: 'somerset', ...input } as never), 'BAD_REQUEST');
    expect(error.message).toMatch(message);
    expect(await feedbackRows()).toEqual([]);
  });
});

describe('tenancy, procedure by procedure', () => {
  // Every procedure that touches council data, with a valid input naming a council. A procedure
  // added to the router without an entry here fails the first test.
  const COUNCIL_SCOPED: Record<string, (council: string) => Record<string, unknown>> = {
    'council.page': (council) => ({ council }),
    'feedback.submit': (council) => ({ council, page: `/${council}`, helpful: true, comment: 'Thank you' }),
    'feedback.send': (council) => ({ council, page: `/${council}`, topic: null, message: 'More about money please' }),
    'feedback.overview': (council) => ({ council }),
    'feedback.setSafeguardingContact': (council) => ({ council, contact: 'Front door: 01234 000000' }),
    'feedback.mark': (council) => ({ council, id: '00000000-0000-4000-8000-000000000000', status: 'read' }),
    'branding.uploadLogo': (council) => ({ council, type: 'image/svg+xml', data: TINY_SVG }),
    'branding.logo': (council) => ({ council, id: 'a'.repeat(64) }),
    'council.logo': (council) => ({ council, id: 'a'.repeat(64) }),
    'people.list': (council) => ({ council }),
    'people.invite': (council) => ({ council, email: 'new.person@example.org', role: 'editor' }),
    'people.revokeInvitation': (council) => ({ council, invitationId: '00000000-0000-4000-8000-000000000000' }),
    'people.changeRole': (council) => ({ council, email: 'editor.a@example.org', role: 'publisher' }),
    'people.remove': (council) => ({ council, email: 'editor.a@example.org' }),
    'people.audit': (council) => ({ council }),
    'workspace.overview': (council) => ({ council }),
    'workspace.draft': (council) => ({ council }),
    'workspace.preview': (council) => ({ council }),
    'workspace.saveSection': (council) => ({ council, section: 'contacts', revision: 0, content: [] }),
    'workspace.submitForReview': (council) => ({ council }),
    'workspace.sendBack': (council) => ({ council, comment: 'Please check the contacts' }),
    'workspace.publish': (council) => ({ council }),
    'workspace.discardDraft': (council) => ({ council }),
    'workspace.markReviewed': (council) => ({ council }),
    'workspace.history': (council) => ({ council }),
    'workspace.diff': (council) => ({ council, from: 1, to: 1 }),
    'workspace.restore': (council) => ({ council, version: 1 }),
    'progress.published': (council) => ({ council }),
    'progress.working': (council) => ({ council }),
    'progress.save': (council) => ({ council, revision: 0, content: { promises: [{ target: 'promise-1' }] } }),
    'progress.addYouSaidWeDid': (council) => ({
      council,
      revision: 0,
      entry: { date: '2026-11-24', source: 'consultation', youSaid: 'More help with money', weDid: 'A new guide' },
      feedbackIds: [],
    }),
    'progress.submitForReview': (council) => ({ council }),
    'progress.sendBack': (council) => ({ council, comment: 'Please add the date' }),
    'progress.publish': (council) => ({ council }),
    'progress.discard': (council) => ({ council }),
    'wording.review': (council) => ({ council }),
    'wording.confirm': (council) => ({ council, version: 1 }),
  };
  const PLATFORM_WIDE = new Set([
    'council.list',
    'compare.matrix',
    'compare.sideBySide',
    'compare.delivery',
    'compare.progress',
    'auth.signIn',
    'auth.signOut',
    'auth.me',
    'auth.invitation',
    'auth.acceptInvitation',
    'account.emailPreferences',
    'account.setEmailPreferences',
    'admin.councils',
    'admin.createCouncil',
    'admin.invitePublisher',
  ]);

  it('knows every procedure in the router', () => {
    const paths = Object.keys(appRouter._def.procedures).sort();
    expect(paths).toEqual([...Object.keys(COUNCIL_SCOPED), ...PLATFORM_WIDE].sort());
  });

  describeEachDialect(describe, 'on %s', (dialect) => {
    let t: TestDatabase;
    beforeEach(async () => {
      t = await openTestDatabase(dialect, { seed: true });
    });
    afterEach(() => t.destroy());

    const call = (path: string, input: Record<string, unknown>, sessionToken: string | null = null) => {
      const caller = createCaller(createContext({ db: t.db, sessionToken })) as unknown as Record<
        string,
        Record<string, (i: unknown) => Promise<unknown>>
      >;
      const [area, name] = path.split('.') as [string, string];
      return caller[area]![name]!(input);
    };
    const snapshot = async () => ({
      feedback: await t.db.selectFrom('feedback').selectAll().orderBy('id').execute(),
      editions: await t.db.selectFrom('editions').selectAll().orderBy('id').execute(),
      progress: await t.db.selectFrom('progress_editions').selectAll().orderBy('id').execute(),
    });

    it.each(Object.entries(COUNCIL_SCOPED))('%s answers NOT_FOUND for an unknown council and changes nothing', async (path, input) => {
      const before = await snapshot();
      await rejection(call(path, input('no-such-council')), 'NOT_FOUND');
      expect(await snapshot()).toEqual(before);
    });

    it.each(Object.entries(COUNCIL_SCOPED))('%s acts on the named council only, whatever id is slipped in', async (path, input) => {
      const worcestershire = await t.db.selectFrom('councils').select('id').where('slug', '=', 'worcestershire').executeTakeFirstOrThrow();
      // Asked by a publisher of Somerset, who also is someone Worcestershire's data must not move for.
      const actors = await signInActors(t.db, 'somerset', 'worcestershire', new Date());
      const ofWorcestershire = async () => ({
        feedback: await t.db.selectFrom('feedback').selectAll().where('council_id', '=', worcestershire.id).orderBy('id').execute(),
        memberships: await t.db
          .selectFrom('memberships')
          .selectAll()
          .where('council_id', '=', worcestershire.id)
          .orderBy('user_id')
          .execute(),
        invitations: await t.db.selectFrom('invitations').selectAll().where('council_id', '=', worcestershire.id).orderBy('id').execute(),
        audit: await t.db.selectFrom('audit_log').selectAll().where('council_id', '=', worcestershire.id).orderBy('id').execute(),
        editions: await t.db.selectFrom('editions').selectAll().where('council_id', '=', worcestershire.id).orderBy('id').execute(),
        progress: await t.db
          .selectFrom('progress_editions')
          .selectAll()
          .where('council_id', '=', worcestershire.id)
          .orderBy('id')
          .execute(),
        council: await t.db.selectFrom('councils').selectAll().where('id', '=', worcestershire.id).execute(),
        wording: await t.db.selectFrom('wording_confirmations').selectAll().where('council_id', '=', worcestershire.id).execute(),
      });
      const before = await ofWorcestershire();
      // Some inputs name no real row (an invitation id): a NOT_FOUND is then the right answer.
      const result = await call(
        path,
        { ...input('somerset'), councilId: worcestershire.id, council_id: worcestershire.id },
        actors.publisherA,
      ).catch((error: unknown) => (expect((error as TRPCError).code).toBe('NOT_FOUND'), error));
      if (path === 'council.page') expect((result as { council: { slug: string } }).council.slug).toBe('somerset');
      expect(await ofWorcestershire()).toEqual(before);
    });
  });
});
