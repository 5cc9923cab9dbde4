import { z } from 'zod';
import {
  type EditionActor,
  Refusal,
  SECTIONS,
  SECTION_LABELS,
  type Section,
  change,
  diffContent,
  emptyContent,
  historyEntry,
  isStale,
  reviewComment,
  saveSectionInput,
  sectionComments,
  versionNumber,
  workingStatus,
  workspaceDraft,
  workspaceOverview,
} from '@pledgekeeper/domain/workspace';
import { councilPage } from '@pledgekeeper/domain/council';
import { checkCouncilContent } from '@pledgekeeper/domain/rules';
import { pageOf } from '../page-of.js';
import { memberProcedure, publisherProcedure, router } from '../trpc.js';

const actorOf = (ctx: { user: { id: string; email: string }; role: EditionActor['role'] }): EditionActor => ({
  id: ctx.user.id,
  email: ctx.user.email,
  role: ctx.role,
});
const revisionNumbers = (revisions: Record<Section, { revision: number }>) =>
  Object.fromEntries(SECTIONS.map((s) => [s, revisions[s].revision])) as Record<Section, number>;

/** A council's drafts, review, publication and history. Every procedure is for its members only. */
export const workspaceRouter = router({
  overview: memberProcedure.output(workspaceOverview).query(async ({ ctx }) => {
    const { workspace, council } = ctx.council;
    const [working, published] = await Promise.all([workspace.working(), workspace.newestPublished()]);
    const content = working?.content ?? (published ? (await workspace.edition(published.version))?.content : null) ?? null;
    return {
      council,
      role: ctx.role,
      working: working
        ? {
            version: working.version,
            status: working.status,
            reviewComment: working.reviewComment,
            sectionComments: working.sectionComments,
            updatedAt: working.updatedAt,
          }
        : null,
      published: published ? { version: published.version, publishedAt: published.publishedAt, reviewedAt: published.reviewedAt } : null,
      stale: isStale(published ? (published.reviewedAt ?? published.publishedAt) : null, ctx.now()),
      findings: content ? checkCouncilContent({ council, ...content }) : [],
    };
  }),

  /** The content an editor works on: the working edition, or else the published page, or else an empty page. */
  draft: memberProcedure.output(workspaceDraft).query(async ({ ctx }) => {
    const { workspace } = ctx.council;
    const working = await workspace.working();
    if (working) {
      return { version: working.version, status: working.status, content: working.content, revisions: revisionNumbers(working.revisions) };
    }
    const zero = Object.fromEntries(SECTIONS.map((s) => [s, 0])) as Record<Section, number>;
    const published = await workspace.newestPublished();
    const edition = published ? await workspace.edition(published.version) : null;
    if (edition) return { version: edition.version, status: 'published' as const, content: edition.content, revisions: zero };
    return { version: 0, status: 'draft' as const, content: emptyContent(), revisions: zero };
  }),

  /**
   * The council's page as publishing the draft would make it, in the public page's own shape, for
   * the preview: the working edition, or else the published page. Never for anyone outside the council.
   */
  preview: memberProcedure.output(councilPage).query(async ({ ctx }) => {
    const { workspace, council } = ctx.council;
    const working = await workspace.working();
    const published = working ? null : await workspace.newestPublished();
    const edition = working ?? (published ? await workspace.edition(published.version) : null);
    if (!edition) throw new Refusal('NOT_FOUND', `${council.name} has nothing to preview yet: save a section first`);
    const status = working ? working.status : ('published' as const);
    return pageOf(council, edition.content, { version: edition.version, status, publishedAt: null });
  }),

  saveSection: memberProcedure
    .input(saveSectionInput)
    .output(z.object({ version: z.number().int(), revision: z.number().int() }))
    .mutation(async ({ ctx, input }) => {
      // A logo is chosen by the id its upload gave; one this council never uploaded is not there.
      const logo = input.section === 'branding' ? input.content.brandLogo : null;
      if (logo && (await ctx.council.logo(logo.id))?.type !== logo.type) {
        throw new Refusal('BAD_REQUEST', 'That logo is not one of this council’s uploads: choose the file again');
      }
      return ctx.council.workspace.saveSection(input, actorOf(ctx), ctx.now());
    }),

  submitForReview: memberProcedure.output(z.object({ version: z.number().int(), status: workingStatus })).mutation(async ({ ctx }) => {
    const at = ctx.now();
    const done = await ctx.council.workspace.submitForReview(actorOf(ctx), at);
    ctx.notify.reviewRequested({ council: ctx.council.council.slug, part: 'page', version: done.version, by: ctx.user, at });
    return done;
  }),

  sendBack: publisherProcedure
    .input(z.object({ comment: reviewComment, sections: sectionComments }))
    .output(z.object({ version: z.number().int(), status: workingStatus }))
    .mutation(async ({ ctx, input }) => {
      const done = await ctx.council.workspace.sendBack(input.comment, actorOf(ctx), ctx.now(), input.sections);
      const council = ctx.council.council.slug;
      // The comments on single sections go in the email too, each after the section it is about.
      const onSections = SECTIONS.flatMap((section) =>
        input.sections[section] ? [`On the ${SECTION_LABELS[section]}: ${input.sections[section]}`] : [],
      );
      const comment = [input.comment, ...onSections].join('\n\n');
      ctx.notify.sentBack({ council, part: 'page', version: done.version, by: ctx.user, comment });
      return done;
    }),

  publish: publisherProcedure.output(z.object({ version: z.number().int(), publishedAt: z.string() })).mutation(async ({ ctx }) => {
    const done = await ctx.council.workspace.publish(actorOf(ctx), ctx.now());
    ctx.notify.published({ council: ctx.council.council.slug, part: 'page', version: done.version, by: ctx.user });
    return done;
  }),

  discardDraft: memberProcedure
    .output(z.object({ discarded: z.number().int() }))
    .mutation(({ ctx }) => ctx.council.workspace.discardDraft(actorOf(ctx), ctx.now())),

  markReviewed: publisherProcedure
    .output(z.object({ version: z.number().int(), reviewedAt: z.string() }))
    .mutation(({ ctx }) => ctx.council.workspace.markReviewed(actorOf(ctx), ctx.now())),

  history: memberProcedure.output(z.array(historyEntry)).query(({ ctx }) => ctx.council.workspace.history()),

  diff: memberProcedure
    .input(z.object({ from: versionNumber, to: versionNumber }))
    .output(z.array(change))
    .query(async ({ ctx, input }) => {
      const [from, to] = await Promise.all([ctx.council.workspace.edition(input.from), ctx.council.workspace.edition(input.to)]);
      const missing = !from ? input.from : !to ? input.to : null;
      if (missing !== null || !from || !to) {
        throw new Refusal('NOT_FOUND', `There is no version ${missing} of this page`);
      }
      return diffContent(from.content, to.content);
    }),

  restore: memberProcedure
    .input(z.object({ version: versionNumber }))
    .output(z.object({ version: z.number().int() }))
    .mutation(({ ctx, input }) => ctx.council.workspace.restore(input.version, actorOf(ctx), ctx.now())),
});
