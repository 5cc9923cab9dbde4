import { error, fail, redirect } from '@sveltejs/kit';
import { isTRPCClientError } from '@trpc/client';
import { apiErrorCode, apiMessage, apiUnavailable } from './api';
import { signInPath } from './session';

export const FORBIDDEN_MESSAGE = 'You do not have permission to see or change this. Ask a publisher of the council for a role.';
const UNAVAILABLE = 'The workspace is not available right now. Please try again in a few minutes.';

/**
 * Only the API's failures are ours to translate. SvelteKit's own answers (`error()`, `redirect()`)
 * and our own mistakes pass through unchanged: a 404 thrown in a `try` must stay a 404.
 */
export function onlyApiFailures(cause: unknown): void {
  if (!isTRPCClientError(cause)) throw cause;
}

/** A workspace page that failed to load: sign in, 403, 404 or an apology. Never returns. */
export function loadFailed(cause: unknown, url: URL): never {
  onlyApiFailures(cause);
  const code = apiErrorCode(cause);
  if (code === 'UNAUTHORIZED') redirect(303, signInPath(url));
  if (code === 'FORBIDDEN') error(403, FORBIDDEN_MESSAGE);
  if (code === 'NOT_FOUND' || code === 'BAD_REQUEST') error(404, 'We could not find this page.');
  error(apiUnavailable(cause) ? 503 : 502, UNAVAILABLE);
}

/**
 * A workspace action the API refused. Refusals of who you are end the request (sign in, 403, 404);
 * refusals of what was asked come back to the form with the API's own message.
 */
export function actionFailed<Extra extends Record<string, unknown>>(cause: unknown, url: URL, extra: Extra) {
  onlyApiFailures(cause);
  const code = apiErrorCode(cause);
  if (code === 'UNAUTHORIZED') redirect(303, signInPath(url));
  if (code === 'FORBIDDEN') error(403, FORBIDDEN_MESSAGE);
  const message = apiMessage(cause);
  if (code === 'BAD_REQUEST' || code === 'CONFLICT' || code === 'TOO_MANY_REQUESTS' || code === 'NOT_FOUND') {
    const status = { BAD_REQUEST: 400, CONFLICT: 409, TOO_MANY_REQUESTS: 429, NOT_FOUND: 404 }[code];
    return fail(status, { ...extra, message: message ?? UNAVAILABLE });
  }
  return fail(503, { ...extra, message: UNAVAILABLE });
}
