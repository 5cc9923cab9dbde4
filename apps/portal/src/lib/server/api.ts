import type { AppRouter } from '@pledgekeeper/api';
import { createTRPCClient, httpLink, isTRPCClientError } from '@trpc/client';
import { env } from './env';

const API_TIMEOUT_MS = 10_000;

// A slow API must not hold a reader's request open forever.
const fetchWithTimeout: typeof fetch = (input, init) => {
  const timeout = AbortSignal.timeout(API_TIMEOUT_MS);
  const signal = init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
  return fetch(input, { ...init, signal });
};

// httpLink, not the batch link: one GET per query keeps responses cacheable.
export const api = createTRPCClient<AppRouter>({
  links: [httpLink({ url: `${env.apiUrl}/trpc`, fetch: fetchWithTimeout })],
});

/** The tRPC code the API answered with, or null when it gave no answer (down, timed out). */
export function apiErrorCode(error: unknown): string | null {
  if (!isTRPCClientError(error)) return null;
  const code: unknown = (error.data as { code?: unknown } | null | undefined)?.code;
  return typeof code === 'string' ? code : null;
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
  return { status: code === null ? 503 : 502, message };
}
