import type { Kysely } from 'kysely';

// Frozen: this file must never import application code or change once released.

// Issue #13: branding goes through review like the rest of the page, so each edition carries its
// own, and a council may upload a logo. The council's row keeps the published edition's branding
// (now with its logo), written when an edition is published.
//
// Every stored edition is given the branding its council shows today, so the next publication
// keeps it rather than clearing it. Logos are stored per council, named by the SHA-256 of their
// bytes (already checked and rebuilt by the API), as base64 text: they are small, and text is
// stored alike by both databases.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('councils').addColumn('brand_logo', 'text').execute();
  await db.schema
    .createTable('logos')
    .addColumn('council_id', 'text', (c) => c.notNull().references('councils.id').onDelete('cascade'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('byte_size', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('logos_pk', ['council_id', 'id'])
    .execute();

  const councils = await db.selectFrom('councils').select(['id', 'brand_colour', 'brand_name']).execute();
  for (const council of councils) {
    const branding = { brandColour: council.brand_colour ?? null, brandName: council.brand_name ?? null, brandLogo: null };
    const editions = await db.selectFrom('editions').select(['id', 'content']).where('council_id', '=', council.id).execute();
    for (const edition of editions) {
      if (edition.content === null) continue;
      const content = JSON.parse(edition.content as string) as Record<string, unknown>;
      if (content.branding) continue;
      await db
        .updateTable('editions')
        .set({ content: JSON.stringify({ ...content, branding }) })
        .where('id', '=', edition.id)
        .execute();
    }
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('logos').ifExists().execute();
  await db.schema.alterTable('councils').dropColumn('brand_logo').execute();
}
