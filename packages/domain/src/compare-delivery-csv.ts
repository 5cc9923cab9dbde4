import { z } from 'zod';
import { councilKind, nation } from './council.js';
import { type CouncilDeliveryDetail, type DeliveryQuery, councilDeliveryDetail, deliveryQuery, deliveryShown } from './compare-delivery.js';
import { type CsvValue, toCsv } from './csv.js';
import { DELIVERY_STATUS_LABELS } from './progress.js';

/**
 * Delivery across councils as open data (docs/open-data.md): every council's promises with their
 * published status, latest update, staleness and actions. A CSV row per council and promise, and
 * a versioned JSON. Published progress only; a promise with no update has no status. Version 2:
 * each council's promises are linked to its own nation's principles only, and each council names
 * its framework (version 1 gave every council figures under England's principles).
 */
export const COMPARE_PROGRESS_FORMAT = 'pledgekeeper.compare.progress/2';

export const compareProgress = z.object({
  format: z.literal(COMPARE_PROGRESS_FORMAT),
  asOf: z.string(),
  query: z.object({ nation: nation.nullable(), kind: councilKind.nullable() }),
  totalCouncils: z.number().int().min(0),
  /** In name order, each with its figures per principle and its promises in the order of its progress page. */
  councils: z.array(councilDeliveryDetail),
});
export type CompareProgress = z.infer<typeof compareProgress>;

export function buildCompareProgress(all: readonly CouncilDeliveryDetail[], input: DeliveryQuery, now: Date): CompareProgress {
  const query = deliveryQuery.parse(input);
  return {
    format: COMPARE_PROGRESS_FORMAT,
    asOf: now.toISOString().slice(0, 10),
    query: { nation: query.nation ?? null, kind: query.kind ?? null },
    totalCouncils: all.length,
    councils: deliveryShown(all, query),
  };
}

// The columns of docs/open-data.md. Names and order are part of the format: add at the end only.
export const COMPARE_PROGRESS_CSV_COLUMNS = [
  'council',
  'council_name',
  'target',
  'promise',
  'status',
  'status_word',
  'latest_update',
  'stale',
  'open_actions',
  'overdue_actions',
  'principles',
  'progress_url',
  'framework',
] as const;

/**
 * One row per council and promise, councils in name order; a council whose pledge has nothing to
 * report against gets one row with only its own columns filled, so no council goes missing.
 */
export function compareProgressCsv(download: CompareProgress, origin?: string): string {
  const rows = download.councils.flatMap((council): CsvValue[][] => {
    const url = origin ? `${origin}${council.progressPath}` : council.progressPath;
    if (council.promises.length === 0)
      return [[council.slug, council.name, null, null, null, null, null, null, null, null, null, url, council.framework]];
    return council.promises.map((target) => [
      council.slug,
      council.name,
      target.target,
      target.label,
      target.status,
      target.status ? DELIVERY_STATUS_LABELS[target.status].word : null,
      target.latestUpdate,
      target.stale,
      target.openActions,
      target.overdueActions,
      target.principles.join('; '),
      `${url}#${target.target}`,
      council.framework,
    ]);
  });
  return toCsv([[...COMPARE_PROGRESS_CSV_COLUMNS], ...rows]);
}

export const compareProgressFilename = (extension: 'csv' | 'json'): string => `pledgekeeper-compare-progress.${extension}`;
