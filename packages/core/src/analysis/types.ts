import type { ReviewPeriod } from '../model/completeness.js';
import type {
  Aspect,
  BudgetKind,
  Classification,
  EvidenceStrength,
  RealisationStatus,
  RpeVersion,
} from '../model/review.js';
import type { RpeTopic } from '../rpe/questions.js';

/** Every verdict polev gives carries its reasons (plain sentences) and the ids of its evidence. */
export interface Explained {
  reasons: string[];
  /** ids of findings, sources, instruments, budget lines or objectives the verdict rests on. */
  evidence: string[];
}

/** A sum over amounts some of which may be unknown. Unknown parts are never counted as 0. */
export interface Sum {
  /** The total, or null when any part is unknown. */
  amount: number | null;
  /** The sum of the known parts: the total when complete, a lower bound otherwise. */
  known: number;
  /** How many parts are unknown (null in the source). */
  unknownParts: number;
}

/** count of total, and count / total (null when total is 0). */
export interface Share {
  count: number;
  total: number;
  share: number | null;
}

export type ScopeKind = 'article' | 'domain' | 'objective';
export interface ScopeRef {
  kind: ScopeKind;
  /** The domain or objective id; the review id for the article. */
  id: string;
  label: string;
}

// ---- realisation (step 2) -------------------------------------------------------------------

export interface RealisationSummary {
  scope: ScopeRef;
  instruments: string[];
  byStatus: Record<RealisationStatus, number>;
  /** Realised within the period, of all instruments in scope. */
  realised: Share;
  /** Realised, partly realised or ongoing, of all instruments in scope. */
  deployed: Share;
  /** Kept apart: realised only after the review period. */
  realisedAfterPeriod: string[];
}

// ---- expenditure ------------------------------------------------------------------------------

export interface LineYear {
  year: number;
  amount: number | null;
  /** Change against the previous year of the same line; null when either year is unknown or missing. */
  change: number | null;
  changeShare: number | null;
}

export interface LineExpenditure {
  line: string;
  name: string;
  kind: BudgetKind;
  article: string | null;
  instruments: string[];
  years: LineYear[];
  total: Sum;
  outOfScopeReason: string | null;
}

export interface KindYear {
  kind: BudgetKind;
  year: number;
  total: Sum;
  change: number | null;
  changeShare: number | null;
}

export interface ExpenditureAnalysis {
  years: number[];
  lines: LineExpenditure[];
  byKindAndYear: KindYear[];
  byKind: Record<BudgetKind, Sum>;
  /** Programme expenditure per year. */
  programmeByYear: { year: number; total: Sum }[];
  /** The programme line with the largest known share of programme money over the period. */
  /** `amount` is the line's known programme money, or null when its share comes from the text. */
  dominantLine: (Explained & { line: string; name: string; share: number | null; amount: number | null }) | null;
  outOfScope: { line: string; name: string; total: Sum; reason: string }[];
  /** Lines and years with no figure in the source. */
  unknownAmounts: { line: string; year: number }[];
}

export type CostStatus = 'amount' | 'line-without-amount' | 'none';

/** Whether programme money with a known amount is linked to an instrument. */
export interface InstrumentCost {
  status: CostStatus;
  lines: string[];
  /** Null when no budget line is linked: the instrument's cost is unknown, not 0. */
  amount: Sum | null;
}

export interface CostAttribution {
  /** Per instrument id. */
  instruments: Record<string, InstrumentCost>;
  /** Instruments with a known linked amount, of all instruments. */
  withCost: Share;
  withoutCost: string[];
  /** Programme money (known amounts) on lines that name at least one instrument, of all known programme money. */
  attributableMoney: { attributable: number; total: number; share: number | null; unknownParts: number };
}

// ---- evidence, coverage, gap map --------------------------------------------------------------

export interface AspectEvidence {
  strength: EvidenceStrength;
  /** Findings about this subject on this aspect. */
  findings: string[];
  /** Sources (evaluations) behind those findings. */
  sources: string[];
  /** What the strongest judging findings say together (judgement.ts), or null without findings. */
  verdict: Weighed | null;
  /** The judging findings at the strongest strength: exactly the evidence for `verdict`. */
  decisive: string[];
}

export interface InstrumentEvidence extends Explained {
  instrument: string;
  /** Strongest evidence on any aspect (at least `realisation` when realisation is documented). */
  strength: EvidenceStrength;
  aspects: Record<Aspect, AspectEvidence>;
  evaluated: boolean;
  classifiedOnly: boolean;
}

export interface CoverageRow {
  id: string;
  /** Any evaluation covers it (a finding from an evaluation-type source). */
  evaluated: boolean;
  effectiveness: boolean;
  efficiency: boolean;
  sideEffects: boolean;
}

/** What the review says of its list of evaluations (model/completeness.ts): coverage is unknown when the list is. */
export interface EvaluationList {
  status: 'complete' | 'partial' | 'unknown';
  stated: boolean;
  /** Sources in the file whose type counts as an evaluation. */
  known: number;
}

export interface CoverageSummary {
  scope: ScopeRef;
  instruments: number;
  /** Shares are null when the list of evaluations is unknown; counts are then what the file holds. */
  evaluationList: EvaluationList;
  evaluated: Share;
  effectiveness: Share;
  efficiency: Share;
  sideEffects: Share;
  /** Known programme money on lines whose instruments are all evaluated, of known programme money in scope. */
  money: { evaluated: number; effectiveness: number; efficiency: number; total: number; unknownParts: number; evaluatedShare: number | null; effectivenessShare: number | null; efficiencyShare: number | null };
}

export interface NotEvaluated extends Explained {
  kind: 'instrument' | 'objective';
  id: string;
  label: string;
}

export interface CoverageAnalysis {
  instruments: CoverageRow[];
  evaluationList: EvaluationList;
  article: CoverageSummary;
  domains: CoverageSummary[];
  objectives: CoverageSummary[];
  /** RPE question 9: what has not been evaluated, with the reason. */
  notEvaluated: NotEvaluated[];
}

export interface GapCell {
  /** The strength of the judging evidence (see AspectEvidence). */
  strength: EvidenceStrength;
  verdict: Weighed | null;
  sources: string[];
  findings: string[];
}

export interface GapRow {
  kind: 'objective' | 'instrument';
  id: string;
  label: string;
  /** Nesting depth in the policy tree (0 = top-level objective). */
  depth: number;
  domain: string;
  effectiveness: GapCell;
  efficiency: GapCell;
  sideEffects: GapCell;
}

// ---- stepped verdicts -------------------------------------------------------------------------

/** What the strongest judging findings say together (see judgement.ts). */
export type Weighed = 'positive' | 'partly' | 'negative' | 'no-effect' | 'mixed' | 'none';

/** Step 1: how far an objective was reached. `mixed`: findings of the same strength disagree. */
export type GoalAchievementValue = 'reached' | 'partly' | 'not-reached' | 'mixed' | 'not-determinable';
export type RealisationValue = 'realised' | 'mostly-realised' | 'partly-realised' | 'not-realised' | 'unknown' | 'no-instruments';
/**
 * Steps 3 and 4 together: the contribution of an instrument (or, as a headline, of a scope).
 * `not-demonstrated`: an effect study found no significant effect; `mixed`: favourable and
 * unfavourable evidence of the same strength; `not-applicable`: not deployed in the period.
 */
export type EffectivenessValue = 'demonstrated' | 'plausible' | 'mixed' | 'not-demonstrated' | 'negative' | 'not-determinable' | 'not-applicable';
/** Step 3 alone: what effect studies (evidence of effect strength) show. */
export type EffectStudyValue = 'demonstrated' | 'mixed' | 'not-demonstrated' | 'negative' | 'no-effect-study' | 'not-applicable';
/** Step 4: whether a contribution is at least plausible, on all the evidence (effect studies included). */
export type PlausibilityValue = 'plausible' | 'mixed' | 'not-plausible' | 'not-determinable' | 'not-applicable';
export type EfficiencyValue = 'determinable' | 'not-determinable' | 'not-applicable';
/** The halves efficiency needs: (a) attributed cost, (b) an effect at least plausible, (c) a study relating the two. */
export type EfficiencyCondition = 'cost' | 'effect' | 'study';

/** Instruments per value of a step, by count and, where amounts are known, by money. */
export interface Spread<V extends string> {
  /** Instruments in scope. */
  total: number;
  /** Instruments the step applies to (deployed ones), the denominator of every share. */
  applicable: number;
  counts: Record<V, number>;
  /** Share of the applicable instruments per value (null without applicable instruments). */
  shares: Record<V, number | null>;
  /** Known attributed money (euro x 1,000) per value, and the applicable instruments that have some. */
  money: { byValue: Record<V, number>; known: number; instruments: number; shares: Record<V, number | null> };
}

/** The roll-up rule's verdict on a scope: the headline and how it follows from the spread. */
export interface Headline {
  /** The least share of the applicable instruments a headline value must hold for (default 2/3). */
  threshold: number;
  /** Whether the spread covered enough for a headline; otherwise the value is "not determinable as a whole". */
  asAWhole: boolean;
}

export interface InstrumentVerdicts {
  instrument: string;
  /** Step 2 as the gate of steps 3–5. */
  realisation: Explained & { status: RealisationStatus; deployed: boolean };
  /** Step 3. */
  effectiveness: Explained & { value: EffectStudyValue };
  /** Step 4. */
  plausibility: Explained & { value: PlausibilityValue };
  /** Steps 3 and 4 together: the value the roll-ups, savings and the report use. */
  contribution: Explained & { value: EffectivenessValue; strength: EvidenceStrength | null };
  /** Step 5. */
  efficiency: Explained & { value: EfficiencyValue; verdict: Weighed | null; missing: EfficiencyCondition[]; indications: string[] };
}

export interface SteppedVerdicts {
  scope: ScopeRef;
  goalAchievement: Explained & {
    value: GoalAchievementValue;
    /** Whether the objectives are measurable enough to judge (SMART "measurable" passes), of the objectives in scope. */
    judgeable: Share;
    spread: Spread<GoalAchievementValue>;
    headline: Headline;
  };
  realisation: Explained & { value: RealisationValue; money: Sum };
  effectiveness: Explained & {
    value: EffectivenessValue;
    /** Instruments per value (the spread's counts). */
    counts: Record<EffectivenessValue, number>;
    spread: Spread<EffectivenessValue>;
    headline: Headline;
    /** What findings on the scope itself (and the objectives under it) say, apart from its instruments. */
    own: { value: Weighed; findings: string[] };
  };
  efficiency: Explained & {
    value: EfficiencyValue;
    verdict: Weighed | null;
    spread: Spread<EfficiencyValue>;
    headline: Headline;
    /** Which of (a)–(c) hold for the scope. */
    conditions: Record<EfficiencyCondition, boolean>;
    missing: EfficiencyCondition[];
    /** Efficiency findings that are not enough for a verdict: indications only. */
    indications: string[];
  };
}

// ---- SMART ------------------------------------------------------------------------------------

export type SmartCriterion = 'specific' | 'measurable' | 'achievable' | 'relevant' | 'timeBound';
export type SmartResult = 'pass' | 'fail' | 'unknown';

export interface SmartCheck {
  objective: string;
  criteria: Record<SmartCriterion, { result: SmartResult; reason: string }>;
  passed: number;
  failed: SmartCriterion[];
}

// ---- RPE checklist ----------------------------------------------------------------------------

export type RpeStatus = 'report' | 'policy-response' | 'elsewhere' | 'not-answered' | 'missing';

export interface RpeChecklistItem {
  question: number;
  topic: RpeTopic;
  text: { nl: string; en: string };
  status: RpeStatus;
  location: string | null;
  note: string | null;
  /** What the data could contribute to an answer, e.g. "12 evaluations are listed". */
  dataHint: string | null;
}

export interface RpeChecklist {
  version: RpeVersion;
  /** false when polev bundles no question set for the version; items is then empty. */
  known: boolean;
  items: RpeChecklistItem[];
  answeredInReport: number[];
  answeredElsewhere: number[];
  missing: number[];
}

// ---- savings variant --------------------------------------------------------------------------

export interface SavingsOptions {
  /** Percent of the programme budget to save; default 20. */
  percent?: number;
  /** The year whose programme budget is the base; default the last year of the period with programme figures. */
  baseYear?: number;
  /** Budget line ids that are not cut. */
  protect?: string[];
}

export interface SavingsCut {
  line: string;
  name: string;
  base: number;
  cut: number;
  remaining: number;
  cutShare: number;
  instruments: string[];
  strength: EvidenceStrength;
  reason: string;
}

export interface SavingsOption extends Explained {
  method: 'across-the-board' | 'evidence-ranked';
  cuts: SavingsCut[];
  saved: number;
  /** The part of the target that could not be found in unprotected, known lines. */
  shortfall: number;
}

export interface SavingsVariant extends Explained {
  percent: number;
  baseYear: number | null;
  /** Known programme money in the base year (protected lines included). */
  base: number;
  target: number;
  protectedLines: string[];
  /** Lines left out because their base-year amount is unknown. */
  unknownLines: string[];
  options: SavingsOption[];
}

// ---- recommendations --------------------------------------------------------------------------

export type RecommendationRule =
  | 'objective-not-measurable'
  | 'instrument-without-cost'
  | 'domain-without-efficiency-evidence'
  | 'instrument-not-evaluated'
  | 'effectiveness-plausibility-only'
  | 'dominant-line-without-effect-evaluation'
  | 'rpe-question-missing'
  | 'objective-without-instruments';

export interface DerivedRecommendation extends Explained {
  id: string;
  rule: RecommendationRule;
  priority: 1 | 2 | 3;
  text: string;
  /** The objectives, instruments, domains or lines it concerns. */
  subjects: string[];
}

// ---- the assessment -----------------------------------------------------------------------------

export interface Assessment {
  /** The language of every sentence in the assessment: reasons, recommendation texts, hints. */
  lang: AnalysisLang;
  review: { id: string; title: string; period: ReviewPeriod; rpeVersion: RpeVersion };
  realisation: { article: RealisationSummary; domains: RealisationSummary[]; objectives: RealisationSummary[] };
  expenditure: ExpenditureAnalysis;
  costAttribution: CostAttribution;
  evidence: { instruments: InstrumentEvidence[]; objectives: { id: string; strength: EvidenceStrength }[]; domains: { id: string; strength: EvidenceStrength }[] };
  coverage: CoverageAnalysis;
  verdicts: { article: SteppedVerdicts; domains: SteppedVerdicts[]; objectives: SteppedVerdicts[]; instruments: InstrumentVerdicts[] };
  /** The view the assessment was made for, and what it left out (counts only). */
  audience: AudienceView;
  gapMap: GapRow[];
  smart: SmartCheck[];
  rpe: RpeChecklist;
  savings: SavingsVariant;
  recommendations: DerivedRecommendation[];
}

/** The languages the analysis writes its sentences in. */
export type AnalysisLang = 'nl' | 'en';

/** Which view an assessment is: `full` (everything in the file) or the evidence visible at a classification level. */
export interface AudienceView {
  level: Classification | 'full';
  /** Whether the evidence it rests on includes classified material. */
  containsClassified: boolean;
  /** Items left out for this audience, per kind; no ids, no titles. */
  leftOut: Record<LeftOutKind, number>;
  leftOutTotal: number;
}
export type LeftOutKind = 'domain' | 'objective' | 'instrument' | 'source' | 'finding' | 'indicator' | 'conclusion' | 'recommendation';

export interface AnalyzeOptions {
  savings?: SavingsOptions;
  /**
   * The clearance of the reader: verdicts rest only on the evidence visible at that level, and
   * the assessment says how many items it left out. Default `full` (everything in the file).
   */
  audience?: Classification | 'full';
  /** The roll-up rule's threshold: the least share of a scope's deployed instruments a headline must hold for. Default 2/3. */
  headlineThreshold?: number;
  /** The least strength of an evaluation that relates cost to effect for efficiency to be determinable. Default `process`. */
  efficiencyMinimumStrength?: EvidenceStrength;
  /**
   * Language of every sentence the analysis writes (reasons, recommendation texts, SMART and
   * savings reasons, RPE hints); ids, values and the review's own text are never translated.
   * Default `en`.
   */
  lang?: AnalysisLang;
}
