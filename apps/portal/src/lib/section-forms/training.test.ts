import { describe, expect, it } from 'vitest';
import { contentErrors, readSubmission } from './submission';
import { formData } from './test-helpers';
import { trainingForm } from './training';

describe('the training form', () => {
  it('reads offers, with registration only when some of it is given', () => {
    const { content } = readSubmission(
      trainingForm,
      formData({
        'offers.0.title': 'Basics',
        'offers.0.description': 'What it means.',
        'offers.0.duration': '',
        'offers.0.registration.text': '',
        'offers.0.registration.email': 'cp@council.gov.uk',
        'offers.0.registration.url': '',
        'offers.1.title': 'Advanced',
        'offers.1.description': 'More.',
        'offers.1.registration.email': '',
      }),
    );
    expect(content).toEqual([
      {
        title: 'Basics',
        description: ['What it means.'],
        duration: null,
        registration: { text: null, email: 'cp@council.gov.uk', url: null },
      },
      { title: 'Advanced', description: ['More.'], duration: null, registration: null },
    ]);
  });

  it('puts a bad registration email against its field', () => {
    const { content } = readSubmission(trainingForm, formData({ 'offers.0.title': 'Basics', 'offers.0.registration.email': 'nope' }));
    expect(Object.keys(contentErrors(trainingForm, content))).toEqual(['offers.0.registration.email']);
  });
});
