import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, startStack, type Stack } from './harness';
import { adminEnv, publisherOf, TEST_ADMIN } from './journeys';
import { WORKSPACE, WORKSPACE_PAGES } from './workspace-steps';

// Issue 9, items 9, 12 and 14, over HTTP against the built portal, as an attacker would try them.
let stack: Stack;
let browser: Browser;
let publisher: Page;

beforeAll(async () => {
  stack = await startStack({ apiEnv: adminEnv });
  browser = await launchChromium();
  publisher = await publisherOf(browser, stack.portalUrl, 'somerset');
});

afterAll(async () => {
  await publisher?.context().close();
  await browser?.close();
  await stack?.stop();
});

const get = (path: string, headers: Record<string, string> = {}) => fetch(stack.portalUrl + path, { headers, redirect: 'manual' });

async function sessionCookie(): Promise<string> {
  const cookie = (await publisher.context().cookies()).find((candidate) => candidate.name === 'pk_session');
  if (!cookie) throw new Error('The publisher has no session cookie');
  return `pk_session=${cookie.value}`;
}

describe('signing in never sends anyone to another site', () => {
  it('drops a "next" that normalises to another site, and goes home instead', async () => {
    const form = await (await get('/sign-in?next=/.//evil.example')).text();
    expect(form).not.toContain('evil.example');

    const response = await fetch(`${stack.portalUrl}/sign-in?/signIn`, {
      method: 'POST',
      headers: { origin: stack.portalUrl, accept: 'text/html' },
      body: new URLSearchParams({ email: TEST_ADMIN.email, password: TEST_ADMIN.password, next: '/.//evil.example' }),
      redirect: 'manual',
    });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/admin');
  });
});

describe('private pages stay private however their address is spelled', () => {
  it.each(['/%61dmin', '/somerset/%6danage/feedback', '/sign%2Din', '/%73ign-in'])('%s is never stored nor indexed', async (path) => {
    const response = await get(path);
    expect(response.status).toBeLessThan(500);
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    expect(response.headers.get('x-robots-tag')).toBe('noindex');
  });

  it('stores no answer to a signed-in reader, even of a public page', async () => {
    const response = await get('/worcestershire', { cookie: await sessionCookie() });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('private, no-store');
  });
});

describe('no cache anywhere holds what a signed-in person saw', () => {
  interface Sizes {
    caches: Record<string, { entries: number; bytes: number; maxBytes: number }>;
  }
  const sizes = async (base: string) => ((await (await fetch(`${base}/health`)).json()) as Sizes).caches;

  it('keeps no workspace page, nor a public page read signed in, and shows the next reader none of them', async () => {
    const pages = WORKSPACE_PAGES.map((path) => path.replace(WORKSPACE, '/somerset/manage'));
    // Read once anonymously first, so the public page is in the store before the signed-in reads.
    await get('/somerset');
    const [portalBefore, apiBefore] = [await sizes(stack.portalUrl), await sizes(stack.apiUrl)];
    const cookie = await sessionCookie();
    for (const path of [...pages, '/somerset']) {
      const response = await get(path, { cookie });
      expect(response.status, path).toBe(200);
      expect(response.headers.get('cache-control'), path).toBe('private, no-store');
      // Every workspace page names who is signed in; the preview shows the draft in the public layout.
      const text = await response.text();
      if (path.includes('/manage/preview')) expect(text, path).toContain('Preview — not published');
      else if (path.includes('/manage')) expect(text, path).toContain('Pat Publisher');
    }
    // The public stores hold what they held: nothing read signed in went into them.
    const [portalAfter, apiAfter] = [await sizes(stack.portalUrl), await sizes(stack.apiUrl)];
    expect(portalAfter.pages).toEqual(portalBefore.pages);
    expect(apiAfter.reads).toEqual(apiBefore.reads);
    for (const path of [...pages, '/somerset']) {
      const response = await get(path);
      if (path !== '/somerset') {
        expect(response.status, path).toBe(303);
        expect(response.headers.get('location'), path).toMatch(/^\/sign-in/);
      }
      const text = await response.text();
      expect(text, path).not.toContain('Pat Publisher');
      expect(text, path).not.toContain('Preview — not published');
    }
  });
});

describe('public pages for readers and CDNs', () => {
  const PAGE = 'public, max-age=0, s-maxage=60, stale-if-error=86400';
  // Downloads are asked for again every time; the tag makes that cheap.
  it.each([
    ['/worcestershire', PAGE],
    ['/compare', PAGE],
    ['/compare/matrix.csv', 'no-cache'],
  ])('%s carries a strong ETag and says how long it may be kept, and answers 304 to a reader who holds it', async (path, cacheControl) => {
    const first = await get(path, { 'accept-encoding': 'gzip' });
    expect(first.status).toBe(200);
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(first.headers.get('cache-control')).toBe(cacheControl);
    const again = await get(path, { 'accept-encoding': 'gzip', 'if-none-match': etag! });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    // Someone signed in is answered in full and privately, never with the public copy's tag.
    const signedIn = await get(path, { 'accept-encoding': 'gzip', 'if-none-match': etag!, cookie: await sessionCookie() });
    expect(signedIn.status).toBe(200);
    expect(signedIn.headers.get('cache-control')).toBe('private, no-store');
  });
});

describe('the workspace says "not found" for what does not exist', () => {
  it('answers 404 for a version of the page that does not exist', async () => {
    const response = await publisher.goto(`${stack.portalUrl}/somerset/manage/history/999999999`);
    expect(response?.status()).toBe(404);
    expect(await publisher.textContent('h1')).toContain('Page not found');
  });
});
