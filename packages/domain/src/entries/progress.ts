export * from '../progress.js';
export * from '../progress-edition.js';
