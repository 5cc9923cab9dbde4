import { z } from 'zod';
import { listPublishedCouncils } from '@pledgekeeper/db';
import { councilPage, councilSummary, logoId } from '@pledgekeeper/domain/council';
import { Refusal } from '@pledgekeeper/domain/workspace';
import { answerWithLogo, logoAnswer, pageOf } from '../page-of.js';
import { councilProcedure, publicProcedure, router } from '../trpc.js';

export const councilRouter = router({
  /** Every council with a published page, in name order. */
  list: publicProcedure.output(z.array(councilSummary)).query(({ ctx }) => listPublishedCouncils(ctx.db)),

  /** A council's whole public page in one call: its published content and the reference data. */
  page: councilProcedure.output(councilPage).query(async ({ ctx }) => {
    const published = await ctx.council.publishedPage();
    if (!published) {
      throw new Refusal('NOT_FOUND', `${ctx.council.council.name} has not published its corporate parenting page yet`);
    }
    return pageOf(ctx.council.council, published.content, published.edition);
  }),

  /** The logo of a council's published branding, and no other: a draft's logo is not public. */
  logo: councilProcedure
    .input(z.object({ id: logoId }))
    .output(logoAnswer)
    .query(async ({ ctx, input }) => {
      const found = await ctx.council.publishedLogo(input.id);
      if (!found) throw new Refusal('NOT_FOUND', `${ctx.council.council.name} shows no such logo`);
      return answerWithLogo(found);
    }),
});
