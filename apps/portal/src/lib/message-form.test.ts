import { describe, expect, it } from 'vitest';
import { messageInput } from '@pledgekeeper/domain/feedback';
import { errorSummary, errorsFromIssues, readMessageForm } from './message-form';

const form = (entries: Record<string, string>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(entries)) data.append(key, value);
  return data;
};

describe('the "Tell us what you think" form', () => {
  it('reads a topic from the list and the words as typed', () => {
    expect(readMessageForm(form({ topic: 'help', message: ' Who do I ask? ' }))).toEqual({ topic: 'help', message: ' Who do I ask? ' });
    expect(readMessageForm(form({ topic: 'my address', message: '' }))).toEqual({ topic: null, message: '' });
  });

  it('links each problem to the field it is about', () => {
    const parsed = messageInput.safeParse({ council: 'somerset', page: '/somerset', topic: null, message: ' ' });
    const errors = errorsFromIssues(parsed.error?.issues ?? []);
    expect(errorSummary(errors)).toEqual([{ href: '#message-text', message: 'Write what you think before you send it' }]);
  });
});
