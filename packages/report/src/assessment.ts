/**
 * The assessment types of @polev/core, re-exported in one place so the rest of the package
 * imports them from here.
 */
export type {
  Assessment,
  AnalyzeOptions,
  Explained,
  Sum,
  Share,
  SteppedVerdicts,
  EffectivenessValue,
  EfficiencyValue,
  GoalAchievementValue,
  RealisationValue,
  RpeStatus,
  SmartCriterion,
  SmartResult,
  SmartCheck,
  GapRow,
  CoverageSummary,
  SavingsOption,
  SavingsVariant,
  DerivedRecommendation,
  RealisationSummary,
  LineExpenditure,
  EffectivenessRank,
  ScopeCost,
  LeftOutKind,
} from '@polev/core';
