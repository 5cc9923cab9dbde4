import { z } from 'zod';
import { addYouSaidWeDidInput, publishedProgress, saveProgressInput, workingProgress } from '@pledgekeeper/domain/progress';
import { type EditionActor, reviewComment, workingStatus } from '@pledgekeeper/domain/workspace';
import { councilProcedure, memberProcedure, publisherProcedure, router } from '../trpc.js';

const actorOf = (ctx: { user: { id: string; email: string }; role: EditionActor['role'] }): EditionActor => ({
  id: ctx.user.id,
  email: ctx.user.email,
  role: ctx.role,
});

/**
 * Delivery on each promise. The public reads what is published; members draft and publishers
 * publish, through editions of its own: recording progress never makes a new pledge edition.
 */
export const progressRouter = router({
  published: councilProcedure.output(publishedProgress).query(({ ctx }) => ctx.council.progress.published()),

  working: memberProcedure.output(workingProgress).query(({ ctx }) => ctx.council.progress.working()),

  save: memberProcedure
    .input(saveProgressInput)
    .output(z.object({ version: z.number().int(), revision: z.number().int() }))
    .mutation(({ ctx, input }) => ctx.council.progress.save(input, actorOf(ctx), ctx.now())),

  /** A publisher turns what young people said into a "you said, we did" entry in the draft. */
  addYouSaidWeDid: publisherProcedure
    .input(addYouSaidWeDidInput)
    .output(z.object({ version: z.number().int(), revision: z.number().int(), key: z.string() }))
    .mutation(({ ctx, input }) => ctx.council.progress.addYouSaidWeDid(input, actorOf(ctx), ctx.now())),

  submitForReview: memberProcedure.output(z.object({ version: z.number().int(), status: workingStatus })).mutation(async ({ ctx }) => {
    const at = ctx.now();
    const done = await ctx.council.progress.submitForReview(actorOf(ctx), at);
    ctx.notify.reviewRequested({ council: ctx.council.council.slug, part: 'progress', version: done.version, by: ctx.user, at });
    return done;
  }),

  sendBack: publisherProcedure
    .input(z.object({ comment: reviewComment }))
    .output(z.object({ version: z.number().int(), status: workingStatus }))
    .mutation(async ({ ctx, input }) => {
      const done = await ctx.council.progress.sendBack(input.comment, actorOf(ctx), ctx.now());
      const council = ctx.council.council.slug;
      ctx.notify.sentBack({ council, part: 'progress', version: done.version, by: ctx.user, comment: input.comment });
      return done;
    }),

  publish: publisherProcedure.output(z.object({ version: z.number().int(), publishedAt: z.string() })).mutation(async ({ ctx }) => {
    const done = await ctx.council.progress.publish(actorOf(ctx), ctx.now());
    ctx.notify.published({ council: ctx.council.council.slug, part: 'progress', version: done.version, by: ctx.user });
    return done;
  }),

  discard: memberProcedure
    .output(z.object({ discarded: z.number().int() }))
    .mutation(({ ctx }) => ctx.council.progress.discard(actorOf(ctx), ctx.now())),
});
