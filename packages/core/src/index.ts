export * from './model/index.js';
export { reviewJsonSchema, SCHEMA_ID } from './model/json-schema.js';
export { parseReview, parseReviewOrThrow, type ParseOptions, type ParseResult } from './load/parse.js';
export { formatPath, formatProblem, type PathSegment, type Problem, type ProblemCode } from './load/problem.js';
export { InvalidOptionsError, InvalidReviewError, PolevError } from './errors.js';
export { bundledRpeVersions, rpeQuestionSet, type RpeQuestion, type RpeQuestionSet, type RpeTopic } from './rpe/questions.js';
export * from './analysis/index.js';
