import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
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
    const served = await pages.remember('/somerset', get('/somerset'), html('<p>We promise to listen</p>'));
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
    await pages.remember('/', get('/'), html('<h1>Councils</h1>'));
    const zipped = pages.stale('/', get('/', { 'accept-encoding': 'gzip, br' }))!;
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await zipped.arrayBuffer())).toString()).toBe('<h1>Councils</h1>');
    expect(await pages.stale('/', get('/', {}, 'HEAD'))!.text()).toBe('');
  });

  it('stores nothing but a GET’s 200, and stays within its bytes', async () => {
    const pages = createPublicPages(4096);
    await pages.remember('/a', get('/a'), new Response('gone', { status: 503, headers: { 'content-type': 'text/html' } }));
    await pages.remember('/b', get('/b', {}, 'HEAD'), html('head'));
    expect(pages.size().entries).toBe(0);
    for (const path of ['/1', '/2', '/3', '/4', '/5']) await pages.remember(path, get(path), html('x'.repeat(1000)));
    expect(pages.size().bytes).toBeLessThanOrEqual(4096);
    expect(pages.stale('/5', get('/5'))).not.toBeNull();
    expect(pages.stale('/1', get('/1'))).toBeNull();
  });
});

describe('HTTP caching of public pages', () => {
  it('gives each version of a page a strong ETag, the same wherever it is made, and a new one when it changes', async () => {
    const pages = createPublicPages(1024 * 1024);
    const first = await pages.remember('/somerset', get('/somerset'), html('<p>We promise to listen</p>'));
    const again = await createPublicPages(1024 * 1024).remember('/somerset', get('/somerset'), html('<p>We promise to listen</p>'));
    const changed = await pages.remember('/somerset', get('/somerset'), html('<p>We promise to listen, and to act</p>'));
    expect(first.headers.get('etag')).toMatch(/^"[\w-]{32}"$/);
    expect(again.headers.get('etag')).toBe(first.headers.get('etag'));
    expect(changed.headers.get('etag')).not.toBe(first.headers.get('etag'));
  });

  it('answers 304 with no body to a reader who holds the version, and the page to one who holds another', async () => {
    const pages = createPublicPages(1024 * 1024);
    const etag = (await pages.remember('/somerset', get('/somerset'), html('<p>Hello</p>'))).headers.get('etag')!;
    const held = await pages.remember('/somerset', get('/somerset', { 'if-none-match': `"old", ${etag}` }), html('<p>Hello</p>'));
    expect(held.status).toBe(304);
    expect(await held.text()).toBe('');
    expect(held.headers.get('etag')).toBe(etag);
    const other = await pages.remember('/somerset', get('/somerset', { 'if-none-match': '"old"' }), html('<p>Hello</p>'));
    expect(other.status).toBe(200);
    expect(await other.text()).toBe('<p>Hello</p>');
  });

  it('tags gzipped bytes apart from plain ones', async () => {
    const pages = createPublicPages(1024 * 1024);
    const plain = await pages.remember('/', get('/'), html('<h1>Councils</h1>'));
    const zipped = await pages.remember('/', get('/', { 'accept-encoding': 'gzip' }), html('<h1>Councils</h1>'));
    expect(zipped.headers.get('etag')).not.toBe(plain.headers.get('etag'));
    const held = await pages.remember(
      '/',
      get('/', { 'accept-encoding': 'gzip', 'if-none-match': zipped.headers.get('etag')! }),
      html('<h1>Councils</h1>'),
    );
    expect(held.status).toBe(304);
  });

  it('has browsers ask again each time, and lets CDNs keep a page a minute, serve it while checking, and through an outage', async () => {
    const pages = createPublicPages(1024 * 1024);
    const page = await pages.remember('/', get('/'), new Response('<h1>Councils</h1>', { headers: { 'content-type': 'text/html' } }));
    expect(page.headers.get('cache-control')).toBe('public, max-age=0, s-maxage=60, stale-if-error=86400');
    expect(page.headers.get('cdn-cache-control')).toBe('public, max-age=60, stale-while-revalidate=600, stale-if-error=86400');
    // A file named by its content keeps its own.
    const logo = await pages.remember(
      '/somerset/logo/a.svg',
      get('/somerset/logo/a.svg'),
      new Response('<svg/>', { headers: { 'content-type': 'image/svg+xml', 'cache-control': 'public, max-age=31536000, immutable' } }),
    );
    expect(logo.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });
});
