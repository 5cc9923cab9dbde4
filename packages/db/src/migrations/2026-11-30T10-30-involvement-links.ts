import type { Kysely } from 'kysely';

// Frozen: this file must never import application code or change once released.

// Issue #12, what a council's page states and nothing more: a way to get involved may give a web
// address (the organisations Somerset names, such as Route1 Advocacy, have none on its page yet);
// and a board records who the council says does not sit on it, so that a kind of member it does
// not mention reads "Not stated" rather than "No". Earlier boards stated no such thing: '[]'.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('involvement_opportunities').addColumn('url', 'text').execute();
  await db.schema
    .alterTable('boards')
    .addColumn('not_members', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('boards').dropColumn('not_members').execute();
  await db.schema.alterTable('involvement_opportunities').dropColumn('url').execute();
}
