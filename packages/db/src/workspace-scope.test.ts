import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type EditionActor,
  Refusal,
  SECTION_CONFLICT_MESSAGE,
  SECTIONS,
  type SectionConflictDetail,
  type SectionSave,
} from '@pledgekeeper/domain/workspace';
import { councilScope } from './council-scope.js';
import { findCouncilBySlug } from './repositories/councils.js';
import { insertUser } from './repositories/users.js';
import { type TestDatabase, describeEachDialect, openTestDatabase } from './testing.js';

const NOW = new Date('2026-11-25T12:00:00Z');

type Outcome = { saved: true; version: number; revision: number } | { saved: false; conflict: SectionConflictDetail };
/** A save's outcome either way: saved, or refused for a conflict (and only that), with the section as it stands. */
const outcomeOf = (save: Promise<{ version: number; revision: number }>): Promise<Outcome> =>
  save.then(
    (saved) => ({ saved: true, ...saved }),
    (error: unknown) => {
      if (
        !(error instanceof Refusal) ||
        error.code !== 'CONFLICT' ||
        error.message !== SECTION_CONFLICT_MESSAGE ||
        !error.details?.conflict
      )
        throw error;
      return { saved: false, conflict: error.details.conflict };
    },
  );

describeEachDialect(describe, 'drafts on %s', (dialect) => {
  let t: TestDatabase;
  let alice: EditionActor;
  let bob: EditionActor;
  beforeEach(async () => {
    t = await openTestDatabase(dialect, { seed: true });
    const publisher = async (email: string, displayName: string): Promise<EditionActor> => {
      const user = await insertUser(t.db, { email, displayName, passwordHash: 'x' }, NOW);
      return { id: user.id, email: user.email, role: 'publisher' };
    };
    alice = await publisher('alice@worcestershire.gov.uk', 'Alice');
    bob = await publisher('bob@worcestershire.gov.uk', 'Bob');
  });
  afterEach(() => t.destroy());

  const workspace = async (slug = 'worcestershire') => {
    const found = await findCouncilBySlug(t.db, slug);
    if (!found) throw new Error(`no council ${slug}`);
    return councilScope(t.db, found.id, found.council);
  };
  const contactsSave = (revision: number, team: string): SectionSave => ({
    section: 'contacts',
    revision,
    content: [{ team, addressLines: [], postcode: null, email: null, phone: '01905 000000', website: null, purposes: [] }],
  });
  const editionRows = () => t.db.selectFrom('editions').selectAll().orderBy('council_id').orderBy('version').execute();

  it('starts a draft from the published page on the first save, leaving the page as it was', async () => {
    const scope = await workspace();
    const published = await scope.publishedPage();
    expect(await outcomeOf(scope.workspace.saveSection(contactsSave(0, 'Fostering team'), alice, NOW))).toEqual({
      saved: true,
      version: 2,
      revision: 1,
    });
    const working = await scope.workspace.working();
    expect(working).toMatchObject({ version: 2, status: 'draft', createdBy: alice.email, updatedAt: NOW.toISOString() });
    expect(working?.content.contacts[0]?.team).toBe('Fostering team');
    expect(working?.content.pledge).toEqual(published?.content.pledge);
    expect(working?.revisions.contacts).toEqual({ revision: 1, by: alice.email, at: NOW.toISOString() });
    expect(working?.revisions.pledge.revision).toBe(0);
    expect(await scope.publishedPage()).toEqual(published);
  });

  it('refuses the second of two saves from the same revision, showing the first, and loses nothing', async () => {
    const { workspace: ws } = await workspace();
    await ws.saveSection(contactsSave(0, 'First'), alice, NOW);
    const later = new Date(NOW.getTime() + 60_000);
    const second = await outcomeOf(ws.saveSection(contactsSave(0, 'Second'), bob, later));
    expect(second).toEqual({
      saved: false,
      conflict: {
        section: 'contacts',
        revision: 1,
        content: [expect.objectContaining({ team: 'First' })],
        savedBy: 'Alice',
        savedAt: NOW.toISOString(),
      },
    });
    expect((await ws.working())?.content.contacts[0]?.team).toBe('First');
    // Bob saves again from what he was shown: now it is his.
    expect(await outcomeOf(ws.saveSection(contactsSave(1, 'Second'), bob, later))).toEqual({ saved: true, version: 2, revision: 2 });
  });

  it('lets saves of different sections from the same starting point both succeed', async () => {
    const { workspace: ws } = await workspace();
    const start = await ws.working();
    expect(start).toBeNull();
    await ws.saveSection(contactsSave(0, 'Contacts by Alice'), alice, NOW);
    const board = (await ws.edition(1))!.content.board!;
    expect(
      await outcomeOf(ws.saveSection({ section: 'board', revision: 0, content: { ...board, name: 'Board by Bob' } }, bob, NOW)),
    ).toMatchObject({ saved: true });
    const working = await ws.working();
    expect(working?.content.contacts[0]?.team).toBe('Contacts by Alice');
    expect(working?.content.board?.name).toBe('Board by Bob');
  });

  it('never loses one of many saves made at the same moment', async () => {
    const { workspace: ws } = await workspace();
    const published = (await ws.edition(1))!.content;
    // Every section saved at once, each by a save from revision 0, plus rivals on the same sections.
    const saves = SECTIONS.map((section): SectionSave => {
      if (section === 'contacts') return contactsSave(0, 'Concurrent contacts');
      if (section === 'board') return { section, revision: 0, content: { ...published.board!, name: 'Concurrent board' } };
      if (section === 'statement') return { section, revision: 0, content: { ...published.statement, summary: 'Concurrent summary' } };
      return { section, revision: 0, content: published[section] } as SectionSave;
    });
    const rivals = [contactsSave(0, 'Rival contacts'), contactsSave(0, 'Another rival')];
    const outcomes = await Promise.all([...saves, ...rivals].map((save, i) => outcomeOf(ws.saveSection(save, i % 2 ? alice : bob, NOW))));
    const working = (await ws.working())!;
    // Exactly one save per section won; every loser was told, with the winner's content.
    for (const section of SECTIONS) expect(working.revisions[section].revision).toBe(1);
    const won = outcomes.filter((o) => o.saved);
    expect(won).toHaveLength(SECTIONS.length);
    const lost = outcomes.filter((o) => !o.saved);
    expect(lost).toHaveLength(2);
    for (const o of lost) if (!o.saved) expect(o.conflict.content).toEqual(working.content.contacts);
    expect(working.content.board?.name).toBe('Concurrent board');
    expect(working.content.statement.summary).toBe('Concurrent summary');
    expect(['Concurrent contacts', 'Rival contacts', 'Another rival']).toContain(working.content.contacts[0]?.team);
    // One working edition only, and one audit entry per successful save.
    expect((await editionRows()).filter((row) => row.status === 'draft')).toHaveLength(1);
    const audits = await t.db.selectFrom('audit_log').select('action').where('action', '=', 'content-changed').execute();
    expect(audits).toHaveLength(SECTIONS.length);
  });

  it('logs one person’s repeated saves of a section within minutes as one entry, and anything between as its own', async () => {
    const { workspace: ws } = await workspace();
    const at = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);
    await ws.saveSection(contactsSave(0, 'One'), alice, at(0));
    await ws.saveSection(contactsSave(1, 'Two'), alice, at(2));
    await ws.saveSection(contactsSave(2, 'Three'), alice, at(4));
    await ws.saveSection(contactsSave(3, 'Bob'), bob, at(5));
    await ws.saveSection(contactsSave(4, 'Four'), alice, at(6));
    await ws.saveSection(contactsSave(5, 'Much later'), alice, at(30));
    const log = await t.db
      .selectFrom('audit_log')
      .select(['actor_email', 'summary', 'at'])
      .where('action', '=', 'content-changed')
      .orderBy('at')
      .execute();
    expect(log.map((row) => [row.actor_email, row.summary, row.at])).toEqual([
      ['alice@worcestershire.gov.uk', 'Saved the contacts of draft version 2 (3 saves)', at(4).toISOString()],
      ['bob@worcestershire.gov.uk', 'Saved the contacts of draft version 2', at(5).toISOString()],
      ['alice@worcestershire.gov.uk', 'Saved the contacts of draft version 2', at(6).toISOString()],
      ['alice@worcestershire.gov.uk', 'Saved the contacts of draft version 2', at(30).toISOString()],
    ]);
  });

  it('lets exactly one of many first saves of one section win, however often it is tried', async () => {
    const { workspace: ws } = await workspace();
    for (let round = 0; round < 5; round++) {
      const outcomes = await Promise.all(
        ['a', 'b', 'c', 'd', 'e', 'f'].map((name) =>
          outcomeOf(ws.saveSection(contactsSave(0, `${name}${round}`), name < 'd' ? alice : bob, NOW)),
        ),
      );
      const won = outcomes.filter((o) => o.saved);
      expect(won).toHaveLength(1);
      const working = (await ws.working())!;
      for (const o of outcomes) if (!o.saved) expect(o.conflict).toMatchObject({ revision: 1, content: working.content.contacts });
      expect((await editionRows()).filter((row) => row.status !== 'published')).toHaveLength(1);
      await ws.discardDraft(alice, NOW);
    }
  });

  it('refuses a second working edition in the database itself', async () => {
    const { workspace: ws } = await workspace();
    await ws.saveSection(contactsSave(0, 'First'), alice, NOW);
    const working = (await ws.working())!;
    const row = await t.db.selectFrom('editions').selectAll().where('id', '=', working.id).executeTakeFirstOrThrow();
    await expect(
      t.db
        .insertInto('editions')
        .values({ ...row, id: 'another', version: 99 })
        .execute(),
    ).rejects.toThrow();
  });

  it('counts every one of many concurrent saves to one section made in turn from the revision each saw', async () => {
    const { workspace: ws } = await workspace();
    // Each writer retries from the revision the conflict tells it, as the portal does.
    const writer = async (name: string) => {
      let revision = 0;
      for (;;) {
        const outcome = await outcomeOf(ws.saveSection(contactsSave(revision, name), alice, NOW));
        if (outcome.saved) return outcome.revision;
        revision = outcome.conflict.revision;
      }
    };
    const revisions = await Promise.all(['a', 'b', 'c', 'd', 'e', 'f'].map(writer));
    expect([...revisions].sort()).toEqual([1, 2, 3, 4, 5, 6]);
    expect((await ws.working())?.revisions.contacts.revision).toBe(6);
  });

  it('leaves the published page and the draft intact when publishing fails part way', async () => {
    const scope = await workspace();
    const before = await scope.publishedPage();
    await scope.workspace.saveSection(contactsSave(0, 'New team'), alice, NOW);
    // A promise with no text passes the workflow checks but breaks a NOT NULL column after the
    // statement, pledge and theme rows are written: the whole publication must roll back.
    const draft = (await scope.workspace.working())!;
    const broken = structuredClone(draft.content);
    (broken.pledge!.promises[3] as { text: string | null }).text = null;
    await t.db
      .updateTable('editions')
      .set({ content: JSON.stringify(broken) })
      .where('id', '=', draft.id)
      .execute();
    const rowsBefore = await editionRows();
    await expect(scope.workspace.publish(alice, NOW)).rejects.toThrow();
    expect(await scope.publishedPage()).toEqual(before);
    expect(await editionRows()).toEqual(rowsBefore);
    expect(await t.db.selectFrom('statements').select('edition_id').where('edition_id', '=', draft.id).execute()).toEqual([]);
    expect(await t.db.selectFrom('audit_log').select('action').where('action', '=', 'published').execute()).toEqual([]);
  });

  it('publishes all at once, keeps history and restores an earlier version as a new draft', async () => {
    const scope = await workspace();
    await scope.workspace.saveSection(contactsSave(0, 'New team'), alice, NOW);
    expect(await scope.workspace.publish(bob, NOW)).toEqual({ version: 2, publishedAt: NOW.toISOString() });
    expect((await scope.publishedPage())?.content.contacts[0]?.team).toBe('New team');
    // By name: the rest of the council need not see anyone's email.
    expect((await scope.workspace.history()).map((h) => [h.version, h.status, h.createdBy, h.publishedBy])).toEqual([
      [2, 'published', 'Alice', 'Bob'],
      [1, 'published', null, null],
    ]);
    expect(await scope.workspace.restore(1, alice, NOW)).toEqual({ version: 3 });
    await expect(scope.workspace.restore(1, alice, NOW)).rejects.toThrow(
      new Refusal('CONFLICT', 'Discard or publish the current draft first'),
    );
    await expect(scope.workspace.restore(1, alice, NOW)).rejects.toMatchObject({ code: 'CONFLICT' });
    const restored = (await scope.workspace.working())!;
    expect(restored.content).toEqual((await scope.workspace.edition(1))?.content);
    // A save begun from the published page, before the restore, cannot overwrite it.
    expect(await outcomeOf(scope.workspace.saveSection(contactsSave(0, 'Stale'), bob, NOW))).toMatchObject({ saved: false });
    expect(await scope.workspace.discardDraft(alice, NOW)).toEqual({ discarded: 3 });
    expect(await scope.workspace.working()).toBeNull();
  });

  it('asks the lifecycle who may act: an editor cannot publish, whatever calls the scope', async () => {
    const scope = await workspace();
    await scope.workspace.saveSection(contactsSave(0, 'New team'), alice, NOW);
    await expect(scope.workspace.publish({ ...bob, role: 'editor' }, NOW)).rejects.toMatchObject({ name: 'Refusal', code: 'FORBIDDEN' });
    expect((await scope.workspace.working())?.status).toBe('draft');
    expect((await scope.workspace.history()).map((h) => h.version)).toEqual([2, 1]);
  });

  it('keeps each council to its own drafts', async () => {
    const worcestershire = await workspace('worcestershire');
    const somerset = await workspace('somerset');
    await worcestershire.workspace.saveSection(contactsSave(0, 'Worcestershire only'), alice, NOW);
    expect(await somerset.workspace.working()).toBeNull();
    expect((await somerset.workspace.history()).map((h) => h.version)).toEqual([1]);
    await expect(somerset.workspace.publish(alice, NOW)).rejects.toThrow('There is no draft to publish');
  });
});
