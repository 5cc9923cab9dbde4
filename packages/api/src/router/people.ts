import { z } from 'zod';
import { accountEmail, auditEntry, role } from '@pledgekeeper/domain/workspace';
import { publisherProcedure, router } from '../trpc.js';

// Ids are UUIDs; text that could never be an id is refused before it reaches the database
// (PostgreSQL text takes no NUL), and an unknown id of the right shape is NOT_FOUND.
const invitationId = z.string({ error: 'Say which invitation to revoke' }).regex(/^[A-Za-z0-9_-]{1,100}$/, 'That is not an invitation id');

const invitationCreated = z.object({ token: z.string(), expiresAt: z.string() });

export const peopleRouter = router({
  /** The council's members and the invitations not yet taken up. */
  list: publisherProcedure
    .output(
      z.object({
        members: z.array(z.object({ email: z.string(), displayName: z.string(), role, isYou: z.boolean() })),
        invitations: z.array(z.object({ id: z.string(), email: z.string(), role, expiresAt: z.string() })),
      }),
    )
    .query(async ({ ctx }) => {
      const people = ctx.council.people;
      const members = await people.members();
      return {
        members: members.map((m) => ({ email: m.email, displayName: m.displayName, role: m.role, isYou: m.userId === ctx.user.id })),
        invitations: await people.openInvitations(ctx.now()),
      };
    }),

  /** A single-use link, valid for 7 days, that gives its holder this role here. */
  invite: publisherProcedure
    .input(z.object({ email: accountEmail, role }))
    .output(invitationCreated)
    .mutation(async ({ ctx, input }) => {
      const invitation = await ctx.council.people.invite({ email: input.email, role: input.role }, ctx.user, ctx.now());
      const { slug, name } = ctx.council.council;
      ctx.notify.invitation({ council: { slug, name }, email: input.email, role: input.role, by: ctx.user, ...invitation });
      return invitation;
    }),

  revokeInvitation: publisherProcedure
    .input(z.object({ invitationId: invitationId }))
    .output(z.object({ revoked: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      await ctx.council.people.revokeInvitation(input.invitationId, ctx.user, ctx.now());
      return { revoked: true as const };
    }),

  /** Makes a member an editor or a publisher; the council always keeps at least one publisher. */
  changeRole: publisherProcedure
    .input(z.object({ email: accountEmail, role }))
    .output(z.object({ email: z.string(), role }))
    .mutation(async ({ ctx, input }) => {
      await ctx.council.people.changeRole(input.email, input.role, ctx.user, ctx.now());
      return { email: input.email, role: input.role };
    }),

  /** Takes away a member's role here (their account stays); never the last publisher. */
  remove: publisherProcedure
    .input(z.object({ email: accountEmail }))
    .output(z.object({ removed: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      await ctx.council.people.remove(input.email, ctx.user, ctx.now());
      return { removed: true as const };
    }),

  /** The council's audit log, newest first. */
  audit: publisherProcedure.output(z.array(auditEntry)).query(({ ctx }) => ctx.council.auditLog()),
});
