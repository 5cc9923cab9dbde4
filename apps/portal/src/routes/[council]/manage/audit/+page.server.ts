import { error } from '@sveltejs/kit';
import { FORBIDDEN_MESSAGE, loadFailed } from '$lib/server/failures';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url, parent }) => {
  if ((await parent()).overview.role !== 'publisher') error(403, FORBIDDEN_MESSAGE);
  try {
    return { entries: await locals.api.people.audit.query({ council: params.council }) };
  } catch (cause) {
    loadFailed(cause, url);
  }
};
