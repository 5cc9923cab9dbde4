import { describe, expect, it } from 'vitest';
import { progressContent } from '@pledgekeeper/domain/progress';
import { checkAction, checkActionStatus, checkUpdate, nextActionKey, readUpdate, withRecord } from './form-model';

const form = (entries: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(entries)) data.set(name, value);
  return data;
};

describe('progress forms', () => {
  it('change the status of one of the promise’s own actions, and no other', () => {
    const record = {
      target: 'promise-1',
      measure: null,
      actions: [{ key: 'action-2', what: 'Train', responsible: null, due: null, status: 'open' as const }],
      updates: [],
    };
    expect(checkActionStatus({ action: 'action-2', actionStatus: 'done' }, record)).toEqual({
      ok: true,
      value: { key: 'action-2', status: 'done' },
    });
    expect(checkActionStatus({ action: 'action-9', actionStatus: 'finished' }, record)).toEqual({
      ok: false,
      errors: { action: 'Choose one of the actions of this promise', actionStatus: 'Choose its new status' },
    });
    expect(checkActionStatus({ action: 'action-2', actionStatus: 'done' }, undefined).ok).toBe(false);
  });

  it('read an update, with its evidence link, as the domain keeps it', () => {
    const values = readUpdate(
      form({
        'date-day': '12',
        'date-month': '3',
        'date-year': '2025',
        status: 'on-track',
        text: ' Started. ',
        evidenceLabel: 'Minutes',
        evidenceUrl: 'https://example.org/m',
      }),
    );
    const checked = checkUpdate(values);
    expect(checked).toEqual({
      ok: true,
      value: expect.objectContaining({
        date: '2025-03-12',
        text: 'Started.',
        plainWords: null,
        evidence: [{ label: 'Minutes', url: 'https://example.org/m' }],
      }),
    });
  });

  it('put each problem on its own field', () => {
    const typed = {
      'date-day': '12',
      'date-month': '13',
      'date-year': '2025',
      status: 'no-longer-planned',
      text: '',
      evidenceUrl: 'ftp://x',
    };
    const checked = checkUpdate(readUpdate(form(typed)));
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(Object.keys(checked.errors).sort()).toEqual(['date', 'evidenceLabel', 'evidenceUrl', 'reason', 'text']);
    expect(checked.errors.reason).toBe('Say why it is no longer planned');
    // Dates in the date input's own words, marking the box at fault.
    expect([checked.errors.date, checked.wrong]).toEqual(['The date must be a real date', ['month']]);
    expect(checkUpdate(readUpdate(form({ status: 'on-track', text: 'Started.' })))).toEqual({
      ok: false,
      errors: { date: 'Enter the date of the update' },
      wrong: ['day', 'month', 'year'],
    });
    const action = checkAction({ what: '', responsible: '', due: { day: '30', month: '2', year: '2025' }, status: '' }, 'action-1');
    expect(action.ok ? [] : Object.keys(action.errors).sort()).toEqual(['due', 'what']);
    expect(action.ok ? null : action.errors.due).toBe('The date must be a real date');
    // Left empty, the due date is none.
    const undated = checkAction({ what: 'Train', responsible: '', due: { day: '', month: '', year: '' }, status: '' }, 'action-1');
    expect(undated.ok && undated.value.due).toBeNull();
  });

  it('merge a change into one record, making it when there is none, and key new actions uniquely', () => {
    const content = progressContent.parse({
      promises: [
        { target: 'promise-1', actions: [{ key: 'action-4', what: 'A' }] },
        { target: 'promise-2', measure: 'M' },
      ],
    });
    expect(nextActionKey(content)).toBe('action-5');
    const changed = withRecord(content, 'promise-2', (record) => ({ ...record, measure: 'N' }));
    expect(changed.promises.map((r) => [r.target, r.measure])).toEqual([
      ['promise-1', null],
      ['promise-2', 'N'],
    ]);
    expect(withRecord(content, 'theme-home', (record) => record).promises.at(-1)).toEqual({
      target: 'theme-home',
      measure: null,
      actions: [],
      updates: [],
    });
  });
});
