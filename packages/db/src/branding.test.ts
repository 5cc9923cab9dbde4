import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EditionActor } from '@pledgekeeper/domain/workspace';
import { councilScope } from './council-scope.js';
import { migrateTo, migrateToLatest } from './migrate.js';
import { findCouncilBySlug } from './repositories/councils.js';
import { insertUser } from './repositories/users.js';
import { type TestDatabase, describeEachDialect, openTestDatabase } from './testing.js';

const NOW = new Date('2026-11-30T13:00:00Z');
const GREEN = '#00594f';

// Issue 13: branding is a section of the page's edition. The council's row keeps a copy of the
// published edition's, written only when an edition is published.
describeEachDialect(describe, 'branding in editions on %s', (dialect) => {
  let t: TestDatabase;
  let pat: EditionActor;
  beforeEach(async () => {
    t = await openTestDatabase(dialect, { seed: true });
    const user = await insertUser(t.db, { email: 'pat@somerset.gov.uk', displayName: 'Pat', passwordHash: 'x' }, NOW);
    pat = { id: user.id, email: user.email, role: 'publisher' };
  });
  afterEach(() => t.destroy());

  const scopeOf = async (slug: string) => {
    const found = (await findCouncilBySlug(t.db, slug))!;
    return councilScope(t.db, found.id, found.council);
  };
  const rowOf = async (slug: string) => (await findCouncilBySlug(t.db, slug))!.council;

  it('changes the council row only when the draft is published, and never another council', async () => {
    const somerset = await scopeOf('somerset');
    const logoId = await somerset.storeLogo({ type: 'image/svg+xml', bytes: new TextEncoder().encode('<svg/>') }, pat.email, NOW);
    const brandLogo = { id: logoId, type: 'image/svg+xml' as const, alt: 'Somerset Council' };
    await somerset.workspace.saveSection(
      { section: 'branding', revision: 0, content: { brandColour: GREEN, brandName: 'Somerset', brandLogo } },
      pat,
      NOW,
    );
    expect(await rowOf('somerset')).toMatchObject({ brandColour: null, brandName: null, brandLogo: null });
    expect(await somerset.publishedLogo(logoId)).toBeNull();

    await somerset.workspace.publish(pat, NOW);
    expect(await rowOf('somerset')).toMatchObject({ brandColour: GREEN, brandName: 'Somerset', brandLogo });
    expect((await (await scopeOf('somerset')).publishedPage())?.content.branding).toEqual({
      brandColour: GREEN,
      brandName: 'Somerset',
      brandLogo,
    });
    expect((await (await scopeOf('somerset')).publishedLogo(logoId))?.type).toBe('image/svg+xml');
    expect(await rowOf('worcestershire')).toMatchObject({ brandColour: null, brandName: null, brandLogo: null });
    // Worcestershire cannot read Somerset's logo by its id.
    expect(await (await scopeOf('worcestershire')).logo(logoId)).toBeNull();
  });

  it('gives every stored edition the branding its council showed, so the next publication keeps it', async () => {
    // As before the migration: the colour on the council's row, and editions that know nothing of it.
    await migrateTo(t.db, '2026-11-30T12-30-safeguarding-contact');
    await t.db.updateTable('councils').set({ brand_colour: GREEN, brand_name: 'Somerset' }).where('slug', '=', 'somerset').execute();
    for (const edition of await t.db.selectFrom('editions').select(['id', 'content']).execute()) {
      const { branding: _, ...content } = JSON.parse(edition.content!) as Record<string, unknown>;
      await t.db
        .updateTable('editions')
        .set({ content: JSON.stringify(content) })
        .where('id', '=', edition.id)
        .execute();
    }
    await migrateToLatest(t.db);

    const somerset = await scopeOf('somerset');
    expect((await somerset.publishedPage())?.content.branding).toEqual({ brandColour: GREEN, brandName: 'Somerset', brandLogo: null });
    // A change to another section, published: the colour stays.
    await somerset.workspace.saveSection({ section: 'events', revision: 0, content: [] }, pat, NOW);
    await somerset.workspace.publish(pat, NOW);
    expect(await rowOf('somerset')).toMatchObject({ brandColour: GREEN, brandName: 'Somerset' });
  });
});
