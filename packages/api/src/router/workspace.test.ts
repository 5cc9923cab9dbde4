import { TRPCError } from '@trpc/server';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSession, findCouncilBySlug, insertCouncil, insertUser, setRole } from '@pledgekeeper/db';
import { type TestDatabase, dialectsUnderTest, openTestDatabase } from '@pledgekeeper/db/testing';
import { type PledgeContent, type Role, SECTIONS } from '@pledgekeeper/domain';
import { SectionConflict } from '../errors.js';
import { appRouter, createCaller } from '../root.js';
import { createContext } from '../trpc.js';
import { rejection } from '../testing/rejection.js';

const NOW = new Date('2026-11-25T12:00:00Z');
const W = 'worcestershire';

describe.each(dialectsUnderTest())('the workspace on %s', (dialect) => {
  let t: TestDatabase;
  let tokens: Record<'editor' | 'editor2' | 'publisher' | 'somersetPublisher', string>;

  const person = async (email: string, roles: [string, Role][], signedInAt = NOW) => {
    const user = await insertUser(t.db, { email, displayName: email.split('@')[0]!, passwordHash: 'not-used' }, NOW);
    for (const [slug, role] of roles) await setRole(t.db, (await findCouncilBySlug(t.db, slug))!.id, user.id, role, NOW);
    return (await createSession(t.db, user.id, signedInAt)).token;
  };
  const as = (who: keyof typeof tokens | null, now = NOW) =>
    createCaller(createContext({ db: t.db, now: () => now, sessionToken: who ? tokens[who] : null }));
  const publicPage = () => as(null).council.page({ council: W });
  const audit = async () =>
    (await t.db.selectFrom('audit_log').select(['action', 'actor_email']).orderBy('at').orderBy('action').execute()).map((r) => `${r.action} ${r.actor_email}`);
  const tables = async () => ({
    editions: await t.db.selectFrom('editions').selectAll().orderBy('id').execute(),
    promises: await t.db.selectFrom('promises').selectAll().orderBy('id').execute(),
    audit: await t.db.selectFrom('audit_log').selectAll().orderBy('id').execute(),
  });

  beforeEach(async () => {
    t = await openTestDatabase(dialect, { seed: true });
    tokens = {
      editor: await person('editor@worcestershire.gov.uk', [[W, 'editor']]),
      editor2: await person('editor2@worcestershire.gov.uk', [[W, 'editor']]),
      publisher: await person('publisher@worcestershire.gov.uk', [[W, 'publisher']]),
      somersetPublisher: await person('publisher@somerset.gov.uk', [['somerset', 'publisher']]),
    };
  });
  afterEach(() => t.destroy());

  const pledgeWith = (pledge: PledgeContent, change: (pledge: PledgeContent) => void): PledgeContent => {
    const copy = structuredClone(pledge);
    change(copy);
    return copy;
  };

  it('takes a change from draft to review to the public page, all at once, and keeps both versions', async () => {
    const editor = as('editor');
    const start = await editor.workspace.draft({ council: W });
    expect(start).toMatchObject({ version: 1, status: 'published', revisions: { pledge: 0 } });
    const pledge = pledgeWith(start.content.pledge!, (p) => {
      p.promises[2]!.text = 'We will make sure you have a safe and stable home.';
    });
    const before = await publicPage();

    expect(await editor.workspace.saveSection({ council: W, section: 'pledge', revision: 0, content: pledge })).toEqual({ version: 2, revision: 1 });
    expect(await publicPage()).toEqual(before);
    expect(await editor.workspace.submitForReview({ council: W })).toEqual({ version: 2, status: 'in-review' });
    expect((await editor.workspace.overview({ council: W })).working).toMatchObject({ version: 2, status: 'in-review' });
    expect(await publicPage()).toEqual(before);

    const published = await as('publisher').workspace.publish({ council: W });
    expect(published).toEqual({ version: 2, publishedAt: NOW.toISOString() });
    const after = await publicPage();
    expect(after.pledge).toMatchObject({ version: 2, status: 'published' });
    expect(after.pledge?.promises[2]?.text).toBe('We will make sure you have a safe and stable home.');
    expect({ ...after, pledge: { ...after.pledge, promises: [] } }).toEqual({ ...before, pledge: { ...before.pledge, version: 2, publishedAt: NOW.toISOString(), promises: [] } });

    const history = await editor.workspace.history({ council: W });
    expect(history).toEqual([
      { version: 2, status: 'published', createdBy: 'editor@worcestershire.gov.uk', createdAt: NOW.toISOString(), publishedBy: 'publisher@worcestershire.gov.uk', publishedAt: NOW.toISOString() },
      expect.objectContaining({ version: 1, status: 'published', createdBy: null }),
    ]);
    expect(await editor.workspace.diff({ council: W, from: 1, to: 2 })).toEqual([
      expect.objectContaining({ section: 'pledge', label: 'Promise 3: text', kind: 'changed', after: 'We will make sure you have a safe and stable home.' }),
    ]);

    expect(await editor.workspace.restore({ council: W, version: 1 })).toEqual({ version: 3 });
    const restored = await editor.workspace.draft({ council: W });
    expect(restored).toMatchObject({ version: 3, status: 'draft' });
    expect(restored.content).toEqual(start.content);
    await rejection(editor.workspace.restore({ council: W, version: 1 }), 'CONFLICT');
    expect(await audit()).toEqual([
      'content-changed editor@worcestershire.gov.uk',
      'published publisher@worcestershire.gov.uk',
      'restored editor@worcestershire.gov.uk',
      'submitted-for-review editor@worcestershire.gov.uk',
    ]);
  });

  it('lets a publisher send a draft back with a comment, and an editor save it back to draft', async () => {
    const editor = as('editor');
    const { content } = await editor.workspace.draft({ council: W });
    await editor.workspace.saveSection({ council: W, section: 'contacts', revision: 0, content: content.contacts });
    await editor.workspace.submitForReview({ council: W });
    await rejection(editor.workspace.sendBack({ council: W, comment: 'No' }), 'FORBIDDEN');
    await rejection(editor.workspace.publish({ council: W }), 'FORBIDDEN');
    await rejection(editor.workspace.markReviewed({ council: W }), 'FORBIDDEN');
    const blank = await rejection(as('publisher').workspace.sendBack({ council: W, comment: '   ' }), 'BAD_REQUEST');
    expect(blank.message).toMatch(/Write a comment/);
    expect(await as('publisher').workspace.sendBack({ council: W, comment: 'Please add the phone number.' })).toEqual({ version: 2, status: 'draft' });
    expect((await editor.workspace.overview({ council: W })).working).toEqual({
      version: 2,
      status: 'draft',
      reviewComment: 'Please add the phone number.',
      updatedAt: NOW.toISOString(),
    });
    await rejection(as('publisher').workspace.sendBack({ council: W, comment: 'Again' }), 'NOT_FOUND');
    // Sent again, then edited while in review: back to draft, so the reviewer sees the change.
    await editor.workspace.submitForReview({ council: W });
    await editor.workspace.saveSection({ council: W, section: 'contacts', revision: 1, content: content.contacts });
    expect((await editor.workspace.overview({ council: W })).working?.status).toBe('draft');
    expect(await audit()).toContain('sent-back publisher@worcestershire.gov.uk');
  });

  it('refuses the second of two saves of one section from the same revision, with the first one to show', async () => {
    const { content } = await as('editor').workspace.draft({ council: W });
    const mine = pledgeWith(content.pledge!, (p) => {
      p.promises[0]!.text = 'Mine';
    });
    const theirs = pledgeWith(content.pledge!, (p) => {
      p.promises[0]!.text = 'Theirs';
    });
    await as('editor').workspace.saveSection({ council: W, section: 'pledge', revision: 0, content: mine });
    const error = await rejection(as('editor2').workspace.saveSection({ council: W, section: 'pledge', revision: 0, content: theirs }), 'CONFLICT');
    expect(error.message).toBe('Someone else saved this section while you were editing it. Their version is shown; your text is kept below it.');
    expect(error.cause).toBeInstanceOf(SectionConflict);
    expect((error.cause as SectionConflict).detail).toEqual({
      section: 'pledge',
      revision: 1,
      content: mine,
      savedBy: 'editor@worcestershire.gov.uk',
      savedAt: NOW.toISOString(),
    });
    expect((await as('editor2').workspace.draft({ council: W })).content.pledge?.promises[0]?.text).toBe('Mine');
  });

  it('sends the conflict to the client in the error data', async () => {
    const { content } = await as('editor').workspace.draft({ council: W });
    await as('editor').workspace.saveSection({ council: W, section: 'contacts', revision: 0, content: content.contacts });
    const response = await fetchRequestHandler({
      endpoint: '/trpc',
      router: appRouter,
      createContext: () => createContext({ db: t.db, now: () => NOW, sessionToken: tokens.editor2 }),
      req: new Request('http://localhost/trpc/workspace.saveSection', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ council: W, section: 'contacts', revision: 0, content: [] }),
      }),
    });
    expect(response.status).toBe(409);
    const body = (await response.json()) as { error: { data: { conflict: unknown } } };
    expect(body.error.data.conflict).toEqual({
      section: 'contacts',
      revision: 1,
      content: content.contacts,
      savedBy: 'editor@worcestershire.gov.uk',
      savedAt: NOW.toISOString(),
    });
  });

  it('accepts saves of different sections from the same starting point', async () => {
    const { content } = await as('editor').workspace.draft({ council: W });
    await as('editor').workspace.saveSection({ council: W, section: 'board', revision: 0, content: { ...content.board!, name: 'The Board' } });
    await as('editor2').workspace.saveSection({ council: W, section: 'contacts', revision: 0, content: [] });
    const draft = await as('editor').workspace.draft({ council: W });
    expect(draft.content.board?.name).toBe('The Board');
    expect(draft.content.contacts).toEqual([]);
    expect(draft.revisions).toMatchObject({ board: 1, contacts: 1, pledge: 0 });
  });

  it('loses no save when many arrive at once', async () => {
    const { content } = await as('editor').workspace.draft({ council: W });
    const saves = [
      as('editor').workspace.saveSection({ council: W, section: 'board', revision: 0, content: { ...content.board!, name: 'Board 1' } }),
      as('editor2').workspace.saveSection({ council: W, section: 'contacts', revision: 0, content: [] }),
      as('publisher').workspace.saveSection({ council: W, section: 'events', revision: 0, content: [] }),
      as('editor').workspace.saveSection({ council: W, section: 'statement', revision: 0, content: { ...content.statement, summary: 'New summary' } }),
      as('editor2').workspace.saveSection({ council: W, section: 'board', revision: 0, content: { ...content.board!, name: 'Board 2' } }),
    ];
    const outcomes = await Promise.allSettled(saves);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(4);
    const refused = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
    expect(refused).toHaveLength(1);
    expect((refused[0]!.reason as TRPCError).code).toBe('CONFLICT');
    const draft = await as('editor').workspace.draft({ council: W });
    expect(draft.revisions).toMatchObject({ board: 1, contacts: 1, events: 1, statement: 1, pledge: 0 });
    expect(draft.content.statement.summary).toBe('New summary');
    expect(draft.content.contacts).toEqual([]);
    expect(['Board 1', 'Board 2']).toContain(draft.content.board?.name);
  });

  it('refuses a pledge that breaks the rules, naming the promise, and changes nothing', async () => {
    const { content } = await as('editor').workspace.draft({ council: W });
    const before = await tables();
    const broken = pledgeWith(content.pledge!, (p) => {
      p.promises[1]!.number = 5;
    });
    const error = await rejection(as('editor').workspace.saveSection({ council: W, section: 'pledge', revision: 0, content: broken }), 'BAD_REQUEST');
    expect(error.message).toMatch(/^The pledge cannot be saved until this is fixed: Promise 2 in the list is numbered 5/);
    const shapeless = await rejection(
      as('editor').workspace.saveSection({ council: W, section: 'contacts', revision: 0, content: [{ team: 'No way to reach us' }] }),
      'BAD_REQUEST',
    );
    expect(shapeless.message).toMatch(/at least one way to reach it/);
    expect(await tables()).toEqual(before);
  });

  it('keeps people out who have no role in the council', async () => {
    const before = await tables();
    const calls = (caller: ReturnType<typeof as>): (() => Promise<unknown>)[] => [
      () => caller.workspace.overview({ council: W }),
      () => caller.workspace.draft({ council: W }),
      () => caller.workspace.saveSection({ council: W, section: 'contacts', revision: 0, content: [] }),
      () => caller.workspace.submitForReview({ council: W }),
      () => caller.workspace.sendBack({ council: W, comment: 'x' }),
      () => caller.workspace.publish({ council: W }),
      () => caller.workspace.discardDraft({ council: W }),
      () => caller.workspace.markReviewed({ council: W }),
      () => caller.workspace.history({ council: W }),
      () => caller.workspace.diff({ council: W, from: 1, to: 1 }),
      () => caller.workspace.restore({ council: W, version: 1 }),
    ];
    for (const call of calls(as(null))) await rejection(call(), 'UNAUTHORIZED');
    for (const call of calls(as('somersetPublisher'))) await rejection(call(), 'FORBIDDEN');
    expect(await tables()).toEqual(before);
  });

  it('warns when the page has not been reviewed for twelve months, until a publisher marks it reviewed', async () => {
    const later = new Date('2027-12-01T09:00:00Z');
    expect((await as('publisher').workspace.overview({ council: W })).stale).toBe(false);
    // A year on, people sign in again.
    tokens.publisher = await person('reviewer@worcestershire.gov.uk', [[W, 'publisher']], later);
    tokens.editor = await person('editor3@worcestershire.gov.uk', [[W, 'editor']], later);
    const overview = await as('publisher', later).workspace.overview({ council: W });
    expect(overview).toMatchObject({ stale: true, role: 'publisher', working: null, published: { version: 1, reviewedAt: expect.any(String) } });
    expect(overview.findings).toEqual([]);
    expect(await as('publisher', later).workspace.markReviewed({ council: W })).toEqual({ version: 1, reviewedAt: later.toISOString() });
    expect((await as('editor', later).workspace.overview({ council: W })).stale).toBe(false);
    expect(await audit()).toEqual(['marked-reviewed reviewer@worcestershire.gov.uk']);
  });

  it('gives a new council with no page an empty first draft, and a public page once it publishes', async () => {
    await insertCouncil(t.db, { slug: 'north-yorkshire', name: 'North Yorkshire Council', kind: 'unitary', nation: 'england', contact: null, brandColour: null, brandName: null }, NOW);
    tokens.publisher = await person('publisher@northyorks.gov.uk', [['north-yorkshire', 'publisher']]);
    const nyc = as('publisher');
    const council = 'north-yorkshire';
    expect(await nyc.workspace.overview({ council })).toMatchObject({ working: null, published: null, stale: true });
    const start = await nyc.workspace.draft({ council });
    expect(start).toMatchObject({ version: 0, content: { statement: { paragraphs: [] }, pledge: null, contacts: [] } });
    await rejection(as(null).council.page({ council }), 'NOT_FOUND');
    await nyc.workspace.saveSection({
      council,
      section: 'pledge',
      revision: 0,
      content: { title: 'Our promises', introduction: [], audiences: ['care-leavers'], promises: [{ number: 1, text: 'We will listen.' }] },
    });
    expect(await nyc.workspace.publish({ council })).toMatchObject({ version: 1 });
    const page = await as(null).council.page({ council });
    expect(page.pledge?.promises.map((p) => p.text)).toEqual(['We will listen.']);
  });

  it('discards a draft, leaving the published page', async () => {
    const editor = as('editor');
    await rejection(editor.workspace.discardDraft({ council: W }), 'NOT_FOUND');
    await editor.workspace.saveSection({ council: W, section: 'contacts', revision: 0, content: [] });
    expect(await editor.workspace.discardDraft({ council: W })).toEqual({ discarded: 2 });
    expect(await editor.workspace.draft({ council: W })).toMatchObject({ version: 1, status: 'published' });
    expect(await audit()).toContain('draft-discarded editor@worcestershire.gov.uk');
  });

  it('leaves the published page and the draft intact when publication fails part way', async () => {
    await as('editor').workspace.saveSection({ council: W, section: 'contacts', revision: 0, content: [] });
    const council = (await findCouncilBySlug(t.db, W))!;
    const draft = await t.db.selectFrom('editions').selectAll().where('council_id', '=', council.id).where('status', '=', 'draft').executeTakeFirstOrThrow();
    const content = JSON.parse(draft.content!);
    content.pledge.promises[5].text = null; // breaks a NOT NULL column after earlier rows are written
    await t.db.updateTable('editions').set({ content: JSON.stringify(content) }).where('id', '=', draft.id).execute();
    const before = await tables();
    const page = await publicPage();
    await rejection(as('publisher').workspace.publish({ council: W }), 'INTERNAL_SERVER_ERROR');
    expect(await tables()).toEqual(before);
    expect(await publicPage()).toEqual(page);
  });

  it('answers any malformed save with a 4xx and changes nothing', async () => {
    const editor = as('editor');
    const nasty = fc.oneof(
      fc.anything({ maxDepth: 4, withObjectString: true, withNullPrototype: true }),
      fc.constantFrom('<script>alert(1)</script>', "'; drop table editions; --", '\u202egnp.exe', 'a\u200bb', '__proto__'),
      fc.constant(JSON.parse('{"__proto__": {"polluted": true}, "team": "x"}')),
      fc.constant([{ team: 'x'.repeat(1_000_000), phone: '01905 000000' }]),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...SECTIONS, 'council', '__proto__'), fc.oneof(fc.integer(), fc.double(), fc.string()), nasty, async (section, revision, content) => {
        const before = await tables();
        const outcome = await editor.workspace
          .saveSection({ council: W, section, revision, content } as never)
          .then(() => null, (error: unknown) => error);
        if (outcome === null) return; // a valid save of a section: allowed
        expect(outcome).toBeInstanceOf(TRPCError);
        expect(['BAD_REQUEST', 'CONFLICT']).toContain((outcome as TRPCError).code);
        expect((outcome as TRPCError).message.length).toBeGreaterThan(0);
        expect(await tables()).toEqual(before);
      }),
      { numRuns: 150 },
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('answers NOT_FOUND for a version that does not exist', async () => {
    const error = await rejection(as('editor').workspace.diff({ council: W, from: 1, to: 9 }), 'NOT_FOUND');
    expect(error.message).toBe('There is no version 9 of this page');
    await rejection(as('editor').workspace.restore({ council: W, version: 9 }), 'NOT_FOUND');
    await rejection(as('editor').workspace.diff({ council: W, from: 0, to: 1 }), 'BAD_REQUEST');
  });
});
