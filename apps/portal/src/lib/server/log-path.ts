/**
 * A request's path as it may be written to a log: an invitation's token is a secret (whoever
 * holds it can take the invitation), so it is never written, however the address is spelled.
 */
export function loggablePath(routeId: string | null, pathname: string): string {
  if (routeId?.startsWith('/invitations/[token]')) return '/invitations/[token]';
  let decoded = pathname;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    // Malformed escapes: redact the path as it came.
  }
  return decoded.replace(/^\/invitations\/[^/]+/i, '/invitations/[token]');
}
