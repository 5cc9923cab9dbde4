import type { Kysely } from 'kysely';

// Frozen: this file must never import application code or change once released.

// Issues #4 and #5: a promise in plain words beside the council's formal text; the suggested
// mappings its editors turned down (a JSON list of codes, never shown publicly); and the
// principles a theme serves, for pledges organised by themes alone.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('promises').addColumn('plain_words', 'text').execute();
  await db.schema
    .alterTable('promises')
    .addColumn('rejected_suggestions', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();

  await db.schema
    .createTable('theme_principles')
    .addColumn('theme_id', 'text', (c) => c.notNull().references('themes.id').onDelete('cascade'))
    .addColumn('council_id', 'text', (c) => c.notNull().references('councils.id').onDelete('cascade'))
    .addColumn('principle_code', 'text', (c) => c.notNull().references('principles.code'))
    .addPrimaryKeyConstraint('theme_principles_pk', ['theme_id', 'principle_code'])
    .execute();
  await db.schema.createIndex('theme_principles_council_idx').on('theme_principles').column('council_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('theme_principles').ifExists().execute();
  await db.schema.alterTable('promises').dropColumn('rejected_suggestions').execute();
  await db.schema.alterTable('promises').dropColumn('plain_words').execute();
}
