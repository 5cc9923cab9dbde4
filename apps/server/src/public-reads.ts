import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { ByteLru } from '@pledgekeeper/domain/byte-lru';

/**
 * The API's public reads: published content only, the same for every reader, changing only when
 * a council publishes. Answered to anyone who is not signed in; a request with a session is
 * never answered from here nor stored here.
 */
export const PUBLIC_READS: ReadonlySet<string> = new Set([
  'council.list',
  'council.page',
  'council.logo',
  'compare.matrix',
  'compare.delivery',
  'compare.progress',
  'compare.sideBySide',
  'progress.published',
]);

/** Said on each answer: `hit` when it came from what was kept, `miss` when it was worked out. */
export const CACHE_HEADER = 'x-pledgekeeper-cache';

/** An answer this small gains too little from gzip to be worth keeping twice. */
const GZIP_FROM_BYTES = 1_024;
/** What an entry costs beyond its bytes: the key, the object, the headers. */
const OVERHEAD_BYTES = 256;

interface Kept {
  body: Buffer;
  gzipped: Buffer | null;
  contentType: string;
  etag: string;
  /** Which state of the published content this was worked out from; see `PublicReads.changed`. */
  generation: number;
  /** Some answers depend on the day ("not reviewed for 12 months"): none is kept past midnight. */
  expiresAt: number;
}

/** A request's place in the cache: its key, and the content's state when it was asked. */
export interface PendingRead {
  key: string;
  generation: number;
}

/** The next local midnight after `ms`. */
export function nextMidnight(ms: number): number {
  const date = new Date(ms);
  date.setHours(24, 0, 0, 0);
  return date.getTime();
}

/** True when the reader takes gzip. */
export const takesGzip = (acceptEncoding: string | string[] | undefined): boolean => /\bgzip\b/.test(String(acceptEncoding ?? ''));

export interface PublicReads {
  /** The cache key for a request, or null when its answer is never kept. */
  keyOf(method: string, url: string, hasAuthorization: boolean): string | null;
  /** The kept answer, if it is still true now; undefined otherwise. */
  fresh(key: string): Kept | undefined;
  /** The state of the content now: a read started now is kept only as of this state. */
  pending(key: string): PendingRead;
  /** Keeps a 200 answer worked out from the state `pending` named. */
  keep(pending: PendingRead, body: Buffer, contentType: string): void;
  /** Anything public may have changed: nothing kept before now is answered again. */
  changed(): void;
  /** Whether every change is being heard; while not, nothing kept is answered. */
  setLive(live: boolean): void;
  size(): { entries: number; bytes: number; maxBytes: number };
}

export function createPublicReads(maxBytes: number): PublicReads {
  const kept = new ByteLru<Kept>(maxBytes);
  let generation = 0;
  let live = false;

  return {
    keyOf(method, url, hasAuthorization) {
      if (maxBytes === 0 || hasAuthorization || (method !== 'GET' && method !== 'HEAD')) return null;
      if (!url.startsWith('/trpc/')) return null;
      const query = url.indexOf('?');
      const procedure = url.slice('/trpc/'.length, query === -1 ? undefined : query);
      return PUBLIC_READS.has(procedure) ? url : null;
    },
    fresh(key) {
      if (!live) return undefined;
      const found = kept.get(key);
      if (!found || found.generation !== generation || Date.now() >= found.expiresAt) return undefined;
      return found;
    },
    pending: (key) => ({ key, generation }),
    keep({ key, generation: asOf }, body, contentType) {
      // Worked out before a change that has since happened: true then, perhaps not now.
      if (asOf !== generation) return;
      const gzipped = body.byteLength >= GZIP_FROM_BYTES ? gzipSync(body) : null;
      const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;
      const entry: Kept = { body, gzipped, contentType, etag, generation: asOf, expiresAt: nextMidnight(Date.now()) };
      kept.set(key, entry, body.byteLength + (gzipped?.byteLength ?? 0) + key.length + OVERHEAD_BYTES);
    },
    changed() {
      generation++;
    },
    setLive(now) {
      live = now;
      generation++;
    },
    size: () => kept.size(),
  };
}
