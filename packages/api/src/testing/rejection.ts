import { TRPCError } from '@trpc/server';
import { expect } from 'vitest';

/** Expects the call to be refused with this tRPC code, and returns the error for further checks. */
export async function rejection(promise: Promise<unknown>, code: TRPCError['code']): Promise<TRPCError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCError);
  expect((error as TRPCError).code).toBe(code);
  return error as TRPCError;
}
