import type { Finding } from '../../model/review.js';
import { listIds, sortIds } from '../ids.js';
import { statesAspect, weigh } from '../judgement.js';
import { strengthAt } from '../../model/strength.js';
import type { InstrumentNode } from '../review-index.js';
import type { EffectivenessValue, EfficiencyCondition, EfficiencyValue, InstrumentVerdicts, SteppedVerdicts } from '../types.js';
import { idsInOrder, listOrdered, type ScopeInput, type StepContext } from './context.js';
import { CONTRIBUTION_VALUES } from './effectiveness.js';
import { atLeastPlausible } from './plausibility.js';
import type { Reasons } from './reasons.js';
import { headlineAt, SpreadBuilder, type Candidate, type Fields } from './roll-up.js';

/**
 * Step 5, efficiency: does the money spent stand in reasonable proportion to the effect? It needs
 * both halves and a study that joins them. Efficiency is determinable only when
 *   (a) cost is attributed to the instruments concerned (programme money, or apparatus money —
 *       staff time — on a line linked to them, with a known amount);
 *   (b) their effectiveness is at least plausible (steps 3 and 4);
 *   (c) an evaluation relates cost to effect: a finding on efficiency, from an evaluation, that
 *       judges, with at least the minimum strength (default: a process evaluation).
 * Otherwise it is not determinable, the reasons name which of (a)–(c) is missing, and efficiency
 * findings that fall short are listed as indications, not verdicts.
 */

/** (a) for one instrument. */
export function costAttributed(ctx: Pick<StepContext, 'ix' | 'cost'>, node: InstrumentNode): boolean {
  if (ctx.cost[node.index]!.status === 'amount') return true;
  for (let j = 0; j < node.lines.length; j++) {
    const l = ctx.ix.lines.get(node.lines[j]!);
    if (l && l.kind === 'apparatus' && l.expenditures.some((e) => e.amount !== null)) return true;
  }
  return false;
}

/**
 * What efficiency reads of an instrument, as bits: (a) holds; it has a study relating cost to
 * effect (c); it has any efficiency finding. Its efficiency findings go to `ctx.efficiencyFindings`.
 */
export function efficiencyFacts(ctx: Pick<StepContext, 'ix' | 'cost' | 'efficiencyFindings'>, node: InstrumentNode): number {
  let bits = costAttributed(ctx, node) ? COSTED : 0;
  const { from, to, at, of } = ctx.efficiencyFindings;
  from[node.index] = at.length;
  for (let j = 0; j < node.findingOrdinals.length; j++) {
    const ordinal = node.findingOrdinals[j]!;
    const facts = of[ordinal]!;
    if (!(facts & ON_EFFICIENCY)) continue;
    bits |= facts;
    at.push(ordinal * 2 + (facts & STUDIED ? 1 : 0));
  }
  to[node.index] = at.length;
  return bits;
}

/**
 * Per finding ordinal, ON_EFFICIENCY for a finding on efficiency and STUDIED too when it relates
 * cost to effect strongly enough (c): read once, not from each instrument's findings (at 100k
 * instruments, reading the findings' objects was a third of `efficiencyFacts`).
 */
export function efficiencyOfFindings(ctx: Pick<StepContext, 'ix' | 'efficiencyMinimum'>): Uint8Array {
  const { findings } = ctx.ix.review;
  const of = new Uint8Array(findings.length);
  for (let k = 0; k < findings.length; k++) {
    const f = findings[k]!;
    if (f.aspect === 'efficiency') of[k] = ON_EFFICIENCY | (qualifies(ctx, f, k) ? STUDIED : 0);
  }
  return of;
}
export const COSTED = 1;
export const STUDIED = 2;
/** It has any finding on efficiency. */
export const ON_EFFICIENCY = 4;

/** (c): whether an efficiency finding (with its ordinal) relates cost to effect strongly enough. */
const qualifies = (ctx: Pick<StepContext, 'ix' | 'efficiencyMinimum'>, f: Finding, ordinal: number): boolean =>
  statesAspect(f, 'efficiency', ctx.ix.isEvaluationFinding(f)) && ctx.ix.findingRank[ordinal]! >= ctx.efficiencyMinimum;

/** (c): the efficiency findings that relate cost to effect strongly enough, in `findings`. */
function qualifying(ctx: StepContext, findings: readonly Finding[], ordinals: readonly number[]): Finding[] {
  const out: Finding[] = [];
  for (let j = 0; j < findings.length; j++) if (qualifies(ctx, findings[j]!, ordinals[j]!)) out.push(findings[j]!);
  return out;
}

const EMPTY = Object.freeze([]) as unknown as string[];
const NOT_APPLICABLE_MISSING = EMPTY as EfficiencyCondition[];

/**
 * Per combination of missing conditions (bit 1 cost, 2 effect, 4 study), the list of them and the
 * record of which hold, each made once and shared (frozen) by every instrument and scope (27k
 * lists and 10k records fewer at 100k instruments).
 */
const MISSING: readonly EfficiencyCondition[][] = Array.from({ length: 8 }, (_, bits) =>
  Object.freeze((['cost', 'effect', 'study'] as const).filter((_c, k) => bits & (1 << k))) as EfficiencyCondition[],
);
const CONDITIONS: readonly Record<EfficiencyCondition, boolean>[] = Array.from({ length: 8 }, (_, bits) => Object.freeze({ cost: !(bits & 1), effect: !(bits & 2), study: !(bits & 4) }));

/** Step 5 for one instrument. */
export function instrumentEfficiency(ctx: StepContext, node: InstrumentNode, contribution: InstrumentVerdicts['contribution']): InstrumentVerdicts['efficiency'] {
  const { M } = ctx;
  if (contribution.value === 'not-applicable') {
    return { value: 'not-applicable', verdict: null, missing: NOT_APPLICABLE_MISSING, indications: EMPTY, reasons: ctx.gates.notDeployed(node.instrument.realisation.status), evidence: ctx.ix.idList(node) };
  }
  const facts = ctx.efficiency[node.index]!;
  const cost = (facts & COSTED) !== 0;
  const effect = atLeastPlausible(contribution.value);
  if (!cost && !effect && !(facts & ON_EFFICIENCY)) return ctx.noEfficiency;
  // Its efficiency findings as `efficiencyFacts` put them in the table, not from its findings' objects.
  const { from, to, at } = ctx.efficiencyFindings;
  const study: Finding[] = [];
  for (let j = from[node.index]!; j < to[node.index]!; j++) if (at[j]! & 1) study.push(ctx.ix.review.findings[at[j]! >> 1]!);
  const lacking = (cost ? 0 : 1) | (effect ? 0 : 2) | (study.length ? 0 : 4);
  const missing = MISSING[lacking]!;
  if (missing.length === 0) {
    const w = weigh(study, (f) => ctx.ix.findingRank[ctx.ix.findingOrdinal.get(f)!]!);
    const ids = w.decisive.map((f) => f.id);
    return {
      value: 'determinable',
      verdict: w.value,
      missing,
      indications: [],
      reasons: [M.efficiency.determinable(w.value, strengthAt(w.rank), listIds(ids, M))],
      evidence: sortIds([node.instrument.id, ...ids, ...contribution.evidence]),
    };
  }
  const evidence = ctx.ix.idList(node);
  if (from[node.index] === to[node.index]) return { value: 'not-determinable', verdict: null, missing, indications: EMPTY, reasons: sharedMissingReasons(ctx, lacking, contribution.value), evidence };
  const reasons = missingReasons(ctx, ctx.reasons.begin(), lacking, contribution.value, null, 0);
  const indications: string[] = [];
  for (let j = from[node.index]!; j < to[node.index]!; j++) indications.push(ctx.findingIds[at[j]! >> 1]!);
  reasons.add(M.efficiency.indications(listIds(indications, M)));
  return { value: 'not-determinable', verdict: null, missing, indications: sortIds(indications), reasons: reasons.list(), evidence };
}

/**
 * The reasons of an instrument's "not determinable" without indications depend only on what is
 * missing and on its contribution: one frozen list per pair, shared (6k lists fewer at 100k).
 */
function sharedMissingReasons(ctx: StepContext, lacking: number, effect: InstrumentVerdicts['contribution']['value']): string[] {
  const key = lacking * 16 + CONTRIBUTION_VALUES.indexOf(effect);
  let reasons = ctx.missingReasons.get(key);
  if (!reasons) ctx.missingReasons.set(key, (reasons = Object.freeze(missingReasons(ctx, ctx.reasons.begin(), lacking, effect, null, 0).list()) as string[]));
  return reasons;
}

/**
 * The reasons naming what is missing (`lacking`: the bits of `MISSING`), for an effect of value
 * `effect`; `costed` counts the `of` deployed instruments of a scope that have a cost, null for an
 * instrument.
 */
function missingReasons(
  { M, lists, efficiencyMinimum }: StepContext,
  reasons: Reasons,
  lacking: number,
  effect: EffectivenessValue,
  costed: number | null,
  of: number,
): Reasons {
  // In the order of `MISSING`'s lists: cost, effect, study.
  if (lacking & 1) {
    // A scope without instruments has said so; a count of those with a cost over none adds nothing.
    if (costed === null) reasons.add(M.efficiency.missingCost);
    else if (of !== 0) reasons.addShared('cost', costed, of, () => M.efficiency.missingCostOf(costed, of, lists.instruments, lists.cost));
  }
  if (lacking & 2) reasons.addShared('effect', CONTRIBUTION_VALUES.indexOf(effect), 0, () => M.efficiency.missingEffect(effect));
  if (lacking & 4) reasons.addShared('study', efficiencyMinimum, 0, () => M.efficiency.missingStudy(strengthAt(efficiencyMinimum)));
  return reasons;
}

/** The values of efficiency, in the order spreads list them; `StepContext.tally` holds their places. */
export const EFFICIENCY_VALUES: readonly EfficiencyValue[] = ['determinable', 'not-determinable', 'not-applicable'];
const VALUES = EFFICIENCY_VALUES;

/** A record of this step's values (roll-up.ts `Fields`). */
const fields: Fields<EfficiencyValue> = (at) => ({ determinable: at[0]!, 'not-determinable': at[1]!, 'not-applicable': at[2]! });
/** The one candidate of a scope's efficiency spread: enough instruments with all three conditions. */
const JOINED: readonly Candidate<EfficiencyValue>[] = [{ value: 'determinable', members: ['determinable'] }];
/** The spread builder of this step, begun anew for each scope (roll-up.ts). */
const SPREADS = new SpreadBuilder(VALUES, 'not-applicable', fields, JOINED);
/** Step 5 for a scope: (a)–(c) for the scope as a whole, by its instruments or by a study of the scope itself. */
export function scopeEfficiency(ctx: StepContext, input: ScopeInput, effectiveness: SteppedVerdicts['effectiveness']): SteppedVerdicts['efficiency'] {
  const { ix, M, threshold } = ctx;
  const { instruments, ownIds } = input;
  const b = SPREADS.begin();
  let costed = 0;
  let studiedInstruments = 0;
  const indications: string[] = [];
  const studied: Finding[] = [];
  const [seen] = ctx.marks;
  seen.reset();
  const { contribution, efficiency, money } = ctx.tally;
  const { from, to, at } = ctx.efficiencyFindings;
  for (let k = 0; k < instruments.length; k++) {
    const { index } = instruments[k]!;
    const value = VALUES[efficiency[index]!]!;
    b.addAt(efficiency[index]!, money[index]!);
    if (value === 'not-applicable') continue;
    const facts = ctx.efficiency[index]!;
    if (facts & COSTED) costed++;
    if (facts & STUDIED) studiedInstruments++;
    // The findings from the table, not from each node and finding: at 100k instruments step 5 of
    // the 10k objectives takes 0.82x the time (median of 13, both ways in one process).
    for (let j = from[index]!; j < to[index]!; j++) {
      const ordinal = at[j]! >> 1;
      if (!seen.add(ordinal)) continue;
      if (value === 'determinable' && at[j]! & 1) studied.push(ix.review.findings[ordinal]!);
      else indications.push(ctx.findingIds[ordinal]!);
    }
  }
  const spread = b.spread();
  const own: Finding[] = [];
  const ownOrdinals: number[] = [];
  for (const id of ownIds) {
    const on = ix.findingsOn('efficiency', id);
    for (let j = 0; j < on.length; j++) {
      const k = on[j]!;
      if (seen.add(k)) {
        own.push(ix.review.findings[k]!);
        ownOrdinals.push(k);
      }
    }
  }
  const ownStudies = qualifying(ctx, own, ownOrdinals);
  for (const f of own) if (!ownStudies.includes(f)) indications.push(f.id);

  const applicable = spread.applicable;
  const cost = applicable > 0 && costed >= threshold * applicable - 1e-9;
  const effect = effectiveness.value === 'demonstrated' || effectiveness.value === 'plausible';
  let study = (applicable > 0 && studiedInstruments >= threshold * applicable - 1e-9) || ownStudies.length > 0;
  // The halves must meet: enough instruments with all three, or a study of the scope itself.
  const joined = b.headline(threshold) === 'determinable' || ownStudies.length > 0;
  if (cost && effect && study && !joined) study = false;
  const lacking = (cost ? 0 : 1) | (effect ? 0 : 2) | (study ? 0 : 4);
  const conditions = CONDITIONS[lacking]!;
  const missing = MISSING[lacking]!;
  const headline = headlineAt(threshold, lacking === 0);
  const reasons = ctx.reasons.begin();
  if (spread.total === 0) {
    reasons.add(M.efficiency.noInstruments);
  } else if (applicable === 0) {
    return { value: 'not-applicable', verdict: null, spread, headline, conditions, missing, indications: sortIds(indications), reasons: [M.efficiency.noneDeployed], evidence: EMPTY };
  } else {
    const determinable = spread.counts.determinable;
    reasons.addShared('efficiency', determinable, applicable, () => M.efficiency.spread(determinable, applicable, ctx.lists.instruments));
  }
  if (missing.length === 0) {
    const body = [...studied, ...ownStudies];
    const w = weigh(body, (f) => ix.findingRank[ix.findingOrdinal.get(f)!]!);
    const ids = w.decisive.map((f) => f.id);
    reasons.add(M.efficiency.determinable(w.value, strengthAt(w.rank), listIds(ids, M)));
    return { value: 'determinable', verdict: w.value, spread, headline, conditions, missing, indications: sortIds(indications), reasons: reasons.list(), evidence: sortIds([...ids, ...effectiveness.evidence]) };
  }
  missingReasons(ctx, reasons, lacking, effectiveness.value, costed, applicable);
  // Without a verdict, every efficiency finding is an indication, studies included.
  for (const f of [...studied, ...ownStudies]) indications.push(f.id);
  const indicated = sortIds(indications);
  if (indicated.length) reasons.add(M.efficiency.indications(listOrdered(indicated, M)));
  // The evidence of "not determinable": the deployed instruments that lack the first missing half.
  const evidence: number[] = [];
  const lacks = lacking & 1 ? (index: number) => !(ctx.efficiency[index]! & COSTED) : lacking & 2 ? (index: number) => !atLeastPlausible(CONTRIBUTION_VALUES[contribution[index]!]!) : null;
  if (lacks) {
    for (let k = 0; k < instruments.length; k++) {
      const { index } = instruments[k]!;
      if (VALUES[efficiency[index]!] !== 'not-applicable' && lacks(index)) evidence.push(index);
    }
  }
  return { value: 'not-determinable', verdict: null, spread, headline, conditions, missing, indications: indicated, reasons: reasons.list(), evidence: idsInOrder(ctx, evidence) };
}

