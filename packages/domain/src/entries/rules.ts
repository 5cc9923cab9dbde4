export * from '../rules.js';
export * from '../suggest.js';
export * from '../suggestion-rules.js';
export * from '../suggestion-rules-nations.js';
export * from '../reading-age.js';
export * from '../colour.js';
