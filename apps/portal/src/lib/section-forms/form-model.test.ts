import { describe, expect, it } from 'vitest';
import {
  applyCommand,
  filledCount,
  filledItems,
  itemsShown,
  linesOf,
  numberOf,
  paragraphsOf,
  readCommand,
  readValues,
  type Field,
} from './form-model';

const fields: Field[] = [
  { kind: 'text', name: 'title', label: 'Title' },
  { kind: 'checkboxes', name: 'audiences', label: 'Audiences', options: [] },
  {
    kind: 'group',
    name: 'promises',
    label: 'Promises',
    itemLabel: 'Promise',
    renumber: 'number',
    fields: [
      { kind: 'number', name: 'number', label: 'Number' },
      { kind: 'textarea', name: 'text', label: 'Text' },
      { kind: 'checkboxes', name: 'principles', label: 'Principles', options: [] },
    ],
  },
];

const form = (entries: [string, string][]) => {
  const data = new FormData();
  for (const [name, value] of entries) data.append(name, value);
  return data;
};

describe('readValues', () => {
  it('reads scalars, repeated checkboxes and items in index order, whatever order they were posted in', () => {
    const values = readValues(
      fields,
      form([
        ['title', 'Our pledge'],
        ['audiences', 'carers'],
        ['audiences', 'care-leavers'],
        ['promises.10.text', 'Tenth'],
        ['promises.2.text', 'Second'],
        ['promises.2.principles', 'cswa2017-1a'],
        ['promises.2.number', '2'],
      ]),
    );
    expect(values).toEqual({
      title: 'Our pledge',
      audiences: ['carers', 'care-leavers'],
      promises: [
        { number: '2', text: 'Second', principles: ['cswa2017-1a'] },
        { number: '', text: 'Tenth', principles: [] },
      ],
    });
  });

  it('gives empty values for fields that were not posted', () => {
    expect(readValues(fields, form([]))).toEqual({ title: '', audiences: [], promises: [] });
  });
});

describe('readCommand', () => {
  it('reads the button pressed and falls back to saving on anything unexpected', () => {
    expect(readCommand(form([['command', 'add:promises']]))).toEqual({ kind: 'add', group: 'promises' });
    expect(readCommand(form([['command', 'remove:promises:3']]))).toEqual({ kind: 'remove', group: 'promises', index: 3 });
    expect(readCommand(form([['command', 'renumber:promises']]))).toEqual({ kind: 'renumber', group: 'promises' });
    expect(readCommand(form([['command', 'up:promises:x']]))).toEqual({ kind: 'save' });
    expect(readCommand(form([['command', 'include:promises:2:principles:cswa2017-1f']]))).toEqual({
      kind: 'include',
      group: 'promises',
      index: 2,
      field: 'principles',
      value: 'cswa2017-1f',
    });
    expect(readCommand(form([['command', 'include:promises:2:principles:<b>']]))).toEqual({ kind: 'save' });
    expect(readCommand(form([['command', 'include:promises:2::cswa2017-1f']]))).toEqual({ kind: 'save' });
    expect(readCommand(form([['command', 'explode']]))).toEqual({ kind: 'save' });
    expect(readCommand(form([]))).toEqual({ kind: 'save' });
  });
});

describe('applyCommand', () => {
  const values = {
    title: 'x',
    promises: [
      { number: '3', text: 'A', principles: [] },
      { number: '1', text: 'B', principles: [] },
      { number: '', text: 'C', principles: [] },
    ],
  };
  const texts = (result: ReturnType<typeof applyCommand>) => (result.promises as { text: string }[]).map((p) => p.text);

  it('adds an empty item at the end', () => {
    const result = applyCommand(fields, values, { kind: 'add', group: 'promises' });
    expect(result.promises).toHaveLength(4);
    expect((result.promises as unknown[])[3]).toEqual({ number: '', text: '', principles: [] });
    expect(values.promises).toHaveLength(3);
  });

  it('removes, moves up and moves down, ignoring moves off either end', () => {
    expect(texts(applyCommand(fields, values, { kind: 'remove', group: 'promises', index: 1 }))).toEqual(['A', 'C']);
    expect(texts(applyCommand(fields, values, { kind: 'up', group: 'promises', index: 2 }))).toEqual(['A', 'C', 'B']);
    expect(texts(applyCommand(fields, values, { kind: 'down', group: 'promises', index: 0 }))).toEqual(['B', 'A', 'C']);
    expect(texts(applyCommand(fields, values, { kind: 'up', group: 'promises', index: 0 }))).toEqual(['A', 'B', 'C']);
    expect(texts(applyCommand(fields, values, { kind: 'down', group: 'promises', index: 2 }))).toEqual(['A', 'B', 'C']);
    expect(applyCommand(fields, values, { kind: 'add', group: 'nothing' })).toBe(values);
  });

  it('renumbers filled items 1 to n in the order shown', () => {
    const result = applyCommand(fields, values, { kind: 'renumber', group: 'promises' });
    expect((result.promises as { number: string }[]).map((p) => p.number)).toEqual(['1', '2', '3']);
  });

  it('leaves blank items out of what is saved', () => {
    const added = applyCommand(fields, values, { kind: 'add', group: 'promises' });
    expect(filledItems(added, 'promises')).toHaveLength(3);
  });
});

describe('text conversions', () => {
  it('splits paragraphs at blank lines and lists at line ends, dropping empties', () => {
    expect(paragraphsOf('One\nstill one\r\n\r\n  Two  \n \n\n')).toEqual(['One\nstill one', 'Two']);
    expect(linesOf(' a \n\n b\r\nc ')).toEqual(['a', 'b', 'c']);
    expect(paragraphsOf(undefined)).toEqual([]);
  });

  it('turns digits into numbers, blanks into null and passes anything else on for the API to refuse', () => {
    expect(numberOf(' 12 ')).toBe(12);
    expect(numberOf('')).toBeNull();
    expect(numberOf('twelve')).toBe('twelve');
  });
});

describe('lists a new council types straight into', () => {
  const promises = fields[2] as Extract<Field, { kind: 'group' }>;
  const startingThree = { ...promises, startWith: 3 };

  it('shows an empty list as empty items, numbered in turn, and a list with items as it is', () => {
    expect(itemsShown(startingThree, [])).toEqual([
      { number: '1', text: '', principles: [] },
      { number: '2', text: '', principles: [] },
      { number: '3', text: '', principles: [] },
    ]);
    expect(itemsShown(startingThree, [{ number: '1', text: 'We will listen.', principles: [] }])).toHaveLength(1);
    expect(itemsShown(promises, [])).toEqual([]);
  });

  it('saves only the items typed into: the number the form filled in is not typing', () => {
    const values = {
      promises: [
        { number: '1', text: 'We will listen.', principles: [] },
        { number: '2', text: '', principles: [] },
      ],
    };
    expect(filledItems(values, 'promises', 'number')).toEqual([values.promises[0]]);
    expect(filledCount(startingThree, values.promises)).toBe(1);
    // Without naming the number, an item with only a number is something typed, as before.
    expect(filledItems(values, 'promises')).toHaveLength(2);
  });

  it('reads "Save and continue" and "Save and send for review" as saves that go on', () => {
    expect(readCommand(form([['command', 'save-next']]))).toEqual({ kind: 'save', then: 'next' });
    expect(readCommand(form([['command', 'save-review']]))).toEqual({ kind: 'save', then: 'review' });
    expect(readCommand(form([['command', 'save']]))).toEqual({ kind: 'save' });
  });
});
