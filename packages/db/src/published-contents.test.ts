import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { council } from '@pledgekeeper/domain/council';
import { findCouncilBySlug, insertCouncil } from './repositories/councils.js';
import { insertEdition } from './repositories/published-editions.js';
import { listNewestPublished, listPublishedContents } from './published-contents.js';
import { type TestDatabase, describeEachDialect, openTestDatabase } from './testing.js';

const NOW = new Date('2026-11-25T12:00:00Z');

describeEachDialect(describe, 'published content of every council on %s', (dialect) => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await openTestDatabase(dialect, { seed: true });
  });
  afterEach(() => t.destroy());

  /** A new edition of Worcestershire's page with a changed first promise. */
  async function addEdition(version: number, status: 'draft' | 'in-review' | 'published', text: string) {
    const found = await findCouncilBySlug(t.db, 'worcestershire');
    const [current] = await listPublishedContents(t.db, ['worcestershire']);
    const pledge = current!.content.pledge!;
    const content = {
      ...current!.content,
      pledge: { ...pledge, promises: [{ ...pledge.promises[0]!, text }, ...pledge.promises.slice(1)] },
    };
    await t.db.transaction().execute((trx) => insertEdition(trx, found!.id, content, { version, status, now: NOW }));
  }

  it('lists each council that has published, in name order, with its newest published edition', async () => {
    const newest = await listNewestPublished(t.db);
    expect(
      newest.map(({ council, edition }) => [council.slug, council.name, council.kind, council.nation, edition.version, edition.status]),
    ).toEqual([
      ['somerset', 'Somerset County Council', 'county', 'england', 1, 'published'],
      ['worcestershire', 'Worcestershire County Council', 'county', 'england', 1, 'published'],
    ]);
    const contents = await listPublishedContents(t.db);
    expect(contents.map((c) => [c.council.slug, c.content.pledge?.promises.length, c.content.pledge?.themes.length])).toEqual([
      ['somerset', 0, 7],
      ['worcestershire', 11, 0],
    ]);
  });

  it('never shows a draft or an edition in review, and shows a newer publication at once', async () => {
    await addEdition(2, 'draft', 'A draft promise');
    let [worcestershire] = await listPublishedContents(t.db, ['worcestershire']);
    expect(worcestershire!.edition.version).toBe(1);
    expect(worcestershire!.content.pledge!.promises[0]!.text).not.toBe('A draft promise');

    await t.db.updateTable('editions').set({ status: 'in-review' }).where('version', '=', 2).execute();
    [worcestershire] = await listPublishedContents(t.db, ['worcestershire']);
    expect(worcestershire!.edition.version).toBe(1);

    await t.db.deleteFrom('editions').where('version', '=', 2).where('status', '=', 'in-review').execute();
    await addEdition(2, 'published', 'A published promise');
    [worcestershire] = await listPublishedContents(t.db, ['worcestershire']);
    expect(worcestershire!.edition.version).toBe(2);
    expect(worcestershire!.content.pledge!.promises[0]!.text).toBe('A published promise');
  });

  it('leaves out a council that has published nothing, and reads only the councils named', async () => {
    await insertCouncil(t.db, council.parse({ slug: 'newtown', name: 'Newtown Council', kind: 'unitary', nation: 'wales' }), NOW);
    expect((await listNewestPublished(t.db)).map((row) => row.council.slug)).toEqual(['somerset', 'worcestershire']);
    expect((await listNewestPublished(t.db, ['worcestershire', 'newtown', 'nowhere'])).map((row) => row.council.slug)).toEqual([
      'worcestershire',
    ]);
    expect(await listNewestPublished(t.db, [])).toEqual([]);
  });
});
