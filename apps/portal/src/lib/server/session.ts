import type { Cookies } from '@sveltejs/kit';

export const SESSION_COOKIE = 'pk_session';

/** Seconds from now until the session ends, never negative. */
export const secondsUntil = (expiresAt: string, now: Date = new Date()): number =>
  Math.max(0, Math.floor((Date.parse(expiresAt) - now.getTime()) / 1000));

/** HttpOnly, SameSite=Lax, Secure on https, gone when the session is. */
export function setSessionCookie(cookies: Cookies, url: URL, token: string, expiresAt: string): void {
  cookies.set(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: url.protocol === 'https:',
    maxAge: secondsUntil(expiresAt),
  });
}

export function clearSessionCookie(cookies: Cookies, url: URL): void {
  cookies.delete(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure: url.protocol === 'https:' });
}

// One slash, then anything but a second slash or a backslash (which browsers read as a slash).
const isLocalPath = (path: string): boolean => /^\/(?![/\\])/.test(path);

/**
 * Where to go after signing in: a path on this site only, never another site. The path is checked
 * after normalising too, since "/.//evil", "/a/..//evil" and "/%2e%2e//evil" all become "//evil".
 */
export function safeNext(next: string | null | undefined, fallback = '/'): string {
  if (!next || !isLocalPath(next)) return fallback;
  try {
    const base = 'http://portal.invalid';
    const url = new URL(next, base);
    return url.origin === base && isLocalPath(url.pathname) ? `${url.pathname}${url.search}${url.hash}` : fallback;
  } catch {
    return fallback;
  }
}

/** The sign-in page, coming back here afterwards. */
export const signInPath = (url: URL): string => `/sign-in?next=${encodeURIComponent(`${url.pathname}${url.search}`)}`;

/** Pages for signed-in people: never indexed, never cached by anyone in between. */
export const isPrivatePath = (path: string): boolean =>
  /^\/(sign-in|sign-out|admin|invitations|account)(\/|$)/.test(path) || /^\/[^/]+\/manage(\/|$)/.test(path);

/**
 * The same, decided from the route SvelteKit matched: "/%61dmin" matches "/admin" though its
 * pathname does not read "/admin". The decoded path is checked too, for requests matching no route.
 */
export function isPrivateRequest(routeId: string | null, pathname: string): boolean {
  if (routeId !== null && isPrivatePath(routeId)) return true;
  try {
    return isPrivatePath(decodeURIComponent(pathname));
  } catch {
    return isPrivatePath(pathname);
  }
}
