import { describe, expect, it } from 'vitest';
import { boardForm } from './board';
import { contentErrors, readSubmission } from './submission';
import { formData } from './test-helpers';

describe('the board form', () => {
  it('reads the cadence from its kind and count, and more information only when given', () => {
    const { content } = readSubmission(
      boardForm,
      formData({
        name: 'Corporate Parenting Board',
        abbreviation: 'CPB',
        purpose: 'To check.',
        'cadence.kind': 'every-n-months',
        'cadence.count': '2',
        membership: ['officers', 'young-people'],
        membershipText: '',
        'moreInfo.text': '',
        'moreInfo.url': '',
      }),
    );
    expect(content).toEqual({
      name: 'Corporate Parenting Board',
      abbreviation: 'CPB',
      purpose: ['To check.'],
      cadence: { kind: 'every-n-months', months: 2 },
      membership: ['officers', 'young-people'],
      notMembers: [],
      membershipText: null,
      moreInfo: null,
    });
  });

  it('records who the council says is not on the board, and refuses anyone ticked as both', () => {
    const { content } = readSubmission(
      boardForm,
      formData({ name: 'Board', purpose: 'To check.', membership: ['officers'], notMembers: ['young-people', 'officers'] }),
    );
    expect(content).toMatchObject({ membership: ['officers'], notMembers: ['young-people', 'officers'] });
    expect(contentErrors(boardForm, content).notMembers).toContain('A kind of member cannot both sit on the board and not sit on it');
    // Unticked in both lists: not stated.
    expect(boardForm.fromContent({ name: 'Board', purpose: [], membership: ['officers'] })).toMatchObject({ notMembers: [] });
  });

  it('saves an empty form as no board and puts a bad address against its field', () => {
    expect(readSubmission(boardForm, formData({ name: '', purpose: '', 'cadence.kind': '' })).content).toBeNull();
    const { content } = readSubmission(
      boardForm,
      formData({ name: 'Board', 'moreInfo.text': 'More', 'moreInfo.url': 'javascript:alert(1)' }),
    );
    expect(contentErrors(boardForm, content)['moreInfo.url']).toContain('web address');
  });
});
