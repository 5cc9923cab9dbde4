import type { AppRouter } from '@pledgekeeper/api';
import { CLIENT_HEADER, PORTAL_KEY_HEADER } from '@pledgekeeper/domain/http-headers';
import { createTRPCClient, httpLink, isTRPCClientError } from '@trpc/client';
import { REQUEST_ID_HEADER } from '@pledgekeeper/domain/http-headers';
import type { SectionConflictDetail } from '@pledgekeeper/domain/workspace';
import { env } from './env';

const API_TIMEOUT_MS = 10_000;

// A slow API must not hold a reader's request open forever.
const fetchWithTimeout: typeof fetch = (input, init) => {
  const timeout = AbortSignal.timeout(API_TIMEOUT_MS);
  const signal = init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
  return fetch(input, { ...init, signal });
};

/**
 * The headers that tell the API who is asking: the session, if any, and the reader's address,
 * which the API believes only with the shared secret beside it (anyone could send an address).
 */
export function apiHeaders(
  who: { sessionToken: string | null; client: string; requestId?: string },
  secret = env.secret,
): Record<string, string> {
  const headers: Record<string, string> = { [CLIENT_HEADER]: who.client };
  if (secret) headers[PORTAL_KEY_HEADER] = secret;
  if (who.sessionToken) headers.authorization = `Bearer ${who.sessionToken}`;
  // The reader's request id, so the API's log lines for it carry the same id as ours.
  if (who.requestId) headers[REQUEST_ID_HEADER] = who.requestId;
  return headers;
}

// httpLink, not the batch link: one GET per query keeps responses cacheable.
const createClient = (headers: Record<string, string>) =>
  createTRPCClient<AppRouter>({
    links: [httpLink({ url: `${env.apiUrl}/trpc`, fetch: fetchWithTimeout, headers })],
  });

export type Api = ReturnType<typeof createClient>;

/** A client for one request, speaking for whoever made it. */
export const createApi = (who: { sessionToken: string | null; client: string; requestId?: string }): Api => createClient(apiHeaders(who));

/** The tRPC code the API answered with, or null when it gave no answer (down, timed out). */
export function apiErrorCode(error: unknown): string | null {
  if (!isTRPCClientError(error)) return null;
  const code: unknown = (error.data as { code?: unknown } | null | undefined)?.code;
  return typeof code === 'string' ? code : null;
}

/** The API gave no answer (down, timed out) or said it cannot reach its database: try again later. */
export function apiUnavailable(error: unknown): boolean {
  const code = apiErrorCode(error);
  return code === null || code === 'SERVICE_UNAVAILABLE';
}

/** The message the API gave with its answer, or null when it gave none. */
export function apiMessage(error: unknown): string | null {
  return isTRPCClientError(error) && apiErrorCode(error) !== null ? error.message : null;
}

/** What the API sends with a CONFLICT on a section: the version someone else saved. */
export type SectionConflictData = SectionConflictDetail;

export function apiConflict(error: unknown): SectionConflictData | null {
  if (!isTRPCClientError(error)) return null;
  const conflict = (error.data as { conflict?: unknown } | null | undefined)?.conflict;
  if (typeof conflict !== 'object' || conflict === null) return null;
  const { revision } = conflict as { revision?: unknown };
  return typeof revision === 'number' ? (conflict as SectionConflictData) : null;
}

/** The `{ formErrors, fieldErrors }` the API adds to BAD_REQUEST answers, when present. */
export function apiZodError(error: unknown): unknown {
  if (!isTRPCClientError(error)) return null;
  return (error.data as { zodError?: unknown } | null | undefined)?.zodError ?? null;
}

export interface PageFailure {
  status: number;
  message: string;
}

/** What a reader is told when loading a page from the API fails. */
export function pageFailure(error: unknown): PageFailure {
  const code = apiErrorCode(error);
  // A slug the API refuses as malformed names no council either.
  if (code === 'NOT_FOUND' || code === 'BAD_REQUEST') {
    return { status: 404, message: 'We could not find a council at this address.' };
  }
  const message = 'Council pages are not available right now. Please try again in a few minutes.';
  return { status: apiUnavailable(error) ? 503 : 502, message };
}
