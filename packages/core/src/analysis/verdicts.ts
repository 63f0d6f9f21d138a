import type { Finding, Objective } from '../model/review.js';
import { aspectEvidence, strengthRank } from './evidence.js';
import type { Messages } from './messages/index.js';
import { listIds, sortIds } from './ids.js';
import type { Marks } from './marks.js';
import { sum } from './numbers.js';
import type { InstrumentNode, ReviewIndex } from './review-index.js';
import type {
  EffectivenessValue,
  InstrumentCost,
  InstrumentEvidence,
  RealisationSummary,
  RealisationValue,
  ScopeRef,
  SmartCheck,
  SteppedVerdicts,
  GoalAchievementValue,
} from './types.js';

export interface ScopeInput {
  scope: ScopeRef;
  /** The objectives whose goal achievement the scope answers for. */
  objectives: readonly Objective[];
  instruments: readonly InstrumentNode[];
  /** ids whose own findings count for the scope (the objective and its descendants, the domain). */
  ownIds: readonly string[];
  realisation: RealisationSummary;
}

/** Per-instrument results are arrays by node index, computed once for all scopes. */
export interface VerdictContext {
  ix: ReviewIndex;
  cost: readonly InstrumentCost[];
  smart: Map<string, SmartCheck>;
  instrumentEffectiveness: readonly EffectivenessValue[];
  /** What every scope asks of each instrument, as bits by node index (see `instrumentFlags`). */
  flags: Uint8Array;
  /** Two sets of marks over the findings, for the passes of one verdict. */
  marks: [Marks, Marks];
  /** The message catalogue of the analysis language. */
  M: Messages;
}

const EFFECT_EVALUATION = 1;
const COSTED = 2;
const PROGRAMME_LINES = 4;
const EFFECTIVENESS_FINDINGS = 8;
const EFFICIENCY_FINDINGS = 16;

/**
 * Per instrument, the facts the scope verdicts read for every instrument of every scope (the
 * article and each domain meet them all), packed in one byte: read through the evidence and cost
 * objects, each cost a cache miss.
 */
export function instrumentFlags(nodes: readonly InstrumentNode[], evidence: readonly InstrumentEvidence[], cost: readonly InstrumentCost[]): Uint8Array {
  const flags = new Uint8Array(nodes.length);
  for (let index = 0; index < nodes.length; index++) {
    const { findings } = nodes[index]!;
    let bits = 0;
    if (evidence[index]!.aspects.effectiveness.strength === 'effect') bits |= EFFECT_EVALUATION;
    if (cost[index]!.status === 'amount') bits |= COSTED;
    if (cost[index]!.lines.length) bits |= PROGRAMME_LINES;
    for (let j = 0; j < findings.length; j++) {
      const { aspect } = findings[j]!;
      if (aspect === 'effectiveness') bits |= EFFECTIVENESS_FINDINGS;
      else if (aspect === 'efficiency') bits |= EFFICIENCY_FINDINGS;
    }
    flags[index] = bits;
  }
  return flags;
}

const judged = (f: Finding) => f.verdict === 'positive' || f.verdict === 'partly' || f.verdict === 'negative';

/**
 * Effectiveness from a body of findings (those on other aspects are passed over): the strongest
 * evidence that judges (plausibility or stronger) decides; at that strength, negative findings win
 * unless positive ones outnumber them, so that a single favourable study cannot outweigh equally
 * strong unfavourable ones.
 */
export function effectivenessOf(findings: readonly Finding[]): EffectivenessValue {
  const floor = strengthRank('plausibility');
  let top = -1;
  let positive = 0;
  let negative = 0;
  for (let j = 0; j < findings.length; j++) {
    const f = findings[j]!;
    if (f.aspect !== 'effectiveness' || !judged(f)) continue;
    const r = strengthRank(f.strength);
    if (r < floor || r < top) continue;
    if (r > top) {
      top = r;
      positive = 0;
      negative = 0;
    }
    if (f.verdict === 'negative') negative++;
    else positive++;
  }
  if (top < 0) return 'not-determinable';
  if (negative >= positive) return 'negative';
  return top === strengthRank('effect') ? 'demonstrated' : 'plausible';
}

/** The stepped approach of the RPE (section 6.1 of the NCTV review) for one scope. */
export function steppedVerdicts(ctx: VerdictContext, input: ScopeInput): SteppedVerdicts {
  return {
    scope: input.scope,
    goalAchievement: goalAchievement(ctx, input),
    realisation: realisation(ctx, input),
    effectiveness: effectiveness(ctx, input),
    efficiency: efficiency(ctx, input),
  };
}

function goalAchievement({ ix, smart, M }: VerdictContext, { objectives }: ScopeInput): SteppedVerdicts['goalAchievement'] {
  if (objectives.length === 0) {
    return { value: 'not-determinable', reasons: [M.goal.noObjectives], evidence: [] };
  }
  const notMeasurable: string[] = [];
  const noInformation: string[] = [];
  const determinable: string[] = [];
  const evidence = new Set<string>();
  for (const o of objectives) {
    const measurable = smart.get(o.id)?.criteria.measurable.result === 'pass';
    const info = [
      ...(ix.findingsAbout.get(o.id) ?? []).filter((f) => f.aspect === 'goal-achievement' && judged(f)).map((f) => f.id),
      ...(ix.indicatorsAbout.get(o.id) ?? []),
    ];
    info.forEach((id) => evidence.add(id));
    if (!measurable) notMeasurable.push(o.id);
    if (info.length === 0) noInformation.push(o.id);
    if (measurable && info.length > 0) determinable.push(o.id);
  }
  const reasons: string[] = [];
  if (notMeasurable.length) reasons.push(M.goal.notMeasurable(notMeasurable.length, objectives.length, listIds(notMeasurable, M)));
  if (noInformation.length) reasons.push(M.goal.noInformation(noInformation.length, objectives.length, listIds(noInformation, M)));
  if (determinable.length) reasons.push(M.goal.determinable(listIds(determinable, M)));
  const value: GoalAchievementValue =
    determinable.length === objectives.length ? 'determinable' : determinable.length > 0 ? 'partly-determinable' : 'not-determinable';
  return { value, reasons, evidence: sortIds([...notMeasurable, ...noInformation, ...evidence]) };
}

function realisation({ ix, cost, flags, M }: VerdictContext, { instruments, realisation: r }: ScopeInput): SteppedVerdicts['realisation'] {
  const lines = new Set<string>();
  for (let k = 0; k < instruments.length; k++) {
    const { index } = instruments[k]!;
    if (flags[index]! & PROGRAMME_LINES) for (const id of cost[index]!.lines) lines.add(id);
  }
  const total = r.realised.total;
  if (total === 0) {
    return { value: 'no-instruments', money: sum([]), reasons: [M.realisation.noInstruments], evidence: [] };
  }
  const b = r.byStatus;
  const category = (realised: number, deployed: number): RealisationValue =>
    realised === total ? 'realised' : realised * 2 > total ? 'mostly-realised' : deployed > 0 ? 'partly-realised' : 'not-realised';
  // An unknown status is not counted as not realised: the verdict is what the known statuses
  // guarantee, and it is unknown when as many statuses are unknown as known.
  const worst = category(b.realised, r.deployed.count);
  const best = category(b.realised + b.unknown, r.deployed.count + b.unknown);
  const value: RealisationValue = worst === best ? worst : b.unknown * 2 >= total ? 'unknown' : worst;
  const reasons = [M.realisation.counts(b.realised, total, b.partly, b.ongoing, b.pilot, b['not-realised'], b.unknown)];
  if (value === 'unknown') reasons.push(M.realisation.undecided(b.unknown, worst, best));
  else if (worst !== best) reasons.push(M.realisation.atLeast(b.unknown, worst, best));
  if (r.realisedAfterPeriod.length) reasons.push(M.realisation.afterPeriod(r.realisedAfterPeriod.length, listIds(r.realisedAfterPeriod, M)));
  const lineIds = sortIds(lines);
  const linkedMoney = sum(lineIds.flatMap((id) => ix.lines.get(id)?.expenditures.map((e) => e.amount) ?? []));
  if (lineIds.length === 0) reasons.push(M.realisation.noMoney);
  else if (linkedMoney.amount === null) reasons.push(M.realisation.moneyPartlyUnknown(listIds(lineIds, M), lineIds.length, linkedMoney.known, linkedMoney.unknownParts));
  else reasons.push(M.realisation.money(listIds(lineIds, M), lineIds.length, linkedMoney.known));
  return { value, money: linkedMoney, reasons, evidence: sortIds([...r.instruments, ...lineIds]) };
}

function effectiveness({ ix, flags, instrumentEffectiveness, marks: [all, used], M }: VerdictContext, { scope, instruments, ownIds }: ScopeInput): SteppedVerdicts['effectiveness'] {
  const counts: Record<EffectivenessValue, number> = { demonstrated: 0, plausible: 0, 'not-determinable': 0, negative: 0 };
  const byValue: Record<EffectivenessValue, string[]> = { demonstrated: [], plausible: [], 'not-determinable': [], negative: [] };
  // The scope is judged on all its evidence together, not on its best instrument; the evidence
  // cited is that of instruments with a judgement and the scope's own judging findings.
  const findings: Finding[] = [];
  const cited: string[] = [];
  all.reset();
  used.reset();
  let noEffect = true;
  for (let k = 0; k < instruments.length; k++) {
    const i = instruments[k]!;
    const v = instrumentEffectiveness[i.index]!;
    counts[v]++;
    byValue[v].push(i.instrument.id);
    const bits = flags[i.index]!;
    if (bits & EFFECT_EVALUATION) noEffect = false;
    if (!(bits & EFFECTIVENESS_FINDINGS)) continue;
    for (let j = 0; j < i.findings.length; j++) {
      const f = i.findings[j]!;
      if (f.aspect !== 'effectiveness') continue;
      const ordinal = i.findingOrdinals[j]!;
      if (all.add(ordinal)) findings.push(f);
      if (v !== 'not-determinable' && used.add(ordinal)) cited.push(f.id);
    }
  }
  const own = ownIds.flatMap((id) => (ix.findingsAbout.get(id) ?? []).filter((f) => f.aspect === 'effectiveness'));
  const ownValue = effectivenessOf(own);
  for (const f of own) {
    const ordinal = ix.findingOrdinal.get(f)!;
    if (all.add(ordinal)) findings.push(f);
    if (judged(f) && used.add(ordinal)) cited.push(f.id);
  }
  const value = effectivenessOf(findings);
  const total = instruments.length;
  const reasons: string[] = [];
  if (total > 0) reasons.push(M.effectiveness.counts(total, counts.demonstrated, counts.plausible, counts.negative, counts['not-determinable']));
  if (byValue.demonstrated.length) reasons.push(M.effectiveness.demonstrated(listIds(byValue.demonstrated, M)));
  if (byValue.plausible.length) reasons.push(M.effectiveness.plausible(listIds(byValue.plausible, M)));
  if (byValue.negative.length) reasons.push(M.effectiveness.negative(listIds(byValue.negative, M)));
  if (own.length) reasons.push(M.effectiveness.own(scope.kind, ownValue, listIds(own.map((f) => f.id), M)));
  if (value === 'not-determinable') reasons.push(M.effectiveness.noFinding);
  if (value !== 'demonstrated' && total > 0 && noEffect) reasons.push(M.effectiveness.noEffectEvaluation);
  return { value, counts, reasons, evidence: sortIds(cited) };
}

function efficiency({ ix, flags, instrumentEffectiveness, marks: [seen], M }: VerdictContext, { instruments, ownIds }: ScopeInput): SteppedVerdicts['efficiency'] {
  // One pass over the scope: this runs for every objective, domain and the article.
  const unique: Finding[] = [];
  seen.reset();
  for (const id of ownIds) for (const f of ix.findingsAbout.get(id) ?? []) if (f.aspect === 'efficiency' && seen.add(ix.findingOrdinal.get(f)!)) unique.push(f);
  const withoutCost: string[] = [];
  const withBoth: string[] = [];
  let effective = 0;
  for (let k = 0; k < instruments.length; k++) {
    const i = instruments[k]!;
    const bits = flags[i.index]!;
    if (bits & EFFICIENCY_FINDINGS) {
      for (let j = 0; j < i.findings.length; j++) if (i.findings[j]!.aspect === 'efficiency' && seen.add(i.findingOrdinals[j]!)) unique.push(i.findings[j]!);
    }
    const costed = (bits & COSTED) !== 0;
    if (!costed) withoutCost.push(i.instrument.id);
    const v = instrumentEffectiveness[i.index];
    if (v === 'demonstrated' || v === 'plausible') {
      effective++;
      if (costed) withBoth.push(i.instrument.id);
    }
  }
  const judgedFindings = unique.filter((f) => judged(f) && ix.isEvaluationFinding(f));

  if (judgedFindings.length > 0) {
    const best = aspectEvidence(judgedFindings);
    return {
      value: 'determinable',
      verdict: best.verdict,
      reasons: [M.efficiency.stated(judgedFindings.length, listIds(judgedFindings.map((f) => f.id), M), best.strength, best.verdict)],
      evidence: sortIds([...best.findings, ...best.sources]),
    };
  }
  const reasons: string[] = [];
  const total = instruments.length;
  if (total === 0) reasons.push(M.efficiency.noInstruments);
  else if (withoutCost.length) reasons.push(M.efficiency.withoutCost(withoutCost.length, total));
  reasons.push(unique.length ? M.efficiency.noJudgement(listIds(unique.map((f) => f.id), M)) : M.efficiency.noEvaluation);
  if (total > 0 && effective === 0) reasons.push(M.efficiency.noEffect);
  else if (total > 0 && withBoth.length === 0) reasons.push(M.efficiency.noCostAndEffect);
  else if (withBoth.length) reasons.push(M.efficiency.notRelated(listIds(withBoth, M)));
  return { value: 'not-determinable', verdict: null, reasons, evidence: sortIds([...withoutCost, ...unique.map((f) => f.id)]) };
}
