import { FEEDBACK_STATUSES, markFeedbackInput, safeguardingContact, type FeedbackStatus } from '@pledgekeeper/domain/feedback';
import { fail } from '@sveltejs/kit';
import { progressEntries } from '@pledgekeeper/domain/progress';
import { actionFailed, loadFailed, onlyApiFailures } from '$lib/server/failures';
import { keptForForms } from '$lib/server/kept-for-forms';
import type { Actions, PageServerLoad } from './$types';

const isStatus = (value: unknown): value is FeedbackStatus => FEEDBACK_STATUSES.includes(value as FeedbackStatus);

// Everyone with a role in the council sees its feedback; nobody else does (the API decides).
export const load = keptForForms('feedback', (async ({ locals, params, url }) => {
  const shown = url.searchParams.get('status');
  try {
    const [overview, published] = await Promise.all([
      locals.api.feedback.overview.query({ council: params.council }),
      // For naming what a message is about ("Pledge 3"); the list shows without it.
      locals.api.council.page.query({ council: params.council }).catch((cause: unknown) => {
        onlyApiFailures(cause);
        return null;
      }),
    ]);
    const aboutLabels = Object.fromEntries(progressEntries(published?.pledge ?? null).map((entry) => [entry.target, entry.label]));
    return { ...overview, aboutLabels, shown: isStatus(shown) ? shown : null };
  } catch (cause) {
    loadFailed(cause, url);
  }
}) satisfies PageServerLoad);

export const actions = {
  /** Who to tell when a message suggests a child may be at risk: given once before messages can be read. */
  safeguarding: async ({ request, locals, params, url }) => {
    const raw = String((await request.formData()).get('contact') ?? '');
    const contact = safeguardingContact.safeParse(raw);
    if (!contact.success) {
      return fail(400, { contact: raw, errors: { contact: contact.error.issues[0]?.message ?? 'Check the contact and try again' } });
    }
    try {
      await locals.api.feedback.setSafeguardingContact.mutate({ council: params.council, contact: contact.data });
      return { safeguardingSaved: true as const };
    } catch (cause) {
      return actionFailed(cause, url, { contact: raw });
    }
  },
  mark: async ({ request, locals, params, url }) => {
    const data = await request.formData();
    const id = String(data.get('id') ?? '');
    // Read through the API's own schema; only a tampered form fails it.
    const input = markFeedbackInput.safeParse({ council: params.council, id, status: data.get('status') });
    if (!input.success) return fail(400, { id, message: input.error.issues[0]?.message ?? 'Check the form and try again.' });
    try {
      await locals.api.feedback.mark.mutate(input.data);
      return { marked: { id, status: input.data.status } };
    } catch (cause) {
      return actionFailed(cause, url, { id });
    }
  },
} satisfies Actions;
