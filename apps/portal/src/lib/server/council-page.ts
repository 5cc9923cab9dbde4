import { error } from '@sveltejs/kit';
import { brandOf } from '$lib/brand';
import { type Api, pageFailure } from './api';

/** A council's published page and its brand, for its public routes; a 404 or apology otherwise. */
export async function loadCouncilPage(api: Api, council: string) {
  try {
    const page = await api.council.page.query({ council });
    return { page, brand: brandOf(page.council) };
  } catch (cause) {
    const failure = pageFailure(cause);
    error(failure.status, failure.message);
  }
}
