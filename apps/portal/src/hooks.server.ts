import type { Handle, HandleServerError } from '@sveltejs/kit';
// Read at start-up, so a bad PORT or API_URL stops the server at once, not on a first request.
import '$lib/server/env';
import { createApi } from '$lib/server/api';
import { SESSION_COOKIE, isPrivatePath } from '$lib/server/session';

// Not 'no-referrer': under it browsers send `Origin: null` with form posts, and SvelteKit's
// CSRF check then refuses the feedback form. 'same-origin' still tells other sites nothing.
const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
} as const;

export const handle: Handle = async ({ event, resolve }) => {
  const token = event.cookies.get(SESSION_COOKIE);
  event.locals.sessionToken = token && token.length <= 512 ? token : null;
  event.locals.api = createApi({ sessionToken: event.locals.sessionToken, client: event.getClientAddress() });
  const response = await resolve(event);
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
    response.headers.set(name, value);
  }
  if (isPrivatePath(event.url.pathname)) {
    response.headers.set('X-Robots-Tag', 'noindex');
    response.headers.set('Cache-Control', 'private, no-store');
  }
  return compressed(event.request, response);
};

/**
 * Rendered pages gzipped for readers on little data: a council page falls to about a quarter.
 * Static files are compressed at build time already; only HTML is done here.
 */
function compressed(request: Request, response: Response): Response {
  const acceptsGzip = /\bgzip\b/.test(request.headers.get('accept-encoding') ?? '');
  const html = response.headers.get('content-type')?.startsWith('text/html') ?? false;
  if (!acceptsGzip || !html || !response.body || response.headers.has('content-encoding')) return response;
  const headers = new Headers(response.headers);
  headers.set('Content-Encoding', 'gzip');
  headers.append('Vary', 'Accept-Encoding');
  headers.delete('Content-Length');
  return new Response(response.body.pipeThrough(new CompressionStream('gzip')), { status: response.status, statusText: response.statusText, headers });
}

// Readers see a plain apology; the detail goes to the log only.
export const handleError: HandleServerError = ({ error, event, status, message }) => {
  if (status !== 404) console.error(`${event.request.method} ${event.url.pathname}:`, error);
  return { message: status === 404 ? message : 'Something went wrong on our side. Please try again later.' };
};
