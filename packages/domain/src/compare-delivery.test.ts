import { describe, expect, it } from 'vitest';
import type { ComparedIdentity } from './compare.js';
import { COMPARE_PROGRESS_CSV_COLUMNS, COMPARE_PROGRESS_FORMAT, buildCompareProgress, compareProgressCsv } from './compare-delivery-csv.js';
import {
  type CouncilDeliveryDetail,
  DELIVERY_FORMAT,
  buildDelivery,
  compareDelivery,
  councilDeliveryOf,
  deliveryTargets,
} from './compare-delivery.js';
import { CSV_BOM, parseCsv } from './csv.js';
import { progressContent } from './progress.js';
import { editionContent } from './workspace.js';

const NOW = new Date('2026-11-25T12:00:00Z');
const identity = (slug: string, overrides: Partial<ComparedIdentity> = {}): ComparedIdentity => ({
  slug,
  name: `${slug[0]!.toUpperCase()}${slug.slice(1)} Council`,
  kind: 'county',
  nation: 'england',
  ...overrides,
});

/** Three numbered promises, the third under a theme linked to 1f; a board meeting every two months (stale after 4). */
const numbered = editionContent.parse({
  statement: { paragraphs: [] },
  pledge: {
    promiseNoun: 'pledge',
    introduction: [],
    audiences: ['children-in-care'],
    themes: [{ key: 'home', title: 'Where I live', principles: ['cswa2017-1f'] }],
    promises: [
      { number: 1, text: 'Keep you healthy.', principles: ['cswa2017-1a'] },
      { number: 2, text: 'Listen to you.', principles: [] },
      { number: 3, text: 'Find you a safe home.', principles: ['cswa2017-1a'], themeKey: 'home' },
    ],
  },
  board: { name: 'Board', purpose: [], cadence: { kind: 'every-n-months', months: 2 } },
});

/** Themes alone, no board: stale after 6 months. */
const themed = editionContent.parse({
  statement: { paragraphs: [] },
  pledge: {
    introduction: [],
    audiences: ['children-in-care'],
    themes: [
      { key: 'voice', title: 'My voice', principles: ['cswa2017-1b', 'cswa2017-1c'] },
      { key: 'later', title: 'Later' },
    ],
  },
});

const update = (date: string, status: string) => ({
  date,
  status,
  text: 'An update.',
  reason: status === 'no-longer-planned' ? 'Why' : null,
});

const progress = progressContent.parse({
  promises: [
    {
      target: 'promise-1',
      actions: [
        { key: 'a1', what: 'Check every plan', due: '2026-10-01' },
        { key: 'a2', what: 'Train staff', due: '2027-01-01' },
        { key: 'a3', what: 'Old', due: '2026-01-01', status: 'done' },
      ],
      updates: [update('2026-10-01', 'on-track'), update('2026-02-01', 'behind')],
    },
    { target: 'promise-3', updates: [update('2026-05-01', 'done')] },
    // Not in the pledge the public sees: never counted.
    { target: 'promise-9', updates: [update('2026-11-01', 'behind')] },
  ],
});

describe('what a pledge reports progress against', () => {
  it('is each numbered promise, linked to its own principles and its theme’s, in the order of its page', () => {
    expect(deliveryTargets(numbered.pledge)).toEqual([
      { target: 'promise-3', kind: 'promise', label: 'Pledge 3', principles: ['cswa2017-1a', 'cswa2017-1f'] },
      { target: 'promise-1', kind: 'promise', label: 'Pledge 1', principles: ['cswa2017-1a'] },
      { target: 'promise-2', kind: 'promise', label: 'Pledge 2', principles: [] },
    ]);
  });

  it('is each theme of a pledge of themes, and nothing without a pledge', () => {
    expect(deliveryTargets(themed.pledge).map((t) => [t.target, t.label, t.principles])).toEqual([
      ['theme-voice', 'My voice', ['cswa2017-1b', 'cswa2017-1c']],
      ['theme-later', 'Later', []],
    ]);
    expect(deliveryTargets(null)).toEqual([]);
  });
});

describe("a council's delivery", () => {
  const north = councilDeliveryOf(identity('north'), numbered, { version: 4, publishedAt: '2026-11-01T09:00:00Z', content: progress }, NOW);

  it('counts its promises by their latest published status, and the ones with no update yet', () => {
    expect(north.byStatus).toEqual({ 'on-track': 1, behind: 0, done: 1, 'not-started': 0, 'no-longer-planned': 0, 'no-update': 1 });
    expect(north).toMatchObject({ slug: 'north', progressPath: '/north/progress', version: 4, targetCount: 3 });
  });

  it('dates its last update, and says which promises have gone too long without one', () => {
    expect(north).toMatchObject({ lastUpdate: '2026-10-01', staleAfterMonths: 4, noUpdateSince: null, staleTargets: 1 });
    expect(north.promises.map((t) => [t.target, t.status, t.latestUpdate, t.stale])).toEqual([
      ['promise-3', 'done', '2026-05-01', true],
      ['promise-1', 'on-track', '2026-10-01', false],
      ['promise-2', null, null, false],
    ]);
    const later = councilDeliveryOf(
      identity('north'),
      numbered,
      { version: 4, publishedAt: null, content: progress },
      new Date('2027-03-01'),
    );
    expect(later).toMatchObject({ lastUpdate: '2026-10-01', noUpdateSince: '2026-10-01', staleTargets: 2 });
  });

  it('counts open actions, and those past their due date', () => {
    expect(north).toMatchObject({ openActions: 2, overdueActions: 1 });
    expect(north.promises[1]).toMatchObject({ openActions: 2, overdueActions: 1 });
  });

  it('counts, per principle, the linked promises and how many are on track or done', () => {
    const cell = (code: string) => north.principles.find((p) => p.code === code);
    expect(cell('cswa2017-1a')).toEqual({ code: 'cswa2017-1a', linked: 2, onTrack: 1, done: 1 });
    expect(cell('cswa2017-1f')).toEqual({ code: 'cswa2017-1f', linked: 1, onTrack: 0, done: 1 });
    expect(cell('cswa2017-1b')).toEqual({ code: 'cswa2017-1b', linked: 0, onTrack: 0, done: 0 });
  });

  it('invents nothing when a council has published no progress', () => {
    const none = councilDeliveryOf(identity('south'), themed, null, NOW);
    expect(none).toMatchObject({ version: null, publishedAt: null, lastUpdate: null, noUpdateSince: null, staleAfterMonths: 6 });
    expect(none.byStatus).toEqual({ 'on-track': 0, behind: 0, done: 0, 'not-started': 0, 'no-longer-planned': 0, 'no-update': 2 });
    expect(none.promises.every((t) => t.status === null && !t.stale)).toBe(true);
  });
});

describe('delivery across councils', () => {
  const all: CouncilDeliveryDetail[] = [
    councilDeliveryOf(identity('south', { nation: 'wales', kind: 'unitary' }), themed, null, NOW),
    councilDeliveryOf(identity('north'), numbered, { version: 1, publishedAt: null, content: progress }, NOW),
  ];

  it('lists councils in name order with totals, in the shape the API promises', () => {
    const delivery = buildDelivery(all, {}, NOW);
    expect(compareDelivery.parse(delivery)).toEqual(delivery);
    expect(delivery).toMatchObject({ format: DELIVERY_FORMAT, asOf: '2026-11-25', totalCouncils: 2, councilsWithProgress: 1 });
    expect(delivery.councils.map((c) => c.slug)).toEqual(['north', 'south']);
    expect(delivery.councils[0]).not.toHaveProperty('promises');
    expect(delivery.councils[0]).not.toHaveProperty('principles');
    expect(delivery.totals).toEqual({ 'on-track': 1, behind: 0, done: 1, 'not-started': 0, 'no-longer-planned': 0, 'no-update': 3 });
  });

  it('adds up, per principle, every linked promise by status, themes counting for a pledge of themes', () => {
    const inEngland = [councilDeliveryOf(identity('south', { kind: 'unitary' }), themed, null, NOW), all[1]!];
    const byCode = new Map(buildDelivery(inEngland, {}, NOW).frameworks[0]!.byPrinciple.map((p) => [p.code, p]));
    expect(byCode.get('cswa2017-1a')).toMatchObject({ linked: 2, byStatus: { 'on-track': 1, done: 1, 'no-update': 0 } });
    expect(byCode.get('cswa2017-1b')).toMatchObject({ linked: 1, byStatus: { 'no-update': 1 } });
    expect(byCode.get('cswa2017-1d')).toMatchObject({ linked: 0 });
  });

  it('counts a Welsh council’s promises under the Welsh principles only, never England’s', () => {
    const welshPledge = editionContent.parse({
      statement: { paragraphs: [] },
      pledge: {
        introduction: [],
        audiences: ['children-in-care'],
        promises: [
          // An English code on a Welsh promise (data from before each nation had its own) is not counted.
          { number: 1, text: 'Help you stay well.', principles: ['wales-charter-health', 'cswa2017-1a'] },
          { number: 2, text: 'Find you a home.', principles: ['wales-charter-home'] },
        ],
      },
    });
    const welshProgress = progressContent.parse({ promises: [{ target: 'promise-1', updates: [update('2026-10-01', 'on-track')] }] });
    const cymru = councilDeliveryOf(
      identity('cymru', { nation: 'wales' }),
      welshPledge,
      { version: 1, publishedAt: null, content: welshProgress },
      NOW,
    );
    expect(cymru.framework).toBe('wales-charter-2023');
    expect(cymru.promises.map((t) => t.principles)).toEqual([['wales-charter-health'], ['wales-charter-home']]);
    expect(cymru.principles).toHaveLength(11);
    expect(cymru.principles.find((p) => p.code === 'wales-charter-health')).toEqual({
      code: 'wales-charter-health',
      linked: 1,
      onTrack: 1,
      done: 0,
    });
    const delivery = buildDelivery([cymru, all[1]!], {}, NOW);
    expect(compareDelivery.parse(delivery)).toEqual(delivery);
    expect(delivery.frameworks.map((f) => f.code)).toEqual(['cswa2017-s1', 'wales-charter-2023']);
    const england = new Map(delivery.frameworks[0]!.byPrinciple.map((p) => [p.code, p]));
    expect(england.get('cswa2017-1a')).toMatchObject({ linked: 2 });
    const wales = new Map(delivery.frameworks[1]!.byPrinciple.map((p) => [p.code, p]));
    expect(wales.get('wales-charter-health')).toMatchObject({ linked: 1, byStatus: { 'on-track': 1 } });
    expect(buildCompareProgress([cymru], {}, NOW).councils[0]!.principles.every((p) => p.code.startsWith('wales-charter-'))).toBe(true);
  });

  it('counts under England’s principles only councils in England: a Welsh council has its own charter', () => {
    const delivery = buildDelivery(all, {}, NOW);
    const byCode = new Map(delivery.frameworks.find((f) => f.code === 'cswa2017-s1')!.byPrinciple.map((p) => [p.code, p]));
    expect(byCode.get('cswa2017-1b')).toMatchObject({ linked: 0 });
    expect(buildDelivery(all, { nation: 'wales' }, NOW).frameworks.map((f) => f.code)).toEqual(['wales-charter-2023']);
  });

  it('filters by nation and kind', () => {
    const welsh = buildDelivery(all, { nation: 'wales' }, NOW);
    expect(welsh).toMatchObject({ totalCouncils: 2, councilsWithProgress: 0, query: { nation: 'wales', kind: null } });
    expect(welsh.councils.map((c) => c.slug)).toEqual(['south']);
    expect(() => buildDelivery(all, { kind: 'parish' } as never, NOW)).toThrow();
  });
});

describe('delivery as open data', () => {
  const empty = editionContent.parse({ statement: { paragraphs: [] }, pledge: null });
  const all = [
    councilDeliveryOf(identity('north', { name: '=North Council' }), numbered, { version: 1, publishedAt: null, content: progress }, NOW),
    councilDeliveryOf(identity('east'), empty, null, NOW),
  ];
  const download = buildCompareProgress(all, {}, NOW);
  const csv = compareProgressCsv(download, 'https://pledgekeeper.example');
  const [header, ...rows] = parseCsv(csv);

  it('is a versioned JSON with every council and its promises', () => {
    expect(download.format).toBe(COMPARE_PROGRESS_FORMAT);
    expect(download.councils.map((c) => [c.slug, c.promises.length])).toEqual([
      ['north', 3],
      ['east', 0],
    ]);
  });

  it('is a CSV with a byte order mark, CRLF and a row per council and promise', () => {
    expect(csv.startsWith(CSV_BOM)).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(header).toEqual([...COMPARE_PROGRESS_CSV_COLUMNS]);
    const bySlug = rows.map((row) => Object.fromEntries(header!.map((column, i) => [column, row[i]])));
    const north = bySlug.filter((row) => row.council === 'north');
    expect(
      north.map((row) => [row.target, row.status, row.status_word, row.latest_update, row.stale, row.open_actions, row.overdue_actions]),
    ).toEqual([
      ['promise-3', 'done', 'Done', '2026-05-01', 'yes', '0', '0'],
      ['promise-1', 'on-track', 'On track', '2026-10-01', 'no', '2', '1'],
      ['promise-2', '', '', '', 'no', '0', '0'],
    ]);
    expect(north[0]).toMatchObject({
      council_name: "'=North Council",
      principles: 'cswa2017-1a; cswa2017-1f',
      progress_url: 'https://pledgekeeper.example/north/progress#promise-3',
    });
  });

  it('keeps a council with nothing to report against, as one row with its target left empty', () => {
    const east = rows.filter((row) => row[0] === 'east');
    expect(east).toEqual([
      ['east', 'East Council', '', '', '', '', '', '', '', '', '', 'https://pledgekeeper.example/east/progress', 'cswa2017-s1'],
    ]);
  });
});
