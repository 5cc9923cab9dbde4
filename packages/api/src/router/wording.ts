import { z } from 'zod';
import { wordingReview } from '@pledgekeeper/domain/council';
import { versionNumber } from '@pledgekeeper/domain/workspace';
import { memberProcedure, publisherProcedure, router } from '../trpc.js';

/**
 * Plain words and links to principles that Pledgekeeper suggested: public pages say so until a
 * publisher of the council confirms them as the council's own (see db/wording-scope.ts).
 */
export const wordingRouter = router({
  /** The published page's suggested wording, and who confirmed it, if anyone has. */
  review: memberProcedure.output(wordingReview).query(({ ctx }) => ctx.council.wording.review()),

  /** One click by a publisher, for the published version they were shown; audited. */
  confirm: publisherProcedure
    .input(z.object({ version: versionNumber }))
    .output(z.object({ version: z.number().int(), by: z.string(), at: z.string() }))
    .mutation(({ ctx, input }) =>
      ctx.council.wording.confirm(input.version, { id: ctx.user.id, email: ctx.user.email, role: ctx.role }, ctx.now()),
    ),
});
