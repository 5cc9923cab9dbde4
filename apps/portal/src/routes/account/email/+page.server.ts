import { actionFailed, loadFailed } from '$lib/server/failures';
import { keptForForms } from '$lib/server/kept-for-forms';
import { requireUser } from '$lib/server/user';
import type { Actions, PageServerLoad } from './$types';

type EmailKinds = Parameters<App.Locals['api']['account']['setEmailPreferences']['mutate']>[0]['on'];

// A signed-in person's own email settings: the API knows whose they are from the session alone.
export const load = keptForForms('account-email', (async ({ locals, url }) => {
  const user = await requireUser(locals, url);
  try {
    return { user, preferences: await locals.api.account.emailPreferences.query() };
  } catch (cause) {
    loadFailed(cause, url);
  }
}) satisfies PageServerLoad);

export const actions = {
  // An unticked box sends nothing: what arrives is the list of kinds still wanted. The API knows
  // the kinds and refuses any other, so a new kind needs no change here.
  save: async ({ request, locals, url }) => {
    const on = (await request.formData()).getAll('on').map(String) as EmailKinds;
    try {
      await locals.api.account.setEmailPreferences.mutate({ on });
      return { saved: true as const };
    } catch (cause) {
      return actionFailed(cause, url, {});
    }
  },
} satisfies Actions;
