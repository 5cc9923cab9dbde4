import { z } from 'zod';
import {
  type Database,
  type StoredUser,
  createSession,
  deleteSession,
  findLiveInvitation,
  findRole,
  findUserByEmail,
  insertUser,
  listMemberships,
  markInvitationAccepted,
  markSignInSucceeded,
  pruneSignInAttempts,
  recordAudit,
  recordSignIn,
  setRole,
  takeSignInAttempt,
} from '@pledgekeeper/db';
import { councilSlug } from '@pledgekeeper/domain/council';
import {
  Refusal,
  type CurrentUser,
  WRONG_CREDENTIALS,
  currentUser,
  displayName,
  newPassword,
  role,
  signInInput,
} from '@pledgekeeper/domain/workspace';
import { authedProcedure, publicProcedure, router } from '../trpc.js';

const TOO_MANY_ATTEMPTS = 'Too many attempts. Wait 15 minutes, then try again.';
const PLATFORM_ADMIN_HAS_NO_ROLE = 'A platform admin cannot take a role in a council. Accept this invitation with another account.';
const INVITATION_NOT_VALID = 'This invitation link is not valid. It may have expired or been used already.';

const signedIn = z.object({ token: z.string(), expiresAt: z.string(), user: currentUser });

const invitationToken = z
  .string({ error: 'The invitation link is missing its token' })
  .min(1, 'The invitation link is missing its token')
  .max(200, 'That invitation token is too long');

/** Who someone is and every council they have a role in: nothing else. */
async function currentUserOf(
  db: Database,
  user: Pick<StoredUser, 'id' | 'email' | 'displayName' | 'isPlatformAdmin'>,
): Promise<CurrentUser> {
  return {
    email: user.email,
    displayName: user.displayName,
    isPlatformAdmin: user.isPlatformAdmin,
    memberships: await listMemberships(db, user.id),
  };
}

/** A failed or refused attempt goes to the platform's audit log; takeSignInAttempt has already counted it. */
async function auditFailure(db: Database, attempt: { email: string; client: string }, reason: string, now: Date): Promise<void> {
  await recordAudit(
    db,
    {
      councilId: null,
      actor: null,
      action: 'sign-in-failed',
      summary: `Failed sign-in for ${attempt.email}: ${reason}`,
      detail: { email: attempt.email, client: attempt.client, reason },
    },
    now,
  );
}

/**
 * Counts the attempt before any password is checked, so requests sent at once cannot all slip
 * under the limit: its id, or TOO_MANY_REQUESTS (audited, but not counted, so the pause ends 15
 * minutes after the failures that caused it).
 */
async function takeAttempt(db: Database, attempt: { email: string; client: string }, now: Date): Promise<string> {
  const attemptId = await takeSignInAttempt(db, attempt, now);
  if (attemptId) return attemptId;
  await auditFailure(db, attempt, 'too many attempts', now);
  throw new Refusal('TOO_MANY_REQUESTS', TOO_MANY_ATTEMPTS);
}

export const authRouter = router({
  /**
   * Email and password in, a session token out. An unknown email and a wrong password get the
   * same answer and cost the same time; too many failures pause sign-in for the email or client.
   */
  signIn: publicProcedure
    .input(signInInput)
    .output(signedIn)
    .mutation(async ({ ctx, input }) => {
      const now = ctx.now();
      const attempt = { email: input.email, client: ctx.client };
      const attemptId = await takeAttempt(ctx.db, attempt, now);
      const user = await findUserByEmail(ctx.db, input.email);
      let matches = false;
      if (user) matches = await ctx.passwordHasher.verify(input.password, user.passwordHash);
      else await ctx.passwordHasher.verifyNothing(input.password);
      if (!user || !matches || user.disabled) {
        await auditFailure(ctx.db, attempt, !user ? 'no such account' : user.disabled ? 'account disabled' : 'wrong password', now);
        throw new Refusal('UNAUTHORIZED', WRONG_CREDENTIALS);
      }
      const session = await ctx.db.transaction().execute(async (trx) => {
        await pruneSignInAttempts(trx, now);
        await markSignInSucceeded(trx, attemptId);
        await recordSignIn(trx, user, { client: ctx.client }, now);
        return createSession(trx, user.id, now);
      });
      return { ...session, user: await currentUserOf(ctx.db, user) };
    }),

  /** Ends this session: its token stops working at once. */
  signOut: authedProcedure.output(z.object({ signedOut: z.literal(true) })).mutation(async ({ ctx }) => {
    const now = ctx.now();
    await ctx.db.transaction().execute(async (trx) => {
      await deleteSession(trx, ctx.sessionToken!);
      await recordAudit(trx, { councilId: null, actor: ctx.user, action: 'sign-out', summary: 'Signed out' }, now);
    });
    return { signedOut: true as const };
  }),

  /** The signed-in person and their councils, or null. */
  me: publicProcedure.output(currentUser.nullable()).query(({ ctx }) => (ctx.user ? currentUserOf(ctx.db, ctx.user) : null)),

  /** What an invitation link offers, before the person accepts it. */
  invitation: publicProcedure
    .input(z.object({ token: invitationToken }))
    .output(z.object({ councilName: z.string(), council: councilSlug, role, email: z.string(), expiresAt: z.string() }))
    .query(async ({ ctx, input }) => {
      const invitation = await findLiveInvitation(ctx.db, input.token, ctx.now());
      if (!invitation) throw new Refusal('NOT_FOUND', INVITATION_NOT_VALID);
      const { councilName, council, role: invitedRole, email, expiresAt } = invitation;
      return { councilName, council, role: invitedRole, email, expiresAt };
    }),

  /**
   * Takes up an invitation and signs the person in. Someone new chooses a password here; someone
   * who already has an account gives their current password and gains the role. Single use.
   */
  acceptInvitation: publicProcedure
    .input(z.object({ token: invitationToken, displayName, password: newPassword }))
    .output(signedIn)
    .mutation(async ({ ctx, input }) => {
      const now = ctx.now();
      const invitation = await findLiveInvitation(ctx.db, input.token, now);
      if (!invitation) throw new Refusal('NOT_FOUND', INVITATION_NOT_VALID);
      const existing = await findUserByEmail(ctx.db, invitation.email);
      let passwordHash: string | null = null;
      if (existing) {
        const attempt = { email: existing.email, client: ctx.client };
        const attemptId = await takeAttempt(ctx.db, attempt, now);
        if (!(await ctx.passwordHasher.verify(input.password, existing.passwordHash))) {
          await auditFailure(ctx.db, attempt, 'wrong password when accepting an invitation', now);
          throw new Refusal(
            'UNAUTHORIZED',
            `There is already an account for ${existing.email}: give the password you sign in with to accept`,
          );
        }
        if (existing.disabled) throw new Refusal('FORBIDDEN', 'This account has been disabled');
        // Checked after the password, so an invitation link tells its holder nothing about the account.
        if (existing.isPlatformAdmin) throw new Refusal('FORBIDDEN', PLATFORM_ADMIN_HAS_NO_ROLE);
        await markSignInSucceeded(ctx.db, attemptId);
      } else {
        passwordHash = await ctx.passwordHasher.hash(input.password);
      }
      const result = await ctx.db.transaction().execute(async (trx) => {
        if (!(await markInvitationAccepted(trx, invitation.councilId, invitation.id, now))) {
          throw new Refusal('NOT_FOUND', INVITATION_NOT_VALID);
        }
        const user =
          existing ??
          (await insertUser(trx, { email: invitation.email, displayName: input.displayName, passwordHash: passwordHash! }, now));
        // An invitation never takes a role away: a publisher invited as an editor stays a publisher.
        const held = await findRole(trx, invitation.councilId, user.id);
        const granted = held === 'publisher' ? 'publisher' : invitation.role;
        await setRole(trx, invitation.councilId, user.id, granted, now);
        await recordAudit(
          trx,
          {
            councilId: invitation.councilId,
            actor: user,
            action: 'invitation-accepted',
            summary: `Accepted the invitation and is now ${granted === 'editor' ? 'an editor' : 'a publisher'} of ${invitation.councilName}`,
            detail: { invitationId: invitation.id, role: granted, newAccount: !existing },
          },
          now,
        );
        return { user, session: await createSession(trx, user.id, now) };
      });
      return { ...result.session, user: await currentUserOf(ctx.db, result.user) };
    }),
});
