import { describe, expect, it } from 'vitest';
import { messageInput } from '@pledgekeeper/domain/feedback';
import { errorSummary, errorsFromIssues, readMessageForm, startingValues } from './message-form';

const form = (entries: Record<string, string>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(entries)) data.append(key, value);
  return data;
};

describe('the "Tell us what you think" form', () => {
  it('reads a topic from the list and the words as typed', () => {
    expect(readMessageForm(form({ topic: 'help', message: ' Who do I ask? ' }))).toEqual({
      topic: 'help',
      about: null,
      message: ' Who do I ask? ',
    });
    expect(readMessageForm(form({ topic: 'my address', about: '', message: '' }))).toEqual({ topic: null, about: null, message: '' });
  });

  it('reads which promise it is about, if any', () => {
    expect(readMessageForm(form({ topic: 'promises', about: 'promise-3', message: 'x' })).about).toBe('promise-3');
  });

  it('starts with the promise a "Tell us if we\'re not keeping this" link names, if the page shows it', () => {
    const offered = [{ target: 'promise-1' }, { target: 'promise-3' }];
    expect(startingValues('promise-3', offered)).toEqual({ topic: 'promises', about: 'promise-3', message: '' });
    expect(startingValues('promise-12', offered)).toEqual({ topic: null, about: null, message: '' });
    expect(startingValues('<b>', offered)).toEqual({ topic: null, about: null, message: '' });
    expect(startingValues(null, offered)).toEqual({ topic: null, about: null, message: '' });
  });

  it('links each problem to the field it is about', () => {
    const parsed = messageInput.safeParse({ council: 'somerset', page: '/somerset', topic: null, message: ' ' });
    const errors = errorsFromIssues(parsed.error?.issues ?? []);
    expect(errorSummary(errors)).toEqual([{ href: '#message-text', message: 'Write what you think before you send it' }]);
  });
});
