import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findCouncilBySlug, insertCouncil } from '@pledgekeeper/db';
import { type TestDatabase, describeEachDialect, openTestDatabase } from '@pledgekeeper/db/testing';
import { rejection } from '../testing/rejection.js';
import { NOW, W, pledgeWith, workspaceCallers } from '../testing/workspace-callers.js';

describeEachDialect(describe, 'the workspace on %s', (dialect) => {
  let t: TestDatabase;
  let callers: Awaited<ReturnType<typeof workspaceCallers>>;
  beforeEach(async () => {
    t = await openTestDatabase(dialect, { seed: true });
    callers = await workspaceCallers(t);
  });
  afterEach(() => t.destroy());

  const as = (...args: Parameters<typeof callers.as>) => callers.as(...args);
  const audit = () => callers.audit();
  const tables = () => callers.tables();
  const publicPage = () => callers.publicPage();
  const person: typeof callers.person = (...args) => callers.person(...args);

  it('previews the draft in the public page’s shape, for the council’s people only, while the public page stays', async () => {
    const editor = as('editor');
    const start = await editor.workspace.draft({ council: W });
    const before = await publicPage();
    // With no draft, the preview is the published page.
    expect(await editor.workspace.preview({ council: W })).toEqual({ ...before, pledge: { ...before.pledge, publishedAt: null } });
    const pledge = pledgeWith(start.content.pledge!, (p) => {
      p.promises[0]!.plainWords = 'We will keep you safe. (draft)';
    });
    await editor.workspace.saveSection({ council: W, section: 'pledge', revision: 0, content: pledge });
    const preview = await editor.workspace.preview({ council: W });
    expect(preview.pledge).toMatchObject({ version: 2, status: 'draft', publishedAt: null });
    expect(preview.pledge?.promises[0]?.plainWords).toBe('We will keep you safe. (draft)');
    // What editors turned down is theirs: the preview shows what the public would see.
    expect(preview.pledge?.promises.every((promise) => !('rejectedSuggestions' in promise))).toBe(true);
    expect(await publicPage()).toEqual(before);
    await rejection(as(null).workspace.preview({ council: W }), 'UNAUTHORIZED');
  });

  it('takes a change from draft to review to the public page, all at once, and keeps both versions', async () => {
    const editor = as('editor');
    const start = await editor.workspace.draft({ council: W });
    expect(start).toMatchObject({ version: 1, status: 'published', revisions: { pledge: 0 } });
    const pledge = pledgeWith(start.content.pledge!, (p) => {
      p.promises[2]!.text = 'We will make sure you have a safe and stable home.';
    });
    const before = await publicPage();

    expect(await editor.workspace.saveSection({ council: W, section: 'pledge', revision: 0, content: pledge })).toEqual({
      version: 2,
      revision: 1,
    });
    expect(await publicPage()).toEqual(before);
    expect(await editor.workspace.submitForReview({ council: W })).toEqual({ version: 2, status: 'in-review' });
    expect((await editor.workspace.overview({ council: W })).working).toMatchObject({ version: 2, status: 'in-review' });
    expect(await publicPage()).toEqual(before);

    const published = await as('publisher').workspace.publish({ council: W });
    expect(published).toEqual({ version: 2, publishedAt: NOW.toISOString() });
    const after = await publicPage();
    expect(after.pledge).toMatchObject({ version: 2, status: 'published' });
    expect(after.pledge?.promises[2]?.text).toBe('We will make sure you have a safe and stable home.');
    expect({ ...after, pledge: { ...after.pledge, promises: [] } }).toEqual({
      ...before,
      pledge: { ...before.pledge, version: 2, publishedAt: NOW.toISOString(), promises: [] },
    });

    const history = await editor.workspace.history({ council: W });
    expect(history).toEqual([
      {
        version: 2,
        status: 'published',
        // By the names people go by, not their email addresses.
        createdBy: 'editor',
        createdAt: NOW.toISOString(),
        publishedBy: 'publisher',
        publishedAt: NOW.toISOString(),
      },
      expect.objectContaining({ version: 1, status: 'published', createdBy: null }),
    ]);
    expect(await editor.workspace.diff({ council: W, from: 1, to: 2 })).toEqual([
      expect.objectContaining({
        section: 'pledge',
        label: 'Promise 3: text',
        kind: 'changed',
        after: 'We will make sure you have a safe and stable home.',
      }),
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
    const tooLong = await rejection(
      as('publisher').workspace.sendBack({ council: W, comment: 'See below.', sections: { contacts: 'x'.repeat(2001) } }),
      'BAD_REQUEST',
    );
    expect(tooLong.message).toMatch(/A comment on a section is at most 2000 characters/);
    expect((await editor.workspace.overview({ council: W })).working?.status).toBe('in-review');
    expect(
      await as('publisher').workspace.sendBack({
        council: W,
        comment: 'Please add the phone number.',
        sections: { contacts: 'The leaving care team has no phone number.', pledge: '  ' },
      }),
    ).toEqual({ version: 2, status: 'draft' });
    // The comment on the whole and the one on the contacts stay on the draft; an empty one is none.
    expect((await editor.workspace.overview({ council: W })).working).toEqual({
      version: 2,
      status: 'draft',
      reviewComment: 'Please add the phone number.',
      sectionComments: { contacts: 'The leaving care team has no phone number.' },
      updatedAt: NOW.toISOString(),
    });
    await rejection(as('publisher').workspace.sendBack({ council: W, comment: 'Again' }), 'NOT_FOUND');
    // Sent again, then edited while in review: back to draft, so the reviewer sees the change.
    await editor.workspace.submitForReview({ council: W });
    expect((await editor.workspace.overview({ council: W })).working?.sectionComments).toEqual({});
    await editor.workspace.saveSection({ council: W, section: 'contacts', revision: 1, content: content.contacts });
    expect((await editor.workspace.overview({ council: W })).working?.status).toBe('draft');
    expect(await audit()).toContain('sent-back publisher@worcestershire.gov.uk');
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
    callers.tokens.publisher = await person('reviewer@worcestershire.gov.uk', [[W, 'publisher']], later);
    callers.tokens.editor = await person('editor3@worcestershire.gov.uk', [[W, 'editor']], later);
    const overview = await as('publisher', later).workspace.overview({ council: W });
    expect(overview).toMatchObject({
      stale: true,
      role: 'publisher',
      working: null,
      published: { version: 1, reviewedAt: expect.any(String) },
    });
    expect(overview.findings).toEqual([]);
    expect(await as('publisher', later).workspace.markReviewed({ council: W })).toEqual({ version: 1, reviewedAt: later.toISOString() });
    expect((await as('editor', later).workspace.overview({ council: W })).stale).toBe(false);
    expect(await audit()).toEqual(['marked-reviewed reviewer@worcestershire.gov.uk']);
  });

  it('gives a new council with no page an empty first draft, and a public page once it publishes', async () => {
    await insertCouncil(
      t.db,
      {
        slug: 'north-yorkshire',
        name: 'North Yorkshire Council',
        kind: 'unitary',
        nation: 'england',
        contact: null,
        brandColour: null,
        brandName: null,
        brandLogo: null,
      },
      NOW,
    );
    callers.tokens.publisher = await person('publisher@northyorks.gov.uk', [['north-yorkshire', 'publisher']]);
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
    const draft = await t.db
      .selectFrom('editions')
      .selectAll()
      .where('council_id', '=', council.id)
      .where('status', '=', 'draft')
      .executeTakeFirstOrThrow();
    const content = JSON.parse(draft.content!);
    content.pledge.promises[5].text = null; // breaks a NOT NULL column after earlier rows are written
    await t.db
      .updateTable('editions')
      .set({ content: JSON.stringify(content) })
      .where('id', '=', draft.id)
      .execute();
    const before = await tables();
    const page = await publicPage();
    await rejection(as('publisher').workspace.publish({ council: W }), 'INTERNAL_SERVER_ERROR');
    expect(await tables()).toEqual(before);
    expect(await publicPage()).toEqual(page);
  });

  it('answers NOT_FOUND for a version that does not exist', async () => {
    const error = await rejection(as('editor').workspace.diff({ council: W, from: 1, to: 9 }), 'NOT_FOUND');
    expect(error.message).toBe('There is no version 9 of this page');
    await rejection(as('editor').workspace.restore({ council: W, version: 9 }), 'NOT_FOUND');
    await rejection(as('editor').workspace.diff({ council: W, from: 0, to: 1 }), 'BAD_REQUEST');
  });
});
