import { describe, expect, it } from 'vitest';
import { eventsForm } from './events';
import { readSubmission } from './submission';
import { formData } from './test-helpers';

describe('the events form', () => {
  it('reads offers and moves one down', () => {
    const { content } = readSubmission(
      eventsForm,
      formData({
        command: 'down:offers:0',
        'offers.0.title': '',
        'offers.0.description': 'Talks.',
        'offers.0.callToAction': 'Invite us.',
        'offers.1.title': 'Stall',
        'offers.1.description': 'At fairs.',
        'offers.1.callToAction': '',
      }),
    );
    expect(content).toEqual([
      { title: 'Stall', description: ['At fairs.'], callToAction: null },
      { title: null, description: ['Talks.'], callToAction: 'Invite us.' },
    ]);
  });
});
