import { describe, expect, it } from 'vitest';
import { auditNote, decide } from './lifecycle.js';
import { SECTION_LABELS, pageEditionKind } from './page-edition.js';
import { SECTIONS, emptyContent } from './workspace.js';

const council = { slug: 'somerset', name: 'Somerset County Council', kind: 'county', nation: 'england', contact: null } as never;

describe("a council's page as content with a lifecycle", () => {
  it('labels every section', () => {
    expect(Object.keys(SECTION_LABELS).sort()).toEqual([...SECTIONS].sort());
    expect(auditNote(pageEditionKind(council), { action: 'save', version: 2, part: 'training', revision: 1 }).summary).toBe(
      'Saved the training offers of draft version 2',
    );
  });

  it('refuses to save a pledge that breaks the rules, but not other sections', () => {
    const kind = pageEditionKind(council);
    const pledge = {
      title: 'Our pledge',
      introduction: [],
      audiences: [],
      writtenWith: null,
      themes: [],
      closing: [],
      promises: [
        {
          number: 2,
          text: 'We will listen.',
          plainWords: null,
          themeKey: null,
          audiences: [],
          principles: [],
          localOfferAreas: [],
          rejectedSuggestions: [],
        },
      ],
    };
    expect(kind.partProblems('pledge', pledge).length).toBeGreaterThan(0);
    expect(kind.partProblems('pledge', null)).toEqual([]);
    expect(kind.partProblems('contacts', [])).toEqual([]);
    expect(() =>
      decide(kind, { action: 'save', role: 'editor', state: 'none', published: false, part: { name: 'pledge', content: pledge } }),
    ).toThrow(/^The pledge cannot be saved until this is fixed: /);
  });

  it("checks the whole page's rules before it goes for review", () => {
    const kind = pageEditionKind(council);
    expect(kind.problems(emptyContent())).toEqual(expect.any(Array));
  });
});
