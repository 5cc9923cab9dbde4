// What the API and the portal say of their caches on `GET /health`, read after the load for issue
// 14's "every cache bounded in bytes, and reported". A server that does not say yet (no such route,
// or no `caches` in its answer) is reported as such, not as a failure of the run.

/** One server's caches by name ({ entries, bytes, maxBytes }), or null with the reason it gave none. */
export async function readCaches(service, url) {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
    const text = await response.text();
    if (response.status !== 200) return { service, caches: null, note: `answered ${response.status}` };
    const body = JSON.parse(text);
    const caches = body !== null && typeof body.caches === 'object' && body.caches !== null ? body.caches : null;
    return {
      service,
      caches,
      ...(typeof body.live === 'boolean' ? { live: body.live } : {}),
      note: caches ? '' : 'no caches in its answer',
    };
  } catch (error) {
    return { service, caches: null, note: error instanceof SyntaxError ? 'not JSON' : error.message };
  }
}

/** Both servers' reports, the API's first. */
export const readStackCaches = (stack) =>
  Promise.all([readCaches('API', `${stack.apiUrl}/health`), readCaches('portal', `${stack.portalUrl}/health`)]);

/** A line per server: each cache's bytes of its bound and its entries, or why none was reported. */
export const cacheLines = (reports) =>
  reports.map(({ service, caches, live, note }) => {
    const liveText = live === undefined ? '' : ` (live: ${live})`;
    if (!caches) return `${service}${liveText}: no caches reported (${note})`;
    const each = Object.entries(caches).map(
      ([name, cache]) => `${name} ${cache?.bytes} / ${cache?.maxBytes} bytes, ${cache?.entries} entries`,
    );
    return `${service}${liveText}: ${each.length > 0 ? each.join('; ') : 'no caches reported'}`;
  });
