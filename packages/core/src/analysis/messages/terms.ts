import type { Aspect, EvidenceStrength, RealisationStatus, Verdict } from '../../model/review.js';
import type {
  AnalysisLang,
  EffectivenessValue,
  EfficiencyValue,
  GoalAchievementValue,
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
    determinable: 'determinable',
    'partly-determinable': 'partly determinable',
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
    'not-determinable': 'not determinable',
    negative: 'negative',
  },
  efficiency: { determinable: 'determinable', 'not-determinable': 'not determinable' },
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
    determinable: 'vast te stellen',
    'partly-determinable': 'deels vast te stellen',
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
    'not-determinable': 'niet vast te stellen',
    negative: 'negatief',
  },
  efficiency: { determinable: 'vast te stellen', 'not-determinable': 'niet vast te stellen' },
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
