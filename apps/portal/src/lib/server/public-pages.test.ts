import { gunzipSync } from 'node:zlib';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { describe, expect, it, vi } from 'vitest';
import { createPublicPages } from './public-pages';

const get = (path: string, headers: Record<string, string> = {}, method = 'GET') =>
  new Request(`http://portal.test${path}`, { method, headers });
const html = (text: string) =>
  new Response(text, {
    headers: { 'content-type': 'text/html', 'content-security-policy': "default-src 'self'", 'cache-control': 'max-age=60' },
  });

describe('the public-page store', () => {
  it('stores only GETs and HEADs of public routes from readers without a session', () => {
    const pages = createPublicPages(1024 * 1024);
    expect(pages.keyOf(get('/compare?nation=wales'), '/compare', false)).toBe('/compare?nation=wales');
    expect(pages.keyOf(get('/somerset', {}, 'HEAD'), '/[council]', false)).toBe('/somerset');
    expect(pages.keyOf(get('/somerset'), '/[council]', true)).toBeNull();
    expect(pages.keyOf(get('/somerset', {}, 'POST'), '/[council]', false)).toBeNull();
    expect(pages.keyOf(get('/somerset/manage'), '/[council]/manage', false)).toBeNull();
    expect(pages.keyOf(get('/sign-in'), '/sign-in', false)).toBeNull();
    expect(pages.keyOf(get('/nowhere/at/all'), null, false)).toBeNull();
    expect(createPublicPages(0).keyOf(get('/'), '/', false)).toBeNull();
  });

  it('answers with the last page served, marked stale, and nothing for a page never served', async () => {
    const pages = createPublicPages(1024 * 1024);
    const served = await pages.remember('/somerset', get('/somerset'), html('<p>We promise to listen</p>'), 0);
    expect(await served.text()).toBe('<p>We promise to listen</p>');

    const stale = pages.stale('/somerset', get('/somerset'))!;
    expect(stale.status).toBe(200);
    expect(stale.headers.get('x-pledgekeeper-stale')).toBe('1');
    expect(stale.headers.get('cache-control')).toBe('no-store');
    expect(stale.headers.get('content-security-policy')).toBe("default-src 'self'");
    expect(await stale.text()).toBe('<p>We promise to listen</p>');
    expect(pages.stale('/worcestershire', get('/worcestershire'))).toBeNull();
  });

  it('keeps HTML gzipped once, for readers who take gzip, and sends no body to a HEAD', async () => {
    const pages = createPublicPages(1024 * 1024);
    await pages.remember('/', get('/'), html('<h1>Councils</h1>'), 0);
    const zipped = pages.stale('/', get('/', { 'accept-encoding': 'gzip, br' }))!;
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await zipped.arrayBuffer())).toString()).toBe('<h1>Councils</h1>');
    expect(await pages.stale('/', get('/', {}, 'HEAD'))!.text()).toBe('');
  });

  it('stores nothing but a GET’s 200, and stays within its bytes', async () => {
    const pages = createPublicPages(4096);
    await pages.remember('/a', get('/a'), new Response('gone', { status: 503, headers: { 'content-type': 'text/html' } }), 0);
    await pages.remember('/b', get('/b', {}, 'HEAD'), html('head'), 0);
    expect(pages.size().entries).toBe(0);
    for (const path of ['/1', '/2', '/3', '/4', '/5']) await pages.remember(path, get(path), html('x'.repeat(1000)), 0);
    expect(pages.size().bytes).toBeLessThanOrEqual(4096);
    expect(pages.stale('/5', get('/5'))).not.toBeNull();
    expect(pages.stale('/1', get('/1'))).toBeNull();
  });
});

describe('what a stored page weighs', () => {
  it('drops the comments Svelte leaves for a script, which public pages never run, and keeps every word', async () => {
    const pages = createPublicPages(1024 * 1024);
    const rendered = '<!--12qhfyh--><ul><!--[--><li>We listen<!--[0--> &lt;!--[--&gt; <!--]--></li><!--]--></ul><!---->';
    const served = await pages.remember('/somerset', get('/somerset'), html(rendered), 0);
    expect(await served.text()).toBe('<ul><li>We listen &lt;!--[--&gt; </li></ul>');
  });
});

describe('HTTP caching of public pages', () => {
  it('gives each version of a page a strong ETag, the same wherever it is made, and a new one when it changes', async () => {
    const pages = createPublicPages(1024 * 1024);
    const first = await pages.remember('/somerset', get('/somerset'), html('<p>We promise to listen</p>'), 0);
    const again = await createPublicPages(1024 * 1024).remember('/somerset', get('/somerset'), html('<p>We promise to listen</p>'), 0);
    const changed = await pages.remember('/somerset', get('/somerset'), html('<p>We promise to listen, and to act</p>'), 0);
    expect(first.headers.get('etag')).toMatch(/^"[\w-]{32}"$/);
    expect(again.headers.get('etag')).toBe(first.headers.get('etag'));
    expect(changed.headers.get('etag')).not.toBe(first.headers.get('etag'));
  });

  it('answers 304 with no body to a reader who holds the version, and the page to one who holds another', async () => {
    const pages = createPublicPages(1024 * 1024);
    const etag = (await pages.remember('/somerset', get('/somerset'), html('<p>Hello</p>'), 0)).headers.get('etag')!;
    const held = await pages.remember('/somerset', get('/somerset', { 'if-none-match': `"old", ${etag}` }), html('<p>Hello</p>'), 0);
    expect(held.status).toBe(304);
    expect(await held.text()).toBe('');
    expect(held.headers.get('etag')).toBe(etag);
    const other = await pages.remember('/somerset', get('/somerset', { 'if-none-match': '"old"' }), html('<p>Hello</p>'), 0);
    expect(other.status).toBe(200);
    expect(await other.text()).toBe('<p>Hello</p>');
  });

  it('tags gzipped bytes apart from plain ones', async () => {
    const pages = createPublicPages(1024 * 1024);
    const plain = await pages.remember('/', get('/'), html('<h1>Councils</h1>'), 0);
    const zipped = await pages.remember('/', get('/', { 'accept-encoding': 'gzip' }), html('<h1>Councils</h1>'), 0);
    expect(zipped.headers.get('etag')).not.toBe(plain.headers.get('etag'));
    const held = await pages.remember(
      '/',
      get('/', { 'accept-encoding': 'gzip', 'if-none-match': zipped.headers.get('etag')! }),
      html('<h1>Councils</h1>'),
      0,
    );
    expect(held.status).toBe(304);
  });

  it('has browsers ask again each time, and lets CDNs keep a page a minute, serve it while checking, and through an outage', async () => {
    const pages = createPublicPages(1024 * 1024);
    const page = await pages.remember('/', get('/'), new Response('<h1>Councils</h1>', { headers: { 'content-type': 'text/html' } }), 0);
    expect(page.headers.get('cache-control')).toBe('public, max-age=0, s-maxage=60, stale-if-error=86400');
    expect(page.headers.get('cdn-cache-control')).toBe('public, max-age=60, stale-while-revalidate=600, stale-if-error=86400');
    // A file named by its content keeps its own.
    const logo = await pages.remember(
      '/somerset/logo/a.svg',
      get('/somerset/logo/a.svg'),
      new Response('<svg/>', { headers: { 'content-type': 'image/svg+xml', 'cache-control': 'public, max-age=31536000, immutable' } }),
      0,
    );
    expect(logo.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });
});

/** A reader's request as node:http hands it over, and a response that records what was sent. */
function socketRequest(path: string, headers: Record<string, string> = {}, method = 'GET') {
  const request = { url: path, method, headers } as unknown as IncomingMessage;
  const sent: { status?: number; headers?: Record<string, string>; body?: Buffer } = {};
  const response = {
    writeHead(status: number, given: Record<string, string>) {
      sent.status = status;
      sent.headers = given;
      return response;
    },
    end(body?: string | Uint8Array, encoding?: BufferEncoding) {
      sent.body = body === undefined ? undefined : typeof body === 'string' ? Buffer.from(body, encoding) : Buffer.from(body);
      return response;
    },
  } as unknown as ServerResponse;
  return { request, response, sent };
}

describe('answering from the store until a publication', () => {
  const fresh = async (pages: ReturnType<typeof createPublicPages>, path: string, text: string) => {
    await pages.remember(path, get(path), html(text), pages.generation());
  };

  it('answers a page it holds straight from the socket, with the headers of every answer', async () => {
    const pages = createPublicPages(1024 * 1024, { securityHeaders: { 'X-Frame-Options': 'DENY' } });
    pages.setLive(true);
    await fresh(pages, '/somerset', '<p>We promise to listen</p>');
    const { request, response, sent } = socketRequest('/somerset', { 'accept-encoding': 'gzip' });
    expect(pages.serveFresh(request, response)).toBe(true);
    expect(sent.status).toBe(200);
    expect(gunzipSync(sent.body!).toString()).toBe('<p>We promise to listen</p>');
    expect(sent.headers).toMatchObject({
      'x-frame-options': 'DENY',
      'content-security-policy': "default-src 'self'",
      'content-encoding': 'gzip',
      'cache-control': 'max-age=60',
    });
    // One spelling of each header: none is sent twice.
    const names = Object.keys(sent.headers!);
    expect(new Set(names.map((name) => name.toLowerCase())).size).toBe(names.length);
    const held = socketRequest('/somerset', { 'accept-encoding': 'gzip', 'if-none-match': sent.headers!.etag! });
    expect(pages.serveFresh(held.request, held.response)).toBe(true);
    expect(held.sent.status).toBe(304);
    expect(held.sent.body).toBeUndefined();
  });

  it('answers nothing once anything may have changed, nor while it hears no publications', async () => {
    const pages = createPublicPages(1024 * 1024);
    const served = () => {
      const { request, response } = socketRequest('/somerset');
      return pages.serveFresh(request, response);
    };
    await fresh(pages, '/somerset', 'before the feed opened');
    pages.setLive(true);
    expect(served()).toBe(false);
    await fresh(pages, '/somerset', 'v1');
    expect(served()).toBe(true);
    pages.changed();
    expect(served()).toBe(false);
    // Rendered across a publication: kept for an outage, never answered as fresh.
    const asOf = pages.generation();
    pages.changed();
    await pages.remember('/somerset', get('/somerset'), html('rendered from before'), asOf);
    expect(served()).toBe(false);
    expect(await pages.stale('/somerset', get('/somerset'))!.text()).toBe('rendered from before');
    await fresh(pages, '/somerset', 'v2');
    expect(served()).toBe(true);
    pages.setLive(false);
    expect(served()).toBe(false);
  });

  it('never answers a reader with a session from the store, nor anything but a GET or HEAD', async () => {
    const pages = createPublicPages(1024 * 1024, { sessionCookie: 'pk_session' });
    pages.setLive(true);
    await fresh(pages, '/somerset', 'public');
    for (const [headers, method] of [
      [{ cookie: 'theme=dark; pk_session=abc' }, 'GET'],
      [{}, 'POST'],
    ] as const) {
      const { request, response, sent } = socketRequest('/somerset', headers, method);
      expect(pages.serveFresh(request, response)).toBe(false);
      expect(sent.status).toBeUndefined();
    }
  });

  it('answers nothing past midnight: some pages say how long ago something was', async () => {
    vi.useFakeTimers({ now: new Date(2026, 10, 30, 23, 59) });
    try {
      const pages = createPublicPages(1024 * 1024);
      pages.setLive(true);
      await fresh(pages, '/somerset', 'reviewed 11 months ago');
      const served = () => {
        const { request, response } = socketRequest('/somerset');
        return pages.serveFresh(request, response);
      };
      expect(served()).toBe(true);
      vi.setSystemTime(new Date(2026, 11, 1, 0, 0, 1));
      expect(served()).toBe(false);
    } finally {
      vi.useRealTimers();
    }
  });
});
