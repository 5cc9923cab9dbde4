import { describe, expect, it } from 'vitest';
import type { Role } from './account.js';
import {
  type ContentKind,
  EDITION_ACTIONS,
  type EditionAction,
  type EditionState,
  type Situation,
  auditNote,
  decide,
} from './lifecycle.js';
import { Refusal } from './refusal.js';

/** A kind with no rules of its own, so the table shows the lifecycle alone. */
const plain: ContentKind<string, 'body'> = {
  problems: () => [],
  partProblems: () => [],
  label: () => 'body',
  neverPublished: 'Nothing is published yet',
};

const SITUATIONS = {
  none: { state: 'none', published: false },
  published: { state: 'published', published: true },
  draft: { state: 'draft', published: false },
  'draft, once published': { state: 'draft', published: true },
  'in-review': { state: 'in-review', published: false },
  'in-review, once published': { state: 'in-review', published: true },
} as const satisfies Record<string, { state: EditionState; published: boolean }>;

// The next state, "<state> unchanged" when allowed but a no-op, or the refusal's code.
const FOR_A_PUBLISHER: Record<keyof typeof SITUATIONS, Record<EditionAction, string>> = {
  none: {
    save: 'draft',
    submit: 'NOT_FOUND',
    'send-back': 'NOT_FOUND',
    publish: 'NOT_FOUND',
    discard: 'NOT_FOUND',
    'mark-reviewed': 'NOT_FOUND',
    restore: 'draft',
  },
  published: {
    save: 'draft',
    submit: 'NOT_FOUND',
    'send-back': 'NOT_FOUND',
    publish: 'NOT_FOUND',
    discard: 'NOT_FOUND',
    'mark-reviewed': 'published',
    restore: 'draft',
  },
  draft: {
    save: 'draft',
    submit: 'in-review',
    'send-back': 'NOT_FOUND',
    publish: 'published',
    discard: 'none',
    'mark-reviewed': 'NOT_FOUND',
    restore: 'CONFLICT',
  },
  'draft, once published': {
    save: 'draft',
    submit: 'in-review',
    'send-back': 'NOT_FOUND',
    publish: 'published',
    discard: 'published',
    'mark-reviewed': 'draft',
    restore: 'CONFLICT',
  },
  'in-review': {
    save: 'draft',
    submit: 'in-review unchanged',
    'send-back': 'draft',
    publish: 'published',
    discard: 'none',
    'mark-reviewed': 'NOT_FOUND',
    restore: 'CONFLICT',
  },
  'in-review, once published': {
    save: 'draft',
    submit: 'in-review unchanged',
    'send-back': 'draft',
    publish: 'published',
    discard: 'published',
    'mark-reviewed': 'in-review',
    restore: 'CONFLICT',
  },
};

// Editors may do what publishers may, except review, publish and mark as reviewed.
const PUBLISHERS_ONLY: readonly EditionAction[] = ['send-back', 'publish', 'mark-reviewed'];
const expected = (role: Role, situation: keyof typeof SITUATIONS, action: EditionAction): string =>
  role === 'editor' && PUBLISHERS_ONLY.includes(action) ? 'FORBIDDEN' : FOR_A_PUBLISHER[situation][action];

const outcome = <C, P extends string>(kind: ContentKind<C, P>, situation: Situation<C, P>): string => {
  try {
    const transition = decide(kind, situation);
    return transition.changes ? transition.next : `${transition.next} unchanged`;
  } catch (error) {
    if (error instanceof Refusal) return error.code;
    throw error;
  }
};

describe('the edition lifecycle', () => {
  const cases = (['editor', 'publisher'] as const).flatMap((role) =>
    (Object.keys(SITUATIONS) as (keyof typeof SITUATIONS)[]).flatMap((situation) =>
      EDITION_ACTIONS.map((action) => [role, situation, action, expected(role, situation, action)] as const),
    ),
  );

  it.each(cases)('for a %s, in state "%s", %s gives %s', (role, situation, action, result) => {
    const situationFacts = SITUATIONS[situation];
    expect(outcome(plain, { action, role, ...situationFacts, content: 'text', part: { name: 'body', content: 'text' } })).toBe(result);
  });

  it('covers every state, action and role', () => {
    expect(new Set(Object.values(SITUATIONS).map((s) => s.state))).toEqual(new Set(['none', 'draft', 'in-review', 'published']));
    expect(cases).toHaveLength(2 * 6 * EDITION_ACTIONS.length);
  });

  const strict: ContentKind<string, 'body'> = {
    ...plain,
    problems: (c) => (c ? [] : ['The body is empty']),
    partProblems: (_, c) => (c === 'bad' ? ['No "bad"'] : []),
  };

  it('refuses review and publication while the content has errors, naming them', () => {
    for (const state of ['draft', 'in-review'] as const) {
      expect(() => decide(strict, { action: 'publish', role: 'publisher', state, published: true, content: '' })).toThrow(
        new Refusal('BAD_REQUEST', 'The draft cannot be published until this is fixed: The body is empty'),
      );
    }
    expect(() => decide(strict, { action: 'submit', role: 'editor', state: 'draft', published: false, content: '' })).toThrow(
      'The draft cannot go for review until this is fixed: The body is empty',
    );
  });

  it('refuses to save a part with errors of its own, in any state', () => {
    for (const state of ['none', 'draft', 'in-review', 'published'] as const) {
      expect(() =>
        decide(strict, { action: 'save', role: 'editor', state, published: false, part: { name: 'body', content: 'bad' } }),
      ).toThrow(new Refusal('BAD_REQUEST', 'The body cannot be saved until this is fixed: No "bad"'));
    }
  });

  it("says in the kind's own words that nothing is published yet", () => {
    expect(() => decide(plain, { action: 'mark-reviewed', role: 'publisher', state: 'none', published: false })).toThrow(
      'Nothing is published yet',
    );
  });

  it('writes the audit log in the same words for every change', () => {
    const label = { label: (part: string) => `${part} section` };
    expect(auditNote(label, { action: 'save', version: 3, part: 'intro', revision: 2 })).toEqual({
      action: 'content-changed',
      summary: 'Saved the intro section of draft version 3',
      detail: { version: 3, section: 'intro', revision: 2 },
    });
    expect(auditNote(label, { action: 'send-back', version: 3, comment: 'Shorter' }).summary).toBe(
      'Sent draft version 3 back to the editors',
    );
    expect(auditNote(label, { action: 'restore', version: 4, from: 1 })).toEqual({
      action: 'restored',
      summary: 'Restored version 1 as draft version 4',
      detail: { from: 1, version: 4 },
    });
  });
});
