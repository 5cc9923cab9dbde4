import { describe, expect, it } from 'vitest';
import { auditSentence } from './workspace-format';

describe('auditSentence', () => {
  it('reads as one sentence that starts with the person’s name', () => {
    expect(auditSentence({ actor: 'Alice Smith', summary: 'Published version 3' })).toBe('Alice Smith published version 3.');
    expect(auditSentence({ actor: 'Alice Smith', summary: 'Signed in' })).toBe('Alice Smith signed in.');
  });

  it('says the platform did what nobody signed in did', () => {
    expect(auditSentence({ actor: null, summary: 'Created North Somerset Council (north-somerset)' })).toBe(
      'Pledgekeeper created North Somerset Council (north-somerset).',
    );
  });
});
