import type { Handle, HandleServerError, RequestEvent, ServerInit } from '@sveltejs/kit';
// Read at start-up, so a bad PORT or API_URL stops the server at once, not on a first request.
import { deployment, log } from '$lib/server/env';
import { createApi } from '$lib/server/api';
import { proxyWarning } from '$lib/server/deployment';
import { FORM_REFUSED_PATH, isCrossSiteForm } from '$lib/server/cross-site';
import { loggablePath } from '$lib/server/log-path';
import { publicPages, startPublicPages } from '$lib/server/public-page-cache';
import { requestIdOf } from '$lib/server/request-id';
import { SECURITY_HEADERS } from '$lib/server/security-headers';
import { SESSION_COOKIE, isPrivateRequest } from '$lib/server/session';

export const init: ServerInit = () => {
  const warning = proxyWarning(deployment);
  if (warning) log.warn({}, warning);
  startPublicPages();
};

/** A request slower than this is worth a line at the default level, as in the API. */
const SLOW_REQUEST_MS = 500;
// Each reader's request's id, for its log lines; the API is sent the same one and logs it too.
const requestIds = new WeakMap<Request, string>();

export const handle: Handle = async ({ event, resolve }) => {
  const started = performance.now();
  // A page rendered from here on is fresh only if nothing is published before it is stored.
  const asOf = publicPages.generation();
  const requestId = requestIdOf(event.request.headers);
  requestIds.set(event.request, requestId);
  const token = event.cookies.get(SESSION_COOKIE);
  event.locals.sessionToken = token && token.length <= 512 ? token : null;
  event.locals.api = createApi({ sessionToken: event.locals.sessionToken, client: event.getClientAddress(), requestId });
  const hasSession = Boolean(token);
  const key = publicPages.keyOf(event.request, event.route.id, hasSession);
  // Mostly answered by serve.js before SvelteKit; here for any request that reaches the routes.
  const kept = key !== null ? publicPages.fresh(key, event.request) : null;
  let response = kept ?? (await respond(event, resolve));
  if (key !== null && kept === null) {
    // The API or its database is away: the page as last served beats an apology.
    const unavailable = response.status === 502 || response.status === 503;
    response = unavailable
      ? (publicPages.stale(key, event.request) ?? response)
      : await publicPages.remember(key, event.request, response, asOf);
  }
  // Whoever signed in posts a form may have published: this instance's copies go at once, before
  // the feed of publications says so, so they never see their own page from before.
  if (hasSession && event.request.method === 'POST') publicPages.changed();
  response = compressed(event.request, response);
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
    response.headers.set(name, value);
  }
  // Decided by the route matched, not the address typed: "/%61dmin" is "/admin" all the same.
  const privatePage = isPrivateRequest(event.route.id, event.url.pathname);
  if (privatePage) response.headers.set('X-Robots-Tag', 'noindex');
  // Whatever the page, an answer to someone signed in may hold what only they should see.
  if (privatePage || hasSession) response.headers.set('Cache-Control', 'private, no-store');
  logAnswer(event, response.status, performance.now() - started);
  return response;
};

const respond = async (event: RequestEvent, resolve: Parameters<Handle>[0]['resolve']): Promise<Response> =>
  isCrossSiteForm(event.request, event.url, deployment.trustedOrigins) ? formRefused(event) : resolve(event);

/**
 * SvelteKit's own check against forms from other sites is off (svelte.config.js) because it
 * answers in plain text; this is the same check, answered with the portal's own page, rendered by
 * its own route, so nothing of the refused form is ever read or acted on.
 */
async function formRefused(event: RequestEvent): Promise<Response> {
  if (event.request.headers.get('accept') === 'application/json') {
    return Response.json({ message: 'Cross-site form submissions are forbidden' }, { status: 403 });
  }
  const page = await event.fetch(new URL(FORM_REFUSED_PATH, event.url), { headers: { accept: 'text/html' } });
  return new Response(page.body, { status: 403, headers: page.headers });
}

// Like the API's request log: failures and slow answers at the default level, every answer at debug.
function logAnswer(event: RequestEvent, status: number, ms: number): void {
  const line = {
    reqId: requestIds.get(event.request),
    method: event.request.method,
    path: loggablePath(event.route.id, event.url.pathname),
    status,
    ms: Math.round(ms),
  };
  if (status >= 500) log.warn(line, 'request failed');
  else if (ms > SLOW_REQUEST_MS) log.warn(line, 'slow request');
  else log.debug(line, 'request');
}

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
  return new Response(response.body.pipeThrough(new CompressionStream('gzip')), {
    status: response.status,
    statusText: response.statusText,
    headers,
  });
}

// Readers see a plain apology; the detail goes to the log only, without an invitation's token.
export const handleError: HandleServerError = ({ error, event, status, message }) => {
  if (status !== 404) {
    const where = {
      reqId: requestIds.get(event.request),
      method: event.request.method,
      path: loggablePath(event.route.id, event.url.pathname),
    };
    log.error({ ...where, err: error }, 'request failed with an error');
  }
  return { message: status === 404 ? message : 'Something went wrong on our side. Please try again later.' };
};
