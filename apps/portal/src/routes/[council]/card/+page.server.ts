import { loadCouncilPage } from '$lib/server/council-page';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params, locals }) => loadCouncilPage(locals.api, params.council);
