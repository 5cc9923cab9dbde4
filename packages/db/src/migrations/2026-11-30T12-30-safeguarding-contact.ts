import type { Kysely } from 'kysely';

// Frozen: this file must never import application code or change once released.

// Issue #13: who to tell, in the council's own words, when a young person's message suggests a
// child may be at risk. Null until a publisher gives it; the feedback view waits for it.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('councils').addColumn('safeguarding_contact', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('councils').dropColumn('safeguarding_contact').execute();
}
