import { z } from 'zod';
import { findCouncilBySlug, insertCouncil, listAllCouncils, peopleScope, recordAudit } from '@pledgekeeper/db';
import { council, councilKind, councilSlug, nation } from '@pledgekeeper/domain/council';
import { Refusal, accountEmail } from '@pledgekeeper/domain/workspace';
import { adminProcedure, router } from '../trpc.js';

const newCouncil = council.omit({ contact: true });

const alreadyThere = (slug: string) => new Refusal('CONFLICT', `There is already a council with the slug ${slug}`);

export const adminRouter = router({
  /** Every council, published or not, with how many publishers it has. */
  councils: adminProcedure
    .output(
      z.array(z.object({ slug: councilSlug, name: z.string(), kind: councilKind, nation, published: z.boolean(), publishers: z.number() })),
    )
    .query(({ ctx }) => listAllCouncils(ctx.db)),

  /** Onboards a council. It has no page until its publisher publishes one, and the admin gets no role in it. */
  createCouncil: adminProcedure
    .input(newCouncil)
    .output(z.object({ council: councilSlug }))
    .mutation(async ({ ctx, input }) => {
      const now = ctx.now();
      try {
        await ctx.db.transaction().execute(async (trx) => {
          if (await findCouncilBySlug(trx, input.slug)) throw alreadyThere(input.slug);
          const created = await insertCouncil(trx, { ...input, contact: null }, now);
          await recordAudit(
            trx,
            {
              councilId: created.id,
              actor: ctx.user,
              action: 'council-created',
              summary: `Created ${input.name} (${input.slug})`,
              detail: { ...input },
            },
            now,
          );
        });
      } catch (error) {
        // Two admins creating the same slug at once: the unique index stops the second.
        if (!(error instanceof Refusal) && (await findCouncilBySlug(ctx.db, input.slug))) throw alreadyThere(input.slug);
        throw error;
      }
      return { council: input.slug };
    }),

  /**
   * The invitation link for a council's first publisher, emailed to them and shown to the admin
   * (for a platform without email). Only while the council has no publisher, and never for a
   * platform admin's own email.
   */
  invitePublisher: adminProcedure
    .input(z.object({ council: councilSlug, email: accountEmail }))
    .output(z.object({ token: z.string(), expiresAt: z.string() }))
    .mutation(async ({ ctx, input }) => {
      const found = await findCouncilBySlug(ctx.db, input.council);
      if (!found) throw new Refusal('NOT_FOUND', `There is no council "${input.council}" on Pledgekeeper`);
      const people = peopleScope(ctx.db, found.id, found.council.name);
      const invitation = await people.inviteFirstPublisher(input.email, ctx.user, ctx.now());
      const council = { slug: found.council.slug, name: found.council.name };
      ctx.notify.invitation({ council, email: input.email, role: 'publisher', by: ctx.user, ...invitation });
      return invitation;
    }),
});
