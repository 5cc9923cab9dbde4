import { z } from 'zod';
import type { BoardCadence } from './board.js';
import { type ComparedIdentity, comparedOnPrinciples, themePrinciples } from './compare.js';
import { councilKind, councilSlug, nation } from './council.js';
import type { Pledge } from './pledge.js';
import { deliveryStatus, isOverdue, latestUpdate, monthsBefore, type ProgressContent, staleAfterMonths } from './progress.js';
import { PRINCIPLES, type PrincipleCode, principleCode } from './reference.js';
import { progressEntries } from './progress-targets.js';

/**
 * Delivery compared across councils, from published progress only: for each council, its promises
 * by status and how recent its last update is; for each principle, how its linked promises are
 * going. A promise without a published update counts as "no update": nothing is invented.
 */
export const DELIVERY_FORMAT = 'pledgekeeper.compare.delivery/1';

/** The scale in the order the comparison reads it, then the promises nobody has reported on yet. */
export const NO_UPDATE = 'no-update';
export const COMPARED_STATUSES = ['on-track', 'behind', 'done', 'not-started', 'no-longer-planned', NO_UPDATE] as const;
export type ComparedStatus = (typeof COMPARED_STATUSES)[number];

const count = z.number().int().min(0);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const statusCounts = z.object({
  'on-track': count,
  behind: count,
  done: count,
  'not-started': count,
  'no-longer-planned': count,
  [NO_UPDATE]: count,
});
export type StatusCounts = z.infer<typeof statusCounts>;

/** One promise (or theme, in a pledge of themes) of one council, as the open data lists it. */
export const comparedTarget = z.object({
  /** `promise-3` or `theme-home`, as on the council's progress page. */
  target: z.string(),
  /** "Pledge 3", or the theme's title. */
  label: z.string(),
  /** The latest published update's status; null when there is none. */
  status: deliveryStatus.nullable(),
  latestUpdate: day.nullable(),
  /** The latest update is older than the council's limit (see `staleAfterMonths`); false when there is none. */
  stale: z.boolean(),
  openActions: count,
  /** Open actions past their due date. */
  overdueActions: count,
  /** Its own principles and its theme's, in the Act's order. */
  principles: z.array(principleCode),
});
export type ComparedTarget = z.infer<typeof comparedTarget>;

/** Per principle, one council's promises linked to it, and how many of them are on track or done. */
export const principleDelivery = z.object({ code: principleCode, linked: count, onTrack: count, done: count });
export type PrincipleDelivery = z.infer<typeof principleDelivery>;

export const councilDelivery = z.object({
  slug: councilSlug,
  name: z.string(),
  kind: councilKind,
  nation,
  /** The council's progress page, relative to the portal's address. */
  progressPath: z.string(),
  /** The published progress compared; both null when the council has published none. */
  version: z.number().int().min(1).nullable(),
  publishedAt: z.string().nullable(),
  /** What progress can be reported against: numbered promises, or the themes of a pledge of themes. */
  targetCount: count,
  byStatus: statusCounts,
  /** The newest update's date across its promises; null when it has published none. */
  lastUpdate: day.nullable(),
  /** Twice the board's cadence, or 6 months when it is not known. */
  staleAfterMonths: z.number().int().min(1),
  /** `lastUpdate` when it is older than that: the page says "No update since …". */
  noUpdateSince: day.nullable(),
  /** Promises whose latest update is older than that. */
  staleTargets: count,
  openActions: count,
  overdueActions: count,
});
export type CouncilDelivery = z.infer<typeof councilDelivery>;

/** A council's delivery with its figures per principle and each of its promises, for the open data. */
export const councilDeliveryDetail = councilDelivery.extend({
  principles: z.array(principleDelivery).length(PRINCIPLES.length),
  promises: z.array(comparedTarget),
});
export type CouncilDeliveryDetail = z.infer<typeof councilDeliveryDetail>;

/** Over the councils shown: every promise linked to the principle, by status. */
export const principleDeliveryTotal = z.object({ code: principleCode, linked: count, byStatus: statusCounts });
export type PrincipleDeliveryTotal = z.infer<typeof principleDeliveryTotal>;

export const deliveryQuery = z.object({ nation: nation.optional(), kind: councilKind.optional() });
export type DeliveryQuery = z.input<typeof deliveryQuery>;

export const compareDelivery = z.object({
  format: z.literal(DELIVERY_FORMAT),
  /** The day staleness and overdue actions were judged on. */
  asOf: day,
  query: z.object({ nation: nation.nullable(), kind: councilKind.nullable() }),
  /** Councils with a published page, before filtering. */
  totalCouncils: count,
  /** Of those shown, councils that have published progress. */
  councilsWithProgress: count,
  totals: statusCounts,
  byPrinciple: z.array(principleDeliveryTotal).length(PRINCIPLES.length),
  /** In name order. */
  councils: z.array(councilDelivery),
});
export type CompareDelivery = z.infer<typeof compareDelivery>;

export interface DeliveryTarget {
  target: string;
  kind: 'promise' | 'theme';
  label: string;
  principles: PrincipleCode[];
}

const inActOrder = (codes: Iterable<PrincipleCode>): PrincipleCode[] => {
  const present = new Set(codes);
  return PRINCIPLES.map((p) => p.code).filter((code) => present.has(code));
};

/**
 * What a published pledge reports progress against, in the order its progress page shows: its
 * promises where every one is numbered, otherwise its themes. A promise is linked to its own
 * principles and to its theme's, as the matrix maps them.
 */
export function deliveryTargets(pledge: Pick<Pledge, 'promises' | 'themes'> | null): DeliveryTarget[] {
  if (!pledge) return [];
  const themes = new Map(pledge.themes.map((theme) => [theme.key, theme]));
  const promises = new Map(pledge.promises.map((promise) => [`promise-${promise.number}`, promise]));
  const principlesOf = (target: string, kind: 'promise' | 'theme'): PrincipleCode[] => {
    if (kind === 'theme') {
      const theme = themes.get(target.slice('theme-'.length));
      return theme ? themePrinciples(theme) : [];
    }
    const promise = promises.get(target);
    const theme = promise?.themeKey == null ? undefined : themes.get(promise.themeKey);
    return [...(promise?.principles ?? []), ...(theme ? themePrinciples(theme) : [])];
  };
  // What the progress page shows, and nothing else: the one rule is progressEntries.
  return progressEntries(pledge).map(({ target, kind, label }) => ({
    target,
    kind,
    label,
    principles: inActOrder(principlesOf(target, kind)),
  }));
}

export const emptyCounts = (): StatusCounts => ({
  'on-track': 0,
  behind: 0,
  done: 0,
  'not-started': 0,
  'no-longer-planned': 0,
  [NO_UPDATE]: 0,
});

export const statusOf = (target: Pick<ComparedTarget, 'status'>): ComparedStatus => target.status ?? NO_UPDATE;

/** A council's published progress: its version, when it was published and its records. */
export interface PublishedProgressOf {
  version: number;
  publishedAt: string | null;
  content: Pick<ProgressContent, 'promises'>;
}

/**
 * One council's delivery, from its published page (the pledge, and the board's cadence for when
 * an update is too old) and its published progress, or null when it has published none.
 */
export function councilDeliveryOf(
  identity: ComparedIdentity,
  page: { pledge: Pick<Pledge, 'promises' | 'themes'> | null; board: { cadence: BoardCadence | null } | null },
  progress: PublishedProgressOf | null,
  now: Date,
): CouncilDeliveryDetail {
  const months = staleAfterMonths(page.board?.cadence ?? null);
  const limit = monthsBefore(now, months);
  const records = new Map((progress?.content.promises ?? []).map((record) => [record.target, record]));
  const promises = deliveryTargets(page.pledge).map(({ target, label, principles }): ComparedTarget => {
    const record = records.get(target);
    const latest = record ? latestUpdate(record) : null;
    const actions = record?.actions ?? [];
    return {
      target,
      label,
      status: latest?.status ?? null,
      latestUpdate: latest?.date ?? null,
      stale: latest !== null && latest.date < limit,
      openActions: actions.filter((action) => action.status === 'open').length,
      overdueActions: actions.filter((action) => isOverdue(action, now)).length,
      principles,
    };
  });
  const byStatus = emptyCounts();
  for (const target of promises) byStatus[statusOf(target)] += 1;
  const lastUpdate = promises.reduce<string | null>(
    (newest, t) => (t.latestUpdate && (!newest || t.latestUpdate > newest) ? t.latestUpdate : newest),
    null,
  );
  const sum = (of: (target: ComparedTarget) => number) => promises.reduce((total, target) => total + of(target), 0);
  return {
    slug: identity.slug,
    name: identity.name,
    kind: identity.kind,
    nation: identity.nation,
    progressPath: `/${identity.slug}/progress`,
    version: progress?.version ?? null,
    publishedAt: progress?.publishedAt ?? null,
    targetCount: promises.length,
    byStatus,
    lastUpdate,
    staleAfterMonths: months,
    noUpdateSince: lastUpdate !== null && lastUpdate < limit ? lastUpdate : null,
    staleTargets: promises.filter((target) => target.stale).length,
    openActions: sum((target) => target.openActions),
    overdueActions: sum((target) => target.overdueActions),
    principles: PRINCIPLES.map(({ code }) => {
      const linked = promises.filter((target) => target.principles.includes(code));
      return {
        code,
        linked: linked.length,
        onTrack: linked.filter((target) => target.status === 'on-track').length,
        done: linked.filter((target) => target.status === 'done').length,
      };
    }),
    promises,
  };
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** The councils a query keeps, in name order. */
export function deliveryShown<C extends Pick<CouncilDelivery, 'name' | 'slug' | 'nation' | 'kind'>>(
  all: readonly C[],
  query: z.output<typeof deliveryQuery>,
): C[] {
  return all
    .filter((council) => (!query.nation || council.nation === query.nation) && (!query.kind || council.kind === query.kind))
    .sort((a, b) => collator.compare(a.name, b.name) || collator.compare(a.slug, b.slug));
}

/** Per principle, over the councils given: every promise linked to it, by status. */
export function deliveryByPrinciple(councils: readonly CouncilDeliveryDetail[]): PrincipleDeliveryTotal[] {
  return PRINCIPLES.map(({ code }) => {
    const byStatus = emptyCounts();
    let linked = 0;
    for (const council of councils) {
      for (const target of council.promises) {
        if (!target.principles.includes(code)) continue;
        linked += 1;
        byStatus[statusOf(target)] += 1;
      }
    }
    return { code, linked, byStatus };
  });
}

/** Without its figures per principle and its promises: what the comparison page needs of each council. */
export function summaryOf(council: CouncilDeliveryDetail): CouncilDelivery {
  const { principles: _principles, promises: _promises, ...summary } = council;
  return summary;
}

/** Delivery for a query: the councils it keeps, with totals and the figures per principle. */
export function buildDelivery(all: readonly CouncilDeliveryDetail[], input: DeliveryQuery, now: Date): CompareDelivery {
  const query = deliveryQuery.parse(input);
  const shown = deliveryShown(all, query);
  const totals = emptyCounts();
  for (const council of shown) for (const status of COMPARED_STATUSES) totals[status] += council.byStatus[status];
  return {
    format: DELIVERY_FORMAT,
    asOf: now.toISOString().slice(0, 10),
    query: { nation: query.nation ?? null, kind: query.kind ?? null },
    totalCouncils: all.length,
    councilsWithProgress: shown.filter((council) => council.version !== null).length,
    totals,
    // England's principles, so only councils in England: the others have their own nation's.
    byPrinciple: deliveryByPrinciple(shown.filter((council) => comparedOnPrinciples(council.nation))),
    councils: shown.map(summaryOf),
  };
}
