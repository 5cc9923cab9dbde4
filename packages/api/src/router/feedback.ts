import { Refusal } from '@pledgekeeper/domain/workspace';
import {
  feedbackInput,
  feedbackOverview,
  feedbackReceipt,
  markFeedbackInput,
  messageInput,
  safeguardingContact,
  tallyFeedback,
} from '@pledgekeeper/domain/feedback';
import { progressTargets } from '@pledgekeeper/domain/progress';
import { z } from 'zod';
import { councilProcedure, memberProcedure, publisherProcedure, router } from '../trpc.js';

const TOO_MANY_SUBMISSIONS = 'You have sent a lot in a short time. Wait 15 minutes, then try again.';
const notInPledge = (council: string) =>
  `That is not one of the promises ${council} has published. Choose one from the list, or leave it out.`;

export const feedbackRouter = router({
  /** "Was this helpful?" from a reader of a council's page. Anonymous; stored for that council only. */
  submit: councilProcedure
    .input(feedbackInput)
    .output(feedbackReceipt)
    .mutation(async ({ ctx, input }) => {
      if (!(await ctx.council.allowSubmission({ client: ctx.client, form: 'helpful', addressKey: ctx.addressKey }, ctx.now()))) {
        throw new Refusal('TOO_MANY_REQUESTS', TOO_MANY_SUBMISSIONS);
      }
      const { council: _slug, ...feedback } = input;
      await ctx.council.submitFeedback(feedback, ctx.now());
      return { received: true as const };
    }),

  /** "Tell us what you think": anonymous words to the council's team. Never shown publicly. */
  send: councilProcedure
    .input(messageInput)
    .output(feedbackReceipt)
    .mutation(async ({ ctx, input }) => {
      // What a message may be about is what the council's page offers: a promise or theme of its
      // published pledge. Checked first, so a refused message changes nothing, not even the rate limit.
      if (input.about !== null) {
        const published = await ctx.council.publishedPage();
        if (!progressTargets(published?.content.pledge ?? null).includes(input.about)) {
          throw new Refusal('BAD_REQUEST', notInPledge(ctx.council.council.name));
        }
      }
      if (!(await ctx.council.allowSubmission({ client: ctx.client, form: 'message', addressKey: ctx.addressKey }, ctx.now()))) {
        throw new Refusal('TOO_MANY_REQUESTS', TOO_MANY_SUBMISSIONS);
      }
      const { council: _slug, ...message } = input;
      const at = ctx.now();
      await ctx.council.sendMessage(message, at);
      // Only that a message waits: never its words or what it is about.
      ctx.notify.messageWaiting({ council: ctx.council.council.slug, at });
      return { received: true as const };
    }),

  /** For the council's own people: counts by page and month, and every comment with its status. */
  overview: memberProcedure
    .input(z.object({ council: z.string() }))
    .output(feedbackOverview)
    .query(async ({ ctx }) => {
      // Nobody reads the messages until the council has said who to tell if one suggests a child is at risk.
      const safeguardingContact = await ctx.council.safeguardingContact();
      if (safeguardingContact === null) return { safeguardingContact, tallies: [], comments: [] };
      const items = await ctx.council.listFeedback();
      return { safeguardingContact, tallies: tallyFeedback(items), comments: items.filter((item) => item.comment !== null) };
    }),

  /** Who to tell when a message suggests a child may be at risk: a publisher gives it, and may change it. */
  setSafeguardingContact: publisherProcedure
    .input(z.object({ council: z.string(), contact: safeguardingContact }))
    .output(z.object({ contact: z.string() }))
    .mutation(async ({ ctx, input }) => {
      await ctx.council.setSafeguardingContact(input.contact, ctx.user, ctx.now());
      return { contact: input.contact };
    }),

  /** Marks a comment as new, read or answered. */
  mark: memberProcedure
    .input(markFeedbackInput)
    .output(z.object({ marked: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      await ctx.council.markFeedback({ id: input.id, status: input.status, actor: ctx.user }, ctx.now());
      return { marked: true as const };
    }),
});
