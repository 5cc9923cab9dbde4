import { fail } from '@sveltejs/kit';
import { apiErrorCode, apiMessage } from '$lib/server/api';
import { actionFailed, loadFailed, onlyApiFailures } from '$lib/server/failures';
import { keptForForms } from '$lib/server/kept-for-forms';
import type { Actions, PageServerLoad } from './$types';

export const load = keptForForms('wording', (async ({ locals, params, url }) => {
  try {
    return { review: await locals.api.wording.review.query({ council: params.council }) };
  } catch (cause) {
    loadFailed(cause, url);
  }
}) satisfies PageServerLoad);

export const actions = {
  /** One click: the published version the publisher was shown, confirmed as the council's own words. */
  confirm: async ({ request, locals, params, url }) => {
    const typed = String((await request.formData()).get('version') ?? '');
    const version = /^\d{1,6}$/.test(typed) ? Number(typed) : 0;
    try {
      return { confirmed: await locals.api.wording.confirm.mutate({ council: params.council, version }) };
    } catch (cause) {
      onlyApiFailures(cause);
      // An editor of this council is told on the page who may do this; anyone else gets the 403 page.
      const message = apiMessage(cause);
      if (apiErrorCode(cause) === 'FORBIDDEN' && message?.startsWith('Only a publisher')) {
        return fail(403, { message: `${message}. Ask a publisher to confirm the suggested wording.` });
      }
      return actionFailed(cause, url, {});
    }
  },
} satisfies Actions;
