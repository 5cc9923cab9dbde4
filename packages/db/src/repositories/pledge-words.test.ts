import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PledgeContent } from '@pledgekeeper/domain/council';
import { createDatabase } from '../connection.js';
import { councilScope } from '../council-scope.js';
import { migrateTo, migrateToLatest } from '../migrate.js';
import { type TestDatabase, describeEachDialect, openTestDatabase } from '../testing.js';
import { findCouncilBySlug } from './councils.js';
import type { EditionActor } from '@pledgekeeper/domain/workspace';
import { readEdition } from './content-tables-read.js';
import { insertUser } from './users.js';

const NOW = new Date('2026-11-25T12:00:00Z');

// Plain words, theme principles and turned-down suggestions: saved in a draft, published into the
// content tables, read back, restored, and never seen by another council.
describeEachDialect(describe, 'plain words and mappings on %s', (dialect) => {
  let t: TestDatabase;
  let alice: EditionActor;
  beforeEach(async () => {
    t = await openTestDatabase(dialect, { seed: true });
    alice = {
      ...(await insertUser(t.db, { email: 'alice@example.org', displayName: 'Alice', passwordHash: 'x' }, NOW)),
      role: 'publisher',
    };
  });
  afterEach(() => t.destroy());

  const scopeOf = async (slug: string) => {
    const found = await findCouncilBySlug(t.db, slug);
    if (!found) throw new Error(`no council ${slug}`);
    return councilScope(t.db, found.id, found.council);
  };
  const publishedPledge = async (slug: string) => (await (await scopeOf(slug)).publishedPage())!.content.pledge!;

  const edited = (pledge: PledgeContent): PledgeContent => {
    const copy = structuredClone(pledge);
    copy.promises[2]!.plainWords = 'School matters. We will help you learn.';
    copy.promises[2]!.rejectedSuggestions = ['offer-employment'];
    copy.promises[5]!.plainWords = null;
    // What an editor writes or clears is the council's, no longer Pledgekeeper's suggestion.
    copy.promises[2]!.plainWordsSuggested = false;
    copy.promises[5]!.plainWordsSuggested = false;
    return copy;
  };

  it('reads the seeded plain words, theme principles and turned-down suggestions back as the files hold them', async () => {
    const worcestershire = await publishedPledge('worcestershire');
    expect(worcestershire.promises[0]?.plainWords).toBe('We will help you to stay safe. We will work hard to stop bullying.');
    expect(worcestershire.promises[9]?.rejectedSuggestions).toEqual(['cswa2017-1f']);
    const somerset = await publishedPledge('somerset');
    expect(somerset.themes.map((theme) => theme.principles[0])).toEqual([
      'cswa2017-1b',
      'cswa2017-1f',
      'cswa2017-1f',
      'cswa2017-1a',
      'cswa2017-1b',
      'cswa2017-1g',
      'cswa2017-1b',
    ]);
  });

  it('keeps them through save, publish and the public read, then restores the earlier version', async () => {
    const scope = await scopeOf('worcestershire');
    const before = await publishedPledge('worcestershire');
    const pledge = edited(before);
    expect(await scope.workspace.saveSection({ section: 'pledge', revision: 0, content: pledge }, alice, NOW)).toEqual({
      version: 2,
      revision: 1,
    });
    expect((await scope.workspace.working())?.content.pledge).toEqual(pledge);
    expect(await publishedPledge('worcestershire')).toEqual(before);

    await scope.workspace.publish(alice, NOW);
    expect(await publishedPledge('worcestershire')).toEqual(pledge);
    const rows = await t.db
      .selectFrom('promises')
      .select(['plain_words', 'rejected_suggestions'])
      .where('text', '=', pledge.promises[2]!.text)
      .orderBy('plain_words')
      .execute();
    expect(rows).toContainEqual({ plain_words: 'School matters. We will help you learn.', rejected_suggestions: '["offer-employment"]' });

    await scope.workspace.restore(1, alice, NOW);
    expect((await scope.workspace.working())?.content.pledge).toEqual(before);
    await scope.workspace.publish(alice, NOW);
    expect(await publishedPledge('worcestershire')).toEqual(before);
  });

  it('saves and publishes theme principles', async () => {
    const scope = await scopeOf('somerset');
    const pledge = structuredClone(await publishedPledge('somerset'));
    pledge.themes[1]!.principles = ['cswa2017-1a', 'cswa2017-1f'];
    pledge.themes[6]!.principles = [];
    await scope.workspace.saveSection({ section: 'pledge', revision: 0, content: pledge }, alice, NOW);
    await scope.workspace.publish(alice, NOW);
    const published = await publishedPledge('somerset');
    expect(published.themes[1]?.principles).toEqual(['cswa2017-1a', 'cswa2017-1f']);
    expect(published.themes[6]?.principles).toEqual([]);
  });

  it("never shows one council's plain words or mappings to another", async () => {
    const worcestershire = await scopeOf('worcestershire');
    const somersetBefore = await (await scopeOf('somerset')).publishedPage();
    await worcestershire.workspace.saveSection(
      { section: 'pledge', revision: 0, content: edited(await publishedPledge('worcestershire')) },
      alice,
      NOW,
    );
    await worcestershire.workspace.publish(alice, NOW);
    const somerset = await scopeOf('somerset');
    expect(await somerset.publishedPage()).toEqual(somersetBefore);
    expect(JSON.stringify(somersetBefore)).not.toMatch(/School matters|offer-employment/);
    // Every theme principle row belongs to the council whose theme it is.
    const crossed = await t.db
      .selectFrom('theme_principles')
      .innerJoin('themes', 'themes.id', 'theme_principles.theme_id')
      .select('theme_principles.theme_id')
      .whereRef('themes.council_id', '!=', 'theme_principles.council_id')
      .execute();
    expect(crossed).toEqual([]);
  });

  it('gives a draft saved before these fields existed their defaults', async () => {
    const scope = await scopeOf('worcestershire');
    await scope.workspace.saveSection({ section: 'pledge', revision: 0, content: await publishedPledge('worcestershire') }, alice, NOW);
    const working = (await scope.workspace.working())!;
    const old = structuredClone(working.content) as unknown as { pledge: { themes: object[]; promises: Record<string, unknown>[] } };
    for (const promise of old.pledge.promises) {
      delete promise.plainWords;
      delete promise.rejectedSuggestions;
    }
    await t.db
      .updateTable('editions')
      .set({ content: JSON.stringify(old) })
      .where('id', '=', working.id)
      .execute();
    const upgraded = (await scope.workspace.working())!.content.pledge!;
    expect(upgraded.promises.every((p) => p.plainWords === null && p.rejectedSuggestions.length === 0)).toBe(true);
    expect((await scope.workspace.edition(working.version))?.content.pledge?.promises[0]?.rejectedSuggestions).toEqual([]);
  });
});

describe('the pledge-words migration', () => {
  it('gives promises published before it no plain words and nothing turned down, and can be undone', async () => {
    const { db } = createDatabase(':memory:');
    try {
      await migrateTo(db, '2026-11-25T17-00-voice-and-branding');
      await sql`insert into councils (id, slug, name, kind, nation, contact, created_at)
        values ('c1', 'somerset', 'Somerset County Council', 'county', 'england', null, '2026-01-01T00:00:00.000Z')`.execute(db);
      await sql`insert into editions (id, council_id, version, status, created_at, published_at)
        values ('e1', 'c1', 1, 'published', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')`.execute(db);
      await sql`insert into statements (edition_id, council_id, summary, paragraphs, good_parent_means) values ('e1', 'c1', null, '[]', '[]')`.execute(
        db,
      );
      await sql`insert into pledges (edition_id, council_id, title, introduction, audiences, written_with, closing)
        values ('e1', 'c1', null, '[]', '["children-in-care"]', null, '[]')`.execute(db);
      await sql`insert into themes (id, edition_id, council_id, position, key, title, description) values ('t1', 'e1', 'c1', 0, 'home', 'Where I live', null)`.execute(
        db,
      );
      await sql`insert into promises (id, edition_id, council_id, position, number, text, theme_key, audiences)
        values ('p1', 'e1', 'c1', 0, null, 'We will find you a home.', 'home', '[]')`.execute(db);

      await migrateToLatest(db);
      const pledge = (await readEdition(db, 'c1', 'e1')).pledge!;
      expect(pledge.themes).toEqual([
        { key: 'home', title: 'Where I live', description: null, principles: [], principlesSuggested: false },
      ]);
      expect(pledge.promises[0]).toMatchObject({ text: 'We will find you a home.', plainWords: null, rejectedSuggestions: [] });

      await migrateTo(db, '2026-11-25T17-00-voice-and-branding');
      const tables = (await db.introspection.getTables()).map((table) => table.name);
      expect(tables).not.toContain('theme_principles');
      expect(tables).toContain('promises');
    } finally {
      await db.destroy();
    }
  });
});
