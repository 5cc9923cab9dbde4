import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, findCouncilBySlug, insertUser, progressScope } from '@pledgekeeper/db';
import { generateCouncils, generateProgress, publishSampleProgress } from '@pledgekeeper/db/generate';
import { seedCouncils } from '@pledgekeeper/db/seed';
import { type TestDatabase, openTestDatabase } from '@pledgekeeper/db/testing';
import { councilDeliveryOf, frameworkOfNation } from '@pledgekeeper/domain/compare';
import { createCaller } from '../root.js';
import { createContext } from '../trpc.js';

// The generator's 150 sample councils through the seed path and the API: the matrix must hold
// every one of them with the figures of its content. Speed is the benchmark's job (`pnpm bench`).
describe('the matrix of 150 sample councils', () => {
  const samples = generateCouncils({ count: 150 });
  let t: TestDatabase;
  const NOW = new Date('2026-11-25T12:00:00Z');
  beforeAll(async () => {
    t = await openTestDatabase('sqlite', { seed: true });
    await seedCouncils(t.db, samples);
    await publishSampleProgress(t.db, samples, { today: NOW });
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
      // Each council on its own nation's framework: its cells are that framework's principles, none in Northern Ireland.
      const own = frameworkOfNation(row.nation)?.principles ?? [];
      expect(row.framework).toBe(frameworkOfNation(row.nation)?.code ?? null);
      expect(row.principles.map((cell) => [cell.code, cell.promises])).toEqual(
        own.map(({ code }) => [code, promises.filter((promise) => (promise.principles as string[]).includes(code)).length]),
      );
    }
    const english = await api.compare.matrix({ nation: 'england', sort: 'cswa2017-1c' });
    expect(english.councils.every((row) => row.nation === 'england')).toBe(true);
    const counts = english.councils.map((row) => row.principles[2]!.promises);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });

  it('gives each its delivery from its published sample progress, reading all of them in two queries once known', async () => {
    let queries = 0;
    const counting: Parameters<Database['withPlugin']>[0] = {
      transformQuery: ({ node }) => {
        queries += 1;
        return node;
      },
      transformResult: async ({ result }) => result,
    };
    const api = createCaller(createContext({ db: t.db.withPlugin(counting), now: () => NOW }));
    const delivery = await api.compare.delivery();
    expect(delivery.totalCouncils).toBe(152);
    const bySlug = new Map(delivery.councils.map((row) => [row.slug, row]));
    for (const sample of samples) {
      const progress = generateProgress(sample, { today: NOW });
      const expected = councilDeliveryOf(sample.council, sample, progress && { version: 1, publishedAt: null, content: progress }, NOW);
      expect(bySlug.get(sample.council.slug)).toMatchObject({
        version: progress ? 1 : null,
        byStatus: expected.byStatus,
        lastUpdate: expected.lastUpdate,
        noUpdateSince: expected.noUpdateSince,
      });
    }
    const progress = new Map((await api.compare.progress()).councils.map((row) => [row.slug, row]));
    for (const sample of samples) {
      const records = generateProgress(sample, { today: NOW });
      const expected = councilDeliveryOf(sample.council, sample, records && { version: 1, publishedAt: null, content: records }, NOW);
      expect(progress.get(sample.council.slug)).toMatchObject({ principles: expected.principles, promises: expected.promises });
    }
    expect(delivery.councilsWithProgress).toBe(samples.filter((sample) => generateProgress(sample, { today: NOW })).length);

    // Known editions come from memory: one query for the pages, one for the progress, for 152 councils.
    queries = 0;
    await api.compare.delivery({ nation: 'england' });
    expect(queries).toBe(2);
    // A council publishing again costs one more read, of its new progress alone.
    const changed = (await findCouncilBySlug(t.db, samples[0]!.council.slug))!;
    const scope = progressScope(t.db, changed.id);
    const user = await insertUser(t.db, { email: 'publisher@example.org', displayName: 'Publisher', passwordHash: 'not-used' }, NOW);
    const by = { id: user.id, email: user.email, role: 'publisher' as const };
    const { revision, content } = await scope.working();
    const done = { date: '2026-11-24', status: 'done' as const, text: 'Done.', plainWords: null, reason: null, evidence: [] };
    const promises = content.promises.map((record, i) => (i === 0 ? { ...record, updates: [...record.updates, done] } : record));
    await scope.save({ revision, content: { ...content, promises } }, by, NOW);
    await scope.publish(by, NOW);
    queries = 0;
    expect((await api.compare.delivery()).councils.find((row) => row.slug === changed.council.slug)).toMatchObject({
      version: 2,
      lastUpdate: '2026-11-24',
    });
    expect(queries).toBe(3);
  });
});
