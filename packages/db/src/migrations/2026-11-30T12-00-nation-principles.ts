import type { Kysely } from 'kysely';

// Frozen: this file must never import application code or change once released.

// Issue #12: councils in Wales and Scotland link their promises to their own nation's principles,
// not England's. The reference table now holds every nation's principles, each marked with the
// nation whose framework it belongs to; the rows already stored are England's.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('principles')
    .addColumn('nation', 'text', (c) => c.notNull().defaultTo('england'))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('principles').dropColumn('nation').execute();
}
