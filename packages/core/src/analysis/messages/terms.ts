import type { Aspect, EvidenceStrength, RealisationStatus, StudyDesign, Verdict } from '../../model/review.js';
import type {
  AnalysisLang,
  EffectivenessValue,
  EffectStudyValue,
  EfficiencyCondition,
  EfficiencyValue,
  GoalAchievementValue,
  PlausibilityValue,
  Weighed,
  RealisationValue,
  SmartCriterion,
  SmartResult,
} from '../types.js';

/**
 * The words for the values of the domain's enums, per language: the single source for the
 * analysis messages, the report's labels and the CLI's summary. One typed map per enum, since
 * enums share values (`realisation` is an aspect and an evidence strength, `negative` a finding
 * verdict and an effectiveness value). All words are lower case, as they stand inside a
 * sentence; callers capitalise them where they start a heading or a cell.
 */
export interface Terms {
  /** Evidence strength as a value: "Strength: plausibility". */
  strength: Record<EvidenceStrength, string>;
  /** Evidence strength as a noun phrase in a sentence: "rests on indications of plausibility". */
  strengthPhrase: Record<EvidenceStrength, string>;
  aspect: Record<Aspect, string>;
  /** The realisation status of an instrument. */
  realisationStatus: Record<RealisationStatus, string>;
  /** The verdict of a finding. */
  verdict: Record<Verdict, string>;
  /** The values of the four steps of the stepped approach. */
  goalAchievement: Record<GoalAchievementValue, string>;
  realisation: Record<RealisationValue, string>;
  effectiveness: Record<EffectivenessValue, string>;
  efficiency: Record<EfficiencyValue, string>;
  /** Step 3 alone and step 4 alone (an instrument's explanation). */
  effectStudy: Record<EffectStudyValue, string>;
  plausibility: Record<PlausibilityValue, string>;
  /** What weighed findings say together. */
  weighed: Record<Weighed, string>;
  /** The design of a study (Maryland Scientific Methods Scale). */
  design: Record<StudyDesign, string>;
  efficiencyCondition: Record<EfficiencyCondition, string>;
  smartCriterion: Record<SmartCriterion, string>;
  smartResult: Record<SmartResult, string>;
}

const en: Terms = {
  strength: {
    none: 'none',
    realisation: 'realisation only',
    plausibility: 'plausibility',
    process: 'process evaluation',
    effect: 'effect evaluation',
  },
  strengthPhrase: {
    none: 'no evidence',
    realisation: 'output/realisation information only',
    plausibility: 'indications of plausibility',
    process: 'a process evaluation',
    effect: 'an effect evaluation',
  },
  aspect: {
    'goal-achievement': 'goal achievement',
    realisation: 'realisation',
    effectiveness: 'effectiveness',
    efficiency: 'efficiency',
    'side-effects': 'side effects',
  },
  realisationStatus: {
    realised: 'realised',
    partly: 'partly realised',
    'not-realised': 'not realised',
    'realised-after-period': 'realised after the period',
    pilot: 'pilot',
    ongoing: 'ongoing',
    unknown: 'unknown',
  },
  verdict: {
    positive: 'positive',
    partly: 'partly positive',
    negative: 'negative',
    'no-effect': 'no effect found',
    inconclusive: 'inconclusive',
    'not-assessed': 'not assessed',
  },
  goalAchievement: {
    reached: 'reached',
    partly: 'partly reached',
    'not-reached': 'not reached',
    mixed: 'mixed (contested)',
    'not-determinable': 'not determinable',
  },
  realisation: {
    realised: 'realised',
    'mostly-realised': 'mostly realised',
    'partly-realised': 'partly realised',
    'not-realised': 'not realised',
    unknown: 'unknown',
    'no-instruments': 'no instruments',
  },
  effectiveness: {
    demonstrated: 'demonstrated',
    plausible: 'plausible',
    mixed: 'mixed (contested)',
    'not-demonstrated': 'not demonstrated (no significant effect)',
    negative: 'negative',
    'not-determinable': 'not determinable',
    'not-applicable': 'not applicable (not deployed)',
  },
  efficiency: { determinable: 'determinable', 'not-determinable': 'not determinable', 'not-applicable': 'not applicable (not deployed)' },
  effectStudy: {
    demonstrated: 'demonstrated',
    mixed: 'mixed (contested)',
    'not-demonstrated': 'not demonstrated (no significant effect)',
    negative: 'negative',
    'no-effect-study': 'no effect study',
    'not-applicable': 'not applicable (not deployed)',
  },
  plausibility: {
    plausible: 'plausible',
    mixed: 'mixed (contested)',
    'not-plausible': 'not plausible',
    'not-determinable': 'not determinable',
    'not-applicable': 'not applicable (not deployed)',
  },
  weighed: { positive: 'positive', partly: 'partly positive', negative: 'negative', 'no-effect': 'without significant effect', mixed: 'mixed (contested)', none: 'without a judgement' },
  design: {
    randomised: 'randomised',
    'quasi-experimental': 'quasi-experimental',
    controlled: 'controlled comparison',
    uncontrolled: 'before/after or cross-section without control',
    qualitative: 'case study, interviews or expert judgement',
    monitoring: 'monitoring or output data',
    document: 'document or policy theory',
  },
  efficiencyCondition: { cost: '(a) attributed cost', effect: '(b) an effect at least plausible', study: '(c) a study relating cost to effect' },
  smartCriterion: { specific: 'specific', measurable: 'measurable', achievable: 'achievable', relevant: 'relevant', timeBound: 'time-bound' },
  smartResult: { pass: 'pass', fail: 'fail', unknown: 'unknown' },
};

const nl: Terms = {
  strength: {
    none: 'geen',
    realisation: 'alleen realisatie',
    plausibility: 'plausibiliteit',
    process: 'procesevaluatie',
    effect: 'effectevaluatie',
  },
  /** Na "bestaat uit" en "berust op". */
  strengthPhrase: {
    none: 'geen bewijs',
    realisation: 'informatie over alleen de output of realisatie',
    plausibility: 'aanwijzingen voor plausibiliteit',
    process: 'een procesevaluatie',
    effect: 'een effectevaluatie',
  },
  aspect: {
    'goal-achievement': 'doelbereiking',
    realisation: 'realisatie',
    effectiveness: 'doeltreffendheid',
    efficiency: 'doelmatigheid',
    'side-effects': 'neveneffecten',
  },
  realisationStatus: {
    realised: 'gerealiseerd',
    partly: 'deels gerealiseerd',
    'not-realised': 'niet gerealiseerd',
    'realised-after-period': 'na de periode gerealiseerd',
    pilot: 'pilot',
    ongoing: 'lopend',
    unknown: 'onbekend',
  },
  verdict: {
    positive: 'positief',
    partly: 'deels positief',
    negative: 'negatief',
    'no-effect': 'geen effect gevonden',
    inconclusive: 'niet eenduidig',
    'not-assessed': 'niet beoordeeld',
  },
  goalAchievement: {
    reached: 'bereikt',
    partly: 'deels bereikt',
    'not-reached': 'niet bereikt',
    mixed: 'gemengd (omstreden)',
    'not-determinable': 'niet vast te stellen',
  },
  realisation: {
    realised: 'gerealiseerd',
    'mostly-realised': 'grotendeels gerealiseerd',
    'partly-realised': 'deels gerealiseerd',
    'not-realised': 'niet gerealiseerd',
    unknown: 'onbekend',
    'no-instruments': 'geen instrumenten',
  },
  effectiveness: {
    demonstrated: 'aangetoond',
    plausible: 'plausibel',
    mixed: 'gemengd (omstreden)',
    'not-demonstrated': 'niet aangetoond (geen significant effect)',
    negative: 'negatief',
    'not-determinable': 'niet vast te stellen',
    'not-applicable': 'niet van toepassing (niet ingezet)',
  },
  efficiency: { determinable: 'vast te stellen', 'not-determinable': 'niet vast te stellen', 'not-applicable': 'niet van toepassing (niet ingezet)' },
  effectStudy: {
    demonstrated: 'aangetoond',
    mixed: 'gemengd (omstreden)',
    'not-demonstrated': 'niet aangetoond (geen significant effect)',
    negative: 'negatief',
    'no-effect-study': 'geen effectonderzoek',
    'not-applicable': 'niet van toepassing (niet ingezet)',
  },
  plausibility: {
    plausible: 'plausibel',
    mixed: 'gemengd (omstreden)',
    'not-plausible': 'niet plausibel',
    'not-determinable': 'niet vast te stellen',
    'not-applicable': 'niet van toepassing (niet ingezet)',
  },
  weighed: { positive: 'positief', partly: 'deels positief', negative: 'negatief', 'no-effect': 'zonder significant effect', mixed: 'gemengd (omstreden)', none: 'zonder oordeel' },
  design: {
    randomised: 'gerandomiseerd',
    'quasi-experimental': 'quasi-experimenteel',
    controlled: 'vergelijking met controlegroep',
    uncontrolled: 'voor/na of dwarsdoorsnede zonder controlegroep',
    qualitative: 'casestudy, interviews of expertoordeel',
    monitoring: 'monitoring- of outputgegevens',
    document: 'document of beleidstheorie',
  },
  efficiencyCondition: { cost: '(a) toegerekende kosten', effect: '(b) een ten minste plausibel effect', study: '(c) onderzoek dat kosten en effect verbindt' },
  smartCriterion: { specific: 'specifiek', measurable: 'meetbaar', achievable: 'acceptabel', relevant: 'realistisch', timeBound: 'tijdgebonden' },
  smartResult: { pass: 'voldoet', fail: 'voldoet niet', unknown: 'onbekend' },
};

/**
 * The words for the enum values in a language (English when none is given); a TypeError for any
 * other value, which only JavaScript callers can pass.
 */
export function termsFor(lang: AnalysisLang | undefined): Terms {
  if (lang === undefined || lang === 'en') return en;
  if (lang === 'nl') return nl;
  throw new TypeError(`lang must be "nl" or "en", not ${JSON.stringify(lang)}`);
}
