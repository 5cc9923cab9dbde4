import type { IncomingMessage, ServerResponse } from 'node:http';
import { councilPagesKeptSize } from './council-page';
import { deployment, env, log } from './env';
import { keptForFormsSize } from './kept-for-forms';
import { followPublications } from './publication-feed';
import { createPublicPages } from './public-pages';
import { SECURITY_HEADERS } from './security-headers';
import { SESSION_COOKIE } from './session';

/** The portal's one store of public pages, as large as PAGE_CACHE_BYTES allows. */
export const publicPages = createPublicPages(deployment.pageCacheBytes, {
  securityHeaders: SECURITY_HEADERS,
  sessionCookie: SESSION_COOKIE,
});

/** How full it is, for logs and health reports. */
export const publicPageCacheSize = () => publicPages.size();

/**
 * The name under which serve.js, the portal's HTTP server, finds the store's answer for a
 * request before handing it to SvelteKit: the store lives in SvelteKit's bundle, the server outside.
 */
export const FAST_PATH = Symbol.for('pledgekeeper.portal.serve-fresh');

let following: { stop(): void } | null = null;

/** Starts following the API's publications and offers serve.js the store. Once per process. */
export function startPublicPages(): void {
  if (following) return;
  following = followPublications(publicPages, { apiUrl: env.apiUrl, secret: env.secret, log });
  // A line per answer only at debug, as for every other request: at the default level a kept
  // page costs no logging at all.
  const logEach = env.logLevel === 'debug' || env.logLevel === 'trace';
  (globalThis as Record<symbol, unknown>)[FAST_PATH] = (request: IncomingMessage, response: ServerResponse): boolean => {
    if (health(request, response)) return true;
    const served = publicPages.serveFresh(request, response);
    if (served && logEach) {
      log.debug({ method: request.method, path: (request.url ?? '').split('?')[0], status: response.statusCode, kept: true }, 'request');
    }
    return served;
  };
}

/**
 * `GET /health`, for the proxy and monitoring, answered here rather than by a route so that a
 * check made straight to the portal needs none of the headers a proxy adds (adapter-node insists on
 * ADDRESS_HEADER's once it is set). Says the portal answers, whether it hears the API's
 * publications (`live`: while false, every public page is rendered afresh), and what each of its
 * stores holds, in bytes against its bound: the public pages; each council's last page read, for
 * its forms while the API is away; and what each signed-in person last saw, for the same. The API's
 * own health is the API's.
 */
function health(request: IncomingMessage, response: ServerResponse): boolean {
  if (request.url !== '/health' || (request.method !== 'GET' && request.method !== 'HEAD')) return false;
  const caches = { pages: publicPages.size(), councilPages: councilPagesKeptSize(), formsKept: keptForFormsSize() };
  const body = JSON.stringify({ status: 'ok', live: publicPages.isLive(), caches });
  response.writeHead(200, { ...lowerCase(SECURITY_HEADERS), 'content-type': 'application/json', 'cache-control': 'no-store' });
  response.end(request.method === 'HEAD' ? undefined : body);
  return true;
}

const lowerCase = (headers: Record<string, string>) =>
  Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
