export * from '../text.js';
export * from '../reference.js';
export * from '../council.js';
export * from '../statement.js';
export * from '../pledge.js';
export * from '../board.js';
export * from '../involvement.js';
export * from '../page.js';
