import { type Actor, Refusal, type Role } from '@pledgekeeper/domain/workspace';
import type { Database } from './connection.js';
import { recordAudit } from './repositories/audit.js';
import { insertInvitation, listOpenInvitations, revokeInvitation } from './repositories/invitations.js';
import { findUserByEmail } from './repositories/users.js';

export interface Member {
  userId: string;
  email: string;
  displayName: string;
  role: Role;
}

/**
 * The people of one council (its members and open invitations), bound to it like councilScope.
 * Each change is one transaction with its audit entry.
 */
export function peopleScope(db: Database, councilId: string, councilName: string) {
  /** Why a change to the council's people was refused, in words a publisher can act on. */
  const refusals = {
    notAMember: (email: string) => new Refusal('NOT_FOUND', `${email} has no role in ${councilName}`),
    alreadyAMember: (email: string) => new Refusal('CONFLICT', `${email} already has a role in ${councilName}: change their role instead`),
    lastPublisher: () => new Refusal('CONFLICT', `${councilName} needs at least one publisher: make someone else a publisher first`),
    noSuchInvitation: () => new Refusal('NOT_FOUND', `There is no open invitation with that id in ${councilName}`),
    platformAdmin: (email: string) =>
      new Refusal('CONFLICT', `${email.toLowerCase()} is a platform admin, who cannot take a role in a council`),
    hasAPublisher: () => new Refusal('CONFLICT', `${councilName} already has a publisher: its publishers invite everyone else`),
  };

  const membersOf = async (trx: Database): Promise<Member[]> => {
    const rows = await trx
      .selectFrom('memberships')
      .innerJoin('users', 'users.id', 'memberships.user_id')
      .select(['users.id', 'users.email', 'users.display_name', 'memberships.role'])
      .where('memberships.council_id', '=', councilId)
      .orderBy('users.display_name')
      .orderBy('users.email')
      .execute();
    return rows.map((row) => ({ userId: row.id, email: row.email, displayName: row.display_name, role: row.role as Role }));
  };

  /**
   * Takes the council's row lock until the transaction ends (a no-op update), so changes to its
   * people happen one after another: two publishers demoting each other at once cannot leave
   * the council with none. One row, so no deadlock between two such changes.
   */
  const lockCouncil = (trx: Database) =>
    trx
      .updateTable('councils')
      .set((eb) => ({ name: eb.ref('name') }))
      .where('id', '=', councilId)
      .execute();

  const findMember = async (trx: Database, email: string): Promise<Member | null> =>
    (await membersOf(trx)).find((member) => member.email === email.toLowerCase()) ?? null;

  // The platform admin onboards councils and never holds a role in one.
  const isPlatformAdmin = async (trx: Database, email: string): Promise<boolean> =>
    (await findUserByEmail(trx, email))?.isPlatformAdmin ?? false;

  const invite = async (
    trx: Database,
    invitation: { email: string; role: Role },
    actor: Actor,
    now: Date,
  ): Promise<{ token: string; expiresAt: string }> => {
    if (await isPlatformAdmin(trx, invitation.email)) throw refusals.platformAdmin(invitation.email);
    if (await findMember(trx, invitation.email)) throw refusals.alreadyAMember(invitation.email);
    const created = await insertInvitation(trx, councilId, { ...invitation, createdBy: actor.id }, now);
    await recordAudit(
      trx,
      {
        councilId,
        actor,
        action: 'invitation-created',
        summary: `Invited ${invitation.email} to be ${invitation.role === 'editor' ? 'an editor' : 'a publisher'} of ${councilName}`,
        detail: { invitationId: created.id, email: invitation.email, role: invitation.role },
      },
      now,
    );
    return { token: created.token, expiresAt: created.expiresAt };
  };

  return {
    members: () => membersOf(db),
    openInvitations: (now: Date) => listOpenInvitations(db, councilId, now),

    invite: (invitation: { email: string; role: Role }, actor: Actor, now: Date): Promise<{ token: string; expiresAt: string }> =>
      db.transaction().execute((trx) => invite(trx, invitation, actor, now)),

    /**
     * The platform admin's one way in: a publisher for a council that has none. Any earlier open
     * publisher link is revoked, so only the newest is live; once the council has a publisher,
     * its publishers invite everyone else. Serialised with the council's other people changes.
     */
    inviteFirstPublisher: (email: string, actor: Actor, now: Date): Promise<{ token: string; expiresAt: string }> =>
      db.transaction().execute(async (trx) => {
        await lockCouncil(trx);
        // A platform admin's own row (made before this rule) holds nothing: it is not a publisher.
        const publisher = await trx
          .selectFrom('memberships')
          .innerJoin('users', 'users.id', 'memberships.user_id')
          .select('users.id')
          .where('memberships.council_id', '=', councilId)
          .where('memberships.role', '=', 'publisher')
          .where('users.is_platform_admin', '=', 0)
          .executeTakeFirst();
        if (publisher) throw refusals.hasAPublisher();
        if (await isPlatformAdmin(trx, email)) throw refusals.platformAdmin(email);
        await trx
          .updateTable('invitations')
          .set({ revoked_at: now.toISOString() })
          .where('council_id', '=', councilId)
          .where('role', '=', 'publisher')
          .where('accepted_at', 'is', null)
          .where('revoked_at', 'is', null)
          .execute();
        return invite(trx, { email, role: 'publisher' }, actor, now);
      }),

    revokeInvitation: (invitationId: string, actor: Actor, now: Date): Promise<void> =>
      db.transaction().execute(async (trx) => {
        const revoked = await revokeInvitation(trx, councilId, invitationId, now);
        if (!revoked) throw refusals.noSuchInvitation();
        await recordAudit(
          trx,
          {
            councilId,
            actor,
            action: 'invitation-revoked',
            summary: `Revoked the invitation to ${revoked.email}`,
            detail: { invitationId },
          },
          now,
        );
      }),

    changeRole: (email: string, role: Role, actor: Actor, now: Date): Promise<void> =>
      db.transaction().execute(async (trx) => {
        await lockCouncil(trx);
        const members = await membersOf(trx);
        const member = members.find((m) => m.email === email.toLowerCase());
        if (!member) throw refusals.notAMember(email);
        if (member.role === role) return;
        const publishers = members.filter((m) => m.role === 'publisher').length;
        if (member.role === 'publisher' && publishers <= 1) throw refusals.lastPublisher();
        await trx
          .updateTable('memberships')
          .set({ role })
          .where('council_id', '=', councilId)
          .where('user_id', '=', member.userId)
          .execute();
        await recordAudit(
          trx,
          {
            councilId,
            actor,
            action: 'role-changed',
            summary: `Changed ${member.displayName} from ${member.role} to ${role}`,
            detail: { email: member.email, from: member.role, to: role },
          },
          now,
        );
      }),

    remove: (email: string, actor: Actor, now: Date): Promise<void> =>
      db.transaction().execute(async (trx) => {
        await lockCouncil(trx);
        const members = await membersOf(trx);
        const member = members.find((m) => m.email === email.toLowerCase());
        if (!member) throw refusals.notAMember(email);
        const publishers = members.filter((m) => m.role === 'publisher').length;
        if (member.role === 'publisher' && publishers <= 1) throw refusals.lastPublisher();
        await trx.deleteFrom('memberships').where('council_id', '=', councilId).where('user_id', '=', member.userId).execute();
        await recordAudit(
          trx,
          {
            councilId,
            actor,
            action: 'member-removed',
            summary: `Removed ${member.displayName} (${member.role}) from ${councilName}`,
            detail: { email: member.email, role: member.role },
          },
          now,
        );
      }),
  };
}

export type PeopleScope = ReturnType<typeof peopleScope>;
