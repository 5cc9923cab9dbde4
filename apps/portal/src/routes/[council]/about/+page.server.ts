import { loadCouncilPage } from '$lib/server/council-page';
import type { PageServerLoad } from './$types';

// What is for staff, partners and professionals: the council's published page, as its young people's page reads it.
export const load: PageServerLoad = async ({ params, locals }) => loadCouncilPage(locals.api, params.council);
