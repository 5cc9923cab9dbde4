import {
  COMPARED_STATUSES,
  type ComparedStatus,
  type CouncilDelivery,
  type DeliveryQuery,
  NO_UPDATE,
  type PrincipleDeliveryTotal,
} from '@pledgekeeper/domain/compare';
import { DELIVERY_STATUS_LABELS } from '@pledgekeeper/domain/progress';
import { matrixFormFrom } from '$lib/compare/query';
import { formatDay } from '$lib/progress/labels';

/** The filters of /compare that apply to delivery: nation and kind, never an error for anything unknown. */
export function deliveryQueryFrom(params: URLSearchParams): DeliveryQuery {
  const { nation, kind } = matrixFormFrom(params);
  return { nation, kind };
}

/** The filters in force as a query string, for the download links. */
export function deliverySearch(query: { [K in keyof DeliveryQuery]?: DeliveryQuery[K] | null }): string {
  const params = new URLSearchParams();
  if (query.nation) params.set('nation', query.nation);
  if (query.kind) params.set('kind', query.kind);
  const search = params.toString();
  return search ? `?${search}` : '';
}

/** Each status in a word and a symbol, in the order of the tables: never told by colour alone. */
export const STATUS_COLUMNS: { status: ComparedStatus; word: string; symbol: string }[] = COMPARED_STATUSES.map((status) =>
  status === NO_UPDATE ? { status, word: 'No update yet', symbol: '–' } : { status, ...DELIVERY_STATUS_LABELS[status] },
);

/** "1 promise", "3 promises". */
export const inWords = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/**
 * How recent a council's last update is, in words, with only dates it published: "No updates
 * published", "No update since 4 March 2026" when it is too old to stand for now, or its date.
 */
export function recency(council: Pick<CouncilDelivery, 'targetCount' | 'lastUpdate' | 'noUpdateSince'>): { text: string; gap: boolean } {
  if (council.targetCount === 0) return { text: 'No numbered promises or themes to report on', gap: true };
  if (council.lastUpdate === null) return { text: 'No updates published', gap: true };
  if (council.noUpdateSince !== null) return { text: `No update since ${formatDay(council.noUpdateSince)}`, gap: true };
  return { text: `Last update ${formatDay(council.lastUpdate)}`, gap: false };
}

/** "2 promises not updated for 4 months", where some are and the council as a whole is not stale. */
export function staleNote(council: Pick<CouncilDelivery, 'staleTargets' | 'noUpdateSince' | 'staleAfterMonths'>): string | null {
  if (council.staleTargets === 0 || council.noUpdateSince !== null) return null;
  return `${inWords(council.staleTargets, 'promise', 'promises')} not updated for ${council.staleAfterMonths} months`;
}

/** On track or done, of the promises linked to a principle: "3 of 12", or the gap in words. */
export function keptText(row: Pick<PrincipleDeliveryTotal, 'linked' | 'byStatus'>): string {
  if (row.linked === 0) return 'No promises linked';
  return `${row.byStatus['on-track'] + row.byStatus.done} of ${row.linked}`;
}

/** A council's row of the delivery table, worked out once on the server: what it shows and no more. */
export interface DeliveryRow {
  slug: string;
  name: string;
  href: string;
  /** Its promises, then how many have each status, in the order of STATUS_COLUMNS. */
  figures: number[];
  recency: string;
  gap: boolean;
  note: string | null;
}

// The page's data is serialised whole with every answer, so each of 150 rows or more carries only what it shows.
export const deliveryRow = (council: CouncilDelivery): DeliveryRow => {
  const { text, gap } = recency(council);
  return {
    slug: council.slug,
    name: council.name,
    href: council.progressPath,
    figures: [council.targetCount, ...STATUS_COLUMNS.map(({ status }) => council.byStatus[status])],
    recency: text,
    gap,
    note: staleNote(council),
  };
};
