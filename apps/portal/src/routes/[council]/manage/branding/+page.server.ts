import { checkBrandColour, hexColour } from '@pledgekeeper/domain/rules';
import { fail } from '@sveltejs/kit';
import { apiErrorCode, apiZodError } from '$lib/server/api';
import { actionFailed, loadFailed, onlyApiFailures } from '$lib/server/failures';
import { keptForForms } from '$lib/server/kept-for-forms';
import { errorsFromApi, topLevel } from '$lib/form-errors';
import type { Actions, PageServerLoad } from './$types';

export const load = keptForForms('branding', (async ({ locals, params, url }) => {
  try {
    return { branding: await locals.api.branding.get.query({ council: params.council }) };
  } catch (cause) {
    loadFailed(cause, url);
  }
}) satisfies PageServerLoad);

const placeOnFields = topLevel(['brandColour', 'brandName']);

export const actions = {
  save: async ({ request, locals, params, url }) => {
    const data = await request.formData();
    const values = { colour: String(data.get('brandColour') ?? '').trim(), name: String(data.get('brandName') ?? '').trim() };
    try {
      await locals.api.branding.save.mutate({
        council: params.council,
        brandColour: values.colour || null,
        brandName: values.name || null,
      });
      return { saved: true as const };
    } catch (cause) {
      onlyApiFailures(cause);
      if (apiErrorCode(cause) !== 'BAD_REQUEST') return actionFailed(cause, url, { values });
      // A colour that fails the contrast check comes back with one that passes, ready to use.
      const typed = hexColour.safeParse(values.colour);
      const suggestion = typed.success ? checkBrandColour(typed.data).suggestion : null;
      return fail(400, {
        values,
        errors: errorsFromApi(apiZodError(cause), placeOnFields),
        suggestion: suggestion === typed.data ? null : suggestion,
      });
    }
  },
} satisfies Actions;
