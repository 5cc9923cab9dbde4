import { z } from 'zod';
import { emailKind, emailPreferences, readEmailPreferences, saveEmailPreferences } from '../mail/preferences.js';
import { authedProcedure, router } from '../trpc.js';

/** A signed-in person's own settings: nobody can read or change anyone else's. */
export const accountRouter = router({
  /** Each kind of email Pledgekeeper may send this person, and whether they still want it. */
  emailPreferences: authedProcedure.output(emailPreferences).query(({ ctx }) => readEmailPreferences(ctx.db, ctx.user.id)),

  /** Keeps the kinds listed switched on and turns the others off. */
  setEmailPreferences: authedProcedure
    .input(z.object({ on: z.array(emailKind).max(10, 'Choose from the list') }))
    .output(emailPreferences)
    .mutation(async ({ ctx, input }) => {
      await saveEmailPreferences(ctx.db, ctx.user.id, input.on, ctx.now());
      return readEmailPreferences(ctx.db, ctx.user.id);
    }),
});
