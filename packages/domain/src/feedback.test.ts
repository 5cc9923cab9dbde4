import { describe, expect, it } from 'vitest';
import { FEEDBACK_COMMENT_MAX, MESSAGE_MAX, feedbackInput, messageInput, tallyFeedback } from './feedback.js';
import { plainText } from './text.js';

describe('feedback from a reader', () => {
  const valid = { council: 'somerset', page: '/somerset', helpful: true };

  it('needs only yes or no', () => {
    expect(feedbackInput.parse(valid)).toEqual({ ...valid, comment: null });
  });

  it('trims the comment and treats a blank one as none', () => {
    expect(feedbackInput.parse({ ...valid, comment: '  Thanks  ' }).comment).toBe('Thanks');
    expect(feedbackInput.parse({ ...valid, comment: ' \n ' }).comment).toBeNull();
  });

  it('bounds the comment', () => {
    expect(feedbackInput.safeParse({ ...valid, comment: 'a'.repeat(FEEDBACK_COMMENT_MAX) }).success).toBe(true);
    expect(feedbackInput.safeParse({ ...valid, comment: 'a'.repeat(FEEDBACK_COMMENT_MAX + 1) }).error?.issues[0]?.message).toBe(
      'Your comment must be at most 1200 characters',
    );
  });

  it('keeps script and HTML as the text it is, and refuses control characters', () => {
    expect(feedbackInput.parse({ ...valid, comment: '<script>alert(1)</script>' }).comment).toBe('<script>alert(1)</script>');
    expect(feedbackInput.safeParse({ ...valid, comment: 'a\u0000b' }).success).toBe(false);
  });

  it('asks for nothing personal: unknown fields are dropped', () => {
    expect(feedbackInput.parse({ ...valid, email: 'me@example.org', name: 'Sam' })).not.toHaveProperty('email');
  });

  it('takes a page only as a path on this site', () => {
    for (const page of ['https://example.org/', 'javascript:alert(1)', '/Somerset', '/a?b=c']) {
      expect(feedbackInput.safeParse({ ...valid, page }).success, page).toBe(false);
    }
  });
});

describe('plain text', () => {
  it('is trimmed, not empty, bounded and free of control characters', () => {
    const text = plainText(10);
    expect(text.parse('  Hello  ')).toBe('Hello');
    expect(text.safeParse('   ').success).toBe(false);
    expect(text.safeParse('a'.repeat(11)).success).toBe(false);
    expect(plainText(40).safeParse('tab\there\nand newline').success).toBe(true);
    expect(text.safeParse('bell\u0007').success).toBe(false);
  });
});

describe('"Tell us what you think"', () => {
  const valid = { council: 'somerset', page: '/somerset', message: 'More about money when I leave care please' };

  it('needs words, and no more than the limit', () => {
    expect(messageInput.parse(valid)).toEqual({ ...valid, topic: null, about: null });
    expect(messageInput.safeParse({ ...valid, message: '   ' }).error?.issues[0]?.message).toBe('Write what you think before you send it');
    expect(messageInput.safeParse({ ...valid, message: 'a'.repeat(MESSAGE_MAX + 1) }).error?.issues[0]?.message).toBe(
      'Your message must be at most 2,000 characters',
    );
  });

  it('takes a topic from the list only', () => {
    expect(messageInput.parse({ ...valid, topic: 'help' }).topic).toBe('help');
    expect(messageInput.safeParse({ ...valid, topic: 'my social worker' }).success).toBe(false);
  });

  it('may say which promise or theme it is about, named as progress names it', () => {
    expect(messageInput.parse({ ...valid, topic: 'promises', about: 'promise-3' }).about).toBe('promise-3');
    expect(messageInput.parse({ ...valid, about: 'theme-where-i-live' }).about).toBe('theme-where-i-live');
    expect(messageInput.safeParse({ ...valid, about: 'Pledge 3' }).success).toBe(false);
    expect(messageInput.safeParse({ ...valid, about: 'promise-0' }).success).toBe(false);
  });

  it('asks for nothing personal: unknown fields are dropped', () => {
    expect(messageInput.parse({ ...valid, name: 'Sam', email: 'sam@example.org' })).not.toHaveProperty('name');
  });
});

describe('feedback tallies', () => {
  const at = (createdAt: string, kind: 'helpful' | 'message', helpful: boolean | null, page = '/somerset') => ({
    page,
    kind,
    helpful,
    createdAt,
  });

  it('counts each page by month, newest month first', () => {
    const tallies = tallyFeedback([
      at('2026-10-03T10:00:00.000Z', 'helpful', true),
      at('2026-11-01T10:00:00.000Z', 'helpful', true),
      at('2026-11-02T10:00:00.000Z', 'helpful', false),
      at('2026-11-02T11:00:00.000Z', 'message', null),
      at('2026-11-05T11:00:00.000Z', 'helpful', true, '/somerset/card'),
    ]);
    expect(tallies).toEqual([
      { page: '/somerset', month: '2026-11', helpful: 1, notHelpful: 1, messages: 1 },
      { page: '/somerset/card', month: '2026-11', helpful: 1, notHelpful: 0, messages: 0 },
      { page: '/somerset', month: '2026-10', helpful: 1, notHelpful: 0, messages: 0 },
    ]);
  });
});
