import { loadMatrix } from '$lib/compare/load.server';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url, locals }) => loadMatrix(locals.api, url.searchParams);
