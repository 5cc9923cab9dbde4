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
      storedAt: Date.now(),
    };
    const headerBytes = page.headers.reduce((sum, [name, value]) => sum + name.length + value.length, 0);
    pages.set(key, page, body.byteLength + (page.gzipped?.byteLength ?? 0) + key.length + headerBytes + OVERHEAD_BYTES);
    return answer(request, page, new Headers(response.headers));
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

/** The page's bytes, gzipped when the reader takes gzip and it was stored so. */
function answer(request: Request, page: StoredPage, headers: Headers): Response {
  const gzip = page.gzipped !== null && /\bgzip\b/.test(request.headers.get('accept-encoding') ?? '');
  const body = gzip ? page.gzipped! : page.body;
  headers.set('Content-Type', page.contentType);
  headers.set('Content-Length', String(body.byteLength));
  if (page.gzipped !== null) headers.append('Vary', 'Accept-Encoding');
  if (gzip) headers.set('Content-Encoding', 'gzip');
  return new Response(request.method === 'HEAD' ? null : (body as Uint8Array<ArrayBuffer>), { status: 200, headers });
}

export type PublicPages = ReturnType<typeof createPublicPages>;
