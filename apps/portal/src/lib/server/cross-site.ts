/**
 * Forms accepted only from the portal's own pages: SvelteKit's rule against cross-site request
 * forgery, made here so that a refused form gets the portal's own page rather than SvelteKit's
 * plain-text answer. The rule is SvelteKit's: a form's kind of body, sent by a method that changes
 * things, from an origin that is neither the portal's nor one it was told to trust.
 */
const FORM_TYPES = new Set(['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain']);
const CHANGING_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function isCrossSiteForm(request: Request, url: URL, trustedOrigins: readonly string[]): boolean {
  const type = request.headers.get('content-type')?.split(';', 1)[0]?.trim().toLowerCase() ?? '';
  if (!FORM_TYPES.has(type) || !CHANGING_METHODS.has(request.method)) return false;
  const origin = request.headers.get('origin');
  return origin !== url.origin && (origin === null || !trustedOrigins.includes(origin));
}

/** Where the portal's page for a refused form is: a route of its own, rendered for the refused request. */
export const FORM_REFUSED_PATH = '/form-refused';

export const FORM_REFUSED_MESSAGE = 'This form was sent from another website, or from an address of this one we do not know.';
