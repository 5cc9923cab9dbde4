import { brandOf } from '$lib/brand';
import { loadFailed } from '$lib/server/failures';
import { requireUser } from '$lib/server/user';
import { keptForForms } from '$lib/server/kept-for-forms';
import type { LayoutServerLoad } from './$types';

// Every workspace page needs a signed-in member of this council; the API decides who that is.
export const load = keptForForms('layout', (async ({ locals, params, url }) => {
  const user = await requireUser(locals, url);
  try {
    const overview = await locals.api.workspace.overview.query({ council: params.council });
    return { user, overview, brand: brandOf(overview.council) };
  } catch (cause) {
    loadFailed(cause, url);
  }
}) satisfies LayoutServerLoad);
