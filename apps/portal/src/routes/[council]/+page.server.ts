import { error, fail } from '@sveltejs/kit';
import { feedbackInput, messageInput } from '@pledgekeeper/domain/feedback';
import type { DeliveryStatus } from '@pledgekeeper/domain/progress';
import { errorsFromFlattened, errorsFromIssues, readFeedbackForm } from '$lib/feedback-form';
import * as messageForm from '$lib/message-form';
import { apiErrorCode, apiMessage, apiZodError } from '$lib/server/api';
import { loadCouncilPage } from '$lib/server/council-page';
import { latestYouSaid, progressOrNull } from '$lib/report/sources.server';
import { onlyApiFailures } from '$lib/server/failures';
import { progressEntries, progressView } from '$lib/progress/view';
import type { Actions, PageServerLoad } from './$types';

const NOT_FOUND = 'We could not find a council at this address.';
const NOT_SENT = 'We could not send your feedback just now. Please try again in a few minutes.';
const MESSAGE_NOT_SENT = 'We could not send your message just now. Please try again in a few minutes.';

export const load: PageServerLoad = async ({ params, locals, request, url }) => {
  const [council, progress] = await Promise.all([
    loadCouncilPage(locals.api, params.council, request.method === 'POST'),
    progressOrNull(locals.api, params.council),
  ]);
  const { pledge, board } = council.page;
  const now = new Date();
  // Each promise's (or theme's) latest published status, where the council has given one: nothing is invented.
  const delivery: Record<string, { status: DeliveryStatus; staleSince: string | null }> = {};
  for (const entry of progress ? progressView(pledge, progress, board?.cadence ?? null, now) : []) {
    if (entry.status) delivery[entry.target] = { status: entry.status, staleSince: entry.staleSince };
  }
  // What a message may be about, and the one "Tell us if we're not keeping this" chose (?about=promise-3).
  const targets = progressEntries(pledge).map(({ target, kind, label, words }) => ({
    target,
    label,
    words: kind === 'promise' ? words : null,
  }));
  return {
    ...council,
    delivery,
    targets,
    startingMessage: messageForm.startingValues(url.searchParams.get('about'), targets),
    youSaid: latestYouSaid(progress, pledge),
    year: now.getUTCFullYear(),
  };
};

export const actions = {
  feedback: async ({ request, params, locals }) => {
    const values = readFeedbackForm(await request.formData());
    // Checked here with the API's own schema, so a reader's mistakes cost no round trip.
    const parsed = feedbackInput.safeParse({
      council: params.council,
      page: `/${params.council}`,
      helpful: values.helpful === null ? undefined : values.helpful === 'yes',
      comment: values.comment,
    });
    if (!parsed.success) {
      if (parsed.error.issues.some((issue) => issue.path[0] === 'council' || issue.path[0] === 'page')) {
        error(404, NOT_FOUND);
      }
      return fail(400, { values, errors: errorsFromIssues(parsed.error.issues) });
    }
    try {
      await locals.api.feedback.submit.mutate(parsed.data);
    } catch (cause) {
      onlyApiFailures(cause);
      const code = apiErrorCode(cause);
      if (code === 'NOT_FOUND') error(404, NOT_FOUND);
      if (code === 'BAD_REQUEST') {
        const errors = errorsFromFlattened(apiZodError(cause));
        return fail(400, { values, errors: Object.keys(errors).length > 0 ? errors : { form: NOT_SENT } });
      }
      if (code === 'TOO_MANY_REQUESTS') return fail(429, { values, errors: { form: apiMessage(cause) ?? NOT_SENT } });
      return fail(503, { values, errors: { form: NOT_SENT } });
    }
    return { sent: true as const };
  },

  /** "Tell us what you think": the same pattern, with its own names so the two forms never mix. */
  message: async ({ request, params, locals }) => {
    const messageValues = messageForm.readMessageForm(await request.formData());
    const parsed = messageInput.safeParse({ council: params.council, page: `/${params.council}`, ...messageValues });
    if (!parsed.success) {
      if (parsed.error.issues.some((issue) => issue.path[0] === 'council' || issue.path[0] === 'page')) {
        error(404, NOT_FOUND);
      }
      return fail(400, { messageValues, messageErrors: messageForm.errorsFromIssues(parsed.error.issues) });
    }
    try {
      await locals.api.feedback.send.mutate(parsed.data);
    } catch (cause) {
      onlyApiFailures(cause);
      const code = apiErrorCode(cause);
      if (code === 'NOT_FOUND') error(404, NOT_FOUND);
      if (code === 'BAD_REQUEST') {
        const messageErrors = messageForm.errorsFromFlattened(apiZodError(cause));
        if (Object.keys(messageErrors).length > 0) return fail(400, { messageValues, messageErrors });
        // The one refusal that is not about the words' shape: a promise that is not in the council's published pledge.
        const refused = apiMessage(cause);
        return fail(400, {
          messageValues,
          messageErrors: refused && messageValues.about !== null ? { about: refused } : { form: MESSAGE_NOT_SENT },
        });
      }
      if (code === 'TOO_MANY_REQUESTS') return fail(429, { messageValues, messageErrors: { form: apiMessage(cause) ?? MESSAGE_NOT_SENT } });
      return fail(503, { messageValues, messageErrors: { form: MESSAGE_NOT_SENT } });
    }
    return { messageSent: true as const };
  },
} satisfies Actions;
