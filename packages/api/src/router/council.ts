import { z } from 'zod';
import { listPublishedCouncils } from '@pledgekeeper/db';
import {
  LOCAL_OFFER_AREAS,
  councilPage,
  logoId,
  logoType,
  councilSummary,
  principlesOf,
  publicPromises,
} from '@pledgekeeper/domain/council';
import { Refusal } from '@pledgekeeper/domain/workspace';
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
    const { edition, content } = published;
    return {
      // How the page looks is the published edition's, like everything else on it.
      council: { ...ctx.council.council, ...content.branding },
      ...content,
      // Suggestions the editors turned down are theirs alone: the public sees only what was chosen.
      pledge: content.pledge
        ? {
            ...content.pledge,
            promises: publicPromises(content.pledge.promises),
            version: edition.version,
            status: edition.status,
            publishedAt: edition.publishedAt,
          }
        : null,
      // The principles of the council's own nation, the only ones its promises can be linked to.
      principles: [...principlesOf(ctx.council.council.nation)],
      localOfferAreas: [...LOCAL_OFFER_AREAS],
    };
  }),

  /** The logo of a council's published branding, and no other: a draft's logo is not public. */
  logo: councilProcedure
    .input(z.object({ id: logoId }))
    .output(z.object({ type: logoType, data: z.string() }))
    .query(async ({ ctx, input }) => {
      const found = await ctx.council.publishedLogo(input.id);
      if (!found) throw new Refusal('NOT_FOUND', `${ctx.council.council.name} shows no such logo`);
      return { type: found.type, data: Buffer.from(found.bytes).toString('base64') };
    }),
});
