export * from '../compare.js';
export * from '../compare-frameworks.js';
export * from '../compare-matrix.js';
export * from '../compare-side-by-side.js';
export * from '../compare-csv.js';
export * from '../csv.js';
export * from '../compare-delivery.js';
export * from '../compare-delivery-csv.js';
