export * from './review.js';
export * from './completeness.js';
