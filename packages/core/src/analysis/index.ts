export { analyze } from './analyze.js';
export { compare, type CompareOptions, type ReviewComparison } from './compare.js';
export { explain, type Explanation } from './explain.js';
export { EVALUATION_TYPES } from './review-index.js';
export { termsFor, type Terms } from './messages/terms.js';
export type * from './types.js';
export { moneyWarnings, type MoneyWarning } from './money-scope.js';
