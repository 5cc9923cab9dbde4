import { randomUUID } from 'node:crypto';
import type { AuditAction, AuditEntry } from '@pledgekeeper/domain/workspace';
import type { Database } from '../connection.js';
import { toJson } from '../json.js';

export interface AuditRecord {
  /** Null for platform-wide events, such as a sign-in. */
  councilId: string | null;
  actor: { id: string; email: string } | null;
  action: AuditAction;
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

/** A council's audit log, newest first. */
export async function listAudit(db: Database, councilId: string, limit = 200): Promise<AuditEntry[]> {
  const rows = await db
    .selectFrom('audit_log')
    .select(['at', 'actor_email', 'action', 'summary'])
    .where('council_id', '=', councilId)
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((row) => ({ at: row.at, actor: row.actor_email, action: row.action as AuditAction, summary: row.summary }));
}
