import { describe, expect, it } from 'vitest';
import { board, memberStatement } from './board.js';
import { involvementOpportunity } from './involvement.js';
import { type PledgeContent, pledgeContent } from './pledge.js';
import {
  confirmedWording,
  hasSuggestedMappings,
  hasSuggestedWording,
  keepSuggestedWhereUnchanged,
  suggestedWordingOf,
  withoutConfirmed,
} from './suggested-wording.js';

/** Two promises with Pledgekeeper's plain words and links, one of the council's own, and a theme we mapped. */
const seeded = (): PledgeContent =>
  pledgeContent.parse({
    introduction: [],
    audiences: ['children-in-care'],
    themes: [{ key: 'home', title: 'Where I live', principles: ['cswa2017-1f'], principlesSuggested: true }],
    promises: [
      {
        number: 1,
        text: 'Support and help you to keep safe',
        plainWords: 'We will help you stay safe.',
        principles: ['cswa2017-1f'],
        plainWordsSuggested: true,
        principlesSuggested: true,
      },
      {
        number: 2,
        text: 'Help you be healthy',
        plainWords: 'We will help you be well.',
        principles: ['cswa2017-1a', 'cswa2017-1g'],
        plainWordsSuggested: true,
        principlesSuggested: true,
      },
      { number: 3, text: 'Listen to you', plainWords: 'We will listen.', principles: ['cswa2017-1b'] },
    ],
  });

const marks = (pledge: PledgeContent) => ({
  promises: pledge.promises.map((p) => [p.plainWordsSuggested, p.principlesSuggested]),
  themes: pledge.themes.map((t) => t.principlesSuggested),
});

describe('suggested wording', () => {
  it('is nobody’s suggestion unless marked: content written by a council carries no marks', () => {
    const own = pledgeContent.parse({ introduction: [], audiences: ['carers'], promises: [{ text: 'We care', plainWords: 'We care' }] });
    expect(hasSuggestedWording(own)).toBe(false);
    expect(suggestedWordingOf(own)).toEqual({ promises: [], themes: [] });
    expect(hasSuggestedWording(null)).toBe(false);
  });

  it('lists only the suggested parts, in the pledge’s order', () => {
    expect(suggestedWordingOf(seeded())).toEqual({
      promises: [
        { number: 1, text: 'Support and help you to keep safe', plainWords: 'We will help you stay safe.', principles: ['cswa2017-1f'] },
        { number: 2, text: 'Help you be healthy', plainWords: 'We will help you be well.', principles: ['cswa2017-1a', 'cswa2017-1g'] },
      ],
      themes: [{ key: 'home', title: 'Where I live', principles: ['cswa2017-1f'] }],
    });
    expect(hasSuggestedMappings(seeded())).toBe(true);
  });

  it('stays a suggestion through a save that leaves it alone, even when promises move', () => {
    const before = seeded();
    const after = structuredClone(before);
    after.promises.reverse();
    // Whatever a form sends as marks is ignored: the council's own promise 3 stays the council's.
    after.promises[0]!.plainWordsSuggested = true;
    expect(marks(keepSuggestedWhereUnchanged(before, after))).toEqual({
      promises: [
        [false, false],
        [true, true],
        [true, true],
      ],
      themes: [true],
    });
  });

  it('becomes the council’s where an editor writes or changes the words or the links', () => {
    const before = seeded();
    const after = structuredClone(before);
    after.promises[0]!.plainWords = 'We will keep you safe.';
    after.promises[1]!.principles = ['cswa2017-1a'];
    after.themes[0]!.principles = ['cswa2017-1f', 'cswa2017-1b'];
    expect(marks(keepSuggestedWhereUnchanged(before, after))).toEqual({
      promises: [
        [false, true],
        [true, false],
        [false, false],
      ],
      themes: [false],
    });
    // A promise whose formal text changed is a new promise: its words are whoever wrote them now.
    const renamed = structuredClone(before);
    renamed.promises[0]!.text = 'Keep you safe';
    expect(marks(keepSuggestedWhereUnchanged(before, renamed)).promises[0]).toEqual([false, false]);
    // Without a previous pledge there is nothing of ours to keep.
    expect(hasSuggestedWording(keepSuggestedWhereUnchanged(null, before))).toBe(false);
  });

  it('loses its marks once confirmed, and only where the same words were confirmed', () => {
    expect(hasSuggestedWording(confirmedWording(seeded()))).toBe(false);
    const published = seeded();
    const draft = structuredClone(published);
    // A draft restored from an older edition, whose plain words the publisher never saw.
    draft.promises[1]!.plainWords = 'Older words we suggested.';
    expect(marks(withoutConfirmed(draft, published))).toEqual({
      promises: [
        [false, false],
        [true, false],
        [false, false],
      ],
      themes: [false],
    });
  });
});

describe('who sits on a board', () => {
  const parsed = (value: object) => board.parse({ name: 'Board', purpose: [], ...value });

  it('says yes, no, or nothing at all: a kind the council does not name is not stated', () => {
    const somerset = parsed({ membership: ['elected-members', 'officers', 'partner-agencies'] });
    expect(memberStatement(somerset, 'officers')).toBe('yes');
    expect(memberStatement(somerset, 'young-people')).toBeNull();
    const stated = parsed({ membership: ['officers'], notMembers: ['young-people'] });
    expect(memberStatement(stated, 'young-people')).toBe('no');
    expect(memberStatement({ membership: [], notMembers: undefined as never }, 'carers')).toBeNull();
  });

  it('refuses a kind that both sits and does not sit on it', () => {
    const result = board.safeParse({ name: 'Board', purpose: [], membership: ['carers'], notMembers: ['carers'] });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['notMembers']);
  });
});

describe('a way to get involved', () => {
  it('may give a web address, and only a web address', () => {
    const base = { kinds: ['fundraising'], text: 'Raise money for STAR' };
    expect(involvementOpportunity.parse(base).url).toBeNull();
    expect(involvementOpportunity.parse({ ...base, url: 'https://example.org/star' }).url).toBe('https://example.org/star');
    expect(involvementOpportunity.safeParse({ ...base, url: 'javascript:alert(1)' }).success).toBe(false);
  });
});
