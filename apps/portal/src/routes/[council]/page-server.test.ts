import { isActionFailure, isHttpError } from '@sveltejs/kit';
import { beforeEach, describe, expect, it, vi } from 'vitest';

import { apiAnswer, noAnswer } from '$lib/testing/api-answers';
import { actions, load } from './+page.server';

const query = vi.fn();
const mutate = vi.fn();
const send = vi.fn();
// The per-request client hooks.server.ts puts in locals, standing in for the API.
const progress = vi.fn();
const locals = {
  sessionToken: null,
  api: {
    council: { page: { query } },
    progress: { published: { query: progress } },
    feedback: { submit: { mutate }, send: { mutate: send } },
  },
};

const answered = apiAnswer;
const down = noAnswer;

// Only the parts of a request event these functions read.
const event = (council: string, fields: Record<string, string> = {}, search = '?/feedback') => {
  const body = new URLSearchParams(fields);
  const url = new URL(`http://portal.test/${council}${search}`);
  const request = new Request(url, { method: 'POST', body });
  return { params: { council }, request, url, locals } as unknown as Parameters<typeof load>[0] & Parameters<typeof actions.feedback>[0];
};
const visit = (council: string, search = '') => {
  const url = new URL(`http://portal.test/${council}${search}`);
  return { params: { council }, request: new Request(url), url, locals } as unknown as Parameters<typeof load>[0];
};
const thrown = async (run: () => unknown) => {
  try {
    await run();
  } catch (error) {
    return error;
  }
  throw new Error('expected it to throw');
};

beforeEach(() => {
  query.mockReset();
  mutate.mockReset();
  send.mockReset();
  progress.mockReset();
  progress.mockRejectedValue(down());
});

describe('load', () => {
  it('turns NOT_FOUND into a 404 and an unreachable API into a 503', async () => {
    query.mockRejectedValueOnce(answered('NOT_FOUND'));
    expect(await thrown(() => load(event('nowhere')))).toMatchObject({ status: 404 });
    query.mockRejectedValueOnce(down());
    const failure = await thrown(() => load(event('somerset')));
    expect(isHttpError(failure, 503)).toBe(true);
  });

  it('shows the council’s page without "you said, we did" when its progress cannot be read', async () => {
    const council = { slug: 'somerset', name: 'Somerset Council', brandColour: null, brandName: null };
    query.mockResolvedValueOnce({ council, pledge: null });
    expect(await load(event('somerset'))).toMatchObject({ page: { council }, youSaid: [] });
  });
});

describe('"Tell us if we\'re not keeping this"', () => {
  const council = { slug: 'worcestershire', name: 'Worcestershire County Council', brandColour: null, brandName: null };
  const pledge = {
    promiseNoun: 'pledge',
    themes: [],
    promises: [{ number: 3, text: 'Make sure your learning is a priority', plainWords: null, themeKey: null }],
  };

  it('starts the message form with the promise the link names, when the page shows it', async () => {
    query.mockResolvedValue({ council, pledge });
    expect(await load(visit('worcestershire', '?about=promise-3'))).toMatchObject({
      targets: [{ target: 'promise-3', label: 'Pledge 3', words: 'Make sure your learning is a priority' }],
      startingMessage: { topic: 'promises', about: 'promise-3', message: '' },
    });
    expect(await load(visit('worcestershire', '?about=promise-9'))).toMatchObject({ startingMessage: { topic: null, about: null } });
  });

  it("puts the API's refusal of a promise that is not the council's on the field, keeping what was typed", async () => {
    send.mockRejectedValueOnce(answered('BAD_REQUEST', {}, 'That is not one of the promises.'));
    const result = await actions.message(event('worcestershire', { topic: 'promises', about: 'promise-9', message: 'Hello' }, '?/message'));
    expect(send).toHaveBeenCalledWith({
      council: 'worcestershire',
      page: '/worcestershire',
      topic: 'promises',
      about: 'promise-9',
      message: 'Hello',
    });
    expect(result).toMatchObject({
      status: 400,
      data: { messageValues: { about: 'promise-9', message: 'Hello' }, messageErrors: { about: 'That is not one of the promises.' } },
    });
  });
});

describe('the feedback action', () => {
  it('sends a valid answer to the API for this council’s page', async () => {
    mutate.mockResolvedValueOnce({ received: true });
    const result = await actions.feedback(event('somerset', { helpful: 'no', comment: '  Hard to find  ' }));
    expect(result).toEqual({ sent: true });
    expect(mutate).toHaveBeenCalledWith({ council: 'somerset', page: '/somerset', helpful: false, comment: 'Hard to find' });
  });

  it('refuses an incomplete answer without calling the API, keeping what was typed', async () => {
    const result = await actions.feedback(event('somerset', { comment: 'Typed text' }));
    expect(isActionFailure(result)).toBe(true);
    expect(result).toMatchObject({
      status: 400,
      data: { values: { helpful: null, comment: 'Typed text' }, errors: { helpful: expect.any(String) } },
    });
    expect(mutate).not.toHaveBeenCalled();
  });

  it('shows the API’s own validation messages, and a plain apology when it is down', async () => {
    mutate.mockRejectedValueOnce(answered('BAD_REQUEST', { zodError: { formErrors: [], fieldErrors: { comment: ['Not allowed'] } } }));
    expect(await actions.feedback(event('somerset', { helpful: 'yes', comment: 'x' }))).toMatchObject({
      status: 400,
      data: { errors: { comment: 'Not allowed' } },
    });
    mutate.mockRejectedValueOnce(down());
    expect(await actions.feedback(event('somerset', { helpful: 'yes' }))).toMatchObject({
      status: 503,
      data: { errors: { form: expect.stringContaining('try again') } },
    });
  });

  it('answers 404 for a council that does not exist', async () => {
    mutate.mockRejectedValueOnce(answered('NOT_FOUND'));
    expect(await thrown(() => actions.feedback(event('nowhere', { helpful: 'yes' })))).toMatchObject({ status: 404 });
    expect(await thrown(() => actions.feedback(event('Not A Slug', { helpful: 'yes' })))).toMatchObject({ status: 404 });
  });
});
