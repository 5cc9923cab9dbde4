import { randomUUID } from 'node:crypto';
import type { Role } from '@pledgekeeper/domain/workspace';
import type { Database } from '../connection.js';
import { hashToken, newToken } from './sessions.js';

export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export interface OpenInvitation {
  id: string;
  email: string;
  role: Role;
  expiresAt: string;
}

/** An invitation found by its token: the token is the proof, so this lookup is not tied to a council. */
export interface LiveInvitation extends OpenInvitation {
  councilId: string;
  council: string;
  councilName: string;
}

/**
 * A new single-use invitation to a role in one council. Only the token's hash is stored; the
 * token itself is returned once, for the link. Older open invitations to the same email are revoked.
 */
export async function insertInvitation(
  db: Database,
  councilId: string,
  invitation: { email: string; role: Role; createdBy: string | null },
  now: Date,
): Promise<{ id: string; token: string; expiresAt: string }> {
  const token = newToken();
  const id = randomUUID();
  const email = invitation.email.toLowerCase();
  const expiresAt = new Date(now.getTime() + INVITATION_TTL_MS).toISOString();
  await db
    .updateTable('invitations')
    .set({ revoked_at: now.toISOString() })
    .where('council_id', '=', councilId)
    .where('email', '=', email)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .execute();
  await db
    .insertInto('invitations')
    .values({
      id,
      council_id: councilId,
      email,
      role: invitation.role,
      token_hash: hashToken(token),
      created_by: invitation.createdBy,
      created_at: now.toISOString(),
      expires_at: expiresAt,
      accepted_at: null,
      revoked_at: null,
    })
    .execute();
  return { id, token, expiresAt };
}

/** The invitation a token names, if it is neither used, revoked nor expired. */
export async function findLiveInvitation(db: Database, token: string, now: Date): Promise<LiveInvitation | null> {
  const row = await db
    .selectFrom('invitations')
    .innerJoin('councils', 'councils.id', 'invitations.council_id')
    .select([
      'invitations.id',
      'invitations.council_id',
      'invitations.email',
      'invitations.role',
      'invitations.expires_at',
      'councils.slug',
      'councils.name',
    ])
    .where('invitations.token_hash', '=', hashToken(token))
    .where('invitations.accepted_at', 'is', null)
    .where('invitations.revoked_at', 'is', null)
    .where('invitations.expires_at', '>', now.toISOString())
    .executeTakeFirst();
  return row
    ? {
        id: row.id,
        councilId: row.council_id,
        council: row.slug,
        councilName: row.name,
        email: row.email,
        role: row.role as Role,
        expiresAt: row.expires_at,
      }
    : null;
}

/**
 * Uses up a live invitation. The condition and the write are one statement, so of two people
 * racing with the same link only one succeeds; the other gets false.
 */
export async function markInvitationAccepted(db: Database, councilId: string, invitationId: string, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('invitations')
    .set({ accepted_at: now.toISOString() })
    .where('council_id', '=', councilId)
    .where('id', '=', invitationId)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now.toISOString())
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** A council's invitations still waiting to be accepted, soonest to expire first. */
export async function listOpenInvitations(db: Database, councilId: string, now: Date): Promise<OpenInvitation[]> {
  const rows = await db
    .selectFrom('invitations')
    .select(['id', 'email', 'role', 'expires_at'])
    .where('council_id', '=', councilId)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now.toISOString())
    .orderBy('expires_at')
    .orderBy('id')
    .execute();
  return rows.map((row) => ({ id: row.id, email: row.email, role: row.role as Role, expiresAt: row.expires_at }));
}

/** Revokes an open invitation of this council; the invitation revoked, or null if there was none. */
export async function revokeInvitation(db: Database, councilId: string, invitationId: string, now: Date): Promise<OpenInvitation | null> {
  const open = await db
    .selectFrom('invitations')
    .select(['id', 'email', 'role', 'expires_at'])
    .where('council_id', '=', councilId)
    .where('id', '=', invitationId)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (!open) return null;
  await db
    .updateTable('invitations')
    .set({ revoked_at: now.toISOString() })
    .where('council_id', '=', councilId)
    .where('id', '=', invitationId)
    .execute();
  return { id: open.id, email: open.email, role: open.role as Role, expiresAt: open.expires_at };
}
