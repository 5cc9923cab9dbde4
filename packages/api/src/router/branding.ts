import { LOGO_MAX_BYTES, describeSize, logoId, logoType } from '@pledgekeeper/domain/council';
import { answerWithLogo, logoAnswer } from '../page-of.js';
import { Refusal } from '@pledgekeeper/domain/workspace';
import { z } from 'zod';
import { readLogo } from '../logo/index.js';
import { memberProcedure, router } from '../trpc.js';

const councilOnly = z.object({ council: z.string() });

// Base64 is a third longer than the file. Up to what the HTTP host accepts it is decoded, so the
// refusal can say how large the file is; the portal says so before sending anything that large.
const base64 = z
  .string({ error: 'Choose a file for the logo' })
  .max(1_000_000, `The logo must be at most ${describeSize(LOGO_MAX_BYTES)}`)
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'The logo’s file did not arrive whole: choose it again');

const storedLogo = z.object({ id: logoId, type: logoType, width: z.number().nullable(), height: z.number().nullable() });

/**
 * A council's logos. Branding itself is the `branding` section of the page's edition, saved,
 * reviewed and published like the rest; these store the files it may point to.
 */
export const brandingRouter = router({
  /**
   * Checks a logo, rebuilds it from what is safe (an SVG keeps only drawing, never script or
   * links; a PNG keeps only its picture), and stores it for the council's drafts to use.
   */
  uploadLogo: memberProcedure
    .input(councilOnly.extend({ type: z.string().max(100), data: base64 }))
    .output(storedLogo)
    .mutation(async ({ ctx, input }) => {
      const read = readLogo(input.type, new Uint8Array(Buffer.from(input.data, 'base64')));
      if (!read.ok) throw new Refusal('BAD_REQUEST', read.message);
      const id = await ctx.council.storeLogo({ type: read.type, bytes: read.bytes }, ctx.user.email, ctx.now());
      return { id, type: read.type, width: read.width, height: read.height };
    }),

  /** Any of the council's logos, for its own people (a draft's logo is not public yet). */
  logo: memberProcedure
    .input(councilOnly.extend({ id: logoId }))
    .output(logoAnswer)
    .query(async ({ ctx, input }) => {
      const found = await ctx.council.logo(input.id);
      if (!found) throw new Refusal('NOT_FOUND', `${ctx.council.council.name} has no such logo`);
      return answerWithLogo(found);
    }),
});
