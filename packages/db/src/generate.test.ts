import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { principlesOf } from '@pledgekeeper/domain/council';
import { checkCouncilContent, errorsOf, pledgeStructure } from '@pledgekeeper/domain/rules';
import { SAMPLE_PREFIX, generateCouncils, writeSeedFiles } from './generate.js';
import { defaultSeedDirectory, readSeedDirectory } from './seed.js';

describe('the sample council generator', () => {
  const councils = generateCouncils();

  it('makes 150 different sample councils, each plainly not a real one', () => {
    expect(councils).toHaveLength(150);
    expect(new Set(councils.map((c) => c.council.slug)).size).toBe(150);
    for (const { council } of councils) {
      expect(council.slug.startsWith(SAMPLE_PREFIX)).toBe(true);
      expect(council.name.endsWith('(sample)')).toBe(true);
    }
  });

  it('gives the same councils for the same seed, and the first N whatever the count', () => {
    expect(generateCouncils()).toEqual(councils);
    expect(generateCouncils({ count: 25 })).toEqual(councils.slice(0, 25));
    expect(generateCouncils({ seed: 1 })).not.toEqual(councils);
  });

  it('makes realistic pledges: 8 to 20 promises, mostly mapped, a mix of structures, nations and kinds', () => {
    const promises = councils.map((c) => c.pledge?.promises.length ?? 0);
    expect(Math.min(...promises)).toBeGreaterThanOrEqual(8);
    expect(Math.max(...promises)).toBeLessThanOrEqual(20);
    const structures = new Set(councils.map((c) => pledgeStructure(c.pledge!)));
    expect(structures).toEqual(new Set(['numbered', 'themed', 'numbered-and-themed']));
    const english = councils.filter((c) => c.council.nation === 'england').length;
    expect(english / councils.length).toBeGreaterThan(0.7);
    expect(new Set(councils.map((c) => c.council.nation)).size).toBeGreaterThanOrEqual(3);
    expect(new Set(councils.map((c) => c.council.kind)).size).toBeGreaterThanOrEqual(5);
    const all = councils.flatMap((c) => c.pledge!.promises);
    const mapped = all.filter((p) => p.principles.length > 0).length;
    expect(mapped / all.length).toBeGreaterThan(0.85);
    expect(mapped).toBeLessThan(all.length);
    for (const content of councils) expect(errorsOf(checkCouncilContent(content))).toEqual([]);
  });

  it('links each sample council only to its own nation’s principles, and most Welsh and Scottish promises to some', () => {
    for (const nation of ['england', 'wales', 'scotland', 'northern-ireland'] as const) {
      const own = new Set<string>(principlesOf(nation).map((p) => p.code));
      const promises = councils.filter((c) => c.council.nation === nation).flatMap((c) => c.pledge?.promises ?? []);
      expect(promises.length, nation).toBeGreaterThan(0);
      const links = promises.flatMap((promise) => promise.principles);
      expect(
        links.filter((code) => !own.has(code)),
        nation,
      ).toEqual([]);
      if (nation !== 'northern-ireland') {
        expect(promises.filter((promise) => promise.principles.length > 0).length / promises.length, nation).toBeGreaterThan(0.8);
      }
    }
  });

  it('never takes a slug the shipped seeds use', async () => {
    const shipped = new Set((await readSeedDirectory(defaultSeedDirectory())).map((c) => c.council.slug));
    expect(councils.filter((c) => shipped.has(c.council.slug))).toEqual([]);
  });

  it('writes seed files that the seed loader reads back unchanged', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'pledgekeeper-samples-'));
    try {
      await writeSeedFiles(directory, councils.slice(0, 10));
      expect((await readdir(directory)).length).toBe(10);
      const read = await readSeedDirectory(directory);
      const bySlug = (list: typeof councils) => [...list].sort((a, b) => a.council.slug.localeCompare(b.council.slug));
      expect(bySlug(read)).toEqual(bySlug(councils.slice(0, 10)));
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });
});
