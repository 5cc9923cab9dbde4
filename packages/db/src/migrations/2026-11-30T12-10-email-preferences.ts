import type { Kysely } from 'kysely';

// Frozen: this file must never import application code or change once released.

// Issue #13: each person may turn off each kind of email. A row is a kind someone turned off, so
// everyone gets every email until they say otherwise, and a new kind is on for everyone.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('email_opt_outs')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('email_opt_outs_pk', ['user_id', 'kind'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('email_opt_outs').ifExists().execute();
}
