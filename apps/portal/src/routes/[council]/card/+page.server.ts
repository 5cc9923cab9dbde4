import { error } from '@sveltejs/kit';
import { brandOf } from '$lib/brand';
import { pageFailure } from '$lib/server/api';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals }) => {
  try {
    const page = await locals.api.council.page.query({ council: params.council });
    return { page, brand: brandOf(page.council) };
  } catch (cause) {
    const failure = pageFailure(cause);
    error(failure.status, failure.message);
  }
};
