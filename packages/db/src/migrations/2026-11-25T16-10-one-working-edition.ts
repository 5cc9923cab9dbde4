import { type Kysely, sql } from 'kysely';

// Frozen: this file must never import application code or change once released.

// A council works on at most one edition at a time (a draft, or a draft in review). The
// database keeps to it even when two people start a draft at the same moment.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create unique index editions_one_working_per_council on editions (council_id) where status in ('draft', 'in-review')`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index if exists editions_one_working_per_council`.execute(db);
}
