import { redirect } from '@sveltejs/kit';
import { clearSessionCookie } from '$lib/server/session';
import type { Actions, PageServerLoad } from './$types';

// Signing out changes state, so it is a POST; a visit by link just goes home.
export const load: PageServerLoad = () => redirect(303, '/');

export const actions = {
  default: async ({ locals, cookies, url }) => {
    if (locals.sessionToken) {
      // The cookie goes whatever the API says: an ended or unknown session is signed out already.
      await locals.api.auth.signOut.mutate().catch(() => undefined);
    }
    clearSessionCookie(cookies, url);
    redirect(303, '/sign-in?signedOut=1');
  },
} satisfies Actions;
