import type { Aspect, EvidenceStrength, RealisationStatus, StudyDesign } from '../../model/review.js';
import { euros, pct, plural, type CountBound } from '../numbers.js';
import type { EffectivenessRank, EffectivenessValue, GoalAchievementValue, RealisationValue, ScopeKind, Weighed } from '../types.js';
import { sentence } from '../../util/text.js';
import { termsFor } from './terms.js';

/**
 * The English message catalogue of the analysis: every sentence `analyze` and `compare` write.
 * It is the reference: its type is `Messages`, which every other language must satisfy with the
 * same parameters (see ./index.ts). Messages take positional parameters — counts, id lists
 * already formatted with `listIds`, amounts in euro x 1,000, enum values — so that a call
 * allocates nothing but its string. Constant sentences are plain strings.
 */

const {
  strengthPhrase: STRENGTH,
  strength: STRENGTH_SHORT,
  aspect: ASPECT,
  realisationStatus: STATUS,
  realisation: REALISATION,
  effectiveness: EFFECTIVENESS,
  goalAchievement: GOAL,
  weighed: WEIGHED,
  design: DESIGN,
} = termsFor('en');

const GOAL_ORDER: readonly GoalAchievementValue[] = ['reached', 'partly', 'not-reached', 'mixed', 'not-determinable'];
const EFFECTIVENESS_ORDER: readonly EffectivenessValue[] = ['demonstrated', 'plausible', 'mixed', 'not-demonstrated', 'negative', 'not-determinable', 'not-applicable'];
const SCOPE_OWN: Record<ScopeKind, string> = { objective: 'the objective and its sub-objectives', domain: 'the domain and its objectives', article: 'the domains and objectives' };
const SCOPE_OWN_THEMSELVES: Record<ScopeKind, string> = { objective: 'the objective and its sub-objectives themselves', domain: 'the domain and its objectives themselves', article: 'the domains and objectives themselves' };
const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const linesFinance = (lines: string, count: number, programmeOnly: boolean) =>
  `${programmeOnly ? 'Programme' : 'Budget'} ${count === 1 ? `line ${lines} finances` : `lines ${lines} finance`}`;

/**
 * A number of items counted over the review's lists, bounded as `countOver` decides: "26 deployed
 * instruments", "at least 26 deployed instruments", or, over an unknown list, those in the data.
 */
const counted = (n: number, bound: CountBound, one: string, many = `${one}s`) =>
  bound === 'exact' ? plural(n, one, many) : bound === 'at-least' ? `at least ${plural(n, one, many)}` : `the ${plural(n, one, many)} in the data (how many there are is not known)`;

/** The same, with "the" before an exact count: "none of the 26 deployed instruments". */
const theCounted = (n: number, bound: CountBound, one: string) => (bound === 'exact' ? `the ${plural(n, one)}` : counted(n, bound, one));

/** Why a count of instruments with a cost may be short: the budget lines and amounts it is taken over. */
const COST_LISTS: Record<CountBound, string> = {
  exact: '',
  'at-least': '; the budget lines and their amounts are not all known, so more may have a cost',
  unknown: '; the budget lines and their amounts are not known',
};

/** "plausible for 2 (9% of the known money), not determinable for 19": the values that occur, in order. */
function spreadList<V extends string>(counts: Record<V, number>, words: Record<V, string>, order: readonly V[], money?: (v: V) => string): string {
  let out = '';
  for (const v of order) {
    if (!counts[v]) continue;
    const m = money?.(v);
    out += `${out ? ', ' : ''}${words[v]} for ${counts[v]}${m ? ` (${m})` : ''}`;
  }
  return out || 'none';
}

/** The savings variant's verdict scale in words. */
const RANK: Record<EffectivenessRank, string> = {
  negative: 'shown not to work',
  'not-demonstrated': 'an effect study found no effect',
  'no-evidence': 'no evidence',
  mixed: 'contested (mixed findings)',
  plausible: 'plausible',
  demonstrated: 'demonstrated',
};

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
  // steps/goal-achievement.ts
  goal: {
    noObjectives: 'There are no objectives in this scope.',
    notMeasurable: (count: number, total: number, ids: string) =>
      `${plural(count, 'objective')} of ${total} ${count === 1 ? 'has' : 'have'} no measurable target, so how far ${count === 1 ? 'it was' : 'they were'} reached is hard to judge (${ids}).`,
    value: (value: GoalAchievementValue, ids: string) =>
      value === 'mixed' ? `Findings of the same strength disagree on how far it was reached (${ids}).` : `Findings say it was ${GOAL[value]} (${ids}).`,
    noJudgement: (ids: string) => `Findings on its achievement (${ids}) do not say how far it was reached.`,
    noFinding: 'No finding on the objective, its sub-objectives or its domain says how far it was reached.',
    indicatorsOnly: (ids: string) => `Indicators are given (${ids}), but no finding holds them against a target.`,
    spread: (total: number, counts: Record<GoalAchievementValue, number>) => `Of ${plural(total, 'objective')}: ${spreadList(counts, GOAL, GOAL_ORDER)}.`,
    headline: (value: GoalAchievementValue, threshold: number) => `That is ${GOAL[value]} for at least ${pct(threshold)} of them, enough for a verdict on the whole.`,
    notAsAWhole: (threshold: number) => `No value holds for at least ${pct(threshold)} of the objectives, so goal achievement is not determinable as a whole.`,
  },

  // steps/realisation-gate.ts
  gate: {
    status: (status: RealisationStatus) => `Realisation: ${STATUS[status]}.`,
    notApplicable: (status: RealisationStatus) =>
      status === 'realised-after-period'
        ? 'Not applicable: it was deployed only after the period, so it had no effect to judge within it.'
        : 'Not applicable: it was not deployed, so it had no effect to judge.',
    pilot: 'It was deployed only as a pilot: the verdict speaks for the pilot.',
    unknown: 'Whether it was deployed is not documented; the verdict rests on the findings alone.',
  },

  realisation: {
    noInstruments: 'No instruments are linked to this scope.',
    undecided: (unknown: number, worst: RealisationValue, best: RealisationValue) =>
      `With ${plural(unknown, 'instrument', 'instruments')} of unknown status the verdict could be anything from ${REALISATION[worst]} to ${REALISATION[best]}, so it is unknown.`,
    atLeast: (unknown: number, worst: RealisationValue, best: RealisationValue) =>
      `At least ${REALISATION[worst]}: with the ${plural(unknown, 'instrument', 'instruments')} of unknown status it could be ${REALISATION[best]}.`,
    counts: (realised: number, total: number, partly: number, ongoing: number, pilot: number, notRealised: number, unknown: number, instruments: CountBound) => {
      let s =
        realised === 0
          ? `None of ${theCounted(total, instruments, 'instrument')} was realised in the period`
          : `${realised} of ${counted(total, instruments, 'instrument')} ${realised === 1 || total === 1 ? 'was' : 'were'} realised in the period`;
      if (partly) s += `, ${partly} partly`;
      if (ongoing) s += `, ${ongoing} ongoing`;
      if (pilot) s += `, ${pilot} only as a pilot`;
      if (notRealised) s += `, ${notRealised} not realised`;
      if (unknown) s += `, ${unknown} with unknown status`;
      return `${s}.`;
    },
    afterPeriod: (count: number, ids: string) =>
      `${plural(count, 'instrument was', 'instruments were')} realised only after the period and are kept apart (${ids}).`,
    noMoney: 'No budget line (programme money or staff time) is linked to any of these instruments: the money involved is unknown.',
    moneyPartlyUnknown: (lines: string, lineCount: number, known: number, unknownParts: number, programmeOnly: boolean) =>
      `${linesFinance(lines, lineCount, programmeOnly)} these instruments; ${known > 0 ? `at least ${euros(known)}, ` : ''}${plural(unknownParts, 'amount is', 'amounts are')} not given.`,
    money: (lines: string, lineCount: number, amount: number, programmeOnly: boolean) => `${linesFinance(lines, lineCount, programmeOnly)} these instruments: ${euros(amount)} over the period.`,
    sharedWithOtherScopes: (lines: string, lineCount: number, known: number, alsoOwn: boolean) =>
      `${alsoOwn ? '' : 'No line finances these instruments alone. '}${lineCount === 1 ? `Line ${lines} finances` : `Lines ${lines} finance`} them jointly with instruments outside this scope, without shares${known > 0 ? ` (${euros(known)} together)` : ''}: that joint cost is not split, so an unknown part of it is this scope's, never the whole.`,
  },

  // steps/effectiveness.ts and steps/plausibility.ts, per instrument
  contribution: {
    demonstrated: (ids: string) => `An effect study with a comparison shows that it contributed (${ids}).`,
    plausible: (strength: EvidenceStrength, ids: string) => `Without an effect study, ${STRENGTH[strength]} make${strength === 'plausibility' ? '' : 's'} a contribution plausible (${ids}).`,
    mixed: (strength: EvidenceStrength, ids: string) => `Favourable and unfavourable findings resting on ${STRENGTH[strength]} disagree: the evidence is contested (${ids}).`,
    negative: (strength: EvidenceStrength, ids: string) => `Findings resting on ${STRENGTH[strength]} point to no or a negative contribution (${ids}).`,
    nullResult: (strength: EvidenceStrength, ids: string) => `A study resting on ${STRENGTH[strength]} found no significant effect: a contribution is not demonstrated (${ids}).`,
    tooWeak: (strength: EvidenceStrength, ids: string) => `The only judging findings rest on ${STRENGTH[strength]}, too weak to make a contribution plausible (${ids}).`,
    noJudgement: (ids: string) => `Findings on its effectiveness (${ids}) make no judgement (inconclusive or not assessed).`,
    noFinding: 'No finding speaks to its effectiveness.',
    noEffectStudy: 'No effect study with a comparison judges its effectiveness.',
    outweighed: (ids: string) => `Weaker findings (${ids}) are outweighed by the stronger evidence.`,
    capped: (id: string, design: StudyDesign | null, declared: EvidenceStrength | null, used: EvidenceStrength) =>
      `${id}: ${design ? `a ${DESIGN[design]} design` : `the declared strength (${STRENGTH_SHORT[declared ?? used]})`} is more than its source can carry; it counts as ${STRENGTH_SHORT[used]}.`,
  },

  plausibility: {
    byEffectStudy: 'A demonstrated contribution is plausible as well.',
  },

  // steps/effectiveness.ts, per scope
  effectiveness: {
    noInstruments: 'No instruments are linked to this scope.',
    spread: (total: number, counts: Record<EffectivenessValue, number>, moneyShares: Record<EffectivenessValue, number | null>, withMoney: number, instruments: CountBound) =>
      `Of ${counted(total, instruments, 'instrument')}, effectiveness is ${spreadList(counts, EFFECTIVENESS, EFFECTIVENESS_ORDER, withMoney > 0 ? (v) => (moneyShares[v] === null ? '' : `${pct(moneyShares[v])} of the known money`) : undefined)}.`,
    headline: (value: EffectivenessValue, support: number, applicable: number, threshold: number, instruments: CountBound) =>
      `That is ${EFFECTIVENESS[value]} for ${support} of ${theCounted(applicable, instruments, 'deployed instrument')}, at least ${pct(threshold)}: enough for a verdict on the whole.`,
    notAsAWhole: (threshold: number) => `No value holds for at least ${pct(threshold)} of the deployed instruments, so effectiveness is not determinable as a whole.`,
    contested: (scope: ScopeKind, ids: string) => `Findings on ${SCOPE_OWN[scope]} point the other way, so the whole is contested (${ids}).`,
    instruments: (value: EffectivenessValue, ids: string) => `${capitalise(EFFECTIVENESS[value])}: ${ids}.`,
    own: (scope: ScopeKind, value: Weighed, ids: string) => `Findings on ${SCOPE_OWN_THEMSELVES[scope]} are ${WEIGHED[value]} (${ids}).`,
  },

  // steps/efficiency.ts
  efficiency: {
    noInstruments: 'There are no instruments whose cost and effect could be related.',
    noneDeployed: 'None of its instruments was deployed: there is no efficiency to judge.',
    spread: (determinable: number, applicable: number, instruments: CountBound) =>
      `Efficiency is determinable for ${determinable === 0 ? 'none' : determinable} of ${counted(applicable, instruments, 'deployed instrument')}.`,
    determinable: (verdict: Weighed, strength: EvidenceStrength, ids: string) =>
      `Cost is attributed, the effect is at least plausible, and an evaluation resting on ${STRENGTH[strength]} relates the two: ${WEIGHED[verdict]} (${ids}).`,
    missingCost: '(a) No cost is attributed to it (no programme or staff money with a known amount).',
    missingCostOf: (withCost: number, applicable: number, instruments: CountBound, cost: CountBound) =>
      withCost === 0
        ? `(a) No cost is attributed to any of ${counted(applicable, instruments, 'deployed instrument')}${COST_LISTS[cost]}.`
        : `(a) Cost is attributed to ${withCost} of ${counted(applicable, instruments, 'deployed instrument')}: too few${COST_LISTS[cost]}.`,
    missingEffect: (value: EffectivenessValue) => `(b) Its effectiveness is ${EFFECTIVENESS[value]}, not at least plausible: there is no effect to set the money against.`,
    missingStudy: (minimum: EvidenceStrength) => `(c) No evaluation resting on at least ${STRENGTH[minimum]} relates cost to effect.`,
    indications: (ids: string) => `Efficiency findings ${ids} are indications, not a verdict.`,
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
    noLines: 'The review has no programme lines on the article with expenditure by year, so there is no base to save on.',
    allUnknown: (year: number, ids: string) =>
      `No programme line has a known figure for ${year} (${ids}), so the base, the target and the shortfall are unknown; nothing is computed from figures the review does not give.`,
    figuresWhere: (where: string) => `Where the figures would be: ${where}.`,
    missing: (missing: string) => `The review states what is missing: ${sentence(missing)}`,
    base: (year: number, base: number, percent: number, target: number, lowerBound: boolean, apparatus: boolean) =>
      `Base: ${apparatus ? 'programme and apparatus' : 'programme'} money in ${year} (the adopted budget where given, else the realisation), ${lowerBound ? 'at least ' : ''}${euros(base)}; ${percent}% is ${lowerBound ? 'at least ' : ''}${euros(target)}.`,
    protectedLines: (ids: string, amount: number | null) => `Protected lines are not cut: ${ids}${amount === null ? '' : ` (${euros(amount)})`}.`,
    fixedLines: (ids: string, amount: number | null) => `Lines fixed by law or contract are in the base but not cut: ${ids}${amount === null ? '' : ` (${euros(amount)} known)`}.`,
    unknownLines: (year: number | null, ids: string) => `Lines with no figure for ${year ?? 'the base year'}, so the base is a lower bound: ${ids}.`,
    unknownKind: (ids: string) => `Lines whose kind the review does not give may be programme money; they are listed, not counted: ${ids}.`,
    acrossTheBoard: 'Every line that is not protected or fixed and has a known amount gives up the same share.',
    acrossTheBoardCut: (share: number) => `${pct(share)} off every line that is not protected or fixed.`,
    evidenceRanked:
      'Lines are cut in order of what the evidence says of the effectiveness of the instruments they finance: proven not to work first, then not demonstrated, no evidence, contested, plausible, and demonstrated last; a line counts as its best instrument; within a verdict the strength of the evidence decides, then the larger line.',
    evidenceRankedCut: (verdict: EffectivenessRank, strength: EvidenceStrength, instruments: number) =>
      instruments === 0
        ? 'It finances no instrument the review names, so no evidence speaks for it.'
        : `Effectiveness of ${instruments === 1 ? 'the instrument it finances' : 'the best of the instruments it finances'}: ${RANK[verdict]}${strength === 'none' ? '' : ` (${STRENGTH[strength]})`}.`,
    unknownTarget: 'The target is unknown, so neither the saving nor the shortfall can be given.',
    shortfall: (cuttable: number, shortfall: number) =>
      `Lines that may be cut hold only ${euros(cuttable)}: ${euros(shortfall)} of the target cannot be found.`,
    noChapter: "The file holds no savings chapter of the review's own to set beside these variants.",
    chapter: (percent: number | null, base: number | null, year: number | null, author: string | null) =>
      `The review's own savings chapter${author ? ` (by ${author})` : ''}: ${percent === null ? 'an unknown percentage' : `${percent}%`} of ${base === null ? 'a base it does not give' : euros(base)}${year === null ? '' : ` (${year})`}.`,
    chapterNoOptions: "The file records none of the chapter's options: which options it describes, and what they save, is unknown here.",
    chapterTotalUnknown: (known: number, unknownParts: number) =>
      `Its options add up to ${known > 0 ? `at least ${euros(known)}` : 'an unknown amount'}: ${plural(unknownParts, 'option gives', 'options give')} no amount.`,
    optionAmountUnknown: 'The option gives no amount.',
    optionNoInstruments: 'It names no line or instrument, so polev cannot say what the evidence says of what it cuts.',
    optionVerdict: (ids: string, verdict: EffectivenessRank, strength: EvidenceStrength) =>
      `It affects ${ids}; the best of them: ${RANK[verdict]}${strength === 'none' ? '' : ` (${STRENGTH[strength]})`}.`,
  },

  // ---- recommendations (recommendations.ts) ---------------------------------------------------
  recommendations: {
    smart: 'Formulate the objectives SMART: give each an indicator, a baseline, a target value and a deadline, so that goal achievement can be determined.',
    smartReason: (count: number, total: number, ids: string) => `${plural(count, 'objective')} of ${total} lack a measurable target or a deadline (${ids}).`,
    domainEfficiency: (domain: string) =>
      `Make the efficiency of "${domain}" assessable: relate its expenditure to instruments and plan an evaluation that sets cost against effect.`,
    registerCost: 'Register expenditure (including staff time) per instrument, so that cost can be attributed and efficiency assessed.',
    registerCostReason: (count: number, total: number, instruments: CountBound, cost: CountBound) =>
      count === total
        ? `${total === 1 && instruments === 'exact' ? 'The instrument has' : `None of ${theCounted(total, instruments, 'instrument')} has`} an attributed cost${COST_LISTS[cost]}.`
        : `${count} of ${counted(total, instruments, 'instrument')} ${count === 1 ? 'has' : 'have'} no attributed cost${COST_LISTS[cost]}.`,
    registerCostNoLines: (total: number, instruments: CountBound) =>
      `The review data give no budget lines, so no cost can be attributed to any of ${theCounted(total, instruments, 'instrument')}.`,
    planEvaluations: 'Plan which instruments will be evaluated, and when, in an evaluation programme.',
    planEvaluationsReason: (count: number, total: number, instruments: CountBound) => `${count} of ${counted(total, instruments, 'instrument')} ${count === 1 ? 'is' : 'are'} not covered by any evaluation.`,
    planEvaluationsPartial: (count: number, total: number, instruments: CountBound) => `${count} of ${counted(total, instruments, 'instrument')} ${count === 1 ? 'is' : 'are'} not covered by any of the evaluations listed; the list of evaluations is partial, so some may be covered after all.`,
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
