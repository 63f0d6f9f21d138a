import { z } from 'zod';

/**
 * The policy-review domain model. The zod schemas are the single source of truth: the
 * TypeScript types are inferred from them and the published JSON Schema is generated from them.
 */

export const SCHEMA_VERSION = 2 as const;

export const Id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]*$/, 'an id is lower-case letters, digits, ".", "_" or "-", starting with a letter or digit')
  .meta({ id: 'Id', description: 'A stable identifier, unique within the review, used for cross-references.' });

/** Sources often give only a year or a month, so partial ISO dates are allowed. */
export const PartialDate = z
  .string()
  .regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, 'a date is written YYYY, YYYY-MM or YYYY-MM-DD')
  .meta({ id: 'PartialDate', description: 'An ISO date, possibly partial: YYYY, YYYY-MM or YYYY-MM-DD.' });

export const Year = z.int().min(1800).max(2200);

/** Amounts beyond this (x €1,000, i.e. a thousand billion euro) are typing errors, not budgets. */
export const MAX_AMOUNT = 1e12;

/** Amounts are in euro x 1,000, as in Dutch budget tables. `null` means the source gives no figure. */
export const Amount = z
  .number()
  .min(-MAX_AMOUNT, `an amount is at least -${MAX_AMOUNT} (euro x 1,000)`)
  .max(MAX_AMOUNT, `an amount is at most ${MAX_AMOUNT} (euro x 1,000)`)
  .nullable()
  .meta({ id: 'Amount', description: 'Euro x 1,000. null when the source gives no figure (never 0 for unknown).' });

export const CLASSIFICATIONS = ['public', 'restricted', 'confidential', 'secret', 'top-secret'] as const;
export const Classification = z
  .enum(CLASSIFICATIONS)
  .meta({
    id: 'Classification',
    description:
      'public; restricted (departementaal vertrouwelijk); confidential (Stg. Confidentieel); secret (Stg. Geheim); top-secret (Stg. Zeer Geheim).',
  });

export const Citation = z
  .strictObject({
    source: Id.nullish().describe('id of the source document, when the statement comes from one'),
    location: z.string().nullish().describe('where in the review or source, e.g. "§3.1.1" or "Bijlage 5, instrument 7"'),
  })
  .meta({ id: 'Citation' });

const text = z.string().min(1, 'must not be empty');
const optionalNotes = z.string().optional();

/** The RPE versions polev knows of; a review may name another version if it carries its own question set. */
export const RPE_VERSIONS = ['2013', '2015', '2018', '2022'] as const;
export const RpeVersion = z.string().min(1, 'must not be empty');

export const QuestionSet = z
  .strictObject({
    version: text,
    title: z.string().nullish(),
    questions: z
      .array(
        z.strictObject({
          number: z.int().min(1),
          topic: text,
          text,
          origin: z.string().nullish().describe('where the question comes from, e.g. "art. 3(2)(g)"'),
        }),
      )
      .min(1, 'a question set has at least one question'),
    savingsVariantRequired: z.boolean().nullish(),
    independentExpertRequired: z.boolean().nullish(),
    reviewCycleYears: z.strictObject({ min: z.int().min(1).nullish(), max: z.int().min(1) }).nullish(),
  })
  .meta({ id: 'QuestionSet', description: "A review's own research questions and rules, for an RPE version (or another regime) polev does not bundle." });

/** The lists of a review whose completeness a review can state. */
export const LIST_NAMES = [
  'instruments',
  'budgetLines',
  'expenditure',
  'sources',
  'evaluations',
  'findings',
  'indicators',
  'rpeAnswers',
  'independentExperts',
  'supervisoryCommittee',
] as const;
export const COMPLETENESS_STATUSES = ['complete', 'partial', 'unknown'] as const;

export const Completeness = z
  .strictObject({
    status: z.enum(COMPLETENESS_STATUSES),
    missing: z.string().nullish().describe('what is known to be missing, e.g. "the even pages are lost"'),
    expectedAtLeast: z.int().min(0).nullish().describe('how many items the source has at least, e.g. 108 instrument rows'),
    citation: Citation.optional(),
  })
  .meta({ id: 'Completeness', description: 'Whether a list holds everything the source has (complete), some of it (partial), or nobody knows (unknown).' });

export const ScopeExclusion = z
  .strictObject({ id: Id, description: text, reason: text, citation: Citation.optional() })
  .meta({ id: 'ScopeExclusion' });

export const Domain = z
  .strictObject({
    id: Id,
    name: text,
    goal: z.string().nullish(),
    classification: Classification.default('public'),
    citation: Citation.optional(),
    notes: optionalNotes,
  })
  .meta({ id: 'Domain', description: 'A domain (taakveld) of the budget article.' });

export const Smart = z
  .strictObject({
    indicator: z.string().nullish(),
    baseline: z.string().nullish(),
    target: z.string().nullish(),
    deadline: z.string().nullish(),
  })
  .meta({ id: 'Smart', description: 'Structured SMART fields of an objective; null where the source gives none.' });

export const Objective = z
  .strictObject({
    id: Id,
    domain: Id,
    parent: Id.nullish().describe('for a sub-objective: the id of its objective'),
    text,
    smart: Smart.optional(),
    classification: Classification.default('public'),
    citation: Citation.optional(),
    notes: optionalNotes,
  })
  .meta({ id: 'Objective', description: 'A policy objective (beleidsdoelstelling) or sub-objective.' });

export const ROLES = ['directing', 'guiding', 'facilitating'] as const;
export const INSTRUMENT_KINDS = [
  'regulation',
  'financial',
  'communication',
  'organisation',
  'network',
  'research',
  'other',
] as const;
export const REALISATION_STATUSES = [
  'realised',
  'partly',
  'not-realised',
  'realised-after-period',
  'pilot',
  'ongoing',
  'unknown',
] as const;

export const Realisation = z
  .strictObject({
    status: z.enum(REALISATION_STATUSES),
    evidence: z.string().nullish(),
    date: PartialDate.nullish(),
    citation: Citation.optional(),
  })
  .meta({ id: 'Realisation' });

export const Instrument = z
  .strictObject({
    id: Id,
    number: z.string().nullish().describe('the number as printed in the review'),
    name: text,
    intent: z.string().nullish(),
    objective: Id,
    role: z.enum(ROLES).nullish().describe('directing (sturend), guiding (richtinggevend), facilitating (faciliterend)'),
    kind: z.enum(INSTRUMENT_KINDS),
    realisation: Realisation,
    classification: Classification.default('public'),
    notes: optionalNotes,
  })
  .meta({ id: 'Instrument', description: 'A policy instrument (beleidsinstrument).' });

export const BUDGET_KINDS = ['programme', 'apparatus', 'out-of-scope', 'receipts', 'unknown'] as const;

export const BudgetPhases = z
  .strictObject({
    draft: Amount.optional().describe('ontwerpbegroting'),
    adopted: Amount.optional().describe('vastgestelde begroting'),
    firstSupplementary: Amount.optional().describe('eerste suppletoire begroting'),
    secondSupplementary: Amount.optional().describe('tweede suppletoire begroting'),
  })
  .meta({ id: 'BudgetPhases', description: 'The budgeted amounts of a year, per phase of the budget cycle (euro x 1,000).' });

export const Expenditure = z
  .strictObject({
    year: Year,
    amount: Amount.describe('the realisation (realisatie) of the year'),
    budgeted: BudgetPhases.optional(),
    commitments: Amount.optional().describe('the commitments (verplichtingen) entered into in the year; never part of the expenditure'),
    citation: Citation.optional(),
    notes: optionalNotes,
  })
  .meta({ id: 'Expenditure' });

export const BudgetLine = z
  .strictObject({
    id: Id,
    name: text,
    kind: z.enum(BUDGET_KINDS),
    article: z.string().nullish().describe('the budget article the line is booked on'),
    index: z
      .string()
      .nullish()
      .describe('the open-data index hoofdstuk.artikel.artikelonderdeel.instrument, where known'),
    instruments: z.array(Id).default([]).describe('ids of the instruments this line finances'),
    shares: z
      .array(
        z.strictObject({
          instrument: Id,
          fraction: z.number().min(0).max(1).nullish(),
          amount: Amount.optional(),
          citation: Citation.optional(),
        }),
      )
      .optional()
      .describe("each financed instrument's share of the line, as a fraction or an amount; without shares the cost is joint"),
    fixed: z
      .strictObject({ reason: text, citation: Citation.optional() })
      .nullish()
      .describe('set when the line is fixed by law or contract (e.g. a lump sum), so a savings variant cannot cut it'),
    outOfScopeReason: z.string().nullish(),
    expenditures: z.array(Expenditure).default([]),
    statedShare: z
      .strictObject({
        text: text.describe('what the source says, e.g. "het overgrote deel van de uitgaven"'),
        share: z.number().min(0).max(1).nullish().describe('the share of the article\'s programme money as a fraction, only if the source gives a figure'),
        citation: Citation.optional(),
      })
      .optional()
      .describe("what the source says about this line's share of the article's programme money, for when it gives no amounts"),
    citation: Citation.optional(),
    notes: optionalNotes,
  })
  .meta({ id: 'BudgetLine', description: 'A budget line with its expenditure per year, in euro x 1,000.' });

/**
 * The money of a whole budget article, for a review that covers only a part of it (36.2 of 36):
 * context for the part, never its money. Kept out of the budget lines so that no total, cost,
 * coverage or savings base can count it.
 */
export const ArticleContext = z
  .strictObject({
    article: text.describe('the article number, e.g. "36"'),
    chapter: z.string().nullish().describe('the budget chapter, e.g. "VI"'),
    name: z.string().nullish().describe('the name of the article as in the budget'),
    expenditures: z.array(Expenditure).default([]).describe("the article's expenditure per year (U): realisation, budget phases, commitments"),
    receipts: z.array(Expenditure).default([]).describe("the article's receipts per year (O)"),
    citation: Citation.optional(),
    notes: optionalNotes,
  })
  .meta({ id: 'ArticleContext', description: "A whole budget article's money, as context for a review of a part of it; never the part's money." });

/** Source types that count as an evaluation (RPE question 8); the others (progress reports, policy papers) do not. */
export const EVALUATION_SOURCE_TYPES = ['effect', 'process', 'strategy', 'inspection', 'audit', 'incident', 'ex-ante', 'monitor', 'research'] as const;
/** `unknown`: the type is not known, so the source may be an evaluation; it is reported apart. */
export const SOURCE_TYPES = [...EVALUATION_SOURCE_TYPES, 'progress-report', 'policy-document', 'other', 'unknown'] as const;

/**
 * The design of the study behind a finding, after the Maryland Scientific Methods Scale: randomised
 * (level 5), quasi-experimental with a credible comparison group (4), controlled comparison of
 * treated and untreated or before/after with a control (3), uncontrolled before/after or
 * cross-section (2); then qualitative work (case study, interviews, expert judgement), monitoring or
 * output data, and documents or the policy theory.
 */
export const STUDY_DESIGNS = ['randomised', 'quasi-experimental', 'controlled', 'uncontrolled', 'qualitative', 'monitoring', 'document'] as const;
export const StudyDesign = z.enum(STUDY_DESIGNS).meta({ id: 'StudyDesign' });

export const Source = z
  .strictObject({
    id: Id,
    title: text,
    type: z.enum(SOURCE_TYPES),
    author: z.string().nullish(),
    date: PartialDate.nullish(),
    classification: Classification.default('public'),
    reference: z.string().nullish(),
    design: StudyDesign.nullish(),
    notes: optionalNotes,
  })
  .meta({ id: 'Source', description: 'An evaluation or other document the review draws on.' });

export const ASPECTS = ['goal-achievement', 'realisation', 'effectiveness', 'efficiency', 'side-effects'] as const;
/** `no-effect`: an effect-level study that finds no significant effect (a null result). */
export const VERDICTS = ['positive', 'partly', 'negative', 'no-effect', 'inconclusive', 'not-assessed'] as const;
/** Ordered from weakest to strongest; analysis relies on this order. */
export const EVIDENCE_STRENGTHS = ['none', 'realisation', 'plausibility', 'process', 'effect'] as const;

export const FINDING_ORIGINS = ['source', 'review', 'unknown'] as const;

export const SourceRef = z
  .strictObject({
    source: Id,
    location: z.string().nullish().describe('where in the source, e.g. "p. 12" or "§3.1"'),
  })
  .meta({ id: 'SourceRef' });

export const Finding = z
  .strictObject({
    id: Id,
    origin: z
      .enum(FINDING_ORIGINS)
      .default('source')
      .describe("source: from the sources listed; review: the review's own judgement; unknown: the review does not say"),
    sources: z.array(SourceRef).default([]),
    subjects: z.array(Id).min(1, 'a finding is about at least one instrument, objective or domain'),
    aspect: z.enum(ASPECTS),
    verdict: z.enum(VERDICTS),
    strength: z.enum(EVIDENCE_STRENGTHS),
    design: StudyDesign.nullish().describe("the design of the study behind the finding; overrides the source's design"),
    statement: text,
    classification: Classification.default('public'),
    citation: Citation.optional(),
    notes: optionalNotes,
  })
  .superRefine((f, ctx) => {
    if (f.origin === 'source' && f.sources.length === 0)
      ctx.addIssue({ code: 'custom', path: ['sources'], message: 'a finding from sources names at least one source', input: f.sources });
    if (f.origin !== 'source' && f.sources.length > 0)
      ctx.addIssue({ code: 'custom', path: ['origin'], message: `a finding whose origin is "${f.origin}" names no sources`, input: f.origin });
  })
  .meta({ id: 'Finding', description: 'What a source says about instruments, objectives or domains on one aspect.' });

export const Indicator = z
  .strictObject({
    id: Id,
    name: text,
    value: z.number().nullable(),
    unit: z.string().nullish(),
    text: z.string().nullish(),
    referenceDate: PartialDate.nullish().describe('peildatum'),
    subjects: z.array(Id).default([]),
    source: Id.nullish(),
    classification: Classification.default('public'),
    citation: Citation.optional(),
  })
  .meta({ id: 'Indicator', description: 'A figure with its reference date (peildatum).' });

export const RPE_ANSWER_STATUSES = ['report', 'policy-response', 'elsewhere', 'not-answered'] as const;
export const RpeAnswer = z
  .strictObject({
    question: z.int().min(1),
    status: z.enum(RPE_ANSWER_STATUSES),
    location: z.string().nullish(),
    note: z.string().optional(),
    remarks: z.string().optional().describe("text about the answer meant for the report's readers (a note is internal and never printed)"),
  })
  .meta({ id: 'RpeAnswer', description: 'Where the review answers one question of its RPE version.' });

export const Conclusion = z
  .strictObject({
    id: Id,
    subjects: z.array(Id).default([]),
    aspect: z.enum([...ASPECTS, 'general']),
    text,
    findings: z.array(Id).default([]),
    classification: Classification.default('public'),
    citation: Citation.optional(),
  })
  .meta({ id: 'Conclusion' });

export const Recommendation = z
  .strictObject({
    id: Id,
    text,
    addresses: z.array(Id).default([]),
    citation: Citation.optional(),
  })
  .meta({ id: 'Recommendation' });

export const FOLLOW_UP_TYPES = ['letter', 'written-questions', 'debate', 'motion', 'cabinet-response', 'other'] as const;
export const FollowUp = z
  .strictObject({
    id: Id,
    type: z.enum(FOLLOW_UP_TYPES),
    date: PartialDate.nullish(),
    reference: z.string().nullish().describe('e.g. "Kamerstuk 30821, nr. 42"'),
    title: z.string().nullish(),
    citation: Citation.optional(),
  })
  .meta({ id: 'FollowUp', description: 'Parliamentary follow-up of the review: a letter, written questions, a debate, a motion.' });

export const SavingsChapter = z
  .strictObject({
    percent: z.number().min(0).max(100).nullable(),
    base: Amount,
    baseYear: Year.nullish(),
    author: z.string().nullish(),
    text: z.string().nullish(),
    options: z
      .array(
        z.strictObject({
          id: Id,
          text,
          amount: Amount,
          budgetLines: z.array(Id).default([]),
          instruments: z.array(Id).default([]),
          citation: Citation.optional(),
        }),
      )
      .default([]),
    citation: Citation.optional(),
    notes: optionalNotes,
  })
  .meta({ id: 'SavingsChapter', description: "The review's own savings variant (besparingsvariant), as it describes it." });

export const Review = z
  .strictObject({
    $schema: z.string().optional(),
    schemaVersion: z.literal(SCHEMA_VERSION),
    id: Id,
    title: text,
    language: z.enum(['nl', 'en']),
    ministry: z.strictObject({ name: text, abbreviation: z.string().nullish() }),
    budgetChapter: z.string().nullish(),
    budgetArticles: z
      .array(z.strictObject({ number: text, title: z.string().nullish(), parts: z.array(z.string()).default([]) }))
      .min(1, 'a review covers at least one budget article'),
    period: z.strictObject({ start: Year.nullable(), end: Year.nullable() }).nullish(),
    rpeVersion: RpeVersion,
    questionSet: QuestionSet.optional(),
    centralQuestion: z.string().nullish(),
    performedBy: z.string().nullish(),
    supervisoryCommittee: z
      .array(z.strictObject({ name: z.string().nullish(), organisation: text, role: z.string().nullish() }))
      .default([]),
    independentExperts: z
      .array(
        z.strictObject({
          name: z.string().nullish(),
          affiliation: z.string().nullish(),
          verdict: z.string().nullish().describe("the expert's verdict on the review"),
          note: z.string().optional(),
        }),
      )
      .default([]),
    method: z.enum(['synthesis', 'new-research', 'mixed']).nullish(),
    completeness: z.partialRecord(z.enum(LIST_NAMES), Completeness).optional(),
    dates: z
      .strictObject({ completed: PartialDate.nullish(), sentToParliament: PartialDate.nullish() })
      .default({}),
    scopeExclusions: z.array(ScopeExclusion).default([]),
    notes: z.array(z.string()).default([]),
    remarks: z
      .array(z.string())
      .default([])
      .describe("remarks meant for the report's readers, printed under the accountability chapter (notes are internal and never printed)"),
    policyTree: z.strictObject({
      mainGoal: z.strictObject({ text: text.nullable(), citation: Citation.optional() }),
      domains: z.array(Domain).min(1, 'the policy tree has at least one domain'),
      objectives: z.array(Objective).default([]),
    }),
    instruments: z.array(Instrument).default([]),
    budgetLines: z.array(BudgetLine).default([]),
    articleContext: z.array(ArticleContext).optional(),
    sources: z.array(Source).default([]),
    findings: z.array(Finding).default([]),
    indicators: z.array(Indicator).default([]),
    rpeAnswers: z.array(RpeAnswer).default([]),
    conclusions: z.array(Conclusion).default([]),
    recommendations: z.array(Recommendation).default([]),
    savingsChapter: SavingsChapter.optional(),
    followUp: z.array(FollowUp).default([]),
  })
  .meta({ id: 'Review', title: 'polev review', description: 'A policy review (beleidsdoorlichting) as data.' });

export type Review = z.output<typeof Review>;
export type ReviewInput = z.input<typeof Review>;
export type Domain = z.output<typeof Domain>;
export type Objective = z.output<typeof Objective>;
export type Instrument = z.output<typeof Instrument>;
export type BudgetLine = z.output<typeof BudgetLine>;
export type Expenditure = z.output<typeof Expenditure>;
export type Source = z.output<typeof Source>;
export type Finding = z.output<typeof Finding>;
export type Indicator = z.output<typeof Indicator>;
export type RpeAnswer = z.output<typeof RpeAnswer>;
export type Conclusion = z.output<typeof Conclusion>;
export type Recommendation = z.output<typeof Recommendation>;
export type Citation = z.output<typeof Citation>;
export type Classification = (typeof CLASSIFICATIONS)[number];
export type RealisationStatus = (typeof REALISATION_STATUSES)[number];
export type Aspect = (typeof ASPECTS)[number];
export type Verdict = (typeof VERDICTS)[number];
export type EvidenceStrength = (typeof EVIDENCE_STRENGTHS)[number];
export type SourceType = (typeof SOURCE_TYPES)[number];
export type BudgetKind = (typeof BUDGET_KINDS)[number];
export type RpeVersion = string;
export type KnownRpeVersion = (typeof RPE_VERSIONS)[number];
export type QuestionSet = z.output<typeof QuestionSet>;
export type ListName = (typeof LIST_NAMES)[number];
export type CompletenessStatus = (typeof COMPLETENESS_STATUSES)[number];
export type Completeness = z.output<typeof Completeness>;
export type StudyDesign = (typeof STUDY_DESIGNS)[number];
export type FindingOrigin = (typeof FINDING_ORIGINS)[number];
export type SourceRef = z.output<typeof SourceRef>;
export type FollowUp = z.output<typeof FollowUp>;
export type SavingsChapter = z.output<typeof SavingsChapter>;
export type BudgetPhases = z.output<typeof BudgetPhases>;
export type ArticleContext = z.output<typeof ArticleContext>;
