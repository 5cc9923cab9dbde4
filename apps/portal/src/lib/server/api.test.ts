import { describe, expect, it } from 'vitest';
import { apiAnswer, noAnswer } from '$lib/testing/api-answers';
import { apiConflict, apiErrorCode, apiHeaders, apiZodError, pageFailure } from './api';

// What the client builds from an API error answer.
const answered = (code: string, extra: Record<string, unknown> = {}) => apiAnswer(code, { httpStatus: 400, ...extra }, 'failed');
const unreachable = noAnswer;

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

describe('apiHeaders', () => {
  it('sends the session as a bearer token and the reader’s address, and no token when signed out', () => {
    expect(apiHeaders({ sessionToken: 'abc', client: '203.0.113.9' })).toEqual({
      authorization: 'Bearer abc',
      'x-pledgekeeper-client': '203.0.113.9',
    });
    expect(apiHeaders({ sessionToken: null, client: '::1' })).toEqual({ 'x-pledgekeeper-client': '::1' });
  });

  it('sends the shared secret with the reader’s address, so that the API believes it', () => {
    expect(apiHeaders({ sessionToken: null, client: '203.0.113.9' }, 'k'.repeat(32))).toEqual({
      'x-pledgekeeper-client': '203.0.113.9',
      'x-pledgekeeper-portal-key': 'k'.repeat(32),
    });
  });
});

describe('apiConflict', () => {
  it('reads the version someone else saved from a CONFLICT answer', () => {
    const conflict = { section: 'pledge', revision: 3, content: null, savedBy: 'Ann', savedAt: '2026-11-25T12:00:00Z' };
    expect(apiConflict(answered('CONFLICT', { conflict }))).toEqual(conflict);
    expect(apiConflict(answered('CONFLICT'))).toBeNull();
    expect(apiConflict(unreachable())).toBeNull();
  });
});
