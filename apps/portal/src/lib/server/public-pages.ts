import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { ByteLru } from './byte-lru';

const gzipped = promisify(gzip);

/**
 * The last copy of each public page the portal served, kept to answer while the API or its database
 * is away: published editions do not change, so yesterday's page is better than an apology. Stored
 * once as bytes (and gzipped, for HTML), so a later cache of fresh pages can serve from here too.
 */
export interface StoredPage {
  body: Uint8Array;
  /** The same bytes gzipped, for HTML; null for the rest, which is sent as it is. */
  gzipped: Uint8Array | null;
  contentType: string;
  /** What else the page needs to mean the same thing: its CSP, a download's file name. */
  headers: [string, string][];
  /** A strong validator: the hash of the bytes, so two instances give one page the same tag. */
  etag: string;
  storedAt: number;
}

// Public, the same for every reader, and changing only when a council publishes.
const PUBLIC_ROUTES = new Set([
  '/',
  '/[council]',
  '/[council]/about',
  '/[council]/card',
  '/[council]/progress',
  '/[council]/progress.json',
  '/[council]/progress.csv',
  '/[council]/board',
  '/[council]/board/scorecard',
  '/[council]/report/[year]',
  '/[council]/report/[year].json',
  '/[council]/you-said-we-did',
  '/compare/progress.json',
  '/compare/progress.csv',
  '/compare',
  '/compare/side-by-side',
  '/compare/matrix.csv',
  '/compare/matrix.json',
  '/compare/side-by-side.csv',
  '/compare/side-by-side.json',
  '/brand.css',
  '/[council]/logo/[file]',
]);

// Said again on each answer, or about this one answer only: never stored.
const NOT_STORED = new Set(['cache-control', 'content-encoding', 'content-length', 'date', 'etag', 'set-cookie', 'vary']);

/** An estimate of what a stored page costs beyond its bytes: the key, the headers, the object. */
const OVERHEAD_BYTES = 256;

export const STALE_HEADER = 'X-Pledgekeeper-Stale';

/**
 * How long a public page may be kept. Readers' browsers ask again every time (a 304 when nothing
 * changed costs no bytes of the page), so someone who has just published sees it at once; on an
 * error they may show what they hold for a day. Shared caches (a CDN) keep a page a minute and may
 * serve it while they check again; `CDN-Cache-Control` says so to those that read it, and
 * `s-maxage` to the rest. `private, no-store` stays on everything signed in (hooks.server.ts).
 */
export const PUBLIC_CACHE_CONTROL = 'public, max-age=0, s-maxage=60, stale-if-error=86400';
export const CDN_CACHE_CONTROL = 'public, max-age=60, stale-while-revalidate=600, stale-if-error=86400';

/** The strong ETag of some bytes: the same page gets the same tag on every instance. */
export const etagOf = (body: Uint8Array): string => `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;

/** True when the reader already holds this version (If-None-Match names its tag, or any). */
function alreadyHeld(request: Request, etag: string): boolean {
  const held = request.headers.get('if-none-match');
  if (!held) return false;
  return held.trim() === '*' || held.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

export function createPublicPages(maxBytes: number) {
  const pages = new ByteLru<StoredPage>(maxBytes);

  /** The key a request is stored under, or null for requests whose answers are never stored. */
  const keyOf = (request: Request, routeId: string | null, hasSession: boolean): string | null => {
    if (hasSession || maxBytes === 0 || (request.method !== 'GET' && request.method !== 'HEAD')) return null;
    if (routeId === null || !PUBLIC_ROUTES.has(routeId)) return null;
    const url = new URL(request.url);
    return `${url.pathname}${url.search}`;
  };

  /** Stores a GET's 200 and answers with the stored bytes; anything else passes as it came. */
  async function remember(key: string, request: Request, response: Response): Promise<Response> {
    if (request.method !== 'GET' || response.status !== 200 || !response.body || response.headers.has('content-encoding')) {
      return response;
    }
    const body = new Uint8Array(await response.arrayBuffer());
    const contentType = response.headers.get('content-type') ?? 'application/octet-stream';
    const page: StoredPage = {
      body,
      gzipped: contentType.startsWith('text/html') ? new Uint8Array(await gzipped(body)) : null,
      contentType,
      headers: [...response.headers].filter(([name]) => !NOT_STORED.has(name.toLowerCase())),
      etag: etagOf(body),
      storedAt: Date.now(),
    };
    const headerBytes = page.headers.reduce((sum, [name, value]) => sum + name.length + value.length, 0);
    pages.set(key, page, body.byteLength + (page.gzipped?.byteLength ?? 0) + key.length + headerBytes + OVERHEAD_BYTES);
    const headers = new Headers(response.headers);
    // A file named by its content says so itself (immutable); every other public page is kept briefly.
    if (!headers.has('cache-control')) {
      headers.set('Cache-Control', PUBLIC_CACHE_CONTROL);
      headers.set('CDN-Cache-Control', CDN_CACHE_CONTROL);
    }
    return answer(request, page, headers);
  }

  /** The stored copy, marked stale and not to be kept by anyone in between; null if never served. */
  function stale(key: string, request: Request): Response | null {
    const page = pages.get(key);
    if (!page) return null;
    const headers = new Headers(page.headers);
    headers.set('Cache-Control', 'no-store');
    headers.set(STALE_HEADER, '1');
    return answer(request, page, headers);
  }

  return { keyOf, remember, stale, size: () => pages.size() };
}

/**
 * The page's bytes, gzipped when the reader takes gzip and it was stored so; or, to a reader who
 * already holds this version, 304 Not Modified and no bytes at all.
 */
function answer(request: Request, page: StoredPage, headers: Headers): Response {
  const gzip = page.gzipped !== null && /\bgzip\b/.test(request.headers.get('accept-encoding') ?? '');
  // Gzipped bytes are other bytes: a strong tag names the encoding too.
  const etag = gzip ? page.etag.replace(/"$/, '-gzip"') : page.etag;
  headers.set('ETag', etag);
  if (page.gzipped !== null) headers.append('Vary', 'Accept-Encoding');
  if (alreadyHeld(request, etag)) {
    headers.delete('Content-Length');
    headers.delete('Content-Type');
    return new Response(null, { status: 304, headers });
  }
  const body = gzip ? page.gzipped! : page.body;
  headers.set('Content-Type', page.contentType);
  headers.set('Content-Length', String(body.byteLength));
  if (gzip) headers.set('Content-Encoding', 'gzip');
  return new Response(request.method === 'HEAD' ? null : (body as Uint8Array<ArrayBuffer>), { status: 200, headers });
}

export type PublicPages = ReturnType<typeof createPublicPages>;
