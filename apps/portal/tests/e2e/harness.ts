import { createDatabase, type DatabaseSchema, findCouncilBySlug, listFeedback, progressScope } from '@pledgekeeper/db';
import type { ProgressContent } from '@pledgekeeper/domain/progress';
import type { Feedback } from '@pledgekeeper/domain/feedback';
import { CHROMIUM_FLAGS, chromiumPath } from '@pledgekeeper/stack';
import { chromium, type Browser } from 'playwright-core';

// The built stack comes from the one harness the server's tests and the benchmark use too.
export { repoRoot, startStack, type Stack } from '@pledgekeeper/stack';

export const launchChromium = (): Promise<Browser> => chromium.launch({ executablePath: chromiumPath(), args: [...CHROMIUM_FLAGS] });

/** What the API stored for a council, read straight from its database file. */
export async function storedFeedback(databaseUrl: string, slug: string): Promise<Omit<Feedback, 'publicAnswer'>[]> {
  const { db } = createDatabase(databaseUrl);
  try {
    const council = await findCouncilBySlug(db, slug);
    if (!council) throw new Error(`No council "${slug}" in ${databaseUrl}`);
    return await listFeedback(db, council.id);
  } finally {
    await db.destroy();
  }
}

/**
 * Publishes progress records for a council straight through the database, as a publisher would
 * through the workspace: for suites that need a council with progress, meetings and entries to
 * look at, and are not about how they are recorded.
 */
export async function publishProgress(databaseUrl: string, slug: string, content: ProgressContent): Promise<void> {
  const { db } = createDatabase(databaseUrl);
  try {
    const council = await findCouncilBySlug(db, slug);
    if (!council) throw new Error(`No council "${slug}" in ${databaseUrl}`);
    const progress = progressScope(db, council.id);
    // The audit log names a real user: one of the council's publishers.
    const user = await db
      .selectFrom('memberships')
      .innerJoin('users', 'users.id', 'memberships.user_id')
      .select(['users.id', 'users.email'])
      .where('memberships.council_id', '=', council.id)
      .where('memberships.role', '=', 'publisher')
      .executeTakeFirstOrThrow();
    const by = { ...user, role: 'publisher' as const };
    const { revision } = await progress.working();
    await progress.save({ revision, content }, by, new Date());
    await progress.publish(by, new Date());
  } finally {
    await db.destroy();
  }
}

/**
 * A council's safeguarding contact, as its publisher would give it on the feedback view: needed
 * before that view shows any message. For suites about something else that read the messages.
 */
export async function giveSafeguardingContact(databaseUrl: string, slug: string): Promise<void> {
  const { db } = createDatabase(databaseUrl);
  try {
    await db
      .updateTable('councils')
      .set({ safeguarding_contact: 'Children’s services front door: 0300 000 0000' })
      .where('slug', '=', slug)
      .execute();
  } finally {
    await db.destroy();
  }
}

/**
 * Every row of every table except sessions, as text: equal before and after means nothing changed.
 * Sessions are left out because signing in is not a change to anyone's content.
 */
export async function storedRows(databaseUrl: string): Promise<string> {
  const { db } = createDatabase(databaseUrl);
  try {
    const tables = (await db.introspection.getTables()).map((table) => table.name).filter((name) => !name.includes('session'));
    const rows: Record<string, unknown[]> = {};
    for (const table of tables.sort()) {
      rows[table] = await db
        .selectFrom(table as keyof DatabaseSchema)
        .selectAll()
        .execute();
    }
    return JSON.stringify(rows);
  } finally {
    await db.destroy();
  }
}
