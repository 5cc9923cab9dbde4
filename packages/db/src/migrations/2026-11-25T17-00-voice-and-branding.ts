import { type Kysely, sql } from 'kysely';

// Frozen: this file must never import application code or change once released.

// Issue #4: a council's brand, contacts marked for advocacy and complaints, and feedback that
// staff can work through. "Tell us what you think" messages have no yes or no, so the feedback
// table is rebuilt with `helpful` optional (SQLite cannot relax NOT NULL in place).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('councils').addColumn('brand_colour', 'text').execute();
  await db.schema.alterTable('councils').addColumn('brand_name', 'text').execute();
  await db.schema
    .alterTable('contacts')
    .addColumn('purposes', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();

  await db.schema
    .createTable('feedback_new')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('council_id', 'text', (c) => c.notNull().references('councils.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('helpful', 'message')`))
    .addColumn('page', 'text', (c) => c.notNull())
    .addColumn('helpful', 'integer', (c) => c.check(sql`helpful in (0, 1)`))
    .addColumn('topic', 'text')
    .addColumn('comment', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('new')
        .check(sql`status in ('new', 'read', 'answered')`),
    )
    .addColumn('status_changed_at', 'text')
    .addColumn('status_changed_by', 'text')
    .execute();
  await sql`insert into feedback_new (id, council_id, kind, page, helpful, comment, created_at)
    select id, council_id, 'helpful', page, helpful, comment, created_at from feedback`.execute(db);
  await db.schema.dropTable('feedback').execute();
  await db.schema.alterTable('feedback_new').renameTo('feedback').execute();
  await db.schema.createIndex('feedback_council_created_idx').on('feedback').columns(['council_id', 'created_at']).execute();

  // Anonymous forms are rate limited per client and council. The client is kept only as a hash,
  // apart from the feedback itself, and only for the length of the window.
  await db.schema
    .createTable('submission_attempts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('council_id', 'text', (c) => c.notNull().references('councils.id').onDelete('cascade'))
    .addColumn('client_hash', 'text', (c) => c.notNull())
    .addColumn('form', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('submission_attempts_client_idx')
    .on('submission_attempts')
    .columns(['council_id', 'client_hash', 'form', 'at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('submission_attempts').ifExists().execute();
  await db.schema.dropIndex('feedback_council_created_idx').ifExists().execute();
  await db.schema
    .createTable('feedback_old')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('council_id', 'text', (c) => c.notNull().references('councils.id').onDelete('cascade'))
    .addColumn('page', 'text', (c) => c.notNull())
    .addColumn('helpful', 'integer', (c) => c.notNull().check(sql`helpful in (0, 1)`))
    .addColumn('comment', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await sql`insert into feedback_old (id, council_id, page, helpful, comment, created_at)
    select id, council_id, page, helpful, comment, created_at from feedback where kind = 'helpful'`.execute(db);
  await db.schema.dropTable('feedback').execute();
  await db.schema.alterTable('feedback_old').renameTo('feedback').execute();
  await db.schema.createIndex('feedback_council_idx').on('feedback').columns(['council_id', 'created_at']).execute();
  await db.schema.alterTable('contacts').dropColumn('purposes').execute();
  await db.schema.alterTable('councils').dropColumn('brand_name').execute();
  await db.schema.alterTable('councils').dropColumn('brand_colour').execute();
}
