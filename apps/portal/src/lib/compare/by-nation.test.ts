import { describe, expect, it } from 'vitest';
import type { ComparedCouncil } from '@pledgekeeper/domain/compare';
import { byNation } from './by-nation';

const council = (slug: string, nation: ComparedCouncil['nation']) => ({ slug, nation }) as ComparedCouncil;

describe('councils by nation on /compare', () => {
  it('keeps England’s for the matrix and puts every other nation’s in a group of its own, in order, skipping empty ones', () => {
    const groups = byNation([council('b', 'wales'), council('a', 'england'), council('c', 'northern-ireland'), council('d', 'wales')]);
    expect(groups.onPrinciples.map((c) => c.slug)).toEqual(['a']);
    expect(groups.others.map(({ nation, councils }) => [nation, councils.map((c) => c.slug)])).toEqual([
      ['wales', ['b', 'd']],
      ['northern-ireland', ['c']],
    ]);
  });
});
