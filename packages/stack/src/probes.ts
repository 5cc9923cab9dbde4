/** Polls until `condition` is true; rejects after `timeoutMs`. Returns how long it took. */
export async function waitFor(condition: () => Promise<boolean> | boolean, timeoutMs: number, everyMs = 100): Promise<number> {
  const started = Date.now();
  for (;;) {
    if (await condition()) return Date.now() - started;
    if (Date.now() - started > timeoutMs) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

/** The HTTP status of a GET, or 0 when nothing answered within `timeoutMs`. */
export async function status(url: string, init: RequestInit = {}, timeoutMs = 10_000): Promise<number> {
  try {
    const response = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
    await response.arrayBuffer();
    return response.status;
  } catch {
    return 0;
  }
}

export interface TrpcAnswer {
  status: number;
  code: string | null;
  message: string | null;
  ms: number;
}

/** One tRPC call over HTTP: a query (GET) or a mutation (POST). Never throws; 0 means no answer in time. */
export async function trpc(
  base: string,
  kind: 'query' | 'mutation',
  path: string,
  input: unknown,
  headers: Record<string, string> = {},
  timeoutMs = 20_000,
): Promise<TrpcAnswer> {
  const started = Date.now();
  const url = kind === 'query' ? `${base}/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}` : `${base}/trpc/${path}`;
  const init: RequestInit =
    kind === 'query'
      ? { headers }
      : { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(input) };
  try {
    const response = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
    const body = (await response.json().catch(() => ({}))) as { error?: { message?: string; data?: { code?: string } } };
    return {
      status: response.status,
      code: body.error?.data?.code ?? null,
      message: body.error?.message ?? null,
      ms: Date.now() - started,
    };
  } catch {
    return { status: 0, code: null, message: null, ms: Date.now() - started };
  }
}
