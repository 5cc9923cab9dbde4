import type { Kysely } from 'kysely';

// Frozen: this file must never import application code or change once released.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('is_platform_admin', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('disabled_at', 'text')
    .execute();

  await db.schema
    .createTable('memberships')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('council_id', 'text', (c) => c.notNull().references('councils.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('memberships_pk', ['user_id', 'council_id'])
    .execute();
  await db.schema.createIndex('memberships_council_idx').on('memberships').column('council_id').execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sessions_user_idx').on('sessions').column('user_id').execute();

  await db.schema
    .createTable('invitations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('council_id', 'text', (c) => c.notNull().references('councils.id').onDelete('cascade'))
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('accepted_at', 'text')
    .addColumn('revoked_at', 'text')
    .execute();
  await db.schema.createIndex('invitations_council_idx').on('invitations').column('council_id').execute();

  // Sign-in attempts, for rate limiting by email and by client address.
  await db.schema
    .createTable('sign_in_attempts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('client', 'text', (c) => c.notNull())
    .addColumn('succeeded', 'integer', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sign_in_attempts_email_idx').on('sign_in_attempts').columns(['email', 'at']).execute();
  await db.schema.createIndex('sign_in_attempts_client_idx').on('sign_in_attempts').columns(['client', 'at']).execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('council_id', 'text', (c) => c.references('councils.id').onDelete('cascade'))
    .addColumn('actor_user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('actor_email', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('detail', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('audit_log_council_idx').on('audit_log').columns(['council_id', 'at']).execute();

  // Workflow of an edition: who made it, sent it for review, published it; the review comment;
  // the whole content as JSON (the draft itself, and a snapshot for history and diffs);
  // a revision per section for optimistic concurrency; when the page was last reviewed.
  await db.schema.alterTable('editions').addColumn('content', 'text').execute();
  await db.schema.alterTable('editions').addColumn('section_revisions', 'text').execute();
  await db.schema
    .alterTable('editions')
    .addColumn('lock_version', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('editions').addColumn('created_by', 'text').execute();
  await db.schema.alterTable('editions').addColumn('submitted_by', 'text').execute();
  await db.schema.alterTable('editions').addColumn('submitted_at', 'text').execute();
  await db.schema.alterTable('editions').addColumn('published_by', 'text').execute();
  await db.schema.alterTable('editions').addColumn('review_comment', 'text').execute();
  await db.schema.alterTable('editions').addColumn('reviewed_at', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const column of [
    'reviewed_at',
    'review_comment',
    'published_by',
    'submitted_at',
    'submitted_by',
    'created_by',
    'lock_version',
    'section_revisions',
    'content',
  ]) {
    await db.schema.alterTable('editions').dropColumn(column).execute();
  }
  for (const table of ['audit_log', 'sign_in_attempts', 'invitations', 'sessions', 'memberships', 'users']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
