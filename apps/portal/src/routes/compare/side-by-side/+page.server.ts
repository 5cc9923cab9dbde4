import { loadSideBySide } from '$lib/compare/load.server';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url, locals }) => loadSideBySide(locals.api, url.searchParams);
