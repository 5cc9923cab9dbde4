import { deployment } from './env';
import { transportHeaders } from './deployment';

// Not 'no-referrer': under it browsers send `Origin: null` with form posts, and SvelteKit's
// CSRF check then refuses the feedback form. 'same-origin' still tells other sites nothing.
/** Sent with every answer the portal gives, from a route or from its store of public pages. */
export const SECURITY_HEADERS: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
  ...transportHeaders(deployment),
};
