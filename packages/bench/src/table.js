// The one table a run prints: every target with its figures, its ratio to the baseline, its goal
// and the verdict. A cell with nothing measured stays empty.
import { ratioText } from './goals.js';

export const COLUMNS = ['target', 'req/s', 'p50 ms', 'p99 ms', 'non-2xx', 'errors', 'timeouts', '÷ base', 'goal', 'verdict'];

const fixed = (value, digits) => (typeof value === 'number' && Number.isFinite(value) ? value.toFixed(digits) : value === null ? '' : '-');
const count = (value) => (value === null || value === undefined ? '' : String(value));

const cells = (row) => [
  row.target,
  fixed(row.requestsPerSecond, 0),
  fixed(row.p50Ms, 2),
  fixed(row.p99Ms, 2),
  count(row.non2xx),
  count(row.errors),
  count(row.timeouts),
  row.ratio === null ? '' : ratioText(row.ratio),
  row.goal,
  row.verdict,
];

/** The table as lines: the target and goal columns to the left, figures to the right. */
export function tableLines(rows) {
  const body = rows.map(cells);
  const widths = COLUMNS.map((title, i) => Math.max(title.length, ...body.map((row) => row[i].length)));
  const leftAligned = new Set([0, COLUMNS.indexOf('goal'), COLUMNS.indexOf('verdict')]);
  const line = (row) =>
    row
      .map((cell, i) => (leftAligned.has(i) ? cell.padEnd(widths[i]) : cell.padStart(widths[i])))
      .join('  ')
      .trimEnd();
  return [line(COLUMNS), widths.map((width) => '-'.repeat(width)).join('  '), ...body.map(line)];
}

/** The table's cells again, read from its printed lines by the columns its rule of dashes marks. */
export function readTable(lines) {
  const start = lines.findIndex((line) => line.startsWith('target ') && line.includes('÷ base'));
  if (start < 0) return [];
  const spans = [...lines[start + 1].matchAll(/-+/g)].map((match) => [match.index, match.index + match[0].length]);
  const rows = [];
  for (const line of lines.slice(start + 2)) {
    if (line.trim() === '') break;
    rows.push(spans.map(([from, to]) => line.slice(from, to).trim()));
  }
  return rows;
}
