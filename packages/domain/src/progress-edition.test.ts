import { describe, expect, it } from 'vitest';
import { auditNote, decide } from './lifecycle.js';
import { pledgeContent } from './pledge.js';
import { progressEditionKind, progressTargets, unknownTargets } from './progress-edition.js';
import { type ProgressContent, progressContent } from './progress.js';
import { Refusal } from './refusal.js';

const numbered = pledgeContent.parse({
  introduction: [],
  audiences: ['children-in-care'],
  promises: [
    { number: 1, text: 'We will listen' },
    { number: 2, text: 'We will help' },
  ],
});
const themed = pledgeContent.parse({
  introduction: [],
  audiences: ['care-leavers'],
  themes: [
    { key: 'home', title: 'Where I live' },
    { key: 'health', title: 'My health' },
  ],
});

const records = (...targets: string[]): ProgressContent =>
  progressContent.parse({
    promises: targets.map((target) => ({ target, updates: [{ date: '2026-11-01', status: 'on-track', text: 'Going well' }] })),
  });

describe('progressTargets', () => {
  it('offers each numbered promise, and each theme, of the published pledge', () => {
    expect(progressTargets(numbered)).toEqual(['promise-1', 'promise-2']);
    expect(progressTargets(themed)).toEqual(['theme-home', 'theme-health']);
  });
  it('offers nothing when nothing is published', () => {
    expect(progressTargets(null)).toEqual([]);
  });
  it('offers what the progress page shows: not the numbered promises of a pledge where some have no number', () => {
    const partly = pledgeContent.parse({ ...numbered, promises: [...numbered.promises, { text: 'An unnumbered promise' }] });
    expect(progressTargets(partly)).toEqual([]);
    expect(progressTargets({ ...partly, themes: themed.themes })).toEqual(['theme-home', 'theme-health']);
  });
});

describe('progress as a kind of content, through the lifecycle', () => {
  const kind = progressEditionKind(progressTargets(numbered));
  const situation = { state: 'draft', published: false } as const;

  it('lets an editor save records and send them for review', () => {
    const saved = decide(kind, {
      ...situation,
      state: 'none',
      action: 'save',
      role: 'editor',
      part: { name: 'records', content: records('promise-1') },
    });
    expect(saved).toEqual({ next: 'draft', changes: true });
    expect(decide(kind, { ...situation, action: 'submit', role: 'editor', content: records('promise-1') })).toEqual({
      next: 'in-review',
      changes: true,
    });
  });

  it('lets only a publisher publish', () => {
    const content = records('promise-2');
    expect(() => decide(kind, { ...situation, state: 'in-review', action: 'publish', role: 'editor', content })).toThrow(
      new Refusal('FORBIDDEN', 'Only a publisher can publish'),
    );
    expect(decide(kind, { ...situation, state: 'in-review', action: 'publish', role: 'publisher', content })).toEqual({
      next: 'published',
      changes: true,
    });
  });

  it('refuses to publish a record for a promise the published pledge does not have, naming it', () => {
    const content = records('promise-1', 'promise-99');
    expect(unknownTargets(content, progressTargets(numbered))).toEqual(['promise-99']);
    expect(() => decide(kind, { ...situation, action: 'publish', role: 'publisher', content })).toThrow(
      new Refusal(
        'BAD_REQUEST',
        `The draft cannot be published until this is fixed: a record names "promise-99", which is not a promise or theme in the council's published pledge`,
      ),
    );
    expect(() => decide(kind, { ...situation, action: 'submit', role: 'editor', content })).toThrow(/"promise-99"/);
  });

  it('names every unknown target, and themes by key', () => {
    const problems = progressEditionKind(progressTargets(themed)).problems(records('theme-home', 'promise-1', 'theme-school'));
    expect(problems).toEqual([
      `records name "promise-1", "theme-school", which are not a promise or theme in the council's published pledge`,
    ]);
  });

  it('checks the promises named by meetings and "you said, we did" entries too, once each', () => {
    const content = progressContent.parse({
      meetings: [{ key: 'meeting-1', date: '2026-10-01', access: 'public', reviewed: ['promise-2', 'promise-7'] }],
      youSaidWeDid: [
        { key: 'said-1', date: '2026-10-02', source: 'consultation', youSaid: 'More help', weDid: 'A guide', promises: ['promise-7'] },
      ],
    });
    expect(unknownTargets(content, progressTargets(numbered))).toEqual(['promise-7']);
    expect(kind.problems(content)).toEqual([
      `a record names "promise-7", which is not a promise or theme in the council's published pledge`,
    ]);
  });

  it('saves records for promises not yet published: only review and publication need them to match', () => {
    expect(
      decide(kind, { ...situation, action: 'save', role: 'editor', part: { name: 'records', content: records('promise-99') } }).next,
    ).toBe('draft');
  });

  it('refuses to save records that break the rules, saying what is wrong', () => {
    const content = {
      promises: [{ target: 'promise-1', updates: [{ date: '2026-11-01', status: 'no-longer-planned', text: 'Stopped' }] }],
    };
    expect(() => decide(kind, { ...situation, action: 'save', role: 'editor', part: { name: 'records', content } })).toThrow(
      'The progress records cannot be saved until this is fixed: promises.0.updates.0.reason: Say why it is no longer planned',
    );
  });

  it('refuses everything before a pledge is published: there is nothing to report on', () => {
    expect(progressEditionKind([]).problems(records('promise-1'))).toHaveLength(1);
    expect(progressEditionKind([]).problems(records())).toEqual([]);
  });

  it('is named in the audit log as progress records', () => {
    expect(auditNote(kind, { action: 'save', version: 3, part: 'records', revision: 7 }).summary).toBe(
      'Saved the progress records of draft version 3',
    );
  });
});
