import { describe, expect, it } from 'vitest';
import { isPrivatePath, isPrivateRequest, safeNext, secondsUntil, signInPath } from './session';

describe('safeNext', () => {
  it('keeps a path on this site, with its query', () => {
    expect(safeNext('/somerset/manage/pledge?x=1')).toBe('/somerset/manage/pledge?x=1');
  });

  it.each(['https://evil.example/', '//evil.example', '/\\evil.example', 'javascript:alert(1)', '', null, undefined, 'manage'])(
    'refuses %s and goes to the fallback',
    (next) => {
      expect(safeNext(next, '/home')).toBe('/home');
    },
  );

  // Each of these normalises to "//evil…" or "/\\evil…", which a browser follows to another site.
  it.each(['/.//evil.example', '/..//evil', '/a/..//evil', '/%2e%2e//evil', '/./\\evil', '/a/../\\evil', '/%2E%2E//evil'])(
    'refuses %s, which normalises to another site',
    (next) => {
      expect(safeNext(next, '/home')).toBe('/home');
    },
  );

  it.each([
    ['/', '/'],
    ['/somerset', '/somerset'],
    ['/a/../somerset/manage', '/somerset/manage'],
    ['/./somerset?x=1#top', '/somerset?x=1#top'],
    ['/somerset//manage', '/somerset//manage'],
  ])('keeps %s as %s', (next, kept) => {
    expect(safeNext(next, '/home')).toBe(kept);
  });
});

describe('session helpers', () => {
  it('counts the seconds to expiry, never below zero', () => {
    const now = new Date('2026-11-25T12:00:00Z');
    expect(secondsUntil('2026-11-25T13:00:00Z', now)).toBe(3600);
    expect(secondsUntil('2026-11-25T11:00:00Z', now)).toBe(0);
  });

  it('sends people to sign in and back to where they were', () => {
    expect(signInPath(new URL('http://portal.test/somerset/manage?a=b'))).toBe('/sign-in?next=%2Fsomerset%2Fmanage%3Fa%3Db');
  });

  it('knows which pages are private', () => {
    for (const path of ['/sign-in', '/admin', '/invitations/abc', '/somerset/manage', '/somerset/manage/pledge']) {
      expect(isPrivatePath(path)).toBe(true);
    }
    for (const path of ['/', '/somerset', '/managers', '/somerset/manager']) expect(isPrivatePath(path)).toBe(false);
  });

  it('knows private pages by the route they matched, however their address is spelled', () => {
    expect(isPrivateRequest('/admin', '/%61dmin')).toBe(true);
    expect(isPrivateRequest('/[council]/manage/feedback', '/worcestershire/%6danage/feedback')).toBe(true);
    expect(isPrivateRequest('/sign-in', '/sign%2Din')).toBe(true);
    expect(isPrivateRequest('/invitations/[token]', '/invitations/abc')).toBe(true);
    // No route matched: the decoded path decides.
    expect(isPrivateRequest(null, '/%61dmin/nothing')).toBe(true);
    expect(isPrivateRequest(null, '/%zz')).toBe(false);
    expect(isPrivateRequest('/[council]', '/somerset')).toBe(false);
    expect(isPrivateRequest('/compare', '/compare')).toBe(false);
  });
});
