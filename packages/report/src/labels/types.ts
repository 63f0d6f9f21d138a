import type {
  Aspect,
  BudgetKind,
  Classification,
  EvidenceStrength,
  RealisationStatus,
  SourceType,
  Verdict,
} from '@polev/core';
import type {
  EffectivenessValue,
  EfficiencyValue,
  EffectivenessRank,
  GoalAchievementValue,
  LeftOutKind,
  RealisationValue,
  RpeStatus,
  SmartCriterion,
  SmartResult,
} from '../assessment.js';

export type Lang = 'nl' | 'en';

/**
 * Every heading and label the report prints. The review's own text is never translated: only
 * these strings change with `lang`. Functions take plain values and return plain text; the
 * renderers escape everything afterwards.
 */
export interface Labels {
  lang: Lang;
  /** BCP 47 tag for the HTML `lang` attribute and the .docx language. */
  locale: string;
  docType: string;
  publicVersion: string;
  confidentialVersion: string;
  confidentialBanner: string;
  publicBanner: string;
  contents: string;
  tableLabel: string;
  figureLabel: string;
  appendixLabel: string;
  appendices: string;
  unknown: string;
  unknownAmount: string;
  /** What a version leaves out, per kind of record, singular and plural (counts only: never names). */
  leftOutKind: Record<LeftOutKind, readonly [string, string]>;
  /** "2 instruments, 3 findings and 1 source" from the counts that are not zero. */
  leftOutList: (counts: string[]) => string;
  none: string;
  notApplicable: string;
  yes: string;
  no: string;
  total: string;
  totalThousands: string;
  rpeIntro: string;
  /** For a version whose questions are the parts of its article (RPE 2013, art. 3(3)). */
  rpeIntroParts: string;
  amountsNote: string;
  generatedOn: (date: string) => string;
  generatedBy: string;

  meta: {
    ministry: string;
    budgetChapter: string;
    budgetArticles: string;
    period: string;
    performedBy: string;
    method: string;
    rpeVersion: string;
    completed: string;
    sentToParliament: string;
  };
  method: Record<'synthesis' | 'new-research' | 'mixed', string>;

  summary: {
    title: string;
    intro: (p: { articles: string; chapter: string | null; ministry: string; start: number | null; end: number | null }) => string;
    performed: (p: { by: string | null; method: string | null }) => string;
    keyFigures: string;
    domains: string;
    objectives: string;
    instruments: string;
    realised: string;
    evaluated: string;
    withCost: string;
    programmeTotal: string;
    verdictsTitle: string;
    conclusionsTitle: string;
    recommendationsTitle: string;
    classifiedAnnexPublic: string;
    classifiedAnnexConfidential: string;
    /** The public version's counts of what it leaves out. */
    leftOut: (list: string) => string;
  };

  scope: {
    title: string;
    articlesTitle: string;
    articleCol: string;
    titleCol: string;
    partsCol: string;
    periodTitle: string;
    /** The central research question (centrale onderzoeksvraag), where the review states one. */
    centralQuestion: string;
    periodText: (start: number | null, end: number | null) => string;
    exclusionsTitle: string;
    exclusionCol: string;
    reasonCol: string;
    noExclusions: string;
    outOfScopeMoney: string;
  };

  policy: {
    title: string;
    reasonTitle: string;
    mainGoal: string;
    responsibilityTitle: string;
    rolesIntro: string;
    rolesTableCaption: string;
    objectivesTitle: string;
    domainGoal: string;
    objectivesOf: (domain: string) => string;
    smartCaption: (domain: string) => string;
    smartObjectiveCol: string;
    smartPassed: string;
    smartFields: Record<'indicator' | 'baseline' | 'target' | 'deadline', string>;
    noObjectives: string;
    answeredIn: (location: string) => string;
    notRecorded: string;
  };

  instruments: {
    title: string;
    domainTitle: (domain: string) => string;
    count: (counted: string, n: number, objectivesCounted: string, objectives: number) => string;
    overviewCaption: (domain: string) => string;
    numberCol: string;
    instrumentCol: string;
    kindCol: string;
    roleCol: string;
    realisationCol: string;
    realisationSummary: (realised: string, deployed: string) => string;
    afterPeriod: (counted: string, n: number) => string;
    noInstruments: string;
    expenditureTitle: string;
    expenditureOverview: string;
    expenditureCaption: (kind: string) => string;
    expenditureFigure: (kind: string) => string;
    lineCol: string;
    dominant: (name: string, share: string) => string;
    /** The largest line by known amounts, when some programme amounts are unknown (the share is then unknown). */
    dominantKnownOnly: (name: string, amount: string, known: string, unknownParts: number) => string;
    /** The largest line according to the review's text (no amounts); `share` null when the text gives no figure. */
    dominantStated: (name: string, text: string, share: string | null) => string;
    unknownAmounts: (n: number) => string;
    outOfScopeTitle: string;
    costTitle: string;
    costText: (withCost: string, attributable: string) => string;
    /** As costText, when programme amounts are unknown: the share is unknown, the known parts are given. */
    costTextUnknown: (withCost: string, attributable: string, total: string, unknownParts: number) => string;
    /** As costText, when no programme amount is known at all. */
    costTextAllUnknown: (withCost: string, unknownParts: number) => string;
    withoutCostList: (counted: string, n: number) => string;
    /** The review states it has no budget lines. */
    noExpenditure: string;
    /** The review does not give its expenditure (unknown, not none). */
    expenditureUnknown: string;
    /** What the review says is missing from its expenditure. */
    expenditureMissing: (missing: string) => string;
    budgetTitle: string;
    budgetCaption: (kind: string) => string;
    budgetPhase: Record<'adopted' | 'final', string>;
    /** The open data's budget phases, as column heads. */
    phaseCol4: Record<'draft' | 'adopted' | 'firstSupplementary' | 'secondSupplementary', string>;
    commitmentsCol: string;
    receiptsCol: string;
    commitmentsCaption: (kind: string) => string;
    commitmentsNote: string;
    articleContextTitle: (article: string) => string;
    articleContextText: (article: string, name: string | null, covered: string) => string;
    articleContextCaption: (article: string) => string;
    yearCol: string;
    phaseCol: string;
    budgetCol: string;
    realisedCol: string;
    differenceCol: string;
    outsideArticleTitle: string;
    outsideArticleText: (n: number, articles: string) => string;
    articleCol: string;
    staffTimeText: (attributable: string, total: string, share: string) => string;
    staffTimeNone: string;
    jointText: (counted: string, n: number) => string;
    ownCostCol: string;
    jointCol: string;
    jointWith: (amount: string, line: string, others: string) => string;
    scopeCostCaption: string;
    scopeCol: string;
    attributedCol: string;
    jointInsideCol: string;
    sharedCol: string;
    staffCol: string;
  };

  research: {
    title: string;
    evaluationsTitle: string;
    evaluationsCaption: string;
    sourceCol: string;
    typeCol: string;
    authorCol: string;
    dateCol: string;
    subjectsCol: string;
    /** The review states it lists all its evaluations, and lists none. */
    noEvaluations: string;
    /** No evaluation in the data, and the data do not say the list is complete: unknown, not none. */
    evaluationsUnknown: string;
    evaluationsPartial: (missing: string | null) => string;
    /** Sources of unknown type, reported apart: they may be evaluations. */
    unknownTypeSources: (n: number, titles: string) => string;
    otherSources: (n: number) => string;
    coverageTitle: string;
    coverageCaption: string;
    scopeCol: string;
    instrumentsCol: string;
    evaluatedCol: string;
    effectivenessCol: string;
    efficiencyCol: string;
    sideEffectsCol: string;
    moneyEvaluatedCol: string;
    /** A money share that is unknown because amounts are. */
    moneyUnknown: (unknownParts: number) => string;
    gapMapIntro: string;
    gapMapFigure: (domain: string) => string;
    notEvaluatedTitle: string;
    notEvaluatedNone: string;
    usefulnessTitle: string;
    usefulnessIntro: string;
    strengthCaption: string;
    domainCol: string;
  };

  effects: {
    title: string;
    domainTitle: (domain: string) => string;
    articleTitle: string;
    steppedCaption: (scope: string) => string;
    stepCol: string;
    verdictCol: string;
    reasonsCol: string;
    objectivesCaption: (domain: string) => string;
    objectiveCol: string;
    findingsTitle: string;
    findingsNone: string;
    conclusionsTitle: string;
    ownJudgement: string;
  };

  steps: Record<'goalAchievement' | 'realisation' | 'effectiveness' | 'efficiency', string>;
  stepsExplained: Record<'goalAchievement' | 'realisation' | 'effectiveness' | 'plausibility' | 'efficiency', string>;

  options: {
    title: string;
    reviewRecommendations: string;
    noRecommendations: string;
    derivedTitle: string;
    derivedIntro: string;
    priority: (p: number) => string;
    priorityCol: string;
    recommendationCol: string;
    savingsTitle: string;
    savingsIntro: (p: { percent: number; baseYear: string; base: string; target: string; lowerBound: boolean; apparatus: boolean }) => string;
    savingsNoBase: string;
    /** The base year is known but no line gives a figure for it: base, target and shortfall unknown. */
    savingsUnknownBase: (percent: number, baseYear: string) => string;
    savingsMethod: Record<'across-the-board' | 'evidence-ranked' | 'review', string>;
    fixedLines: string;
    verdictCol: string;
    rank: Record<EffectivenessRank, string>;
    reviewChapterTitle: string;
    /** `percent` and `base` null when the chapter does not give them: shown as unknown. */
    reviewChapterIntro: (percent: string | null, base: string | null, author: string | null) => string;
    optionCol: string;
    amountCol: string;
    affectsCol: string;
    comparisonCaption: string;
    methodCol: string;
    targetCol: string;
    savedCol: string;
    shortfallCol: string;
    savingsCaption: (method: string) => string;
    baseCol: string;
    cutCol: string;
    remainingCol: string;
    strengthCol: string;
    saved: (saved: string, shortfall: string) => string;
    protectedLines: string;
    unknownLines: string;
  };

  accountability: {
    title: string;
    methodText: Record<'synthesis' | 'new-research' | 'mixed' | 'unknown', string>;
    performedBy: (by: string) => string;
    committeeTitle: string;
    committeeNone: string;
    /** No committee in the data, and the data do not say there was none. */
    committeeUnknown: string;
    nameCol: string;
    organisationCol: string;
    roleCol: string;
    expertTitle: string;
    /** The review states it had no independent expert, and its RPE version requires one (with where it says so). */
    expertNone: (version: string, origin: string) => string;
    expertNoneNotRequired: (version: string) => string;
    expertNoneRuleUnknown: (version: string) => string;
    /** No expert in the data, and the data do not say there was none: unknown, not "no expert". */
    expertUnknown: string;
    expertsPartial: (missing: string | null) => string;
    verdictCol: string;
    affiliationCol: string;
    noteCol: string;
    approachTitle: string;
    approachIntro: string;
    strengthScaleTitle: string;
    notesTitle: string;
    classifiedTitle: string;
    /** Parliamentary follow-up of the review (letters, written questions, debates, motions). */
    followUpTitle: string;
    followUpTypeCol: string;
    followUpDateCol: string;
    followUpReferenceCol: string;
    followUpSubjectCol: string;
    followUpType: Record<'letter' | 'written-questions' | 'debate' | 'motion' | 'cabinet-response' | 'other', string>;
    classifiedPublic: string;
    leftOutCaption: string;
    leftOutKindCol: string;
    leftOutCountCol: string;
    classifiedConfidential: string;
    noClassified: string;
  };

  appendix: {
    treeOverviewTitle: string;
    treeTitle: (domain: string) => string;
    treeFigure: (domain: string, part: number, parts: number) => string;
    instrumentTableTitle: (domain: string) => string;
    instrumentTableCaption: (domain: string) => string;
    colObjectiveInstrument: string;
    colRealisation: string;
    colEvaluations: string;
    indicatorsTitle: string;
    indicatorsCaption: string;
    indicatorCol: string;
    valueCol: string;
    referenceDateCol: string;
    sourcesTitle: string;
    sourcesCaption: string;
    referenceCol: string;
    classificationCol: string;
    rpeIndexTitle: string;
    rpeIndexCaption: string;
    rpeQuestionCol: string;
    rpeSectionCol: string;
    rpeStatusCol: string;
    rpeLocationCol: string;
    rpeUnknownVersion: (version: string) => string;
    rpeAnswersCaption: (version: string) => string;
    rpeNoAnswers: string;
    classifiedAnnexTitle: string;
    classifiedAnnexIntro: string;
    classifiedAnnexPublic: string;
    classifiedItemsCaption: string;
    itemCol: string;
    sourceLabel: string;
    findingLabel: string;
    conclusionLabel: string;
    indicatorLabel: string;
    objectiveLabel: string;
    instrumentLabel: string;
    mainGoalLabel: string;
    domainLabel: string;
    realisedOn: (date: string) => string;
    noEvaluation: string;
  };

  figure: {
    /** `instruments` null for a tree without instruments (the overview). */
    treeDesc: (domain: string, instruments: number | null) => string;
    expenditureDesc: (kind: string) => string;
    gapDesc: (domain: string) => string;
    yearAxis: string;
    amountAxis: string;
    unknownLegend: string;
    strengthLegend: string;
    objectiveLegend: string;
    instrumentLegend: string;
    classifiedLegend: string;
  };

  realisationStatus: Record<RealisationStatus, string>;
  instrumentKind: Record<'regulation' | 'financial' | 'communication' | 'organisation' | 'network' | 'research' | 'other', string>;
  role: Record<'directing' | 'guiding' | 'facilitating', string>;
  budgetKind: Record<BudgetKind, string>;
  sourceType: Record<SourceType, string>;
  classification: Record<Classification, string>;
  aspect: Record<Aspect | 'general', string>;
  verdict: Record<Verdict, string>;
  strength: Record<EvidenceStrength, string>;
  goalAchievement: Record<GoalAchievementValue, string>;
  realisationValue: Record<RealisationValue, string>;
  effectivenessValue: Record<EffectivenessValue, string>;
  efficiencyValue: Record<EfficiencyValue, string>;
  smartCriterion: Record<SmartCriterion, string>;
  smartResult: Record<SmartResult, string>;
  rpeStatus: Record<RpeStatus, string>;
  rpeTopic: Record<'scope' | 'policy' | 'instruments' | 'research' | 'effects' | 'options', string>;
}
