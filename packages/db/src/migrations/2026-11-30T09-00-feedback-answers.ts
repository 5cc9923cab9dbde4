import type { Kysely } from 'kysely';

// Frozen: this file must never import application code or change once released.

// Issue #11: a publisher turns young people's messages into a "you said, we did" entry. Which
// messages an entry answers stays private, here, never in the published progress document.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('feedback_answers')
    .addColumn('feedback_id', 'text', (c) => c.notNull().references('feedback.id').onDelete('cascade'))
    .addColumn('council_id', 'text', (c) => c.notNull().references('councils.id').onDelete('cascade'))
    .addColumn('entry_key', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('feedback_answers_pk', ['feedback_id', 'entry_key'])
    .execute();
  await db.schema.createIndex('feedback_answers_council_idx').on('feedback_answers').columns(['council_id', 'entry_key']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('feedback_answers').ifExists().execute();
}
