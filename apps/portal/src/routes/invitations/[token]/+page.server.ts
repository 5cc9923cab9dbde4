import { error, fail, redirect } from '@sveltejs/kit';
import { apiErrorCode, apiMessage, apiUnavailable, createApi } from '$lib/server/api';
import { onlyApiFailures } from '$lib/server/failures';
import { keptForForms } from '$lib/server/kept-for-forms';
import { setSessionCookie } from '$lib/server/session';
import type { Actions, PageServerLoad } from './$types';

const NOT_VALID = 'This invitation link is not valid. It may have expired or been used already.';

export const load = keptForForms(
  'invitation',
  (async ({ locals, params }) => {
    try {
      return { invitation: await locals.api.auth.invitation.query({ token: params.token }) };
    } catch (cause) {
      onlyApiFailures(cause);
      const code = apiErrorCode(cause);
      if (code === 'NOT_FOUND' || code === 'BAD_REQUEST') error(404, NOT_VALID);
      error(apiUnavailable(cause) ? 503 : 502, 'Invitations cannot be opened right now. Please try again in a few minutes.');
    }
  }) satisfies PageServerLoad,
  (event) => event.params.token,
);

/**
 * Where someone who has just joined a council starts: a council with nothing published and no
 * draft starts with its statement, the first section; any other council, its workspace.
 */
async function startingPage(council: string, sessionToken: string, client: string): Promise<string> {
  try {
    const overview = await createApi({ sessionToken, client }).workspace.overview.query({ council });
    if (!overview.published && !overview.working) return `/${council}/manage/statement?start`;
  } catch (cause) {
    onlyApiFailures(cause);
  }
  return `/${council}/manage`;
}

export const actions = {
  accept: async ({ request, locals, params, cookies, url, getClientAddress }) => {
    const data = await request.formData();
    const displayName = String(data.get('displayName') ?? '').trim();
    const password = String(data.get('password') ?? '');
    const confirmation = String(data.get('confirmation') ?? '');
    const existing = data.get('existing') === 'yes';
    const errors: Record<string, string> = {};
    if (!existing && !displayName) errors.displayName = 'Enter your name';
    if (!password) errors[existing ? 'currentPassword' : 'password'] = existing ? 'Enter your current password' : 'Enter a password';
    if (!existing && password !== confirmation) errors.confirmation = 'The two passwords do not match';
    if (Object.keys(errors).length > 0) return fail(400, { displayName, errors });
    let target: string;
    let sessionToken: string;
    try {
      const session = await locals.api.auth.acceptInvitation.mutate({
        token: params.token,
        // An existing account keeps its name; the API needs one all the same.
        displayName: displayName || 'Existing account',
        password,
      });
      setSessionCookie(cookies, url, session.token, session.expiresAt);
      sessionToken = session.token;
      const joined = session.user.memberships[0]?.council;
      target = joined ? `/${joined}/manage` : '/';
      const invited = data.get('council');
      if (session.user.memberships.some((membership) => membership.council === invited)) target = `/${invited}/manage`;
    } catch (cause) {
      onlyApiFailures(cause);
      const code = apiErrorCode(cause);
      if (code === 'NOT_FOUND') error(404, NOT_VALID);
      if (code === 'BAD_REQUEST' || code === 'UNAUTHORIZED' || code === 'TOO_MANY_REQUESTS' || code === 'CONFLICT') {
        return fail(400, { displayName, errors: { form: apiMessage(cause) ?? 'Check what you entered and try again.' } });
      }
      return fail(503, {
        displayName,
        errors: { form: 'We could not accept the invitation just now. Please try again in a few minutes.' },
      });
    }
    if (target !== '/') target = await startingPage(target.split('/')[1]!, sessionToken, getClientAddress());
    redirect(303, target);
  },
} satisfies Actions;
