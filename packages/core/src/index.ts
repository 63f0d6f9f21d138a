export * from './load/index.js';
export { reviewJsonSchema, SCHEMA_ID } from './model/json-schema.js';
export {
  bundledRpeVersions,
  effectiveRpe,
  questionsAbout,
  RPE_SUBJECTS,
  RPE_TOPICS,
  rpeQuestionSet,
  rpeVersionData,
  SUBJECTS_OF_TOPIC,
  type EffectiveRpe,
  type OwnQuestionSet,
  type RpeQuestion,
  type RpeQuestionNoun,
  type RpeQuestionSet,
  type RpeRule,
  type RpeRules,
  type RpeSubject,
  type RpeTopic,
  type RpeVersionData,
} from './rpe/questions.js';
export * from './analysis/index.js';
export {
  filterReviewForAudience,
  scrubValue,
  REDACTION,
  AUDIENCE_LEVELS,
  clearanceRank,
  visibleAt,
  isAudienceLevel,
  type AudienceLevel,
  type AudienceFilterResult,
  type DroppedItem,
  type DroppedKind,
} from './audience/index.js';
export { migrateReviewText, MigrationSyntaxError, type TextMigration } from './load/migrate-text.js';
