import { FEEDBACK_STATUSES, type FeedbackStatus } from '@pledgekeeper/domain';
import { actionFailed, loadFailed } from '$lib/server/failures';
import { keptForForms } from '$lib/server/kept-for-forms';
import type { Actions, PageServerLoad } from './$types';

const isStatus = (value: unknown): value is FeedbackStatus => FEEDBACK_STATUSES.includes(value as FeedbackStatus);

// Everyone with a role in the council sees its feedback; nobody else does (the API decides).
export const load = keptForForms('feedback', (async ({ locals, params, url }) => {
  const shown = url.searchParams.get('status');
  try {
    const overview = await locals.api.feedback.overview.query({ council: params.council });
    return { ...overview, shown: isStatus(shown) ? shown : null };
  } catch (cause) {
    loadFailed(cause, url);
  }
}) satisfies PageServerLoad);

export const actions = {
  mark: async ({ request, locals, params, url }) => {
    const data = await request.formData();
    const id = String(data.get('id') ?? '');
    const status = String(data.get('status') ?? '');
    try {
      await locals.api.feedback.mark.mutate({ council: params.council, id, status: status as FeedbackStatus });
      return { marked: { id, status } };
    } catch (cause) {
      return actionFailed(cause, url, { id });
    }
  },
} satisfies Actions;
