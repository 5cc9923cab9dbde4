import { error, fail } from '@sveltejs/kit';
import { feedbackInput } from '@pledgekeeper/domain';
import { errorsFromFlattened, errorsFromIssues, readFeedbackForm } from '$lib/feedback-form';
import { apiErrorCode, apiZodError, pageFailure } from '$lib/server/api';
import type { Actions, PageServerLoad } from './$types';

const NOT_FOUND = 'We could not find a council at this address.';
const NOT_SENT = 'We could not send your feedback just now. Please try again in a few minutes.';

export const load: PageServerLoad = async ({ params, locals }) => {
  try {
    return { page: await locals.api.council.page.query({ council: params.council }) };
  } catch (cause) {
    const failure = pageFailure(cause);
    error(failure.status, failure.message);
  }
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
      const code = apiErrorCode(cause);
      if (code === 'NOT_FOUND') error(404, NOT_FOUND);
      if (code === 'BAD_REQUEST') {
        const errors = errorsFromFlattened(apiZodError(cause));
        return fail(400, { values, errors: Object.keys(errors).length > 0 ? errors : { form: NOT_SENT } });
      }
      return fail(503, { values, errors: { form: NOT_SENT } });
    }
    return { sent: true as const };
  },
} satisfies Actions;
