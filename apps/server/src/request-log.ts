import type { FastifyInstance, FastifyRequest } from 'fastify';

/** A request slower than this is worth a line at the default level. */
export const SLOW_REQUEST_MS = 500;

/** A URL's path without its query string: tRPC queries carry their input there, invitation tokens included. */
export const pathOf = (url: string | undefined): string => (url ?? '').split('?')[0] ?? '';

/** All a log line says about a request, if anything logs one: never its query string, never its headers. */
export const requestSerializer = (request: { method?: string; url?: string }) => ({ method: request.method, path: pathOf(request.url) });

// The error behind a failed request, logged with the request's own line once it is answered.
const failures = new WeakMap<FastifyRequest, unknown>();
export const noteFailure = (request: FastifyRequest, error: unknown): void => void failures.set(request, error);

/**
 * One line per request at debug; failures (5xx) and slow requests get theirs at error or warn, so the
 * default level costs nothing per healthy request. Replaces fastify's own pair of lines, which carry the URL.
 */
export function logRequests(app: FastifyInstance, slowRequestMs = SLOW_REQUEST_MS): void {
  app.addHook('onResponse', async (request, reply) => {
    const status = reply.statusCode;
    const line = { method: request.method, path: pathOf(request.url), status, ms: Math.round(reply.elapsedTime) };
    if (status >= 500) {
      const err = failures.get(request);
      request.log[status === 500 ? 'error' : 'warn'](err === undefined ? line : { ...line, err }, 'request failed');
    } else if (reply.elapsedTime > slowRequestMs) {
      request.log.warn(line, 'slow request');
    } else {
      request.log.debug(line, 'request');
    }
  });
}
