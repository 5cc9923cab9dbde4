import { beforeAll, describe, expect, it } from 'vitest';
import { type CouncilContent } from '@pledgekeeper/domain/council';
import { readingAge, suggestMappings } from '@pledgekeeper/domain/rules';
import { readSeedDirectory } from './seed.js';

// The mappings and plain words in the seed files were written and reviewed by the Pledgekeeper
// team, for each council to confirm: these tests keep them complete.
describe('the reviewed mapping and plain words of the seed councils', () => {
  let councils: CouncilContent[];
  beforeAll(async () => {
    councils = await readSeedDirectory();
  });
  const pledgeOf = (slug: string) => {
    const pledge = councils.find((c) => c.council.slug === slug)?.pledge;
    if (!pledge) throw new Error(`no pledge for ${slug}`);
    return pledge;
  };

  it('maps every promise and every theme to at least one principle', () => {
    for (const { council, pledge } of councils) {
      for (const promise of pledge?.promises ?? [])
        expect(promise.principles.length, `${council.slug}: ${promise.text}`).toBeGreaterThan(0);
      for (const theme of pledge?.themes ?? []) expect(theme.principles.length, `${council.slug}: ${theme.title}`).toBeGreaterThan(0);
    }
    expect(pledgeOf('worcestershire').promises).toHaveLength(11);
    expect(pledgeOf('somerset').themes).toHaveLength(7);
  });

  it('gives every Worcestershire promise plain words with a reading age of 11 or under', () => {
    for (const promise of pledgeOf('worcestershire').promises) {
      const age = readingAge(promise.plainWords ?? '');
      expect(age, `promise ${promise.number} has no plain words`).not.toBeNull();
      expect(age!.age, `promise ${promise.number}: ${promise.plainWords} (${age!.label})`).toBeLessThanOrEqual(11);
      // Plain words are the easier of the two, never the harder.
      expect(age!.grade).toBeLessThan(readingAge(promise.text)!.grade);
    }
  });

  it('marks all of them as Pledgekeeper’s suggestions, for the council to confirm', () => {
    for (const { council, pledge } of councils) {
      for (const promise of pledge?.promises ?? []) {
        expect(promise.plainWordsSuggested, `${council.slug}: ${promise.text}`).toBe(promise.plainWords !== null);
        expect(promise.principlesSuggested, `${council.slug}: ${promise.text}`).toBe(true);
      }
      for (const theme of pledge?.themes ?? []) expect(theme.principlesSuggested, `${council.slug}: ${theme.title}`).toBe(true);
    }
  });

  it('leaves no suggestion unreviewed: each was accepted into the mapping or turned down', () => {
    for (const { council, pledge } of councils) {
      for (const promise of pledge?.promises ?? []) {
        expect(suggestMappings(promise), `${council.slug}: ${promise.text}`).toEqual([]);
      }
    }
  });
});
