import type { Kysely } from 'kysely';

// Frozen: this file must never import application code or change once released.

// Issue #12: a council may word the question above its page's feedback form its own way
// ("Was this information helpful?"). Null, as every page published before this has, keeps the
// portal's own question, so no published page changes.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('statements').addColumn('helpful_question', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('statements').dropColumn('helpful_question').execute();
}
