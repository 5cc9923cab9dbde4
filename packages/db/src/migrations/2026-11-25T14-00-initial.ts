import { type Kysely, sql } from 'kysely';

// Frozen: this file must never import application code or change once released.

// Content tables of a council's page: each row belongs to one council and one edition.
const CONTENT_TABLES = [
  'statements',
  'corporate_parents',
  'pledges',
  'themes',
  'promises',
  'boards',
  'involvement',
  'involvement_opportunities',
  'training_offers',
  'event_offers',
  'contacts',
] as const;

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('councils')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('nation', 'text', (c) => c.notNull())
    .addColumn('contact', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('principles')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('short_name', 'text', (c) => c.notNull())
    .addColumn('plain_words', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('local_offer_areas')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('editions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('council_id', 'text', (c) => c.notNull().references('councils.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text')
    .addUniqueConstraint('editions_council_version_unique', ['council_id', 'version'])
    .execute();
  await db.schema.createIndex('editions_council_status_idx').on('editions').columns(['council_id', 'status', 'version']).execute();

  const edition = (name: string) =>
    db.schema
      .createTable(name)
      .addColumn('edition_id', 'text', (c) => c.notNull().references('editions.id').onDelete('cascade'))
      .addColumn('council_id', 'text', (c) => c.notNull().references('councils.id').onDelete('cascade'));

  await edition('statements')
    .addColumn('summary', 'text')
    .addColumn('paragraphs', 'text', (c) => c.notNull())
    .addColumn('good_parent_means', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('statements_pk', ['edition_id'])
    .execute();

  await edition('corporate_parents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .execute();

  await edition('pledges')
    .addColumn('title', 'text')
    .addColumn('introduction', 'text', (c) => c.notNull())
    .addColumn('audiences', 'text', (c) => c.notNull())
    .addColumn('written_with', 'text')
    .addColumn('closing', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('pledges_pk', ['edition_id'])
    .execute();

  await edition('themes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addUniqueConstraint('themes_edition_key_unique', ['edition_id', 'key'])
    .execute();

  await edition('promises')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('number', 'integer')
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('theme_key', 'text')
    .addColumn('audiences', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('promise_principles')
    .addColumn('promise_id', 'text', (c) => c.notNull().references('promises.id').onDelete('cascade'))
    .addColumn('council_id', 'text', (c) => c.notNull().references('councils.id').onDelete('cascade'))
    .addColumn('principle_code', 'text', (c) => c.notNull().references('principles.code'))
    .addPrimaryKeyConstraint('promise_principles_pk', ['promise_id', 'principle_code'])
    .execute();

  await db.schema
    .createTable('promise_offer_areas')
    .addColumn('promise_id', 'text', (c) => c.notNull().references('promises.id').onDelete('cascade'))
    .addColumn('council_id', 'text', (c) => c.notNull().references('councils.id').onDelete('cascade'))
    .addColumn('area_code', 'text', (c) => c.notNull().references('local_offer_areas.code'))
    .addPrimaryKeyConstraint('promise_offer_areas_pk', ['promise_id', 'area_code'])
    .execute();

  await edition('boards')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('abbreviation', 'text')
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('cadence_kind', 'text')
    .addColumn('cadence_value', 'integer')
    .addColumn('membership', 'text', (c) => c.notNull())
    .addColumn('membership_text', 'text')
    .addColumn('more_info_text', 'text')
    .addColumn('more_info_url', 'text')
    .addPrimaryKeyConstraint('boards_pk', ['edition_id'])
    .execute();

  await edition('involvement').addColumn('introduction', 'text').addPrimaryKeyConstraint('involvement_pk', ['edition_id']).execute();

  await edition('involvement_opportunities')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('kinds', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('organisation', 'text')
    .execute();

  await edition('training_offers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('duration', 'text')
    .addColumn('registration_text', 'text')
    .addColumn('registration_email', 'text')
    .addColumn('registration_url', 'text')
    .execute();

  await edition('event_offers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('title', 'text')
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('call_to_action', 'text')
    .execute();

  await edition('contacts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('team', 'text', (c) => c.notNull())
    .addColumn('address_lines', 'text', (c) => c.notNull())
    .addColumn('postcode', 'text')
    .addColumn('email', 'text')
    .addColumn('phone', 'text')
    .addColumn('website', 'text')
    .execute();

  for (const table of CONTENT_TABLES) {
    await db.schema.createIndex(`${table}_edition_idx`).on(table).columns(['edition_id', 'council_id']).execute();
  }
  await db.schema.createIndex('promise_principles_council_idx').on('promise_principles').column('council_id').execute();
  await db.schema.createIndex('promise_offer_areas_council_idx').on('promise_offer_areas').column('council_id').execute();

  await db.schema
    .createTable('feedback')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('council_id', 'text', (c) => c.notNull().references('councils.id').onDelete('cascade'))
    .addColumn('page', 'text', (c) => c.notNull())
    .addColumn('helpful', 'integer', (c) => c.notNull().check(sql`helpful in (0, 1)`))
    .addColumn('comment', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('feedback_council_idx').on('feedback').columns(['council_id', 'created_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'feedback',
    'promise_offer_areas',
    'promise_principles',
    ...[...CONTENT_TABLES].reverse(),
    'editions',
    'local_offer_areas',
    'principles',
    'councils',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
