import { fail } from '@sveltejs/kit';
import { actionFailed } from '$lib/server/failures';
import type { Actions } from './$types';

type Step = 'submitForReview' | 'publish' | 'discardDraft' | 'markReviewed';
const DONE: Record<Step, string> = {
  submitForReview: 'The draft was sent for review. A publisher can now publish it or send it back.',
  publish: 'Published. The public page shows the new version now.',
  discardDraft: 'The draft was discarded. The published version is unchanged.',
  markReviewed: 'Marked as reviewed today.',
};

const step = (name: Step) =>
  (async ({ locals, params, url }) => {
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
    const comment = String((await request.formData()).get('comment') ?? '').trim();
    if (!comment) return fail(400, { step: 'sendBack', message: 'Write a comment saying what needs to change', comment });
    try {
      await locals.api.workspace.sendBack.mutate({ council: params.council, comment });
      return { done: 'The draft was sent back to its editors with your comment.' };
    } catch (cause) {
      return actionFailed(cause, url, { step: 'sendBack', comment });
    }
  },
} satisfies Actions;
