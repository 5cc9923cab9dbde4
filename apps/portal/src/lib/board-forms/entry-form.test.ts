import { describe, expect, it } from 'vitest';
import { checkEntry, readEntry } from './entry-form';

const form = (entries: [string, string][]) => {
  const data = new FormData();
  for (const [name, value] of entries) data.append(name, value);
  return data;
};
const choices = { targets: ['promise-1', 'promise-2'], actions: ['action-1'] };
const ID = '6f1c1a52-3f7e-4c55-9d0b-1f2e3d4c5b6a';

describe('the "you said, we did" form', () => {
  it('reads an entry, with the promises and actions it touched and the messages it answers', () => {
    const values = readEntry(
      form([
        ['date-day', '12'],
        ['date-month', 'May'],
        ['date-year', '2026'],
        ['source', 'messages'],
        ['youSaid', 'You said you did not know about advocates.'],
        ['weDid', 'We now tell everyone at their first review.'],
        ['promises', 'promise-2'],
        ['actions', 'action-1'],
        ['message', ID],
      ]),
    );
    expect(values.messages).toEqual([ID]);
    expect(checkEntry(values, choices)).toEqual({
      ok: true,
      value: {
        date: '2026-05-12',
        source: 'messages',
        youSaid: 'You said you did not know about advocates.',
        weDid: 'We now tell everyone at their first review.',
        promises: ['promise-2'],
        actions: ['action-1'],
      },
    });
  });

  it('says what is missing or wrong, field by field', () => {
    const checked = checkEntry(
      readEntry(
        form([
          ['date-month', '5'],
          ['date-year', '2026'],
          ['youSaid', 'x'.repeat(1001)],
          ['actions', 'action-9'],
        ]),
      ),
      choices,
    );
    expect(checked).toEqual({
      ok: false,
      wrong: ['day'],
      errors: {
        date: 'Enter the day',
        source: 'Choose where this came from',
        youSaid: 'What young people said must be 1,000 characters or fewer',
        weDid: 'Enter what you did',
        actions: 'Choose the actions it touched from the list',
      },
    });
  });
});
