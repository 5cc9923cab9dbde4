import { loadFailed } from '$lib/server/failures';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
  try {
    return { history: await locals.api.workspace.history.query({ council: params.council }) };
  } catch (cause) {
    loadFailed(cause, url);
  }
};
