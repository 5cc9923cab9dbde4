import { error, isActionFailure, isHttpError, isRedirect, redirect } from '@sveltejs/kit';
import { TRPCClientError } from '@trpc/client';
import { describe, expect, it } from 'vitest';
import { apiAnswer } from '$lib/testing/api-answers';
import { actionFailed, loadFailed } from './failures';

const answered = (code: string) => apiAnswer(code, {}, `The API said ${code}`);
const url = new URL('http://portal.test/somerset/manage/pledge');
const thrown = (run: () => unknown): unknown => {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected it to throw');
};

describe('loadFailed', () => {
  it('sends the signed-out to sign in and answers 403, 404 and 503 otherwise', () => {
    const signIn = thrown(() => loadFailed(answered('UNAUTHORIZED'), url));
    expect(isRedirect(signIn) && signIn.location).toBe('/sign-in?next=%2Fsomerset%2Fmanage%2Fpledge');
    expect(
      isHttpError(
        thrown(() => loadFailed(answered('FORBIDDEN'), url)),
        403,
      ),
    ).toBe(true);
    expect(
      isHttpError(
        thrown(() => loadFailed(answered('NOT_FOUND'), url)),
        404,
      ),
    ).toBe(true);
    expect(
      isHttpError(
        thrown(() => loadFailed(TRPCClientError.from(new TypeError('fetch failed')), url)),
        503,
      ),
    ).toBe(true);
  });
});

describe('SvelteKit’s own answers and our own mistakes', () => {
  // Thrown inside a `try` around an API call, these reach the catch: they must come out unchanged.
  const notFound = thrown(() => error(404, 'We could not find this version.'));
  const toSignIn = thrown(() => redirect(303, '/sign-in'));
  const bug = new TypeError('x is undefined');

  it('pass through loadFailed unchanged, so a missing version stays a 404', () => {
    expect(thrown(() => loadFailed(notFound, url))).toBe(notFound);
    expect(thrown(() => loadFailed(toSignIn, url))).toBe(toSignIn);
    expect(thrown(() => loadFailed(bug, url))).toBe(bug);
  });

  it('pass through actionFailed unchanged', () => {
    expect(thrown(() => actionFailed(notFound, url, {}))).toBe(notFound);
    expect(thrown(() => actionFailed(toSignIn, url, {}))).toBe(toSignIn);
  });

  it('leave a database outage reported by the API a 503, like no answer at all', () => {
    expect(
      isHttpError(
        thrown(() => loadFailed(answered('SERVICE_UNAVAILABLE'), url)),
        503,
      ),
    ).toBe(true);
    expect(actionFailed(answered('SERVICE_UNAVAILABLE'), url, { values: 'kept' })).toMatchObject({ status: 503, data: { values: 'kept' } });
  });
});

describe('actionFailed', () => {
  it('ends a forbidden action with a 403 page', () => {
    expect(
      isHttpError(
        thrown(() => actionFailed(answered('FORBIDDEN'), url, {})),
        403,
      ),
    ).toBe(true);
  });

  it('brings refusals of what was asked back to the form with the API’s message', () => {
    const failure = actionFailed(answered('CONFLICT'), url, { step: 'publish' });
    expect(isActionFailure(failure)).toBe(true);
    expect(failure).toMatchObject({ status: 409, data: { step: 'publish', message: 'The API said CONFLICT' } });
    expect(actionFailed(answered('TOO_MANY_REQUESTS'), url, {})).toMatchObject({ status: 429 });
    expect(actionFailed(answered('INTERNAL_SERVER_ERROR'), url, {})).toMatchObject({ status: 503 });
  });
});
