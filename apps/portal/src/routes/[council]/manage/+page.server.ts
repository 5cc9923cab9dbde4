import { fail } from '@sveltejs/kit';
import { SECTIONS } from '@pledgekeeper/domain/workspace';
import { actionFailed, loadFailed } from '$lib/server/failures';
import type { Actions, PageServerLoad } from './$types';

/**
 * What publishing would change, for the people deciding: the draft against the published page,
 * and who started the draft. Null changes where nothing is published yet: all of it is new.
 */
export const load: PageServerLoad = async ({ locals, params, parent, url }) => {
  const { overview } = await parent();
  const working = overview.working;
  if (!working) return { review: null };
  try {
    const [history, changes] = await Promise.all([
      locals.api.workspace.history.query({ council: params.council }),
      overview.published
        ? locals.api.workspace.diff.query({ council: params.council, from: overview.published.version, to: working.version })
        : null,
    ]);
    const entry = history.find((candidate) => candidate.version === working.version);
    return { review: { version: working.version, startedBy: entry?.createdBy ?? null, changes } };
  } catch (cause) {
    loadFailed(cause, url);
  }
};

/** Publishing and discarding each need a box ticked: the changes shown above them were checked. */
const CONFIRM: Partial<Record<Step, string>> = {
  publish: 'Tick the box to confirm you have checked the changes before publishing',
  discardDraft: 'Tick the box to confirm you want to throw away this draft',
};

type Step = 'submitForReview' | 'publish' | 'discardDraft' | 'markReviewed';
const DONE: Record<Step, string> = {
  submitForReview: 'The draft was sent for review. A publisher can now publish it or send it back.',
  publish: 'Published. The public page shows the new version now.',
  discardDraft: 'The draft was discarded. The published version is unchanged.',
  markReviewed: 'Marked as reviewed today.',
};

const step = (name: Step) =>
  (async ({ locals, params, url, request }) => {
    const confirm = CONFIRM[name];
    if (confirm && (await request.formData()).get('confirm') !== 'yes') {
      return fail(400, { step: name, errors: { [`confirm-${name}`]: confirm } });
    }
    try {
      await locals.api.workspace[name].mutate({ council: params.council });
      return { done: DONE[name] };
    } catch (cause) {
      return actionFailed(cause, url, { step: name });
    }
  }) satisfies Actions[string];

export const actions = {
  submitForReview: step('submitForReview'),
  publish: step('publish'),
  discardDraft: step('discardDraft'),
  markReviewed: step('markReviewed'),
  sendBack: async ({ request, locals, params, url }) => {
    const data = await request.formData();
    const comment = String(data.get('comment') ?? '').trim();
    // A comment on each section that needs one, as well as on the whole.
    const sections = Object.fromEntries(
      SECTIONS.map((section) => [section, String(data.get(`section-${section}`) ?? '').trim()]).filter(([, text]) => text !== ''),
    );
    if (!comment) return fail(400, { step: 'sendBack', message: 'Write a comment saying what needs to change', comment, sections });
    try {
      await locals.api.workspace.sendBack.mutate({ council: params.council, comment, sections });
      return { done: 'The draft was sent back to its editors with your comment.' };
    } catch (cause) {
      return actionFailed(cause, url, { step: 'sendBack', comment, sections });
    }
  },
} satisfies Actions;
