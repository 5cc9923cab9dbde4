import type { Kysely } from 'kysely';

// Frozen: this file must never import application code or change once released.

// Issue #12: a young person's message may say which promise or theme it is about ("promise-3",
// "theme-where-i-live"), from the "Tell us if we're not keeping this" link beside each promise.
// Null for every message sent before, and for messages about nothing in particular.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('feedback').addColumn('about', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('feedback').dropColumn('about').execute();
}
