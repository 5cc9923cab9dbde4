import { describe, expect, it } from 'vitest';
import { statementForm } from './statement';
import { contentErrors, readSubmission } from './submission';
import { formData } from './test-helpers';

describe('the statement form', () => {
  it('reads paragraphs, one point per line and corporate parents in order', () => {
    const { content } = readSubmission(
      statementForm,
      formData({
        summary: '  ',
        paragraphs: 'First.\n\nSecond.',
        goodParentMeans: 'Listening\nCaring\n',
        'corporateParents.0.kind': 'health',
        'corporateParents.0.label': 'The NHS',
        'corporateParents.1.kind': 'police',
        'corporateParents.1.label': 'Police',
        command: 'up:corporateParents:1',
      }),
    );
    expect(content).toEqual({
      summary: null,
      paragraphs: ['First.', 'Second.'],
      corporateParents: [
        { kind: 'police', label: 'Police' },
        { kind: 'health', label: 'The NHS' },
      ],
      goodParentMeans: ['Listening', 'Caring'],
      helpfulQuestion: null,
    });
  });

  it('keeps the council’s own question above the feedback form, and round-trips it', () => {
    const { content } = readSubmission(statementForm, formData({ paragraphs: '', helpfulQuestion: ' Was this information helpful? ' }));
    expect(content).toMatchObject({ helpfulQuestion: 'Was this information helpful?' });
    expect(statementForm.fromContent(content)).toMatchObject({ helpfulQuestion: 'Was this information helpful?' });
  });

  it('says which corporate parent lacks a kind', () => {
    const { content } = readSubmission(
      statementForm,
      formData({ paragraphs: '', 'corporateParents.0.kind': '', 'corporateParents.0.label': 'Schools' }),
    );
    expect(Object.keys(contentErrors(statementForm, content))).toEqual(['corporateParents.0.kind']);
  });
});
