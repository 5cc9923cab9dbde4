export * from '../account.js';
export * from '../workspace.js';
export * from '../diff.js';
export * from '../lifecycle.js';
export * from '../page-edition.js';
export * from '../refusal.js';
