import { error, type RequestEvent } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { keptForForms } from './kept-for-forms';

const eventOf = (method: string, sessionToken: string | null, path = '/somerset/manage/statement') =>
  ({
    request: new Request(`http://portal.test${path}`, { method }),
    url: new URL(`http://portal.test${path}`),
    locals: { sessionToken },
  }) as unknown as RequestEvent;
const rejected = async (run: () => Promise<unknown>) =>
  run().then(
    () => 'resolved',
    (cause: unknown) => cause,
  );

describe('keptForForms', () => {
  let answer: () => Promise<{ summary: string }>;
  const load = keptForForms('test', () => answer());

  it('shows what this person last saw when their form comes back while the API is away', async () => {
    answer = async () => ({ summary: 'as last seen' });
    expect(await load(eventOf('GET', 'session-a'))).toEqual({ summary: 'as last seen' });
    answer = async () => error(503, 'The workspace is not available right now.');
    expect(await load(eventOf('POST', 'session-a'))).toEqual({ summary: 'as last seen' });
  });

  it('never on a plain visit, never to anyone else, and never for a refusal', async () => {
    answer = async () => ({ summary: 'as last seen' });
    await load(eventOf('GET', 'session-b'));
    answer = async () => error(503, 'The workspace is not available right now.');
    expect(await rejected(() => load(eventOf('GET', 'session-b')))).toMatchObject({ status: 503 });
    expect(await rejected(() => load(eventOf('POST', 'session-c')))).toMatchObject({ status: 503 });
    expect(await rejected(() => load(eventOf('POST', null)))).toMatchObject({ status: 503 });
    expect(await rejected(() => load(eventOf('POST', 'session-b', '/somerset/manage/pledge')))).toMatchObject({ status: 503 });
    answer = async () => error(403, 'No role here.');
    expect(await rejected(() => load(eventOf('POST', 'session-b')))).toMatchObject({ status: 403 });
  });
});
