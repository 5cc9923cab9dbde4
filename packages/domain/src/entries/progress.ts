export * from '../progress.js';
export * from '../progress-edition.js';
export * from '../progress-targets.js';
export * from '../progress-csv.js';
export { CSV_MEDIA_TYPE, parseCsv } from '../csv.js';
export * from '../board-view.js';
export * from '../annual-report.js';
