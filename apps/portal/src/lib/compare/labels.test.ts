import { describe, expect, it } from 'vitest';
import { principleKey, principleKeyed, sortLabel } from './labels';

describe('how a principle is named in the tables', () => {
  it('by the letter its law gives it in England and Scotland, and by its place in the charter in Wales', () => {
    expect(principleKey('cswa2017-1c')).toBe('(c)');
    expect(principleKey('cypsa2014-58f')).toBe('(f)');
    expect(principleKey('wales-charter-equality')).toBe('1');
    expect(principleKey('wales-charter-after-care')).toBe('11');
    expect(principleKeyed('wales-charter-health')).toBe('7. Good health');
    expect(principleKeyed('cswa2017-1a')).toBe('(a) Best interests and wellbeing');
  });

  it('says whose principle a sort is by', () => {
    expect(sortLabel('wales-charter-home')).toBe('Promises under A stable home (Wales)');
    expect(sortLabel('cypsa2014-58a')).toBe('Promises under (a) Alert to their wellbeing (Scotland)');
    expect(sortLabel('principles-covered')).toBe('Principles of its nation covered');
  });
});
