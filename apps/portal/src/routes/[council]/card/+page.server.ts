import { loadCouncilPage } from '$lib/server/council-page';
import type { PageServerLoad } from './$types';

// The card is printed, so it names the page by its full address: the portal's public ORIGIN,
// which adapter-node gives every request's URL.
export const load: PageServerLoad = async ({ params, locals, url }) => ({
  ...(await loadCouncilPage(locals.api, params.council)),
  address: `${url.origin}/${params.council}`,
});
