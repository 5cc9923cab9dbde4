import { fail, redirect } from '@sveltejs/kit';
import { apiErrorCode, apiMessage } from '$lib/server/api';
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
    try {
      const session = await locals.api.auth.signIn.mutate({ email, password });
      setSessionCookie(cookies, url, session.token, session.expiresAt);
      redirect(303, next || homeOf(session.user));
    } catch (cause) {
      const code = apiErrorCode(cause);
      if (code === 'UNAUTHORIZED' || code === 'BAD_REQUEST') return fail(400, { email, errors: { form: NOT_RIGHT } as SignInErrors });
      if (code === 'TOO_MANY_REQUESTS') return fail(429, { email, errors: { form: apiMessage(cause) ?? NOT_RIGHT } as SignInErrors });
      if (code !== null) return fail(502, { email, errors: { form: UNAVAILABLE } as SignInErrors });
      throw cause;
    }
  },
} satisfies Actions;
