import { describe, expect, it } from 'vitest';
import { chosenCouncils, matrixFormFrom, matrixQueryOf, matrixSearch, sideBySideSearch } from './query';

describe('the filter form in the address', () => {
  it('reads nation, kind, sort and reverse, ignoring anything it does not know', () => {
    const form = matrixFormFrom(new URLSearchParams('nation=wales&kind=unitary&sort=cswa2017-1c&reverse=yes'));
    expect(form).toEqual({ nation: 'wales', kind: 'unitary', sort: 'cswa2017-1c', reverse: true });
    expect(matrixFormFrom(new URLSearchParams('nation=&kind=castle&sort=size&reverse=1'))).toEqual({
      nation: undefined,
      kind: undefined,
      sort: 'name',
      reverse: false,
    });
  });

  it('puts names A to Z and figures largest first, unless reversed', () => {
    const form = matrixFormFrom(new URLSearchParams(''));
    expect(matrixQueryOf(form)).toMatchObject({ sort: 'name', order: 'asc' });
    expect(matrixQueryOf({ ...form, reverse: true }).order).toBe('desc');
    expect(matrixQueryOf({ ...form, sort: 'promises' }).order).toBe('desc');
    expect(matrixQueryOf({ ...form, sort: 'promises', reverse: true }).order).toBe('asc');
  });

  it('writes back only what differs from the default, for the download links', () => {
    expect(matrixSearch(matrixFormFrom(new URLSearchParams('')))).toBe('');
    expect(matrixSearch(matrixFormFrom(new URLSearchParams('sort=promises&nation=england&reverse=yes')))).toBe(
      '?nation=england&sort=promises&reverse=yes',
    );
  });
});

describe('the councils chosen to compare', () => {
  it('keeps each once, in order, and writes them back as the same address', () => {
    const slugs = chosenCouncils(new URLSearchParams('council=somerset&council=worcestershire&council=somerset&council=%20'));
    expect(slugs).toEqual(['somerset', 'worcestershire']);
    expect(sideBySideSearch(slugs)).toBe('?council=somerset&council=worcestershire');
  });
});
