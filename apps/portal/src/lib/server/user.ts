import { redirect } from '@sveltejs/kit';
import type { CurrentUser } from '@pledgekeeper/domain/workspace';
import { loadFailed } from './failures';
import { signInPath } from './session';

/** Who is signed in; anyone else is sent to sign in and brought back here. */
export async function requireUser(locals: App.Locals, url: URL): Promise<CurrentUser> {
  if (!locals.sessionToken) redirect(303, signInPath(url));
  let user: CurrentUser | null;
  try {
    user = await locals.api.auth.me.query();
  } catch (cause) {
    loadFailed(cause, url);
  }
  if (!user) redirect(303, signInPath(url));
  return user;
}
