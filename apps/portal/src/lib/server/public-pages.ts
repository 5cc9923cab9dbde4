import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { ByteLru } from '@pledgekeeper/domain/byte-lru';

const gzipped = promisify(gzip);

/**
 * The last copy of each public page the portal served. It is answered again, without asking the
 * API, until anything public may have changed: the API's feed of publications says when (see
 * publication-feed.ts), and while that feed is down nothing is answered from here as fresh. The same
 * copy is what readers get while the API or its database is away, marked stale: published pages do
 * not change, so the last one is better than an apology. One store for both, bounded in bytes.
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
  /** Which state of the published content it was rendered from; only the current one is fresh. */
  generation: number;
  /** Some pages depend on the day ("not reviewed for 12 months"): none is fresh past midnight. */
  expiresAt: number;
  /** Its Cache-Control and CDN-Cache-Control, as decided when it was first served. */
  cacheHeaders: [string, string][];
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

// Said again on each answer, or about this one answer only: never stored. Nor SvelteKit's `link`
// preload hints (the same stylesheets are linked at the top of the page's head, so they gain
// nothing over HTTP/1.1) or its marker of a page: bytes on every answer, for no reader.
const NOT_STORED = new Set([
  'cache-control',
  'content-encoding',
  'content-length',
  'date',
  'etag',
  'set-cookie',
  'vary',
  'link',
  'x-sveltekit-page',
]);

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
function alreadyHeld(held: string | null, etag: string): boolean {
  if (!held) return false;
  return held.trim() === '*' || held.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

// The comments Svelte leaves in rendered HTML for a script to take the page over: `<!--[-->`,
// `<!--]-->`, `<!---->`, `<!--[0-->`, `<!--12qhfyh-->`. Public pages ship no script, so they are
// bytes for nothing (about a tenth of a page). What a council wrote is escaped and never matches.
const HYDRATION_MARKER = /<!--(?:\[-?\d*|\]|[a-z0-9]*)-->/g;

function withoutHydrationMarkers(body: Uint8Array): Uint8Array {
  return new TextEncoder().encode(new TextDecoder().decode(body).replace(HYDRATION_MARKER, ''));
}

/** The next local midnight after `ms`. */
function nextMidnight(ms: number): number {
  const date = new Date(ms);
  date.setHours(24, 0, 0, 0);
  return date.getTime();
}

const takesGzip = (acceptEncoding: string | null | undefined) => /\bgzip\b/.test(acceptEncoding ?? '');

/** The key of an address: its path and query as the URL parser writes them, whoever asks. */
const keyOfUrl = (url: URL) => `${url.pathname}${url.search}`;

export interface PublicPagesOptions {
  /** Sent with every answer from the store, as the hook sends them with every other. */
  securityHeaders?: Record<string, string>;
  /** The session cookie's name: a request carrying it is never answered from the store. */
  sessionCookie?: string;
}

export function createPublicPages(maxBytes: number, options: PublicPagesOptions = {}) {
  const pages = new ByteLru<StoredPage>(maxBytes);
  const securityHeaders = Object.entries(options.securityHeaders ?? {});
  const sessionCookie = `${options.sessionCookie ?? 'pk_session'}=`;
  // Bumped by anything that may change a public page: a copy rendered before is not fresh.
  let generation = 0;
  // Whether the feed of publications is open: while it is not, a change could go unheard.
  let live = false;

  // The headers a page is sent with from the socket, plain and gzipped, worked out once per page.
  // Lower case throughout, so that no header is sent twice under two spellings.
  // The bodies too, as one-byte strings: Node sends a string body in the same write as the headers,
  // a Buffer in a second one, and on a small page that second write is a good part of the cost.
  interface Sent {
    plain: Record<string, string>;
    plainBody: string;
    gzip: Record<string, string> | null;
    gzipBody: string;
  }
  const headersOfPage = new WeakMap<StoredPage, Sent>();
  function sentWith(page: StoredPage) {
    let sent = headersOfPage.get(page);
    if (!sent) {
      const common: Record<string, string> = {};
      for (const [name, value] of [...page.headers, ...page.cacheHeaders, ...securityHeaders]) common[name.toLowerCase()] = value;
      if (page.gzipped !== null) common.vary = 'Accept-Encoding';
      common['content-type'] = page.contentType;
      sent = {
        plain: { ...common, etag: page.etag, 'content-length': String(page.body.byteLength) },
        plainBody: Buffer.from(page.body).toString('latin1'),
        gzipBody: page.gzipped === null ? '' : Buffer.from(page.gzipped).toString('latin1'),
        gzip:
          page.gzipped === null
            ? null
            : {
                ...common,
                etag: page.etag.replace(/"$/, '-gzip"'),
                'content-length': String(page.gzipped.byteLength),
                'content-encoding': 'gzip',
              },
      };
      headersOfPage.set(page, sent);
    }
    return sent;
  }

  /** The stored copy of the page at `key`, when it is still what a render would give now. */
  function freshPage(key: string): StoredPage | null {
    if (!live) return null;
    const page = pages.get(key);
    if (!page || page.generation !== generation || Date.now() >= page.expiresAt) return null;
    return page;
  }

  /** The key a request is stored under, or null for requests whose answers are never stored. */
  const keyOf = (request: Request, routeId: string | null, hasSession: boolean): string | null => {
    if (hasSession || maxBytes === 0 || (request.method !== 'GET' && request.method !== 'HEAD')) return null;
    if (routeId === null || !PUBLIC_ROUTES.has(routeId)) return null;
    return keyOfUrl(new URL(request.url));
  };

  /**
   * Stores a GET's 200 and answers with the stored bytes; anything else passes as it came.
   * `asOf` is the generation when the request began: a page rendered across a publication is
   * kept for outages, but never answered as fresh.
   */
  async function remember(key: string, request: Request, response: Response, asOf: number): Promise<Response> {
    if (request.method !== 'GET' || response.status !== 200 || !response.body || response.headers.has('content-encoding')) {
      return response;
    }
    const contentType = response.headers.get('content-type') ?? 'application/octet-stream';
    const html = contentType.startsWith('text/html');
    const received = new Uint8Array(await response.arrayBuffer());
    const body = html ? withoutHydrationMarkers(received) : received;
    // A file named by its content says so itself (immutable); every other public page is kept briefly.
    const cacheHeaders: [string, string][] = response.headers.has('cache-control')
      ? [['Cache-Control', response.headers.get('cache-control')!]]
      : [
          ['Cache-Control', PUBLIC_CACHE_CONTROL],
          ['CDN-Cache-Control', CDN_CACHE_CONTROL],
        ];
    const now = Date.now();
    const page: StoredPage = {
      body,
      // Made once per publication, so at the smallest size gzip makes: every reader gains from it.
      gzipped: html ? new Uint8Array(await gzipped(body, { level: 9 })) : null,
      contentType,
      headers: [...response.headers].filter(([name]) => !NOT_STORED.has(name.toLowerCase())),
      etag: etagOf(body),
      storedAt: now,
      generation: asOf,
      expiresAt: nextMidnight(now),
      cacheHeaders,
    };
    const headerBytes = page.headers.reduce((sum, [name, value]) => sum + name.length + value.length, 0);
    // Twice the bytes: the socket's copies of them (see `sentWith`) are made on first use.
    pages.set(key, page, 2 * (body.byteLength + (page.gzipped?.byteLength ?? 0)) + key.length + headerBytes + OVERHEAD_BYTES);
    const headers = new Headers(response.headers);
    for (const [name, value] of cacheHeaders) headers.set(name, value);
    return answer(request, page, headers);
  }

  /** The stored copy as a Response, when it is fresh; null otherwise. */
  function fresh(key: string, request: Request): Response | null {
    const page = freshPage(key);
    return page ? answer(request, page, new Headers([...page.headers, ...page.cacheHeaders])) : null;
  }

  /**
   * Answers a fresh copy straight onto the socket, before SvelteKit so much as parses the address:
   * most of a public request's cost is the framework's, not the page's. True when it answered.
   */
  function serveFresh(request: IncomingMessage, response: ServerResponse): boolean {
    if (!live || (request.method !== 'GET' && request.method !== 'HEAD')) return false;
    if (request.headers.cookie?.includes(sessionCookie)) return false;
    // The address as sent: a page is stored under its parsed path and query, so an address that
    // parsing would change finds nothing here and goes the long way, through the hook.
    const page = request.url ? freshPage(request.url) : null;
    if (!page) return false;
    const sent = sentWith(page);
    const gzip = sent.gzip !== null && takesGzip(request.headers['accept-encoding']);
    const headers = gzip ? sent.gzip! : sent.plain;
    if (alreadyHeld(request.headers['if-none-match'] ?? null, headers.etag!)) {
      const { 'content-type': _type, 'content-length': _length, 'content-encoding': _encoding, ...unchanged } = headers;
      response.writeHead(304, unchanged).end();
      return true;
    }
    if (request.method === 'HEAD') response.writeHead(200, headers).end();
    else response.writeHead(200, headers).end(gzip ? sent.gzipBody : sent.plainBody, 'latin1');
    return true;
  }

  const freshness = {
    /** Anything public may have changed: nothing stored before now is fresh. */
    changed(): void {
      generation++;
    },
    /** The feed of publications opened or closed; either way, what was stored may be out of date. */
    setLive(now: boolean): void {
      live = now;
      generation++;
    },
    isLive: () => live,
    generation: () => generation,
  };

  /** The stored copy, marked stale and not to be kept by anyone in between; null if never served. */
  function stale(key: string, request: Request): Response | null {
    const page = pages.get(key);
    if (!page) return null;
    const headers = new Headers(page.headers);
    headers.set('Cache-Control', 'no-store');
    headers.set(STALE_HEADER, '1');
    return answer(request, page, headers);
  }

  return { keyOf, remember, fresh, serveFresh, stale, ...freshness, size: () => pages.size() };
}

/**
 * The page's bytes, gzipped when the reader takes gzip and it was stored so; or, to a reader who
 * already holds this version, 304 Not Modified and no bytes at all.
 */
function answer(request: Request, page: StoredPage, headers: Headers): Response {
  const gzip = page.gzipped !== null && takesGzip(request.headers.get('accept-encoding'));
  // Gzipped bytes are other bytes: a strong tag names the encoding too.
  const etag = gzip ? page.etag.replace(/"$/, '-gzip"') : page.etag;
  headers.set('ETag', etag);
  if (page.gzipped !== null) headers.append('Vary', 'Accept-Encoding');
  if (alreadyHeld(request.headers.get('if-none-match'), etag)) {
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
