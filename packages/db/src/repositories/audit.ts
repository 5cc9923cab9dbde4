import { randomUUID } from 'node:crypto';
import type { AuditAction, AuditEntry } from '@pledgekeeper/domain/workspace';
import type { Database } from '../connection.js';
import { toJson } from '../json.js';
import { announcePublication } from '../publications.js';

/**
 * What changes a public page: the pages, the delivery records and the published logo go out
 * with 'published'; a review date, a confirmed wording, an answered message and a new council show
 * on them too. Every such change is audited, so its audit entry is where it is announced.
 */
const CHANGES_PUBLIC_PAGES: ReadonlySet<AuditAction> = new Set<AuditAction>([
  'published',
  'marked-reviewed',
  'restored',
  'council-created',
  'branding-changed',
  'feedback-marked',
  'wording-confirmed',
]);

export interface AuditRecord {
  /** Null for platform-wide events, such as a failed sign-in. */
  councilId: string | null;
  actor: { id: string; email: string } | null;
  action: AuditAction;
  /** What the actor did, as the rest of a sentence that starts with their name: "Published version 3". */
  summary: string;
  detail?: Record<string, unknown>;
}

/** Saves of one section by one person closer together than this are one entry in the log. */
export const SAVES_COALESCE_MS = 10 * 60_000;

/**
 * The entry a save joins instead of making its own: the council's newest, when it is the same
 * person saving the same section of the same draft, within minutes. Anything else in between,
 * by anyone, starts a new entry, so the log still tells what happened in order.
 */
async function joinedSave(db: Database, record: AuditRecord, now: Date) {
  if (record.action !== 'content-changed' || !record.councilId || !record.actor) return null;
  const last = await db
    .selectFrom('audit_log')
    .select(['id', 'actor_user_id', 'action', 'detail', 'at'])
    .where('council_id', '=', record.councilId)
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!last || last.actor_user_id !== record.actor.id || last.action !== record.action) return null;
  const detail = JSON.parse(last.detail) as Record<string, unknown>;
  const same = detail.section === record.detail?.section && detail.version === record.detail?.version;
  return same && now.getTime() - Date.parse(last.at) < SAVES_COALESCE_MS ? { id: last.id, saves: Number(detail.saves ?? 1) } : null;
}

/**
 * Adds one entry to the audit log, or, for a save that follows the same person's save of the same
 * section moments ago, brings that entry up to date: "Saved the pledge of draft version 2 (4 saves)".
 * Call it in the same transaction as the change it records.
 */
export async function recordAudit(db: Database, record: AuditRecord, now: Date): Promise<void> {
  if (record.councilId !== null && CHANGES_PUBLIC_PAGES.has(record.action)) await announcePublication(db, record.councilId);
  const joined = await joinedSave(db, record, now);
  if (joined) {
    const saves = joined.saves + 1;
    await db
      .updateTable('audit_log')
      .set({ at: now.toISOString(), summary: `${record.summary} (${saves} saves)`, detail: toJson({ ...record.detail, saves }) })
      .where('id', '=', joined.id)
      .execute();
    return;
  }
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
