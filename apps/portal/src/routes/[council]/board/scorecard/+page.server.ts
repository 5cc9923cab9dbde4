import { loadBoard } from '$lib/board/load.server';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params, locals }) => loadBoard(locals.api, params.council);
