import type { Database } from '@pledgekeeper/db';
import type { Role } from '@pledgekeeper/domain/workspace';
import type { Part } from './emails.js';

/** Someone with a role in the council, who may be emailed about its work. */
export interface Recipient {
  userId: string;
  email: string;
  role: Role;
}

/** The council's people now: a disabled account or a platform admin gets nothing. */
export async function councilMembers(db: Database, councilId: string): Promise<Recipient[]> {
  const rows = await db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select(['users.id', 'users.email', 'memberships.role'])
    .where('memberships.council_id', '=', councilId)
    .where('users.disabled_at', 'is', null)
    .where('users.is_platform_admin', '=', 0)
    .orderBy('users.email')
    .execute();
  return rows.map((row) => ({ userId: row.id, email: row.email, role: row.role as Role }));
}

/** Who sent an edition for review, and when: from the edition itself. */
export async function submission(
  db: Database,
  councilId: string,
  part: Part,
  version: number,
): Promise<{ by: string | null; at: string | null; createdBy: string | null; createdAt: string } | null> {
  const table = part === 'page' ? 'editions' : 'progress_editions';
  const row = await db
    .selectFrom(table)
    .select(['submitted_by', 'submitted_at', 'created_by', 'created_at'])
    .where('council_id', '=', councilId)
    .where('version', '=', version)
    .executeTakeFirst();
  return row ? { by: row.submitted_by, at: row.submitted_at, createdBy: row.created_by, createdAt: row.created_at } : null;
}

/** Whether the council had a message in the `ms` before `at`: a burst of messages makes one email. */
export async function messageShortlyBefore(db: Database, councilId: string, at: Date, ms: number): Promise<boolean> {
  const earlier = await db
    .selectFrom('feedback')
    .select('id')
    .where('council_id', '=', councilId)
    .where('kind', '=', 'message')
    .where('created_at', '>=', new Date(at.getTime() - ms).toISOString())
    .where('created_at', '<', at.toISOString())
    .executeTakeFirst();
  return earlier !== undefined;
}

// The audit entries that mean someone worked on an edition's content.
const WORK = ['content-changed', 'submitted-for-review', 'restored'] as const;

/**
 * The emails of everyone who worked on an edition: who started it, who sent it for review, and
 * whoever saved, restored or submitted it according to the audit log.
 */
export async function contributors(db: Database, councilId: string, part: Part, version: number): Promise<Set<string>> {
  const edition = await submission(db, councilId, part, version);
  if (!edition) return new Set();
  const rows = await db
    .selectFrom('audit_log')
    .select(['actor_email', 'detail'])
    .where('council_id', '=', councilId)
    .where('action', 'in', [...WORK])
    .where('at', '>=', edition.createdAt)
    .execute();
  const emails = new Set<string>();
  for (const row of rows) {
    const detail = JSON.parse(row.detail) as { version?: number; kind?: string };
    const rowPart: Part = detail.kind === 'progress' ? 'progress' : 'page';
    if (row.actor_email && detail.version === version && rowPart === part) emails.add(row.actor_email);
  }
  for (const email of [edition.createdBy, edition.by]) if (email) emails.add(email);
  return emails;
}
