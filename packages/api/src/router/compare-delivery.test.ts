import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type TestDatabase, describeEachDialect, openTestDatabase } from '@pledgekeeper/db/testing';
import { seedCouncils } from '@pledgekeeper/db/seed';
import { councilContent } from '@pledgekeeper/domain/council';
import type { ProgressContent } from '@pledgekeeper/domain/progress';
import { createCaller } from '../root.js';
import { createContext } from '../trpc.js';
import { rejection } from '../testing/rejection.js';
import { NOW, W, workspaceCallers } from '../testing/workspace-callers.js';

const S = 'somerset';
const update = (date: string, status: 'on-track' | 'done' | 'behind', text: string) => ({
  date,
  status,
  text,
  plainWords: null,
  reason: null,
  evidence: [],
});

// Worcestershire's promise 3 (high aspirations) is on track; promise 1 (safety and stability) is
// done, with an action left open past its due date; the other nine have no update.
const WORCESTERSHIRE: ProgressContent = {
  promises: [
    {
      target: 'promise-3',
      measure: null,
      actions: [],
      updates: [update('2026-09-01', 'behind', 'Late.'), update('2026-11-20', 'on-track', 'Back on track.')],
    },
    {
      target: 'promise-1',
      measure: null,
      actions: [{ key: 'close', what: 'Write it up', responsible: 'Head of Service', due: '2026-07-01', status: 'open' }],
      updates: [update('2026-06-01', 'done', 'Done.')],
    },
  ],
  meetings: [],
  youSaidWeDid: [],
};

// A Welsh test council whose promises are linked to the principles of "A promise from Wales".
const LLAN = 'llanfair-test';
const WELSH = councilContent.parse({
  council: { slug: LLAN, name: 'Llanfair County Borough Council', kind: 'unitary', nation: 'wales' },
  statement: { paragraphs: ['Llanfair is a corporate parent.'] },
  pledge: {
    introduction: [],
    audiences: ['children-in-care'],
    promises: [
      { number: 1, text: 'We will help you stay well.', principles: ['wales-charter-health'] },
      { number: 2, text: 'We will find you a settled home.', principles: ['wales-charter-home', 'wales-charter-health'] },
      { number: 3, text: 'We will come to your school events.' },
    ],
  },
});

describeEachDialect(describe, 'delivery compared across councils on %s', (dialect) => {
  let t: TestDatabase;
  let callers: Awaited<ReturnType<typeof workspaceCallers>>;
  beforeEach(async () => {
    t = await openTestDatabase(dialect, { seed: true });
    callers = await workspaceCallers(t);
  });
  afterEach(() => t.destroy());

  const as = (...args: Parameters<typeof callers.as>) => callers.as(...args);
  const councilOf = async (slug: string, now = NOW) => (await as(null, now).compare.delivery()).councils.find((c) => c.slug === slug)!;
  const publish = async (slug: string, content: ProgressContent, who: 'publisher' | 'somersetPublisher' = 'publisher') => {
    const { revision } = await as(who).progress.working({ council: slug });
    await as(who).progress.save({ council: slug, revision, content });
    await as(who).progress.publish({ council: slug });
  };

  it('says truthfully that the seed councils have published no progress: every promise has no update', async () => {
    const delivery = await as(null).compare.delivery();
    expect(delivery).toMatchObject({
      format: 'pledgekeeper.compare.delivery/2',
      asOf: '2026-11-25',
      totalCouncils: 2,
      councilsWithProgress: 0,
    });
    expect(
      delivery.councils.map((c) => [c.slug, c.version, c.lastUpdate, c.noUpdateSince, c.targetCount, c.byStatus['no-update']]),
    ).toEqual([
      [S, null, null, null, 7, 7],
      [W, null, null, null, 11, 11],
    ]);
    expect(delivery.totals).toEqual({ 'on-track': 0, behind: 0, done: 0, 'not-started': 0, 'no-longer-planned': 0, 'no-update': 18 });
    // Worcestershire links four promises to (a), Somerset one theme.
    expect(delivery.frameworks.map((f) => f.code)).toEqual(['cswa2017-s1']);
    expect(delivery.frameworks[0]!.byPrinciple.find((p) => p.code === 'cswa2017-1a')).toMatchObject({
      linked: 5,
      byStatus: { 'no-update': 5 },
    });
  });

  it('shows published progress only: nothing while it is a draft or in review, all of it once published', async () => {
    const before = await as(null).compare.delivery();
    const { revision } = await as('editor').progress.working({ council: W });
    await as('editor').progress.save({ council: W, revision, content: WORCESTERSHIRE });
    expect(await as(null).compare.delivery()).toEqual(before);
    await as('editor').progress.submitForReview({ council: W });
    expect(await as(null).compare.delivery()).toEqual(before);
    await as('publisher').progress.publish({ council: W });

    const worcestershire = await councilOf(W);
    expect(worcestershire).toMatchObject({
      version: 1,
      progressPath: '/worcestershire/progress',
      lastUpdate: '2026-11-20',
      staleAfterMonths: 4,
      noUpdateSince: null,
      staleTargets: 1,
      openActions: 1,
      overdueActions: 1,
      byStatus: { 'on-track': 1, done: 1, behind: 0, 'no-update': 9 },
    });
    // Per principle, for each council, in the open data.
    const { principles } = (await as(null).compare.progress()).councils.find((c) => c.slug === W)!;
    const cell = (code: string) => principles.find((p) => p.code === code);
    expect(cell('cswa2017-1e')).toEqual({ code: 'cswa2017-1e', linked: 2, onTrack: 1, done: 0 });
    expect(cell('cswa2017-1f')).toEqual({ code: 'cswa2017-1f', linked: 4, onTrack: 0, done: 1 });
    expect((await as(null).compare.delivery()).councilsWithProgress).toBe(1);
  });

  it('says when a council has gone too long without an update, by its board’s cadence', async () => {
    await publish(W, WORCESTERSHIRE);
    // Every two months, so stale after four: on 1 April 2027 the last update (20 November) is too old.
    expect(await councilOf(W, new Date('2027-03-19T12:00:00Z'))).toMatchObject({ noUpdateSince: null, staleTargets: 1 });
    expect(await councilOf(W, new Date('2027-04-01T12:00:00Z'))).toMatchObject({ noUpdateSince: '2026-11-20', staleTargets: 2 });
    // Somerset's board gives no cadence: six months.
    await publish(
      S,
      {
        promises: [
          { target: 'theme-where-i-live', measure: null, actions: [], updates: [update('2026-10-01', 'on-track', 'Going well.')] },
        ],
        meetings: [],
        youSaidWeDid: [],
      },
      'somersetPublisher',
    );
    expect(await councilOf(S, new Date('2027-03-31T12:00:00Z'))).toMatchObject({ staleAfterMonths: 6, noUpdateSince: null });
    expect(await councilOf(S, new Date('2027-04-02T12:00:00Z'))).toMatchObject({
      noUpdateSince: '2026-10-01',
      byStatus: { 'on-track': 1, 'no-update': 6 },
    });
  });

  it('counts a themed pledge’s themes under their principles', async () => {
    await publish(
      S,
      {
        promises: [{ target: 'theme-where-i-live', measure: null, actions: [], updates: [update('2026-10-01', 'done', 'Done.')] }],
        meetings: [],
        youSaidWeDid: [],
      },
      'somersetPublisher',
    );
    const somerset = (await as(null).compare.progress()).councils.find((c) => c.slug === S)!;
    expect(somerset.principles.find((p) => p.code === 'cswa2017-1f')).toEqual({ code: 'cswa2017-1f', linked: 2, onTrack: 0, done: 1 });
    const byPrinciple = (await as(null).compare.delivery()).frameworks[0]!.byPrinciple.find((p) => p.code === 'cswa2017-1f')!;
    expect(byPrinciple).toMatchObject({ linked: 6, byStatus: { done: 1, 'no-update': 5 } });
  });

  it('counts a Welsh council’s promises under the Welsh principles, never under England’s', async () => {
    const before = await as(null).compare.delivery();
    await seedCouncils(t.db, [WELSH]);
    const token = await callers.person('publisher@llanfair.example', [[LLAN, 'publisher']]);
    const publisher = createCaller(createContext({ db: t.db, now: () => NOW, sessionToken: token }));
    const { revision } = await publisher.progress.working({ council: LLAN });
    const content = {
      promises: [{ target: 'promise-2', measure: null, actions: [], updates: [update('2026-11-01', 'on-track', 'Moved in.')] }],
    };
    await publisher.progress.save({ council: LLAN, revision, content: { ...content, meetings: [], youSaidWeDid: [] } });
    await publisher.progress.publish({ council: LLAN });

    const llanfair = (await as(null).compare.progress()).councils.find((c) => c.slug === LLAN)!;
    expect(llanfair.framework).toBe('wales-charter-2023');
    expect(llanfair.promises.map((p) => [p.target, p.status, p.principles])).toEqual([
      ['promise-1', null, ['wales-charter-health']],
      ['promise-2', 'on-track', ['wales-charter-health', 'wales-charter-home']],
      ['promise-3', null, []],
    ]);
    expect(llanfair.principles.map((p) => p.code).every((code) => code.startsWith('wales-charter-'))).toBe(true);
    expect(llanfair.principles.find((p) => p.code === 'wales-charter-home')).toEqual({
      code: 'wales-charter-home',
      linked: 1,
      onTrack: 1,
      done: 0,
    });

    const delivery = await as(null).compare.delivery();
    expect(delivery.frameworks.map((f) => f.code)).toEqual(['cswa2017-s1', 'wales-charter-2023']);
    // England's figures are England's councils' alone: just as before the Welsh council came.
    expect(delivery.frameworks[0]!.byPrinciple).toEqual(before.frameworks[0]!.byPrinciple);
    expect(delivery.frameworks[1]!.byPrinciple.find((p) => p.code === 'wales-charter-health')).toMatchObject({
      linked: 2,
      byStatus: { 'on-track': 1, 'no-update': 1 },
    });
    expect((await as(null).compare.progress({ nation: 'wales' })).councils.map((c) => c.slug)).toEqual([LLAN]);
  });

  it('gives every council’s promises one by one as open data, filtered like the page', async () => {
    await publish(W, WORCESTERSHIRE);
    const progress = await as(null).compare.progress();
    expect(progress.format).toBe('pledgekeeper.compare.progress/2');
    const worcestershire = progress.councils.find((c) => c.slug === W)!;
    expect(worcestershire.promises.map((p) => p.target)).toEqual(Array.from({ length: 11 }, (_, i) => `promise-${i + 1}`));
    expect(worcestershire.promises.slice(0, 3)).toEqual([
      {
        target: 'promise-1',
        label: 'Pledge 1',
        status: 'done',
        latestUpdate: '2026-06-01',
        stale: true,
        openActions: 1,
        overdueActions: 1,
        principles: ['cswa2017-1f'],
      },
      {
        target: 'promise-2',
        label: 'Pledge 2',
        status: null,
        latestUpdate: null,
        stale: false,
        openActions: 0,
        overdueActions: 0,
        principles: ['cswa2017-1a'],
      },
      {
        target: 'promise-3',
        label: 'Pledge 3',
        status: 'on-track',
        latestUpdate: '2026-11-20',
        stale: false,
        openActions: 0,
        overdueActions: 0,
        principles: ['cswa2017-1e'],
      },
    ]);
    expect(progress.councils.find((c) => c.slug === S)!.promises.map((p) => p.label)).toContain('Where I live');
    expect((await as(null).compare.progress({ nation: 'wales' })).councils).toEqual([]);
    await rejection(as(null).compare.delivery({ kind: 'parish' } as never), 'BAD_REQUEST');
  });
});
