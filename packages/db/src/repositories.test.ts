import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PRINCIPLES, brandingOf, noBranding } from '@pledgekeeper/domain/council';
import { councilScope } from './council-scope.js';
import { migrateToLatest } from './migrate.js';
import { findCouncilBySlug, listPublishedCouncils } from './repositories/councils.js';
import { insertEdition } from './repositories/published-editions.js';
import { defaultSeedDirectory, readSeedDirectory, seedCouncils } from './seed.js';
import { type TestDatabase, describeEachDialect, openTestDatabase } from './testing.js';

describeEachDialect(describe, 'on %s', (dialect) => {
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

  it('migrates again without harm and keeps England’s seven principles', async () => {
    await migrateToLatest(t.db);
    const rows = await t.db.selectFrom('principles').select('code').where('nation', '=', 'england').orderBy('position').execute();
    expect(rows.map((r) => r.code)).toEqual(PRINCIPLES.map((p) => p.code));
  });

  it('gives back every seed fact exactly as the data file holds it', async () => {
    for (const { council, ...content } of await readSeedDirectory()) {
      const page = await (await scopeOf(council.slug)).publishedPage();
      expect(page?.edition).toMatchObject({ version: 1, status: 'published' });
      // A seed file states its branding on its council; the edition carries it from there.
      expect(page?.content).toEqual({ ...content, branding: brandingOf(council) });
    }
  });

  it('lists the published councils with the size of their pledges', async () => {
    expect(await listPublishedCouncils(t.db)).toEqual([
      expect.objectContaining({ slug: 'somerset', name: 'Somerset County Council', promiseCount: 0, themeCount: 7, pledgeTitle: null }),
      expect.objectContaining({ slug: 'worcestershire', promiseCount: 11, themeCount: 0, pledgeTitle: 'Corporate Parenting Board Pledge' }),
    ]);
  });

  it('seeds only councils that are not there yet, so edits are never overwritten', async () => {
    const report = await seedCouncils(t.db, await readSeedDirectory());
    expect(report).toEqual({ inserted: [], skipped: ['somerset', 'worcestershire'] });
    expect(await t.db.selectFrom('editions').select('id').execute()).toHaveLength(2);
  });

  it('takes a third council from a new data file and nothing else', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pk-third-'));
    try {
      await cp(defaultSeedDirectory(), dir, { recursive: true });
      const data = JSON.parse(await readFile(join(dir, 'somerset.json'), 'utf8'));
      data.council = { slug: 'north-yorkshire', name: 'North Yorkshire Council', kind: 'unitary', nation: 'england' };
      await writeFile(join(dir, 'north-yorkshire.json'), JSON.stringify(data));
      const report = await seedCouncils(t.db, await readSeedDirectory(dir));
      expect(report.inserted).toEqual(['north-yorkshire']);
      expect((await listPublishedCouncils(t.db)).map((c) => c.slug)).toEqual(['north-yorkshire', 'somerset', 'worcestershire']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('shows the newest published edition, never a draft', async () => {
    const [, worcestershire] = await readSeedDirectory();
    const scope = await scopeOf('worcestershire');
    const stored = await findCouncilBySlug(t.db, 'worcestershire');
    const { council: _, ...seeded } = worcestershire!;
    const content = { ...seeded, branding: noBranding() };
    const edited = { ...content, pledge: { ...content.pledge!, title: 'Our promises to you' } };
    const draft = { ...content, pledge: { ...content.pledge!, title: 'Not yet agreed' } };
    await insertEdition(t.db, stored!.id, edited, { version: 2, status: 'published', now: new Date() });
    await insertEdition(t.db, stored!.id, draft, { version: 3, status: 'draft', now: new Date() });
    const page = await scope.publishedPage();
    expect(page?.edition.version).toBe(2);
    expect(page?.content.pledge?.title).toBe('Our promises to you');
    expect((await listPublishedCouncils(t.db)).find((c) => c.slug === 'worcestershire')?.pledgeTitle).toBe('Our promises to you');
  });

  it("keeps each council's feedback to itself", async () => {
    const somerset = await scopeOf('somerset');
    const worcestershire = await scopeOf('worcestershire');
    await somerset.submitFeedback({ page: '/somerset', helpful: false, comment: 'Who do I call?' }, new Date('2026-11-01T10:00:00Z'));
    await somerset.submitFeedback({ page: '/somerset', helpful: true, comment: null }, new Date('2026-11-02T10:00:00Z'));
    await worcestershire.submitFeedback({ page: '/worcestershire', helpful: true, comment: null });
    expect(await somerset.listFeedback()).toMatchObject([
      { kind: 'helpful', page: '/somerset', helpful: true, comment: null, createdAt: '2026-11-02T10:00:00.000Z', status: 'new' },
      {
        kind: 'helpful',
        page: '/somerset',
        helpful: false,
        comment: 'Who do I call?',
        createdAt: '2026-11-01T10:00:00.000Z',
        status: 'new',
      },
    ]);
    expect((await worcestershire.listFeedback()).map((f) => f.page)).toEqual(['/worcestershire']);
  });

  it('loses nothing and leaves nothing half-written when a write fails part way', async () => {
    const [somerset] = await readSeedDirectory();
    const broken = structuredClone(somerset!);
    broken.council = { ...broken.council, slug: 'half-written', name: 'Half Written Council' };
    // Bypasses validation on purpose: the contact insert, the last step, violates NOT NULL.
    (broken.contacts[0] as { team: string | null }).team = null;
    await expect(seedCouncils(t.db, [broken])).rejects.toThrow();
    expect(await findCouncilBySlug(t.db, 'half-written')).toBeNull();
    expect(await t.db.selectFrom('editions').select('id').execute()).toHaveLength(2);
    expect(await t.db.selectFrom('statements').select('edition_id').execute()).toHaveLength(2);
  });
});
