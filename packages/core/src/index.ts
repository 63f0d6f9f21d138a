export * from './load/index.js';
export { reviewJsonSchema, SCHEMA_ID } from './model/json-schema.js';
export { bundledRpeVersions, rpeQuestionSet, type RpeQuestion, type RpeQuestionSet, type RpeTopic } from './rpe/questions.js';
export * from './analysis/index.js';
export { nearest } from './util/nearest.js';
