import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCouncils } from '@pledgekeeper/db/generate';
import { seedCouncils } from '@pledgekeeper/db/seed';
import { type TestDatabase, openTestDatabase } from '@pledgekeeper/db/testing';
import { PRINCIPLES } from '@pledgekeeper/domain/council';
import { createCaller } from '../root.js';
import { createContext } from '../trpc.js';

// The generator's 150 sample councils through the seed path and the API: the matrix must hold
// every one of them with the figures of its content. Speed is the benchmark's job (`pnpm bench`).
describe('the matrix of 150 sample councils', () => {
  const samples = generateCouncils({ count: 150 });
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase('sqlite', { seed: true });
    await seedCouncils(t.db, samples);
  });
  afterAll(() => t?.destroy());

  it('lists all of them, with the seed councils, each with its own figures', async () => {
    const api = createCaller(createContext({ db: t.db }));
    const matrix = await api.compare.matrix();
    expect(matrix.totalCouncils).toBe(152);
    const bySlug = new Map(matrix.councils.map((row) => [row.slug, row]));
    for (const sample of samples) {
      const row = bySlug.get(sample.council.slug)!;
      const promises = sample.pledge!.promises;
      expect(row.promiseCount).toBe(promises.length);
      expect(row.principles.map((cell) => cell.promises)).toEqual(
        PRINCIPLES.map(({ code }) => promises.filter((promise) => promise.principles.includes(code)).length),
      );
    }
    const english = await api.compare.matrix({ nation: 'england', sort: 'cswa2017-1c' });
    expect(english.councils.every((row) => row.nation === 'england')).toBe(true);
    const counts = english.councils.map((row) => row.principles[2]!.promises);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });
});
