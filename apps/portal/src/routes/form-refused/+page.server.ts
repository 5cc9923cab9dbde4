import { error } from '@sveltejs/kit';
import { FORM_REFUSED_MESSAGE } from '$lib/server/cross-site';
import type { PageServerLoad } from './$types';

// Only ever an error: hooks.server.ts renders this for a form it refused, with the refused
// address still in the reader's address bar.
export const load: PageServerLoad = () => error(403, FORM_REFUSED_MESSAGE);
