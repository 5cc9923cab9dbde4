import { fail, redirect } from '@sveltejs/kit';
import { apiErrorCode, apiMessage, apiUnavailable } from '$lib/server/api';
import { onlyApiFailures } from '$lib/server/failures';
import { safeNext, setSessionCookie } from '$lib/server/session';
import { homeOf, NOT_RIGHT } from '$lib/server/sign-in';
import type { Actions, PageServerLoad } from './$types';

type SignInErrors = { email?: string; password?: string; form?: string };

const UNAVAILABLE = 'Signing in is not available right now. Please try again in a few minutes.';

export const load: PageServerLoad = ({ url }) => ({
  next: safeNext(url.searchParams.get('next'), ''),
  signedOut: url.searchParams.has('signedOut'),
});

export const actions = {
  signIn: async ({ request, locals, cookies, url }) => {
    const data = await request.formData();
    const email = String(data.get('email') ?? '').trim();
    const password = String(data.get('password') ?? '');
    const next = safeNext(String(data.get('next') ?? ''), '');
    const errors: SignInErrors = {};
    if (!email) errors.email = 'Enter your email address';
    if (!password) errors.password = 'Enter your password';
    if (errors.email || errors.password) return fail(400, { email, errors });
    let target: string;
    try {
      const session = await locals.api.auth.signIn.mutate({ email, password });
      setSessionCookie(cookies, url, session.token, session.expiresAt);
      target = next || homeOf(session.user);
    } catch (cause) {
      onlyApiFailures(cause);
      const code = apiErrorCode(cause);
      if (code === 'UNAUTHORIZED' || code === 'BAD_REQUEST') return fail(400, { email, errors: { form: NOT_RIGHT } as SignInErrors });
      if (code === 'TOO_MANY_REQUESTS') return fail(429, { email, errors: { form: apiMessage(cause) ?? NOT_RIGHT } as SignInErrors });
      // No answer, or an answer we cannot use: the form comes back with the email kept, never a 500.
      return fail(apiUnavailable(cause) ? 503 : 502, { email, errors: { form: UNAVAILABLE } as SignInErrors });
    }
    redirect(303, target);
  },
} satisfies Actions;
