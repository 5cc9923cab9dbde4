import { describe, expect, it } from 'vitest';
import type { Role } from './account.js';
import { type AuditNote, type ContentKind, type EditionAction, type EditionState, auditNote, decide } from './lifecycle.js';
import { Refusal } from './refusal.js';

/**
 * A second, minimal kind of content, like the progress updates to come: one part, one rule. If
 * the lifecycle serves it with no change, the next workflow-backed feature needs only its kind.
 */
interface ProgressUpdate {
  headline: string;
}
const progressUpdates: ContentKind<ProgressUpdate, 'headline'> = {
  problems: (update) => (update.headline.trim() ? [] : ['Write a headline']),
  partProblems: (_, content) => (typeof content === 'string' && content.length > 80 ? ['A headline is at most 80 characters'] : []),
  label: () => 'headline',
  neverPublished: 'No progress update has been published yet',
};

/** An in-memory stand-in for the database layer: it reads the situation, asks, and writes. */
function updatesStore() {
  let state: EditionState = 'none';
  let working: ProgressUpdate | null = null;
  let published: ProgressUpdate | null = null;
  let version = 0;
  const log: AuditNote[] = [];
  const act = (role: Role, action: EditionAction, headline?: string) => {
    const { next, changes } = decide(progressUpdates, {
      action,
      role,
      state,
      published: published !== null,
      content: working,
      part: headline === undefined ? undefined : { name: 'headline', content: headline },
    });
    if (!changes) return state;
    if (action === 'save' && working === null) version += 1;
    if (action === 'save') working = { headline: headline! };
    if (action === 'publish') [published, working] = [working, null];
    if (action === 'discard') working = null;
    const done =
      action === 'save'
        ? { action, version, part: 'headline' as const, revision: 1 }
        : action === 'send-back'
          ? { action, version, comment: 'Say more' }
          : action === 'restore'
            ? { action, version: version + 1, from: version }
            : { action, version };
    log.push(auditNote(progressUpdates, done));
    state = next;
    return state;
  };
  return { act, log, published: () => published };
}

describe('the lifecycle, reused for another kind of content', () => {
  it('takes a progress update from draft, through review and back, to published', () => {
    const updates = updatesStore();
    expect(updates.act('editor', 'save', '')).toBe('draft');
    expect(() => updates.act('editor', 'submit')).toThrow(
      new Refusal('BAD_REQUEST', 'The draft cannot go for review until this is fixed: Write a headline'),
    );
    expect(updates.act('editor', 'save', 'Ten more foster homes')).toBe('draft');
    expect(updates.act('editor', 'submit')).toBe('in-review');
    expect(() => updates.act('editor', 'publish')).toThrow(Refusal);
    expect(updates.act('publisher', 'send-back')).toBe('draft');
    expect(updates.act('editor', 'submit')).toBe('in-review');
    expect(updates.act('publisher', 'publish')).toBe('published');
    expect(updates.published()).toEqual({ headline: 'Ten more foster homes' });
    expect(updates.act('publisher', 'mark-reviewed')).toBe('published');
    expect(updates.log.map((note) => note.summary)).toEqual([
      'Saved the headline of draft version 1',
      'Saved the headline of draft version 1',
      'Sent draft version 1 for review',
      'Sent draft version 1 back to the editors',
      'Sent draft version 1 for review',
      'Published version 1',
      'Marked version 1 as reviewed',
    ]);
  });

  it("refuses in the kind's own words", () => {
    const updates = updatesStore();
    expect(() => updates.act('publisher', 'mark-reviewed')).toThrow('No progress update has been published yet');
    expect(() => updates.act('editor', 'save', 'x'.repeat(81))).toThrow(
      'The headline cannot be saved until this is fixed: A headline is at most 80 characters',
    );
  });
});
