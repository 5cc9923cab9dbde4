import { brandOf } from '$lib/brand';
import { loadFailed } from '$lib/server/failures';
import { requireUser } from '$lib/server/user';
import type { PageServerLoad } from './$types';

// The draft as the public would see it: for the council's own people (the API decides who).
// It has the public page's layout, not the workspace's, so it looks as it will.
export const load: PageServerLoad = async ({ locals, params, url }) => {
  await requireUser(locals, url);
  try {
    const page = await locals.api.workspace.preview.query({ council: params.council });
    return { page, brand: brandOf(page.council, true), address: `${url.origin}/${params.council}` };
  } catch (cause) {
    loadFailed(cause, url);
  }
};
