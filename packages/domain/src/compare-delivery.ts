import { z } from 'zod';
import type { BoardCadence } from './board.js';
import { type ComparedIdentity, ownPrinciples } from './compare.js';
import { deliveryTargets } from './compare-delivery-targets.js';
import { frameworkCode, frameworkOfNation, frameworkSummary, frameworksOf, summaryOfFramework } from './compare-frameworks.js';
import { councilKind, councilSlug, nation } from './council.js';
import type { Pledge } from './pledge.js';
import { deliveryStatus, isOverdue, latestUpdate, monthsBefore, type ProgressContent, staleAfterMonths } from './progress.js';
import { type PrincipleCode, principleCode } from './reference.js';

/**
 * Delivery compared across councils, from published progress only: for each council, its promises
 * by status and how recent its last update is; for each principle, how its linked promises are
 * going. A promise without a published update counts as "no update": nothing is invented.
 * Version 2: each council's promises are counted under its own nation's principles (version 1
 * counted every council's under England's).
 */
export const DELIVERY_FORMAT = 'pledgekeeper.compare.delivery/2';

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
  /** Its own principles and its theme's, of its nation's framework only, in that framework's order. */
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
  /** The framework of its nation, which its promises are counted under; null where there is none. */
  framework: frameworkCode.nullable(),
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
export const councilDeliveryDetail = councilDelivery
  .extend({
    /** Per principle of its own framework, in order; empty without one. */
    principles: z.array(principleDelivery),
    promises: z.array(comparedTarget),
  })
  .superRefine((council, ctx) => {
    const framework = frameworkOfNation(council.nation);
    const own = (framework?.principles ?? []).map((p) => p.code);
    if ((framework?.code ?? null) !== council.framework || council.principles.map((p) => p.code).join() !== own.join()) {
      ctx.addIssue({ code: 'custom', message: 'Delivery is counted under the principles of its own framework', path: ['principles'] });
    }
    if (council.promises.some((target) => target.principles.some((code) => !own.includes(code)))) {
      ctx.addIssue({ code: 'custom', message: 'A promise is linked only to its own framework', path: ['promises'] });
    }
  });
export type CouncilDeliveryDetail = z.infer<typeof councilDeliveryDetail>;

/** Over the councils shown: every promise linked to the principle, by status. */
export const principleDeliveryTotal = z.object({ code: principleCode, linked: count, byStatus: statusCounts });
export type PrincipleDeliveryTotal = z.infer<typeof principleDeliveryTotal>;

export const deliveryQuery = z.object({ nation: nation.optional(), kind: councilKind.optional() });
export type DeliveryQuery = z.input<typeof deliveryQuery>;

/** A framework of the councils shown, with every promise of its councils per principle. */
export const frameworkDelivery = frameworkSummary.extend({ byPrinciple: z.array(principleDeliveryTotal) });
export type FrameworkDelivery = z.infer<typeof frameworkDelivery>;

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
  /** Per framework of the councils shown, in the order of nations: only its own councils' promises count. */
  frameworks: z.array(frameworkDelivery),
  /** In name order. */
  councils: z.array(councilDelivery),
});
export type CompareDelivery = z.infer<typeof compareDelivery>;

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
  const promises = deliveryTargets(page.pledge, identity.nation).map(({ target, label, principles }): ComparedTarget => {
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
    framework: frameworkOfNation(identity.nation)?.code ?? null,
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
    principles: [...ownPrinciples(identity.nation)].map((code) => {
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

/** Per principle of a framework, over the councils given of that framework: every promise linked to it, by status. */
export function deliveryByPrinciple(
  framework: { code: string; principles: readonly { code: string }[] },
  all: readonly CouncilDeliveryDetail[],
): PrincipleDeliveryTotal[] {
  const councils = all.filter((council) => council.framework === framework.code);
  return framework.principles.map(({ code: principle }) => {
    const code = principle as PrincipleCode;
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
    // Each framework over its own councils only: like with like.
    frameworks: frameworksOf(shown.map((council) => council.nation)).map((framework) => ({
      ...summaryOfFramework(framework),
      byPrinciple: deliveryByPrinciple(framework, shown),
    })),
    councils: shown.map(summaryOf),
  };
}

export { type DeliveryTarget, deliveryTargets } from './compare-delivery-targets.js';
