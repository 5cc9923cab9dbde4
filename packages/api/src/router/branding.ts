import { branding } from '@pledgekeeper/domain/council';
import { z } from 'zod';
import { memberProcedure, publisherProcedure, router } from '../trpc.js';

const councilOnly = z.object({ council: z.string() });

/** How a council's portal looks. It changes at once, not through an edition: it is not content. */
export const brandingRouter = router({
  get: memberProcedure
    .input(councilOnly)
    .output(branding)
    .query(({ ctx }) => ({ brandColour: ctx.council.council.brandColour, brandName: ctx.council.council.brandName })),

  save: publisherProcedure
    .input(councilOnly.extend(branding.shape))
    .output(branding)
    .mutation(async ({ ctx, input }) => {
      const { council: _slug, ...chosen } = input;
      await ctx.council.setBranding(chosen, ctx.user, ctx.now());
      return chosen;
    }),
});
