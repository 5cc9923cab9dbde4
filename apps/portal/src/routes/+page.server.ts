import { error } from '@sveltejs/kit';
import { pageFailure } from '$lib/server/api';
import { onlyApiFailures } from '$lib/server/failures';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
  try {
    return { councils: await locals.api.council.list.query() };
  } catch (cause) {
    onlyApiFailures(cause);
    const failure = pageFailure(cause);
    // An empty list is not "not found": anything failing here is the API's problem.
    error(failure.status === 404 ? 502 : failure.status, failure.message);
  }
};
