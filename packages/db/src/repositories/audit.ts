import { randomUUID } from 'node:crypto';
import type { AuditAction, AuditEntry } from '@pledgekeeper/domain/workspace';
import type { Database } from '../connection.js';
import { toJson } from '../json.js';

export interface AuditRecord {
  /** Null for platform-wide events, such as a failed sign-in. */
  councilId: string | null;
  actor: { id: string; email: string } | null;
  action: AuditAction;
  /** What the actor did, as the rest of a sentence that starts with their name: "Published version 3". */
  summary: string;
  detail?: Record<string, unknown>;
}

/** Adds one entry to the audit log. Call it in the same transaction as the change it records. */
export async function recordAudit(db: Database, record: AuditRecord, now: Date): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      id: randomUUID(),
      council_id: record.councilId,
      actor_user_id: record.actor?.id ?? null,
      actor_email: record.actor?.email ?? null,
      action: record.action,
      summary: record.summary,
      detail: toJson(record.detail ?? {}),
      at: now.toISOString(),
    })
    .execute();
}

/**
 * A council's audit log, newest first. Each actor is named as they call themselves now; the
 * stored email shows only when their account is gone and no name is left.
 */
export async function listAudit(db: Database, councilId: string, limit = 200): Promise<AuditEntry[]> {
  const rows = await db
    .selectFrom('audit_log')
    .leftJoin('users', 'users.id', 'audit_log.actor_user_id')
    .select(['audit_log.at', 'audit_log.actor_email', 'users.display_name', 'audit_log.action', 'audit_log.summary'])
    .where('audit_log.council_id', '=', councilId)
    .orderBy('audit_log.at', 'desc')
    .orderBy('audit_log.id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    at: row.at,
    actor: row.display_name ?? row.actor_email,
    action: row.action as AuditAction,
    summary: row.summary,
  }));
}

/**
 * A sign-in goes to the log of every council the person works in, where its publishers can see
 * it; someone with no council, such as a platform admin, is logged platform-wide.
 */
export async function recordSignIn(
  db: Database,
  user: { id: string; email: string },
  detail: Record<string, unknown>,
  now: Date,
): Promise<void> {
  const memberships = await db.selectFrom('memberships').select('council_id').where('user_id', '=', user.id).execute();
  const councils = memberships.length > 0 ? memberships.map((row) => row.council_id) : [null];
  for (const councilId of councils) {
    await recordAudit(db, { councilId, actor: user, action: 'sign-in', summary: 'Signed in', detail }, now);
  }
}
