import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { CLIENT_HEADER, PORTAL_KEY_HEADER } from '@pledgekeeper/domain/http-headers';

// Defined once in the domain, where the portal takes them too; app.ts passes them on.
export { CLIENT_HEADER, PORTAL_KEY_HEADER };

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * Who is asking, for rate limiting: the reader the portal names when the request carries the
 * portal's key, else the socket address. Anyone else could name a new "reader" each time.
 */
export function clientAddressOf(secret: string | null): (request: FastifyRequest) => string {
  // Digests have one length, so the comparison takes the same time whatever was sent.
  const expected = secret ? digest(secret) : null;
  return (request) => {
    const key = request.headers[PORTAL_KEY_HEADER];
    if (!expected || typeof key !== 'string' || !timingSafeEqual(digest(key), expected)) return request.ip;
    const named = request.headers[CLIENT_HEADER];
    return (typeof named === 'string' ? named.slice(0, 100) : '') || request.ip;
  };
}

/** A key for hashing readers' addresses, derived from the secret so that knowing one gives away nothing of the other. */
export const addressKeyOf = (secret: string): Buffer => createHmac('sha256', secret).update('pledgekeeper reader address key').digest();
