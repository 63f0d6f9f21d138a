/**
 * `@polev/core/load`: reading and checking a review, without the analysis. An edge that only
 * validates (e.g. `polev validate`) imports this so that it does not pay for loading the analysis
 * modules at start-up. Everything here is also exported from `@polev/core`, as the same objects.
 */
export * from '../model/index.js';
export { parseReview, parseReviewOrThrow, type ParseOptions, type ParseResult, type ProblemCounts } from './parse.js';
export { migrateReview, type Migration } from './migrate.js';
export { formatPath, formatProblem, type PathSegment, type Problem, type ProblemCode } from './problem.js';
export { InvalidOptionsError, InvalidReviewError, PolevError } from '../errors.js';
