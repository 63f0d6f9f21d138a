import type { Aspect, EvidenceStrength, RealisationStatus, Verdict } from '../../model/review.js';
import { euros, pct, plural } from '../numbers.js';
import type { EffectivenessValue, RealisationValue, ScopeKind } from '../types.js';
import { termsFor } from './terms.js';

/**
 * The English message catalogue of the analysis: every sentence `analyze` and `compare` write.
 * It is the reference: its type is `Messages`, which every other language must satisfy with the
 * same parameters (see ./index.ts). Messages take positional parameters — counts, id lists
 * already formatted with `listIds`, amounts in euro x 1,000, enum values — so that a call
 * allocates nothing but its string. Constant sentences are plain strings.
 */

const { strengthPhrase: STRENGTH, aspect: ASPECT, realisationStatus: STATUS, verdict: VERDICT, realisation: REALISATION, effectiveness: EFFECTIVENESS } =
  termsFor('en');

/** "a, b, c" for aspects in words; written out so that no array is allocated. */
function aspectList(aspects: readonly Aspect[]): string {
  let out = '';
  for (let i = 0; i < aspects.length; i++) out += i === 0 ? ASPECT[aspects[i]!] : `, ${ASPECT[aspects[i]!]}`;
  return out;
}

export const en = {
  // ---- formatting -----------------------------------------------------------------------------
  /** The tail of a shortened id list: "a, b, c and 3 more". */
  more: (shown: string, rest: number) => `${shown} and ${rest} more`,
  /** An amount in euro x 1,000 in words: "€1.2 million". */
  euros,
  /** A share as a percentage: "69%", or "unknown". */
  pct: (share: number | null) => pct(share),

  // ---- stepped verdicts (verdicts.ts) ---------------------------------------------------------
  goal: {
    noObjectives: 'There are no objectives in this scope.',
    notMeasurable: (count: number, total: number, ids: string) =>
      `${plural(count, 'objective')} of ${total} ${count === 1 ? 'has' : 'have'} no measurable target (${ids}).`,
    noInformation: (count: number, total: number, ids: string) =>
      `For ${plural(count, 'objective')} of ${total} there is no finding or indicator on how far it was reached (${ids}).`,
    determinable: (ids: string) => `Achievement can be judged for ${ids}: measurable, with information on the result.`,
  },

  realisation: {
    noInstruments: 'No instruments are linked to this scope.',
    undecided: (unknown: number, worst: RealisationValue, best: RealisationValue) =>
      `With ${plural(unknown, 'instrument', 'instruments')} of unknown status the verdict could be anything from ${REALISATION[worst]} to ${REALISATION[best]}, so it is unknown.`,
    atLeast: (unknown: number, worst: RealisationValue, best: RealisationValue) =>
      `At least ${REALISATION[worst]}: with the ${plural(unknown, 'instrument', 'instruments')} of unknown status it could be ${REALISATION[best]}.`,
    counts: (realised: number, total: number, partly: number, ongoing: number, pilot: number, notRealised: number, unknown: number) => {
      let s = `${realised} of ${total} instruments were realised in the period`;
      if (partly) s += `, ${partly} partly`;
      if (ongoing) s += `, ${ongoing} ongoing`;
      if (pilot) s += `, ${pilot} only as a pilot`;
      if (notRealised) s += `, ${notRealised} not realised`;
      if (unknown) s += `, ${unknown} with unknown status`;
      return `${s}.`;
    },
    afterPeriod: (count: number, ids: string) =>
      `${plural(count, 'instrument was', 'instruments were')} realised only after the period and are kept apart (${ids}).`,
    noMoney: 'No programme money is linked to any of these instruments.',
    moneyPartlyUnknown: (lines: string, _lineCount: number, known: number, unknownParts: number) =>
      `Programme lines ${lines} finance these instruments; ${known > 0 ? `at least ${euros(known)}, ` : ''}${plural(unknownParts, 'amount is', 'amounts are')} not given.`,
    money: (lines: string, _lineCount: number, amount: number) => `Programme lines ${lines} finance these instruments: ${euros(amount)} over the period.`,
  },

  effectiveness: {
    counts: (total: number, demonstrated: number, plausible: number, negative: number, notDeterminable: number) => {
      let parts = '';
      if (demonstrated) parts += `demonstrated for ${demonstrated}`;
      if (plausible) parts += `${parts ? ', ' : ''}plausible for ${plausible}`;
      if (negative) parts += `${parts ? ', ' : ''}negative for ${negative}`;
      if (notDeterminable) parts += `${parts ? ', ' : ''}not determinable for ${notDeterminable}`;
      return `Of ${plural(total, 'instrument')}, effectiveness is ${parts}.`;
    },
    demonstrated: (ids: string) => `An effect evaluation shows a contribution of ${ids}.`,
    plausible: (ids: string) => `Without effect studies, indications make a contribution plausible for ${ids}.`,
    negative: (ids: string) => `Evidence points to no or a negative contribution for ${ids}.`,
    own: (scope: ScopeKind, value: EffectivenessValue, ids: string) =>
      `Findings on ${scope === 'objective' ? 'the objective and its sub-objectives' : scope === 'domain' ? 'the domain and its objectives' : 'the domains and objectives'} judge it ${EFFECTIVENESS[value]} (${ids}).`,
    noFinding: 'No finding makes a statement about effectiveness that rests on an effect study or on indications of plausibility.',
    noEffectEvaluation: `None of the instruments has ${STRENGTH.effect} of its effectiveness.`,
  },

  efficiency: {
    stated: (count: number, ids: string, strength: EvidenceStrength, verdict: Verdict | null) =>
      `${plural(count, 'evaluation finding states', 'evaluation findings state')} efficiency (${ids}); the strongest rests on ${STRENGTH[strength]} and is ${verdict === null ? 'without a verdict' : VERDICT[verdict]}.`,
    noInstruments: 'There are no instruments whose cost and effect could be related.',
    withoutCost: (count: number, total: number) => `${count} of ${plural(total, 'instrument')} ${count === 1 ? 'has' : 'have'} no attributed cost.`,
    noJudgement: (ids: string) => `No evaluation states efficiency (findings ${ids} make no judgement).`,
    noEvaluation: 'No evaluation states efficiency.',
    noEffect: 'Effectiveness is neither demonstrated nor plausible for any instrument, so there is no effect to set the money against.',
    noCostAndEffect: 'No instrument has both a known cost and a finding on its effectiveness.',
    notRelated: (ids: string) => `Cost and an effectiveness finding exist for ${ids}, but no evaluation relates the two.`,
  },

  // ---- evidence and coverage (evidence.ts) ----------------------------------------------------
  instrumentEvidence: {
    strongest: (strength: EvidenceStrength, aspects: readonly Aspect[], ids: string) =>
      `Strongest evidence is ${STRENGTH[strength]}, on ${aspectList(aspects)} (${ids}).`,
    onlyRealisation: (status: RealisationStatus) => `Only its realisation is documented (status: ${STATUS[status]}); no finding speaks to its effects.`,
    nothing: 'Nothing in the review documents its realisation or its effects.',
    notEvaluated: 'No evaluation covers it.',
  },

  notEvaluated: {
    instrument: 'No evaluation cited in the review covers this instrument.',
    status: (status: 'not-realised' | 'pilot' | 'realised-after-period') =>
      status === 'pilot'
        ? 'It was only a pilot in the period, so there was little to evaluate yet.'
        : status === 'not-realised'
          ? 'It was not realised in the period, so there was little to evaluate yet.'
          : 'It was realised only after the period, so there was little to evaluate yet.',
    nonEvaluative: (ids: string) => `Only non-evaluative material speaks of it (${ids}).`,
    noExpenditure: 'No expenditure is linked to it, so its efficiency could not be evaluated either.',
    objectiveWithoutInstruments: 'No evaluation speaks to this objective, and no instrument is linked to it.',
    objective: (instruments: number) => `No evaluation speaks to this objective or to any of its ${plural(instruments, 'instrument')}.`,
  },

  // ---- expenditure (expenditure.ts) -----------------------------------------------------------
  dominantLine: {
    share: (name: string, share: number, amount: number, programme: number) =>
      `${name} accounts for ${pct(share)} of the known programme expenditure (${euros(amount)} of ${euros(programme)}).`,
    knownOnly: (unknownParts: number) =>
      `${plural(unknownParts, 'programme amount is', 'programme amounts are')} unknown, so the share is computed on known amounts only.`,
    stated: (name: string, text: string, location: string | null) =>
      `The review gives no programme amounts, but states of ${name}: "${text}"${location ? ` (${location})` : ''}.`,
    fromText: 'Its share is therefore taken from the text, not computed.',
  },

  // ---- savings variant (savings.ts) -----------------------------------------------------------
  savings: {
    noBase: 'No programme line has a known amount, so there is no base to save on.',
    base: (year: number, base: number, percent: number, target: number) =>
      `Base: known programme expenditure in ${year}, ${euros(base)}; ${percent}% is ${euros(target)}.`,
    protectedLines: (ids: string, amount: number) => `Protected lines are not cut: ${ids} (${euros(amount)}).`,
    unknownLines: (year: number | null, ids: string) => `Lines with no figure for ${year} are left out: ${ids}.`,
    acrossTheBoard: 'Every unprotected line with a known amount gives up the same share.',
    acrossTheBoardCut: (share: number) => `${pct(share)} off every unprotected line.`,
    evidenceRanked: 'Lines are cut in order of least evidence of effectiveness of the instruments they finance; among equals, the larger line first.',
    evidenceRankedCut: (strength: EvidenceStrength) => `Evidence of effectiveness: ${strength}; lines with less evidence are cut first.`,
    shortfall: (cuttable: number, shortfall: number) =>
      `Unprotected lines with known amounts hold only ${euros(cuttable)}: ${euros(shortfall)} of the target cannot be found.`,
  },

  // ---- recommendations (recommendations.ts) ---------------------------------------------------
  recommendations: {
    smart: 'Formulate the objectives SMART: give each an indicator, a baseline, a target value and a deadline, so that goal achievement can be determined.',
    smartReason: (count: number, total: number, ids: string) => `${plural(count, 'objective')} of ${total} lack a measurable target or a deadline (${ids}).`,
    domainEfficiency: (domain: string) =>
      `Make the efficiency of "${domain}" assessable: relate its expenditure to instruments and plan an evaluation that sets cost against effect.`,
    registerCost: 'Register expenditure (including staff time) per instrument, so that cost can be attributed and efficiency assessed.',
    registerCostReason: (count: number, total: number) => `${count} of ${plural(total, 'instrument')} have no attributed cost.`,
    registerCostNoLines: (total: number) => `The review data give no budget lines, so no cost can be attributed to any of the ${plural(total, 'instrument')}.`,
    planEvaluations: 'Plan which instruments will be evaluated, and when, in an evaluation programme.',
    planEvaluationsReason: (count: number, total: number) => `${count} of ${plural(total, 'instrument')} are not covered by any evaluation.`,
    planEvaluationsPartial: (count: number, total: number) => `${count} of ${plural(total, 'instrument')} are not covered by any of the evaluations listed; the list of evaluations is partial, so some may be covered after all.`,
    policyTheory:
      'Where effectiveness rests only on plausibility or process evaluations, make the policy theory explicit and consider effect studies or experiments for new initiatives.',
    policyTheoryReason: (count: number, ids: string) =>
      `For ${plural(count, 'instrument')} the strongest evidence of effectiveness is a plausibility indication or a process evaluation (${ids}).`,
    evaluateDominant: (name: string) => `Evaluate the effect of "${name}", the largest programme line.`,
    dominantNoEffect: 'None of the instruments it finances has an effect evaluation.',
    dominantNoInstruments: 'It is linked to no instrument, so no evaluation can be attributed to it.',
    linkObjectives: 'Link every objective to the instruments that serve it, or drop objectives that no instrument serves.',
    linkObjectivesReason: (count: number, ids: string) => `${plural(count, 'objective has', 'objectives have')} no instrument (${ids}).`,
    checkObjectives: 'Check whether the objectives without instruments in the data have instruments in the rows that are missing; link those that do, and make the others explicit.',
    linkObjectivesPartial: (count: number, ids: string, list: string) =>
      `${plural(count, 'objective has', 'objectives have')} no instrument in the data (${ids}); the instrument list holds ${list}, so a missing row may well be theirs.`,
    answerRpe: (version: string, noun: 'question' | 'part', labels: readonly string[]) =>
      `Answer the ${noun === 'part' ? 'parts' : 'questions'} of RPE ${version} the review leaves open: ${labels.join(', ')}.`,
    answerRpeReason: (noun: 'question' | 'part', labels: readonly string[]) =>
      `${labels.length === 1 ? `${noun === 'part' ? 'Part' : 'Question'} ${labels[0]} is` : `${noun === 'part' ? 'Parts' : 'Questions'} ${labels.join(', ')} are`} not answered in the report nor elsewhere.`,
  },

  // ---- SMART check (smart.ts) -----------------------------------------------------------------
  smart: {
    specificTarget: 'It names a target or indicator, which pins down what is to be achieved.',
    specificVague: (word: string) => `It is phrased as a direction ("${word}") without the end state to be reached.`,
    specificShort: 'The text is too short to say what is to be achieved, for whom or where.',
    specificText: 'The text names what is to be achieved.',
    measurableIndicator: (indicator: string) => `Indicator: ${indicator}.`,
    measurableQuantity: 'The text contains a quantity to measure against.',
    measurableComparative: 'It compares ("more", "fewer") but gives no indicator or quantity.',
    measurableNone: 'No indicator and no quantity: there is nothing to measure achievement against.',
    achievableBoth: (baseline: string) => `Baseline (${baseline}) and target are both given, so the distance to cover can be judged.`,
    achievableNoBaseline: 'A target is given but no baseline, so whether it is within reach cannot be judged.',
    achievableNone: 'Without a baseline and a target, achievability cannot be judged from the review.',
    relevantNone: 'No instrument is linked to it, so nothing in the policy works towards it.',
    relevantNoneListed: (list: string) => `No instrument in the data is linked to it, but the instrument list holds ${list}: a missing row may serve it.`,
    relevant: (instruments: number) => `It sits in the policy tree under the main goal and ${instruments} instrument${instruments === 1 ? ' serves' : 's serve'} it.`,
    deadline: (deadline: string) => `Deadline: ${deadline}.`,
    dateInText: (date: string) => `The text gives a date ("${date}").`,
    noDeadline: 'No deadline or period is given.',
  },

  // ---- RPE checklist (rpe.ts) -----------------------------------------------------------------
  rpe: {
    articles: (count: number, numbers: string) => `${plural(count, 'budget article')}: ${numbers}.`,
    exclusions: (count: number) => `${plural(count, 'scope exclusion')} with reasons.`,
    objectives: (objectives: number, domains: number) => `${plural(objectives, 'objective')} in ${plural(domains, 'domain')}.`,
    instruments: (counted: string) => `${counted}.`,
    budgetLines: (count: number) => `${plural(count, 'budget line')}.`,
    evaluations: (count: number) => `${plural(count, 'evaluation')} listed.`,
    evaluationsPartial: (count: number) => `${plural(count, 'evaluation')} listed; the list is partial.`,
    notEvaluated: 'polev lists the instruments without evaluation (coverage).',
    findings: (count: number) => `${plural(count, 'finding')} on realisation, effectiveness and efficiency.`,
  },

  // ---- what the lists hold (completeness) -----------------------------------------------------
  lists: {
    countedOver: (counted: string) => `Counted over the instruments in the data: ${counted}.`,
    /** "70 of at least 108 instrument rows", "70 instruments (the list is partial)", "70 instruments": how many a partial list holds. */
    instruments: (known: number, status: 'complete' | 'partial' | 'unknown', stated: boolean, expectedAtLeast: number | null) =>
      known === 0 && status !== 'complete'
        ? 'no instruments in the data (whether the review has any is unknown)'
        : status === 'complete' || !stated
          ? plural(known, 'instrument')
          : expectedAtLeast !== null && expectedAtLeast > known
            ? `${known} of at least ${expectedAtLeast} instrument rows`
            : `${plural(known, 'instrument')} (the list is ${status === 'partial' ? 'partial' : 'of unknown completeness'})`,
    /** Said wherever a partial instrument list is counted. */
    instrumentsPartial: (missing: string | null) => `The list of instruments is partial${missing ? `: ${missing.replace(/[.\s]+$/, '')}` : ''}.`,
    instrumentsUnstated: 'The review data do not say whether the list of instruments is complete.',
    /** Sources whose type is not known: reported apart, as possibly evaluations. */
    unknownTypeSources: (count: number, ids: string) => `${plural(count, 'source is', 'sources are')} of unknown type and may be evaluations (${ids}).`,
  },

  // ---- comparison of two reviews (compare.ts) -------------------------------------------------
  compare: {
    differentArticles: (before: string, after: string) =>
      `The reviews cover different budget articles (${before} and ${after}); items are matched by id only.`,
  },
};

/** A catalogue's type with every message returning `string` (not the literal types of its English sentences). */
type Catalogue<T> = {
  [K in keyof T]: T[K] extends (...args: infer A) => string ? (...args: A) => string : T[K] extends string ? string : Catalogue<T[K]>;
};

/**
 * The shape of a message catalogue, derived from the English one: the same groups, the same
 * messages, each with the same parameters. Other languages are written `satisfies Messages`.
 */
export type Messages = Catalogue<typeof en>;
