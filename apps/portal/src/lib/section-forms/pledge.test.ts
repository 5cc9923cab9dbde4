import { describe, expect, it } from 'vitest';
import { readValues, type Field } from './form-model';
import { pledgeForm } from './pledge';
import { contentErrors, readSubmission } from './submission';
import { formData } from './test-helpers';

const base = {
  revision: '4',
  title: '',
  introduction: 'We promise.\n\nAll of us.',
  audiences: ['children-in-care'],
  writtenWith: '',
  closing: '',
};

describe('the pledge form', () => {
  it('reads promises with their numbers, themes and principles', () => {
    const submission = readSubmission(
      pledgeForm,
      formData({
        ...base,
        'themes.0.key': 'home',
        'themes.0.title': 'Home',
        'themes.0.description': '',
        'promises.0.number': '1',
        'promises.0.text': ' Listen ',
        'promises.0.themeKey': 'home',
        'promises.0.principles': ['cswa2017-1b', 'cswa2017-1c'],
        'promises.1.number': '',
        'promises.1.text': '',
        'promises.1.themeKey': '',
      }),
    );
    expect(submission.revision).toBe(4);
    expect(submission.content).toEqual({
      title: null,
      promiseNoun: 'promise',
      introduction: ['We promise.', 'All of us.'],
      audiences: ['children-in-care'],
      writtenWith: null,
      themes: [{ key: 'home', title: 'Home', description: null, principles: [] }],
      promises: [
        {
          number: 1,
          text: 'Listen',
          plainWords: null,
          themeKey: 'home',
          audiences: [],
          principles: ['cswa2017-1b', 'cswa2017-1c'],
          localOfferAreas: [],
          rejectedSuggestions: [],
        },
      ],
      closing: [],
    });
  });

  it('reads plain words, theme principles, local offer areas and the suggestions turned down', () => {
    const submission = readSubmission(
      pledgeForm,
      formData({
        ...base,
        'themes.0.key': 'home',
        'themes.0.title': 'Where I live',
        'themes.0.principles': ['cswa2017-1f'],
        'promises.0.text': 'Keep you safe',
        'promises.0.plainWords': ' We will keep you safe. ',
        'promises.0.themeKey': 'home',
        'promises.0.localOfferAreas': ['offer-accommodation'],
        'promises.0.rejectedSuggestions': ['cswa2017-1g'],
      }),
    );
    const pledge = submission.content as { themes: { principles: string[] }[]; promises: Record<string, unknown>[] };
    expect(pledge.themes[0]?.principles).toEqual(['cswa2017-1f']);
    expect(pledge.promises[0]).toMatchObject({
      plainWords: 'We will keep you safe.',
      localOfferAreas: ['offer-accommodation'],
      rejectedSuggestions: ['cswa2017-1g'],
    });
    expect(pledgeForm.fromContent(submission.content)).toMatchObject({
      themes: [{ principles: ['cswa2017-1f'] }],
      promises: [{ plainWords: 'We will keep you safe.', rejectedSuggestions: ['cswa2017-1g'] }],
    });
  });

  it('accepts and turns down a suggestion with a button, keeping everything typed', () => {
    const promise = {
      'promises.0.number': '',
      'promises.0.text': 'Stop bullying and help you find a job',
      'promises.0.plainWords': 'Typed, not saved yet',
    };
    const accepted = readSubmission(
      pledgeForm,
      formData({ ...base, ...promise, 'promises.0.principles': ['cswa2017-1g'], command: 'include:promises:0:principles:cswa2017-1f' }),
    );
    expect((accepted.content as { promises: Record<string, unknown>[] }).promises[0]).toMatchObject({
      principles: ['cswa2017-1f', 'cswa2017-1g'],
      plainWords: 'Typed, not saved yet',
    });
    const rejected = readSubmission(
      pledgeForm,
      formData({ ...base, ...promise, command: 'include:promises:0:rejectedSuggestions:offer-employment' }),
    );
    expect((rejected.content as { promises: Record<string, unknown>[] }).promises[0]).toMatchObject({
      rejectedSuggestions: ['offer-employment'],
    });
    // A principle that is not one of the options is not added.
    const forged = readSubmission(pledgeForm, formData({ ...base, ...promise, command: 'include:promises:0:principles:cswa2017-1z' }));
    expect((forged.content as { promises: Record<string, unknown>[] }).promises[0]).toMatchObject({ principles: [] });
  });

  it('adds a promise and renumbers, keeping everything typed', () => {
    const added = readSubmission(
      pledgeForm,
      formData({ ...base, command: 'add:promises', 'promises.0.number': '7', 'promises.0.text': 'First' }),
    );
    expect(added.values.promises).toHaveLength(2);
    expect((added.content as { promises: unknown[] }).promises).toHaveLength(1);
    const renumbered = readSubmission(
      pledgeForm,
      formData({
        ...base,
        command: 'renumber:promises',
        'promises.0.number': '7',
        'promises.0.text': 'First',
        'promises.1.number': '',
        'promises.1.text': 'Second',
      }),
    );
    expect((renumbered.content as { promises: { number: number }[] }).promises.map((p) => p.number)).toEqual([1, 2]);
  });

  it('offers the themes on the form as choices for each promise', () => {
    const select = (pledgeForm.fields.find((f) => f.name === 'promises') as Extract<Field, { kind: 'group' }>).fields.find(
      (f) => f.name === 'themeKey',
    );
    const values = readValues(
      pledgeForm.fields,
      formData({ 'themes.0.key': 'home', 'themes.0.title': 'Where I live', 'themes.1.key': '', 'themes.1.title': '' }),
    );
    expect(select?.kind === 'select' && typeof select.options === 'function' ? select.options(values) : null).toEqual([
      { value: 'home', label: 'Where I live' },
    ]);
  });

  it("keeps the council's own word for a promise, refusing any other", () => {
    const pledge = readSubmission(
      pledgeForm,
      formData({ ...base, promiseNoun: 'pledge', 'promises.0.number': '1', 'promises.0.text': 'A' }),
    );
    expect(pledge.content).toMatchObject({ promiseNoun: 'pledge' });
    expect(pledgeForm.fromContent(pledge.content)).toMatchObject({ promiseNoun: 'pledge' });
    const vow = readSubmission(pledgeForm, formData({ ...base, promiseNoun: 'vow', 'promises.0.text': 'A' }));
    expect(contentErrors(pledgeForm, vow.content).promiseNoun).toBeTruthy();
    const noun = pledgeForm.fields.find((field) => field.name === 'promiseNoun');
    expect(noun?.kind === 'select' && Array.isArray(noun.options) ? noun.options.map((option) => option.label) : null).toEqual([
      'Pledge 1, Pledge 2…',
      'Promise 1, Promise 2…',
      'Commitment 1, Commitment 2…',
    ]);
  });

  it('saves an empty form as no pledge, and keeps a bad revision as unknown', () => {
    const submission = readSubmission(
      pledgeForm,
      formData({ revision: 'abc', title: '', introduction: '', closing: '', promiseNoun: 'pledge' }),
    );
    expect(submission.content).toBeNull();
    expect(submission.revision).toBeNull();
  });

  it('places schema problems and numbering rules against the promise they concern', () => {
    const badText = readSubmission(pledgeForm, formData({ ...base, 'promises.0.number': 'one', 'promises.0.text': 'Hi' }));
    expect(contentErrors(pledgeForm, badText.content)['promises.0.number']).toMatch(/^Promise 1, number: /);
    const gap = readSubmission(
      pledgeForm,
      formData({
        ...base,
        'promises.0.number': '1',
        'promises.0.text': 'A',
        'promises.1.number': '3',
        'promises.1.text': 'B',
      }),
    );
    expect(contentErrors(pledgeForm, gap.content)['promises.1.number']).toContain('numbers must run 1, 2, 3');
    const noAudience = readSubmission(pledgeForm, formData({ ...base, audiences: [], 'promises.0.text': 'A' }));
    expect(contentErrors(pledgeForm, noAudience.content).audiences).toContain('at least one audience');
  });
});
