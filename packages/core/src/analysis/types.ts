import type { ReviewPeriod } from '../model/completeness.js';
import type {
  Aspect,
  BudgetKind,
  Classification,
  EvidenceStrength,
  RealisationStatus,
} from '../model/review.js';
import type { RpeQuestionNoun, RpeRules, RpeSubject } from '../rpe/questions.js';

/** Every verdict polev gives carries its reasons (plain sentences) and the ids of its evidence. */
export interface Explained {
  reasons: string[];
  /** ids of findings, sources, instruments, budget lines or objectives the verdict rests on. */
  evidence: string[];
}

/** A sum over amounts some of which may be unknown. Unknown parts are never counted as 0. */
export interface Sum {
  /**
   * The total, or null when any part is unknown — or when there are no parts and the review does
   * not state the list complete (then `unknownParts` is 0: not even the number of parts is known).
   */
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

/** How complete the review's instrument list is, and how to say its count (see `instrumentList`). */
export interface InstrumentList {
  status: 'complete' | 'partial' | 'unknown';
  /** Whether the review states it, or polev inferred it from the list (non-empty: partial; empty: unknown). */
  stated: boolean;
  /** Instruments in the file. */
  known: number;
  /** How many the source has at least, where the review says (e.g. 108 appendix rows). */
  expectedAtLeast: number | null;
  /** What is known to be missing, as the review says it. */
  missing: string | null;
  /** The count in words: "70 of at least 108 instrument rows", "3 instruments (the list is partial)", "25 instruments". */
  counted: string;
  /** A sentence for wherever instruments are counted, null when the list is complete. */
  note: string | null;
}

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
  /** The review's instrument list: the counts are of the instruments in the file, and this says how many that is of all. */
  list: InstrumentList;
}

// ---- expenditure ------------------------------------------------------------------------------

export type BudgetPhase = 'draft' | 'adopted' | 'firstSupplementary' | 'secondSupplementary';

/** Realisation against a budget phase of the same line and year, where both are known. */
export interface AgainstBudget {
  /** The phase compared with: the adopted budget, and the last phase given (the final budget). */
  phase: BudgetPhase;
  budget: number;
  realisation: number;
  /** realisation − budget: positive is overspending. */
  difference: number;
  /** difference / budget; null when the budget is 0. */
  differenceShare: number | null;
}

export interface LineYear {
  year: number;
  /** The realisation; null when the source gives no figure. */
  amount: number | null;
  /** Change against the previous year of the same line; null when either year is unknown or missing. */
  change: number | null;
  changeShare: number | null;
  /** The budgeted amounts the review gives for the year (absent phase: not given; null: given as unknown). */
  budgeted: Partial<Record<BudgetPhase, number | null>> | null;
  /** Against the adopted and the final budget, where both those and the realisation are known. */
  againstBudget: AgainstBudget[];
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
  /** Fixed by law or contract: not cut by a savings variant. */
  fixed: { reason: string } | null;
}

export interface KindYear {
  kind: BudgetKind;
  year: number;
  total: Sum;
  change: number | null;
  changeShare: number | null;
  /** Per phase, over the lines that give it (null when no line gives a budget for the year). */
  budgeted: Partial<Record<BudgetPhase, Sum>> | null;
}

/** The budget against the realisation for one kind and year, over the lines that give both. */
export interface BudgetAgainstRealisation {
  kind: BudgetKind;
  year: number;
  phase: 'adopted' | 'final';
  /** The lines compared (those giving the phase). */
  lines: string[];
  budget: Sum;
  realisation: Sum;
  /** realisation − budget, null when either is unknown. */
  difference: number | null;
  differenceShare: number | null;
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
  /**
   * Lines booked on an article the review does not cover (apparatus excepted): kept out of every
   * total, cost and savings base, and a load warning.
   */
  outsideArticle: { line: string; name: string; kind: BudgetKind; article: string; total: Sum }[];
  /** Lines and years with no figure in the source. */
  unknownAmounts: { line: string; year: number }[];
  /** Budget against realisation per kind and year, where the review gives budgets (issue 11 point 3). */
  budgetAgainstRealisation: BudgetAgainstRealisation[];
  /** How complete the review says its expenditure and budget lines are (`completenessOf`). */
  completeness: { expenditure: 'complete' | 'partial' | 'unknown'; budgetLines: 'complete' | 'partial' | 'unknown'; missing: string | null };
}

/**
 * `amount`: a direct cost (its own share, or a line only it finances) with a known figure;
 * `joint`: only costs shared with other instruments without shares; `line-without-amount`: cost
 * lines are linked but give no figure; `none`: no cost line is linked (its cost is unknown, not 0).
 */
export type CostStatus = 'amount' | 'joint' | 'line-without-amount' | 'none';

/** A cost an instrument shares with others on one line, where the line gives no shares. */
export interface JointCost {
  line: string;
  kind: 'programme' | 'apparatus' | 'unknown';
  /** Every instrument of the group, this one included. */
  with: string[];
  /** The money of the whole group, not of this instrument. */
  amount: Sum;
}

/** The money linked to an instrument: programme money on the article and staff time (apparatus). */
export interface InstrumentCost {
  status: CostStatus;
  /** Every cost line linked, directly or jointly. */
  lines: string[];
  /** Its own (direct) cost; null when it has none: unknown, not 0. Joint costs are not in it. */
  amount: Sum | null;
  /** The programme and apparatus parts of `amount`. */
  programme: Sum | null;
  apparatus: Sum | null;
  joint: JointCost[];
}

/** One cost line split over the instruments it finances. */
export interface LineAttribution {
  line: string;
  kind: 'programme' | 'apparatus' | 'unknown';
  /** All its years; for a line of unknown kind every figure is an unknown part. */
  total: Sum;
  /** Each instrument's own part: its share (a fraction or an amount), or the rest of the line when it alone is left. */
  direct: { instrument: string; basis: 'fraction' | 'amount' | 'remainder'; amount: Sum }[];
  joint: { instruments: string[]; amount: Sum } | null;
  /** Money no instrument is named for. */
  unattributed: Sum;
  /** Why the line's shares were set aside (then its cost is joint); null when they were used. */
  sharesIgnored: string | null;
}

/** The cost of a scope, never more than the article's. */
export interface ScopeCost {
  scope: string;
  kind: ScopeKind;
  instruments: number;
  /** Instruments with a direct known cost. */
  withCost: number;
  /** Direct costs of its instruments plus joint costs wholly inside it. */
  attributed: Sum;
  /** The programme part of `attributed`; null when no programme line contributes. */
  programme: Sum | null;
  /** Staff time (apparatus) linked to its instruments; null when none is linked (unknown, not 0). */
  apparatus: Sum | null;
  /** The part of `attributed` that is joint; null when there is none. */
  joint: Sum | null;
  /** Joint costs shared with instruments outside the scope: not counted in `attributed`. */
  sharedWithOtherScopes: { amount: Sum; lines: string[] };
}

export interface CostAttribution {
  /** Per instrument id. */
  instruments: Record<string, InstrumentCost>;
  /** Instruments with a known direct cost, of all instruments. */
  withCost: Share;
  withoutCost: string[];
  /** Instruments whose only cost is joint with others. */
  jointOnly: string[];
  /** Programme money (known amounts) on lines that name at least one instrument, of all known programme money on the article. */
  attributableMoney: { attributable: number; total: number; share: number | null; unknownParts: number };
  /** The same for staff time (apparatus lines). */
  staffTime: { attributable: number; total: number; share: number | null; unknownParts: number };
  lines: LineAttribution[];
  scopes: { article: ScopeCost; domains: ScopeCost[]; objectives: ScopeCost[] };
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
  /**
   * Known programme money of the scope as the cost attribution splits it (the shares of its
   * instruments, joint costs wholly inside it; for the article also the money no instrument is
   * named for), and the part of it whose instruments are evaluated (for a joint cost: every member
   * of its group). Money on another article never counts; a joint cost crossing the scope's border
   * is no part of it.
   */
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

/**
 * Where the review answers a question. `not-answered`: the review says it does not answer it, or
 * its list of answers is stated complete and has none for it. `not-recorded`: the file holds no
 * answer and does not say its answers are complete, so whether the review answers it is unknown.
 */
export type RpeStatus = 'report' | 'policy-response' | 'elsewhere' | 'not-answered' | 'not-recorded';

export interface RpeChecklistItem {
  question: number;
  /** How the version names it: "7" (2015), "c" (2013, art. 3(3)(c)). */
  label: string;
  /** One of RPE_TOPICS for the bundled versions; a review's own set may use any topic. */
  topic: string;
  subjects: RpeSubject[];
  text: { nl: string; en: string };
  /** Where the question comes from. */
  origin: string;
  status: RpeStatus;
  location: string | null;
  note: string | null;
  /** What the data could contribute to an answer, e.g. "12 evaluations are listed". */
  dataHint: string | null;
}

export interface RpeChecklist {
  version: string;
  title: string;
  /** 'review': the review's own question set; 'bundled': polev's data for the version; 'none': no questions known. */
  basis: 'review' | 'bundled' | 'none';
  /** false when no questions are known for the version (neither bundled nor in the review); items is then empty. */
  known: boolean;
  /** How the version names its questions in a sentence: "question 7" or "part c". */
  questionNoun: RpeQuestionNoun;
  /** Whether the file's list of answers is complete: only then is a question without an answer "not answered". */
  answers: 'complete' | 'partial' | 'unknown';
  items: RpeChecklistItem[];
  answeredInReport: number[];
  answeredElsewhere: number[];
  /** Known not to be answered. */
  notAnswered: number[];
  /** No answer in the file, and the file does not say its answers are complete: unknown. */
  notRecorded: number[];
  /** The questions that ask for the savings variant (2015: 15; none in 2013). */
  savingsQuestions: number[];
  rules: RpeRules;
}

// ---- savings variant --------------------------------------------------------------------------

export interface SavingsOptions {
  /** Percent of the programme budget to save; default 20. */
  percent?: number;
  /** The year whose programme budget is the base; default the last year of the period with programme figures. */
  baseYear?: number;
  /** Budget line ids that are not cut. */
  protect?: string[];
  /** Also count (and cut) apparatus (staff) lines; default false: the base is programme money. */
  includeApparatus?: boolean;
}

/**
 * What the evidence says of the effectiveness of what a line finances, from cut-first to
 * cut-last: proven not to work, an effect study found no effect, nothing is known, contested,
 * plausible, demonstrated.
 */
export type EffectivenessRank = 'negative' | 'not-demonstrated' | 'no-evidence' | 'mixed' | 'plausible' | 'demonstrated';

export interface SavingsCut {
  line: string;
  name: string;
  base: number;
  /** Where the base figure comes from: the adopted budget of the base year where given, else the realisation. */
  baseSource: 'adopted' | 'realisation';
  cut: number;
  remaining: number;
  cutShare: number;
  instruments: string[];
  /** The most favourable verdict among the instruments it finances (cutting the line cuts them all). */
  verdict: EffectivenessRank;
  strength: EvidenceStrength;
  reason: string;
  /** The instruments and findings the verdict rests on. */
  evidence: string[];
}

export interface SavingsOption extends Explained {
  method: 'across-the-board' | 'evidence-ranked';
  cuts: SavingsCut[];
  /** null when the target is unknown. */
  saved: number | null;
  /** The part of the target that could not be found in cuttable, known lines; null when the target is unknown. */
  shortfall: number | null;
}

/** One option of the review's own savings chapter, with polev's reading of the evidence it touches. */
export interface ReviewSavingsOption extends Explained {
  id: string;
  text: string;
  amount: number | null;
  lines: string[];
  instruments: string[];
  /** The most favourable verdict among the instruments it affects; null when it names none. */
  verdict: EffectivenessRank | null;
}

/** The review's own savings chapter (issue 9 point 4), beside polev's variants. */
export interface ReviewSavingsVariant extends Explained {
  percent: number | null;
  base: number | null;
  baseYear: number | null;
  author: string | null;
  text: string | null;
  options: ReviewSavingsOption[];
  /** The options' amounts together. */
  total: Sum;
  /** percent × base, when both are known. */
  target: number | null;
  shortfall: number | null;
}

export interface SavingsVariant extends Explained {
  percent: number;
  baseYear: number | null;
  includesApparatus: boolean;
  /** Known money in the base year (protected and fixed lines included); null when no figure is known. */
  base: number | null;
  /** true when some line has no figure for the base year: the base is at least `base`. */
  baseLowerBound: boolean;
  /** percent × base; null when the base is unknown (a lower bound when the base is). */
  target: number | null;
  protectedLines: string[];
  /** Lines fixed by law or contract: in the base, never cut. */
  fixedLines: { line: string; name: string; base: number | null; reason: string }[];
  /** Lines without a figure for the base year (or whose kind is unknown): listed, not guessed. */
  unknownLines: string[];
  options: SavingsOption[];
  /** The review's own savings chapter; null when the file holds none (not: the review has none). */
  review: ReviewSavingsVariant | null;
  /** The variants side by side. */
  comparison: { method: SavingsOption['method'] | 'review'; target: number | null; saved: number | null; shortfall: number | null }[];
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
  review: { id: string; title: string; period: ReviewPeriod; rpeVersion: string };
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
