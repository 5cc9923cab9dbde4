import { describe, expect, it } from 'vitest';
import { diffContent } from './diff.js';
import { type EditionContent, editionContent, emptyContent } from './workspace.js';

const base = (): EditionContent =>
  editionContent.parse({
    statement: { paragraphs: ['We are corporate parents.'] },
    pledge: {
      title: 'Our pledge',
      introduction: ['We promise:'],
      audiences: ['children-in-care'],
      themes: [
        { key: 'home', title: 'Where I live' },
        { key: 'school', title: 'My education' },
      ],
      promises: [
        { number: 1, text: 'We will listen to you.', themeKey: 'home', principles: ['cswa2017-1b'] },
        { number: 2, text: 'We will help you at school.', themeKey: 'school' },
        { number: 3, text: 'We will find you a good home.', themeKey: 'home' },
      ],
    },
    board: { name: 'Corporate Parenting Board', purpose: [], cadence: { kind: 'every-n-months', months: 2 } },
    contacts: [{ team: 'Children in care team', phone: '01905 000000' }],
  });

const edit = (change: (content: EditionContent) => void): EditionContent => {
  const content = structuredClone(base());
  change(content);
  return content;
};
const promises = (content: EditionContent) => content.pledge!.promises;

describe('the difference between two editions', () => {
  it('is nothing between equal content', () => {
    expect(diffContent(base(), base())).toEqual([]);
  });

  it('names a promise whose text changed', () => {
    const after = edit((c) => {
      promises(c)[2]!.text = 'We will find you a safe, stable home.';
    });
    expect(diffContent(base(), after)).toEqual([
      {
        section: 'pledge',
        path: 'pledge.promises.2.text',
        label: 'Promise 3: text',
        kind: 'changed',
        before: 'We will find you a good home.',
        after: 'We will find you a safe, stable home.',
      },
    ]);
  });

  it('shows an added promise as added, not as every later promise changed', () => {
    const after = edit((c) => {
      promises(c).push({
        number: 4,
        text: 'We will celebrate you.',
        plainWords: null,
        themeKey: 'school',
        audiences: [],
        principles: [],
        localOfferAreas: [],
        rejectedSuggestions: [],
      });
    });
    expect(diffContent(base(), after)).toEqual([
      expect.objectContaining({ label: 'Promise 4', kind: 'added', before: null, after: 'We will celebrate you.' }),
    ]);
  });

  it('shows a removed promise, and the promises after it renumbered', () => {
    const after = edit((c) => {
      c.pledge!.promises = [promises(c)[0]!, { ...promises(c)[2]!, number: 2 }];
    });
    expect(diffContent(base(), after)).toEqual([
      expect.objectContaining({
        path: 'pledge.promises.1',
        label: 'Promise 2',
        kind: 'removed',
        before: 'We will help you at school.',
        after: null,
      }),
      expect.objectContaining({ path: 'pledge.promises.1.number', label: 'Promise 2: number', kind: 'changed', before: '3', after: '2' }),
    ]);
  });

  it('shows promises reordered and renumbered as new numbers', () => {
    const after = edit((c) => {
      const [first, second, third] = promises(c);
      c.pledge!.promises = [
        { ...third!, number: 1 },
        { ...first!, number: 2 },
        { ...second!, number: 3 },
      ];
    });
    const changes = diffContent(base(), after);
    expect(changes.map((c) => [c.label, c.before, c.after])).toEqual(
      expect.arrayContaining([
        ['Promise 2: number', '1', '2'],
        ['Promise 3: number', '2', '3'],
      ]),
    );
    expect(changes.every((c) => c.section === 'pledge')).toBe(true);
  });

  it('shows a renamed theme once, not once per promise under it', () => {
    const after = edit((c) => {
      c.pledge!.themes[0]!.title = 'My home';
    });
    expect(diffContent(base(), after)).toEqual([
      {
        section: 'pledge',
        path: 'pledge.themes.0.title',
        label: 'Theme 1: title',
        kind: 'changed',
        before: 'Where I live',
        after: 'My home',
      },
    ]);
  });

  it('names a promise moved to another theme by the theme titles', () => {
    const after = edit((c) => {
      promises(c)[0]!.themeKey = 'school';
    });
    expect(diffContent(base(), after)).toEqual([
      expect.objectContaining({ label: 'Promise 1: theme', before: 'Where I live', after: 'My education' }),
    ]);
  });

  it('names principles by their short names', () => {
    const after = edit((c) => {
      promises(c)[0]!.principles = ['cswa2017-1b', 'cswa2017-1g'];
    });
    expect(diffContent(base(), after)).toEqual([
      expect.objectContaining({ label: 'Promise 1: principles', before: 'Express views', after: 'Express views, Preparing for adulthood' }),
    ]);
  });

  it('names plain words, theme principles and turned-down suggestions', () => {
    const after = edit((c) => {
      promises(c)[2]!.plainWords = 'We will find you a good place to live.';
      promises(c)[1]!.rejectedSuggestions = ['cswa2017-1e', 'offer-education'];
      c.pledge!.themes[0]!.principles = ['cswa2017-1f'];
    });
    expect(diffContent(base(), after)).toEqual([
      {
        section: 'pledge',
        path: 'pledge.themes.0.principles',
        label: 'Theme 1: principles',
        kind: 'added',
        before: null,
        after: 'Safety and stability',
      },
      {
        section: 'pledge',
        path: 'pledge.promises.1.rejectedSuggestions',
        label: 'Promise 2: suggestions turned down',
        kind: 'added',
        before: null,
        after: 'High aspirations, Education and training',
      },
      {
        section: 'pledge',
        path: 'pledge.promises.2.plainWords',
        label: 'Promise 3: plain words',
        kind: 'added',
        before: null,
        after: 'We will find you a good place to live.',
      },
    ]);
  });

  it('describes a change of board cadence in words', () => {
    const after = edit((c) => {
      c.board!.cadence = { kind: 'times-per-year', times: 4 };
    });
    expect(diffContent(base(), after)).toEqual([
      {
        section: 'board',
        path: 'board.cadence',
        label: 'Board meets',
        kind: 'changed',
        before: 'every two months',
        after: '4 times a year',
      },
    ]);
  });

  it('names a contact whose phone number changed', () => {
    const after = edit((c) => {
      c.contacts[0]!.phone = '01905 111111';
    });
    expect(diffContent(base(), after)).toEqual([
      {
        section: 'contacts',
        path: 'contacts.0.phone',
        label: 'Contact 1: phone',
        kind: 'changed',
        before: '01905 000000',
        after: '01905 111111',
      },
    ]);
  });

  it('shows a statement paragraph inserted at the top as one addition', () => {
    const after = edit((c) => {
      c.statement.paragraphs.unshift('Every child matters.');
    });
    expect(diffContent(base(), after)).toEqual([
      expect.objectContaining({ section: 'statement', label: 'Statement paragraph 1', kind: 'added', after: 'Every child matters.' }),
    ]);
  });

  it('shows a whole pledge and board appearing on an empty page', () => {
    const changes = diffContent(emptyContent(), base());
    expect(changes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ section: 'pledge', path: 'pledge', label: 'Pledge', kind: 'added', after: 'Our pledge' }),
        expect.objectContaining({ section: 'board', label: 'Board', kind: 'added', after: 'Corporate Parenting Board' }),
        expect.objectContaining({ section: 'contacts', label: 'Contact 1', kind: 'added', after: 'Children in care team' }),
      ]),
    );
  });
});
