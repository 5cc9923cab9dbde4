import { type Kysely, sql } from 'kysely';

// Frozen: this file must never import application code or change once released.

// Issue #11: delivery on each promise has editions of its own, apart from the pledge's, so that
// recording progress never needs a new pledge edition. Its content is one JSON document.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('progress_editions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('council_id', 'text', (c) => c.notNull().references('councils.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    // Counts saves across editions, so a save begun before a publication or a discard is refused.
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('lock_version', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('review_comment', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('submitted_by', 'text')
    .addColumn('submitted_at', 'text')
    .addColumn('published_by', 'text')
    .addColumn('published_at', 'text')
    .addUniqueConstraint('progress_editions_council_version_unique', ['council_id', 'version'])
    .execute();
  await db.schema
    .createIndex('progress_editions_council_status_idx')
    .on('progress_editions')
    .columns(['council_id', 'status', 'version'])
    .execute();
  // One working edition per council, even when two people start a draft at the same moment.
  await sql`create unique index progress_editions_one_working_per_council on progress_editions (council_id) where status in ('draft', 'in-review')`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('progress_editions').ifExists().execute();
}
