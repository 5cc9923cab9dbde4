import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { councilDeliveryOf } from '@pledgekeeper/domain/compare';
import { type ProgressContent, isOverdue } from '@pledgekeeper/domain/progress';
import { generateCouncils, generateProgress, publishSampleProgress } from './generate.js';
import { publishedProgressContent } from './progress-cache.js';
import { findCouncilBySlug } from './repositories/councils.js';
import { findWorkingProgress, listNewestPublishedProgress } from './repositories/progress-editions.js';
import { seedCouncils } from './seed.js';
import { type TestDatabase, describeEachDialect, openTestDatabase } from './testing.js';

const TODAY = new Date('2026-11-25T12:00:00Z');

/** Every text of the records a reader could take for a council's own words. */
const textsOf = (content: ProgressContent): string[] => [
  ...content.promises.flatMap((record) => [
    ...(record.measure ? [record.measure] : []),
    ...record.actions.map((action) => action.what),
    ...record.updates.flatMap((update) => [
      update.text,
      ...(update.plainWords ? [update.plainWords] : []),
      ...(update.reason ? [update.reason] : []),
      ...update.evidence.map((link) => link.label),
    ]),
  ]),
  ...content.meetings.flatMap((meeting) => [...(meeting.decisions ? [meeting.decisions] : []), ...meeting.papers.map((p) => p.label)]),
  ...content.youSaidWeDid.flatMap((entry) => [entry.youSaid, entry.weDid]),
];

describe('the sample councils’ progress', () => {
  const councils = generateCouncils();
  const progress = councils.map((content) => generateProgress(content, { today: TODAY }));
  const withProgress = progress.filter((content): content is ProgressContent => content !== null);

  it('is the same for the same seed and day, and different for another seed', () => {
    expect(councils.map((content) => generateProgress(content, { today: TODAY }))).toEqual(progress);
    expect(councils.map((content) => generateProgress(content, { today: TODAY, seed: 1 }))).not.toEqual(progress);
  });

  it('marks every text as a sample', () => {
    const texts = withProgress.flatMap(textsOf);
    expect(texts.length).toBeGreaterThan(1000);
    expect(texts.filter((text) => !text.startsWith('Sample: '))).toEqual([]);
  });

  it('gives most councils updates, actions, meetings and entries, and leaves a few with none', () => {
    expect(withProgress.length / councils.length).toBeGreaterThan(0.75);
    expect(withProgress.length).toBeLessThan(councils.length);
    expect(withProgress.every((content) => content.promises.every((record) => record.updates.length > 0))).toBe(true);
    expect(withProgress.filter((content) => content.meetings.length > 0).length).toBeGreaterThan(withProgress.length * 0.8);
    expect(withProgress.filter((content) => content.youSaidWeDid.length > 0).length).toBeGreaterThan(withProgress.length / 2);
    const statuses = new Set(withProgress.flatMap((content) => content.promises.flatMap((record) => record.updates.map((u) => u.status))));
    expect(statuses).toEqual(new Set(['not-started', 'on-track', 'behind', 'done', 'no-longer-planned']));
    const actions = withProgress.flatMap((content) => content.promises.flatMap((record) => record.actions));
    expect(actions.some((action) => isOverdue(action, TODAY))).toBe(true);
    expect(actions.some((action) => action.status === 'done')).toBe(true);
  });

  it('dates updates before the day and the next board meeting after it, and lets some councils lapse', () => {
    const today = TODAY.toISOString().slice(0, 10);
    for (const content of withProgress) {
      expect(content.promises.every((record) => record.updates.every((update) => update.date <= today))).toBe(true);
      expect(content.meetings.filter((meeting) => meeting.date > today).length).toBeLessThanOrEqual(1);
    }
    const delivery = councils.map((content, i) =>
      councilDeliveryOf(content.council, content, progress[i] ? { version: 1, publishedAt: null, content: progress[i] } : null, TODAY),
    );
    const stale = delivery.filter((council) => council.noUpdateSince !== null).length;
    expect(stale).toBeGreaterThan(3);
    expect(stale).toBeLessThan(withProgress.length / 4);
  });
});

describeEachDialect(describe, 'publishing the sample progress on %s', (dialect) => {
  const councils = generateCouncils({ count: 12 });
  let t: TestDatabase;
  beforeEach(async () => {
    t = await openTestDatabase(dialect);
    await seedCouncils(t.db, councils.slice(0, 10), TODAY);
  });
  afterEach(() => t.destroy());

  it('publishes each seeded council’s progress once, as published progress and never as a draft', async () => {
    const expected = councils.slice(0, 10).filter((content) => generateProgress(content, { today: TODAY }) !== null);
    const report = await publishSampleProgress(t.db, councils, { today: TODAY });
    expect(report.published).toEqual(expected.map((content) => content.council.slug));
    const newest = await listNewestPublishedProgress(t.db);
    expect(newest.size).toBe(expected.length);
    for (const content of expected) {
      const { id } = (await findCouncilBySlug(t.db, content.council.slug))!;
      expect(await findWorkingProgress(t.db, id)).toBeNull();
      const edition = newest.get(id)!;
      expect(edition).toMatchObject({ version: 1, publishedAt: TODAY.toISOString() });
      expect(await publishedProgressContent(t.db, id, edition.id)).toEqual(generateProgress(content, { today: TODAY }));
    }
    const again = await publishSampleProgress(t.db, councils, { today: TODAY });
    expect(again.published).toEqual([]);
  });
});
