import { describe, expect, it } from 'vitest';
import { editionContent, emptyContent, isStale, saveSectionInput } from './workspace.js';

describe('saving a section', () => {
  it('checks the content against that section', () => {
    const saved = saveSectionInput.parse({ section: 'contacts', revision: 2, content: [{ team: ' Fostering ', phone: '0300 123 2224' }] });
    expect(saved).toEqual({ section: 'contacts', revision: 2, content: [expect.objectContaining({ team: 'Fostering', email: null })] });
  });

  it('refuses content that does not fit the section, saying where', () => {
    const result = saveSectionInput.safeParse({ section: 'contacts', revision: 0, content: [{ team: 'Fostering' }] });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['content', 0]);
    expect(result.error?.issues[0]?.message).toMatch(/at least one way to reach it/);
  });

  it('refuses an unknown section and a negative revision', () => {
    expect(saveSectionInput.safeParse({ section: 'council', revision: 0, content: null }).error?.issues[0]?.message).toMatch(
      /must be one of statement/,
    );
    expect(saveSectionInput.safeParse({ section: 'pledge', revision: -1, content: null }).error?.issues[0]?.message).toMatch(
      /cannot be negative/,
    );
  });

  it('accepts removing an optional section', () => {
    expect(saveSectionInput.parse({ section: 'board', revision: 1, content: null })).toEqual({
      section: 'board',
      revision: 1,
      content: null,
    });
  });
});

describe('content', () => {
  it('starts empty for a new council, and is valid', () => {
    expect(editionContent.parse(emptyContent())).toEqual(emptyContent());
  });
});

describe('staleness', () => {
  const now = new Date('2026-11-25T12:00:00Z');
  it('is stale after twelve months, or when never reviewed', () => {
    expect(isStale('2025-11-25T12:00:01Z', now)).toBe(false);
    expect(isStale('2025-11-24T12:00:00Z', now)).toBe(true);
    expect(isStale(null, now)).toBe(true);
  });
});
