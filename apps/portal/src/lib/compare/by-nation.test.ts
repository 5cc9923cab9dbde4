import { describe, expect, it } from 'vitest';
import type { ComparedCouncil, MatrixFramework } from '@pledgekeeper/domain/compare';
import { byNation } from './by-nation';

const council = (slug: string, nation: ComparedCouncil['nation']) => ({ slug, nation }) as ComparedCouncil;
const framework = (code: string, nation: MatrixFramework['nation']) => ({ code, nation }) as MatrixFramework;

describe('councils by nation on /compare', () => {
  it('gives each nation its own group with its own framework, in order, skipping empty ones', () => {
    const groups = byNation(
      [council('b', 'wales'), council('a', 'england'), council('c', 'northern-ireland'), council('d', 'wales')],
      [framework('cswa2017-s1', 'england'), framework('wales-charter-2023', 'wales')],
    );
    expect(groups.map(({ nation, framework, councils }) => [nation, framework?.code ?? null, councils.map((c) => c.slug)])).toEqual([
      ['england', 'cswa2017-s1', ['a']],
      ['wales', 'wales-charter-2023', ['b', 'd']],
      ['northern-ireland', null, ['c']],
    ]);
  });
});
