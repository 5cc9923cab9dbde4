import { TRPCClientError } from '@trpc/client';
import { describe, expect, it } from 'vitest';
import { apiErrorCode, apiZodError, pageFailure } from './api';

// What the client builds from an API error answer.
const answered = (code: string, extra: Record<string, unknown> = {}) =>
  new TRPCClientError<never>('failed', {
    result: { error: { message: 'failed', code: -32000, data: { code, httpStatus: 400, ...extra } } } as never,
  });
const unreachable = () => TRPCClientError.from(new TypeError('fetch failed'));

describe('apiErrorCode', () => {
  it('reads the tRPC code from an answer, and null when there was none', () => {
    expect(apiErrorCode(answered('NOT_FOUND'))).toBe('NOT_FOUND');
    expect(apiErrorCode(unreachable())).toBeNull();
    expect(apiErrorCode(new Error('not from the API'))).toBeNull();
  });
});

describe('apiZodError', () => {
  it('returns the flattened zod error of a BAD_REQUEST answer', () => {
    const zodError = { formErrors: [], fieldErrors: { comment: ['Too long'] } };
    expect(apiZodError(answered('BAD_REQUEST', { zodError }))).toEqual(zodError);
    expect(apiZodError(answered('BAD_REQUEST'))).toBeNull();
    expect(apiZodError(unreachable())).toBeNull();
  });
});

describe('pageFailure', () => {
  it('turns an unknown or malformed council into a 404', () => {
    expect(pageFailure(answered('NOT_FOUND')).status).toBe(404);
    expect(pageFailure(answered('BAD_REQUEST')).status).toBe(404);
  });

  it('says 503 when the API cannot be reached and 502 when it fails, with no detail', () => {
    expect(pageFailure(unreachable())).toEqual({
      status: 503,
      message: 'Council pages are not available right now. Please try again in a few minutes.',
    });
    expect(pageFailure(answered('INTERNAL_SERVER_ERROR')).status).toBe(502);
  });
});
