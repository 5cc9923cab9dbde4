import { type CsvValue, toCsv } from './csv.js';
import {
  DELIVERY_STATUS_LABELS,
  latestUpdate,
  type DeliveryAction,
  type DeliveryStatus,
  type DeliveryUpdate,
  type ProgressContent,
} from './progress.js';

/**
 * The open-data download of a council's published progress (docs/open-data.md): a CSV with one row
 * per update, and a versioned JSON. A promise with no update is listed with its status left empty:
 * nothing is invented.
 */

/** What a record can name, in the published pledge's order: `promise-3` "Pledge 3", or `theme-home` and its title. */
export interface ProgressTargetLabel {
  target: string;
  label: string;
}

export const PROGRESS_FORMAT = 'pledgekeeper.progress/1';

// The columns of docs/open-data.md. Names and order are part of the format: add at the end only.
export const PROGRESS_CSV_COLUMNS = [
  'council',
  'target',
  'promise',
  'date',
  'status',
  'status_word',
  'text',
  'plain_words',
  'reason',
  'evidence_urls',
] as const;

export interface ProgressDownload {
  format: typeof PROGRESS_FORMAT;
  council: string;
  publishedAt: string | null;
  promises: {
    target: string;
    label: string;
    measure: string | null;
    /** The latest update's status; null when there is no update. */
    status: DeliveryStatus | null;
    actions: DeliveryAction[];
    /** Oldest first, as dated; on the same date in the order recorded. */
    updates: DeliveryUpdate[];
  }[];
}

const oldestFirst = (updates: readonly DeliveryUpdate[]): DeliveryUpdate[] =>
  updates
    .map((update, index) => ({ update, index }))
    .sort((a, b) => (a.update.date === b.update.date ? a.index - b.index : a.update.date < b.update.date ? -1 : 1))
    .map(({ update }) => update);

/** Every target of the pledge, in its order, with its published record (or none). */
function records(targets: readonly ProgressTargetLabel[], content: ProgressContent) {
  const byTarget = new Map(content.promises.map((record) => [record.target, record]));
  return targets.map((target) => ({ ...target, record: byTarget.get(target.target) }));
}

export function progressJson(
  council: string,
  targets: readonly ProgressTargetLabel[],
  content: ProgressContent,
  publishedAt: string | null,
): ProgressDownload {
  return {
    format: PROGRESS_FORMAT,
    council,
    publishedAt,
    promises: records(targets, content).map(({ target, label, record }) => ({
      target,
      label,
      measure: record?.measure ?? null,
      status: record ? (latestUpdate(record)?.status ?? null) : null,
      actions: record?.actions ?? [],
      updates: oldestFirst(record?.updates ?? []),
    })),
  };
}

const updateRow = (council: string, target: ProgressTargetLabel, update: DeliveryUpdate): CsvValue[] => [
  council,
  target.target,
  target.label,
  update.date,
  update.status,
  DELIVERY_STATUS_LABELS[update.status].word,
  update.text,
  update.plainWords,
  update.reason,
  update.evidence.map((link) => link.url).join(' '),
];

/** One row per published update, oldest first within each promise; a promise with no update gets one row with everything after its label empty. */
export function progressCsv(council: string, targets: readonly ProgressTargetLabel[], content: ProgressContent): string {
  const rows = records(targets, content).flatMap(({ record, ...target }): CsvValue[][] => {
    const updates = oldestFirst(record?.updates ?? []);
    if (updates.length === 0) return [[council, target.target, target.label, null, null, null, null, null, null, null]];
    return updates.map((update) => updateRow(council, target, update));
  });
  return toCsv([[...PROGRESS_CSV_COLUMNS], ...rows]);
}

export const progressFilename = (council: string, extension: 'csv' | 'json'): string => `pledgekeeper-progress-${council}.${extension}`;
