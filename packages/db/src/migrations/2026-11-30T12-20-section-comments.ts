import type { Kysely } from 'kysely';

// Frozen: this file must never import application code or change once released.

// Issue #13: a publisher sending a draft back can comment on each section as well as on the whole.
// A JSON object from section name to comment; '{}' where there are none, as for every draft before.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('editions')
    .addColumn('section_comments', 'text', (c) => c.notNull().defaultTo('{}'))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('editions').dropColumn('section_comments').execute();
}
