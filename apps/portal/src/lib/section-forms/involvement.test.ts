import { describe, expect, it } from 'vitest';
import { involvementForm } from './involvement';
import { contentErrors, readSubmission } from './submission';
import { formData } from './test-helpers';

describe('the involvement form', () => {
  it('reads opportunities with their kinds and drops removed ones', () => {
    const { content } = readSubmission(
      involvementForm,
      formData({
        introduction: 'Join in.',
        command: 'remove:opportunities:0',
        'opportunities.0.text': 'Gone',
        'opportunities.0.organisation': '',
        'opportunities.1.kinds': ['fundraising'],
        'opportunities.1.text': 'Raise money',
        'opportunities.1.organisation': 'Trust',
        'opportunities.1.url': 'https://trust.example.org/give',
      }),
    );
    expect(content).toEqual({
      introduction: 'Join in.',
      opportunities: [{ kinds: ['fundraising'], text: 'Raise money', organisation: 'Trust', url: 'https://trust.example.org/give' }],
    });
  });

  it('keeps a way to get involved without a web address, and refuses an address that is not a web address', () => {
    const { content } = readSubmission(
      involvementForm,
      formData({ 'opportunities.0.kinds': ['other'], 'opportunities.0.text': 'Help', 'opportunities.0.url': 'javascript:alert(1)' }),
    );
    expect(Object.keys(contentErrors(involvementForm, content))).toEqual(['opportunities.0.url']);
    const plain = readSubmission(involvementForm, formData({ 'opportunities.0.kinds': ['other'], 'opportunities.0.text': 'Help' }));
    expect(plain.content).toMatchObject({ opportunities: [{ url: null }] });
  });

  it('asks for a kind for each opportunity', () => {
    const { content } = readSubmission(involvementForm, formData({ 'opportunities.0.text': 'Help' }));
    expect(Object.keys(contentErrors(involvementForm, content))).toEqual(['opportunities.0.kinds']);
  });
});
