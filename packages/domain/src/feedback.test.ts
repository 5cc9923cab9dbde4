import { describe, expect, it } from 'vitest';
import { FEEDBACK_COMMENT_MAX, feedbackInput } from './feedback.js';
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
