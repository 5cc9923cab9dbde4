import { TRPCClientError } from '@trpc/client';

/**
 * The error the tRPC client raises for an answer from the API, built the way the client builds
 * it from the wire: `data.code` and anything the API adds (a conflict, a zod error).
 */
export const apiAnswer = (code: string, data: Record<string, unknown> = {}, message = code): TRPCClientError<never> =>
  TRPCClientError.from({ error: { message, code: -32000, data: { code, ...data } } });

/** The error the client raises when the API gave no answer at all. */
export const noAnswer = (): TRPCClientError<never> => TRPCClientError.from(new TypeError('fetch failed'));
