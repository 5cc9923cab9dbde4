import { describe, expect, it } from 'vitest';
import { FEEDBACK_COMMENT_MAX, feedbackInput } from '@pledgekeeper/domain/feedback';
import { errorSummary, errorsFromFlattened, errorsFromIssues, readFeedbackForm } from './feedback-form';

const form = (entries: Record<string, string>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(entries)) data.append(key, value);
  return data;
};

describe('readFeedbackForm', () => {
  it('reads yes, no and the comment as typed', () => {
    expect(readFeedbackForm(form({ helpful: 'yes', comment: ' Clear ' }))).toEqual({ helpful: 'yes', comment: ' Clear ' });
    expect(readFeedbackForm(form({ helpful: 'no' }))).toEqual({ helpful: 'no', comment: '' });
  });

  it('treats a missing or unexpected answer as no answer', () => {
    expect(readFeedbackForm(form({})).helpful).toBeNull();
    expect(readFeedbackForm(form({ helpful: 'maybe' })).helpful).toBeNull();
  });
});

describe('errorsFromIssues', () => {
  it('maps the shared schema’s messages onto the form’s fields, first message per field', () => {
    const parsed = feedbackInput.safeParse({
      council: 'somerset',
      page: '/somerset',
      comment: 'x'.repeat(FEEDBACK_COMMENT_MAX + 1),
    });
    expect(parsed.success).toBe(false);
    const errors = errorsFromIssues(parsed.error!.issues);
    expect(errors.helpful).toBe('Say whether the page was helpful: yes or no');
    expect(errors.comment).toBe(`Your comment must be at most ${FEEDBACK_COMMENT_MAX} characters`);
    expect(errors.form).toBeUndefined();
  });

  it('puts problems that belong to no field on the form', () => {
    expect(errorsFromIssues([{ path: ['council'], message: 'bad council' }])).toEqual({ form: 'bad council' });
    expect(errorsFromIssues([{ path: [], message: 'bad input' }])).toEqual({ form: 'bad input' });
  });
});

describe('errorsFromFlattened', () => {
  it('reads the API’s { formErrors, fieldErrors }', () => {
    const errors = errorsFromFlattened({
      formErrors: [],
      fieldErrors: { comment: ['Too long', 'Also bad'], helpful: ['Say yes or no'] },
    });
    expect(errors).toEqual({ comment: 'Too long', helpful: 'Say yes or no' });
  });

  it('ignores anything that is not that shape', () => {
    expect(errorsFromFlattened(null)).toEqual({});
    expect(errorsFromFlattened('oops')).toEqual({});
    expect(errorsFromFlattened({ fieldErrors: { comment: 'not a list' } })).toEqual({});
  });
});

describe('errorSummary', () => {
  it('lists field errors in form order, linking to each field', () => {
    expect(errorSummary({ comment: 'Too long', helpful: 'Say yes or no' })).toEqual([
      { href: '#feedback-helpful-yes', message: 'Say yes or no' },
      { href: '#feedback-comment', message: 'Too long' },
    ]);
  });

  it('puts a form-wide problem first, without a link', () => {
    expect(errorSummary({ form: 'Try later' })).toEqual([{ href: null, message: 'Try later' }]);
    expect(errorSummary({})).toEqual([]);
  });
});
