import type { Finding, Instrument, Objective } from '../model/review.js';
import { aspectEvidence, describeStrength, strengthRank } from './evidence.js';
import { euros, listIds, plural, sortIds, sum } from './numbers.js';
import type { ReviewIndex } from './review-index.js';
import type {
  CostAttribution,
  EffectivenessValue,
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
  instruments: readonly Instrument[];
  /** ids whose own findings count for the scope (the objective and its descendants, the domain). */
  ownIds: readonly string[];
  realisation: RealisationSummary;
}

export interface VerdictContext {
  ix: ReviewIndex;
  evidence: Map<string, InstrumentEvidence>;
  cost: CostAttribution;
  smart: Map<string, SmartCheck>;
  /** Effectiveness per instrument, computed once for all scopes. */
  instrumentEffectiveness: Map<string, EffectivenessValue>;
}

const judged = (f: Finding) => f.verdict === 'positive' || f.verdict === 'partly' || f.verdict === 'negative';

/** Effectiveness of one body of findings, by the strongest judged finding. */
export function effectivenessOf(findings: readonly Finding[]): EffectivenessValue {
  const e = aspectEvidence(findings.filter(judged));
  if (e.verdict === null) return 'not-determinable';
  if (e.verdict === 'negative') return 'negative';
  if (e.strength === 'effect') return 'demonstrated';
  if (strengthRank(e.strength) >= strengthRank('plausibility')) return 'plausible';
  return 'not-determinable';
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

function goalAchievement({ ix, smart }: VerdictContext, { objectives }: ScopeInput): SteppedVerdicts['goalAchievement'] {
  if (objectives.length === 0) {
    return { value: 'not-determinable', reasons: ['There are no objectives in this scope.'], evidence: [] };
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
  if (notMeasurable.length) reasons.push(`${plural(notMeasurable.length, 'objective')} of ${objectives.length} ${notMeasurable.length === 1 ? 'has' : 'have'} no measurable target (${listIds(notMeasurable)}).`);
  if (noInformation.length) reasons.push(`For ${plural(noInformation.length, 'objective')} of ${objectives.length} there is no finding or indicator on how far it was reached (${listIds(noInformation)}).`);
  if (determinable.length) reasons.push(`Achievement can be judged for ${listIds(determinable)}: measurable, with information on the result.`);
  const value: GoalAchievementValue =
    determinable.length === objectives.length ? 'determinable' : determinable.length > 0 ? 'partly-determinable' : 'not-determinable';
  return { value, reasons, evidence: sortIds([...notMeasurable, ...noInformation, ...evidence]) };
}

function realisation({ ix, cost }: VerdictContext, { instruments, realisation: r }: ScopeInput): SteppedVerdicts['realisation'] {
  const lines = new Set(instruments.flatMap((i) => cost.instruments[i.id]?.lines ?? []));
  const total = r.realised.total;
  if (total === 0) {
    return { value: 'no-instruments', money: sum([]), reasons: ['No instruments are linked to this scope.'], evidence: [] };
  }
  const b = r.byStatus;
  const value: RealisationValue =
    b.unknown === total ? 'unknown' : b.realised === total ? 'realised' : b.realised * 2 > total ? 'mostly-realised' : r.deployed.count > 0 ? 'partly-realised' : 'not-realised';
  const parts = [
    `${b.realised} of ${total} instruments were realised in the period`,
    b.partly ? `${b.partly} partly` : '',
    b.ongoing ? `${b.ongoing} ongoing` : '',
    b.pilot ? `${b.pilot} only as a pilot` : '',
    b['not-realised'] ? `${b['not-realised']} not realised` : '',
    b.unknown ? `${b.unknown} with unknown status` : '',
  ].filter(Boolean);
  const reasons = [`${parts.join(', ')}.`];
  if (r.realisedAfterPeriod.length) reasons.push(`${plural(r.realisedAfterPeriod.length, 'instrument was', 'instruments were')} realised only after the period and are kept apart (${listIds(r.realisedAfterPeriod)}).`);
  const lineIds = sortIds(lines);
  const linkedMoney = sum(lineIds.flatMap((id) => ix.lines.get(id)?.expenditures.map((e) => e.amount) ?? []));
  if (lineIds.length === 0) reasons.push('No programme money is linked to any of these instruments.');
  else if (linkedMoney.amount === null) reasons.push(`Programme lines ${listIds(lineIds)} finance these instruments; ${linkedMoney.known > 0 ? `at least ${euros(linkedMoney.known)}, ` : ''}${plural(linkedMoney.unknownParts, 'amount is', 'amounts are')} not given.`);
  else reasons.push(`Programme lines ${listIds(lineIds)} finance these instruments: ${euros(linkedMoney.known)} over the period.`);
  return { value, money: linkedMoney, reasons, evidence: sortIds([...r.instruments, ...lineIds]) };
}

function effectiveness({ ix, evidence, instrumentEffectiveness }: VerdictContext, { instruments, ownIds }: ScopeInput): SteppedVerdicts['effectiveness'] {
  const counts: Record<EffectivenessValue, number> = { demonstrated: 0, plausible: 0, 'not-determinable': 0, negative: 0 };
  const byValue: Record<EffectivenessValue, string[]> = { demonstrated: [], plausible: [], 'not-determinable': [], negative: [] };
  const used = new Set<string>();
  for (const i of instruments) {
    const e = evidence.get(i.id)!.aspects.effectiveness;
    const v = instrumentEffectiveness.get(i.id)!;
    counts[v]++;
    byValue[v].push(i.id);
    if (v !== 'not-determinable') e.findings.forEach((f) => used.add(f));
  }
  const own = ownIds.flatMap((id) => (ix.findingsAbout.get(id) ?? []).filter((f) => f.aspect === 'effectiveness'));
  const ownValue = effectivenessOf(own);
  own.filter(judged).forEach((f) => used.add(f.id));

  const rank: EffectivenessValue[] = ['demonstrated', 'plausible', 'negative', 'not-determinable'];
  const value = rank.find((v) => byValue[v].length > 0 || ownValue === v) ?? 'not-determinable';
  const total = instruments.length;
  const reasons: string[] = [];
  if (total > 0) {
    const parts = rank.filter((v) => counts[v] > 0).map((v) => `${v.replace('-', ' ')} for ${counts[v]}`);
    reasons.push(`Of ${plural(total, 'instrument')}, effectiveness is ${parts.join(', ')}.`);
  }
  if (byValue.demonstrated.length) reasons.push(`An effect evaluation shows a contribution of ${listIds(byValue.demonstrated)}.`);
  if (byValue.plausible.length) reasons.push(`Without effect studies, indications make a contribution plausible for ${listIds(byValue.plausible)}.`);
  if (byValue.negative.length) reasons.push(`Evidence points to no or a negative contribution for ${listIds(byValue.negative)}.`);
  if (own.length) reasons.push(`Findings on the ${ownIds.length === 1 ? 'scope itself' : 'objectives themselves'} judge it ${ownValue.replace('-', ' ')} (${listIds(own.map((f) => f.id))}).`);
  if (value === 'not-determinable') reasons.push('No finding makes a statement about effectiveness that rests on an effect study or on indications of plausibility.');
  const noEffect = instruments.every((i) => evidence.get(i.id)!.aspects.effectiveness.strength !== 'effect');
  if (value !== 'demonstrated' && total > 0 && noEffect) reasons.push(`None of the instruments has ${describeStrength('effect')} of its effectiveness.`);
  return { value, counts, reasons, evidence: sortIds(used) };
}

function efficiency({ ix, cost, instrumentEffectiveness }: VerdictContext, { instruments, ownIds }: ScopeInput): SteppedVerdicts['efficiency'] {
  // One pass over the scope: this runs for every objective, domain and the article.
  const unique = new Map<string, Finding>();
  const collect = (id: string) => {
    for (const f of ix.findingsAbout.get(id) ?? []) if (f.aspect === 'efficiency') unique.set(f.id, f);
  };
  ownIds.forEach(collect);
  const withoutCost: string[] = [];
  const withBoth: string[] = [];
  let effective = 0;
  for (const i of instruments) {
    collect(i.id);
    const costed = cost.instruments[i.id]?.status === 'amount';
    if (!costed) withoutCost.push(i.id);
    const v = instrumentEffectiveness.get(i.id);
    if (v === 'demonstrated' || v === 'plausible') {
      effective++;
      if (costed) withBoth.push(i.id);
    }
  }
  const judgedFindings = [...unique.values()].filter((f) => judged(f) && ix.isEvaluationFinding(f));

  if (judgedFindings.length > 0) {
    const best = aspectEvidence(judgedFindings);
    return {
      value: 'determinable',
      verdict: best.verdict,
      reasons: [`${plural(judgedFindings.length, 'evaluation finding states', 'evaluation findings state')} efficiency (${listIds(judgedFindings.map((f) => f.id))}); the strongest rests on ${describeStrength(best.strength)} and is ${best.verdict}.`],
      evidence: sortIds([...best.findings, ...best.sources]),
    };
  }
  const reasons: string[] = [];
  const total = instruments.length;
  if (total === 0) reasons.push('There are no instruments whose cost and effect could be related.');
  else if (withoutCost.length) reasons.push(`${withoutCost.length} of ${plural(total, 'instrument')} ${withoutCost.length === 1 ? 'has' : 'have'} no attributed cost.`);
  reasons.push(unique.size ? `No evaluation states efficiency (findings ${listIds(unique.keys())} make no judgement).` : 'No evaluation states efficiency.');
  if (total > 0 && effective === 0) reasons.push('Effectiveness is neither demonstrated nor plausible for any instrument, so there is no effect to set the money against.');
  else if (total > 0 && withBoth.length === 0) reasons.push('No instrument has both a known cost and a finding on its effectiveness.');
  else if (withBoth.length) reasons.push(`Cost and an effectiveness finding exist for ${listIds(withBoth)}, but no evaluation relates the two.`);
  return { value: 'not-determinable', verdict: null, reasons, evidence: sortIds([...withoutCost, ...unique.keys()]) };
}
