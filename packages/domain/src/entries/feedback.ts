export * from '../feedback.js';
