import { feedbackInput, feedbackReceipt } from '@pledgekeeper/domain';
import { councilProcedure, router } from '../trpc.js';

export const feedbackRouter = router({
  /** "Was this helpful?" from a reader of a council's page. Anonymous; stored for that council only. */
  submit: councilProcedure
    .input(feedbackInput)
    .output(feedbackReceipt)
    .mutation(async ({ ctx, input }) => {
      const { council: _slug, ...feedback } = input;
      await ctx.council.submitFeedback(feedback, ctx.now());
      return { received: true as const };
    }),
});
