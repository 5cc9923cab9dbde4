import type { Kysely } from 'kysely';

// Frozen: this file must never import application code or change once released.

// Issue #9, item 15: readers' addresses were kept as a plain SHA-256, which anyone with a copy
// of the database can undo for every IPv4 address. From now on they are hashed with a key kept
// outside the database. The old rows only ever matter for the 15-minute window, so they go.
export async function up(db: Kysely<any>): Promise<void> {
  await db.deleteFrom('submission_attempts').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  // Keyed rows mean nothing to the code before this migration.
  await db.deleteFrom('submission_attempts').execute();
}
