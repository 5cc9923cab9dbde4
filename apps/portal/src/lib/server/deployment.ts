/** How the portal is deployed, read from the environment by `env.ts`: https, proxies, memory. */
export interface Deployment {
  /** ORIGIN is https: browsers should never come back over plain http. */
  https: boolean;
  /** adapter-node's ADDRESS_HEADER: where a reverse proxy puts the reader's address. */
  addressHeader: string | null;
  /** Most bytes the public-page cache may hold; 0 turns it off. */
  pageCacheBytes: number;
  /**
   * Other addresses of this same portal that forms may be sent from, besides ORIGIN: on one
   * machine, http://127.0.0.1:3000 beside http://localhost:3000. From TRUSTED_ORIGINS.
   */
  trustedOrigins: string[];
}

type Source = Record<string, string | undefined>;

export const DEFAULT_PAGE_CACHE_BYTES = 32 * 1024 * 1024;

export function readDeployment(source: Source): Deployment {
  const raw = source.PAGE_CACHE_BYTES?.trim();
  const pageCacheBytes = raw ? Number(raw) : DEFAULT_PAGE_CACHE_BYTES;
  if (!Number.isSafeInteger(pageCacheBytes) || pageCacheBytes < 0) {
    throw new Error(`PAGE_CACHE_BYTES must be a whole number of bytes, 0 or more, not "${raw}"`);
  }
  return {
    https: /^https:\/\//i.test(source.ORIGIN?.trim() ?? ''),
    addressHeader: source.ADDRESS_HEADER?.trim() || null,
    pageCacheBytes,
    trustedOrigins: readOrigins(source.TRUSTED_ORIGINS),
  };
}

// Origins exactly as browsers send them ("http://127.0.0.1:3000"): anything more would never match.
function readOrigins(raw: string | undefined): string[] {
  const origins = (raw ?? '').split(/[\s,]+/).filter(Boolean);
  for (const origin of origins) {
    let parsed: URL | null = null;
    try {
      parsed = new URL(origin);
    } catch {
      // Reported below.
    }
    if (!parsed || !/^https?:$/.test(parsed.protocol) || parsed.origin !== origin) {
      throw new Error(`TRUSTED_ORIGINS must list origins such as http://127.0.0.1:3000 (no path or trailing slash), not "${origin}"`);
    }
  }
  return origins;
}

// A year, and for subdomains too: the usual value, and what preload lists ask for.
const HSTS = 'max-age=31536000; includeSubDomains';

/** Headers every response carries for how the portal is served. */
export const transportHeaders = (deployment: Deployment): Record<string, string> =>
  deployment.https ? { 'Strict-Transport-Security': HSTS } : {};

/**
 * On https the portal almost always sits behind a reverse proxy. Without ADDRESS_HEADER every
 * reader looks like the proxy, so one person's failed sign-ins would lock everyone out.
 */
export function proxyWarning(deployment: Deployment): string | null {
  if (!deployment.https || deployment.addressHeader) return null;
  return (
    'ORIGIN is https but ADDRESS_HEADER is not set: behind a reverse proxy every reader will look like the proxy ' +
    'and share one sign-in limit. Set ADDRESS_HEADER (e.g. X-Forwarded-For) and XFF_DEPTH to match your proxy.'
  );
}
