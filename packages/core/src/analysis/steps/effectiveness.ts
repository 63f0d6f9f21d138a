import type { Finding } from '../../model/review.js';
import { listIds, sortIds } from '../ids.js';
import { weigh, type Weighing } from '../judgement.js';
import { strengthRank } from '../../model/strength.js';
import type { AspectEvidence, EffectivenessValue, EffectStudyValue, InstrumentCost, InstrumentVerdicts, SteppedVerdicts } from '../types.js';
import type { InstrumentNode, ReviewIndex } from '../review-index.js';
import { listMembers, listOrdered, type ScopeInput, type StepContext } from './context.js';
import { headlineAt, SpreadBuilder, type Candidate, type Fields } from './roll-up.js';

/**
 * Step 3, effectiveness: do effect studies show that the instrument demonstrably contributed?
 * Only evidence of effect strength (a design with a comparison, SMS 3 and up) can answer it.
 *
 * Together with step 4 (plausibility.ts) it gives the instrument's contribution, the value the
 * roll-ups, the savings ranking and the report use: the strongest judging evidence on
 * effectiveness decides (judgement.ts), and
 * - favourable at effect strength: demonstrated; favourable below it, from plausibility up: plausible;
 * - favourable and unfavourable at the same top strength: mixed;
 * - negative: negative; a null result (no-effect): not demonstrated, and it outweighs every
 *   weaker positive indication about the instrument;
 * - nothing judging at plausibility or above: not determinable;
 * - not deployed in the period (realisation-gate.ts): not applicable.
 */
const EFFECT = strengthRank('effect');
const PLAUSIBILITY = strengthRank('plausibility');

/** The contribution of a deployed instrument from its weighed effectiveness evidence. */
export function contributionValue(e: AspectEvidence, deployed: boolean): EffectivenessValue {
  if (!deployed) return 'not-applicable';
  const rank = strengthRank(e.strength);
  if (e.verdict === null || e.verdict === 'none' || rank < PLAUSIBILITY) return 'not-determinable';
  switch (e.verdict) {
    case 'positive':
    case 'partly':
      return rank >= EFFECT ? 'demonstrated' : 'plausible';
    case 'mixed':
      return 'mixed';
    case 'negative':
      return 'negative';
    case 'no-effect':
      return 'not-demonstrated';
  }
}

/** Step 3's own value: what effect studies show, or that there is none. */
export function effectStudyValue(contribution: EffectivenessValue, e: AspectEvidence): EffectStudyValue {
  if (contribution === 'not-applicable') return 'not-applicable';
  if (strengthRank(e.strength) < EFFECT) return 'no-effect-study';
  return contribution === 'demonstrated' || contribution === 'mixed' || contribution === 'negative' || contribution === 'not-demonstrated' ? contribution : 'no-effect-study';
}

/**
 * The order of contribution values from the least to the most favourable, for ranking (savings)
 * and for checking that more favourable evidence never lowers a verdict. Not applicable is
 * outside the order (-1).
 */
export function contributionRank(v: EffectivenessValue): number {
  switch (v) {
    case 'not-applicable':
      return -1;
    case 'negative':
      return 0;
    case 'not-demonstrated':
      return 1;
    case 'not-determinable':
    case 'mixed':
      return 2;
    case 'plausible':
      return 3;
    case 'demonstrated':
      return 4;
  }
}

/** The reasons of an instrument's contribution and of its step 3. */
export function contributionOf(ctx: StepContext, node: InstrumentNode, deployed: boolean): { contribution: InstrumentVerdicts['contribution']; effectiveness: InstrumentVerdicts['effectiveness'] } {
  const { M, ix } = ctx;
  const status = node.instrument.realisation.status;
  if (!deployed) {
    const reasons = ctx.gates.notDeployed(status);
    const evidence = ix.idList(node);
    return { contribution: { value: 'not-applicable', strength: null, reasons, evidence }, effectiveness: { value: 'not-applicable', reasons, evidence } };
  }
  // Its evidence (its findings on effectiveness, weighed) is read only for an instrument deployed
  // and with such findings, known from the table: most instruments are not both.
  const { effectivenessFindings: of, findingIds } = ctx;
  let first = 0;
  while (first < node.findingOrdinals.length && !(of[node.findingOrdinals[first]!]! & ON_EFFECTIVENESS)) first++;
  if (first === node.findingOrdinals.length) return ctx.noEvidence;
  const e = ctx.evidence[node.index]!.aspects.effectiveness;
  const value = contributionValue(e, deployed);
  const step3 = effectStudyValue(value, e);
  const said = ctx.reasons.begin();
  // The evidence's lists are in natural order already (evidence.ts).
  const ids = listOrdered(e.decisive, M);
  const strength = e.strength;
  switch (value) {
    case 'demonstrated':
      said.add(M.contribution.demonstrated(ids));
      break;
    case 'plausible':
      said.add(M.contribution.plausible(strength, ids));
      break;
    case 'mixed':
      said.add(M.contribution.mixed(strength, ids));
      break;
    case 'negative':
      said.add(M.contribution.negative(strength, ids));
      break;
    case 'not-demonstrated':
      said.add(M.contribution.nullResult(strength, ids));
      break;
    case 'not-determinable':
      said.add(e.decisive.length ? M.contribution.tooWeak(strength, ids) : M.contribution.noJudgement(listOrdered(e.findings, M)));
      break;
  }
  // What the weighing passed over, and what the caps lowered: said, so nothing is silently ignored.
  const { decisive } = e;
  const outweighed: string[] = [];
  const capped: number[] = [];
  for (let j = 0; j < node.findingOrdinals.length; j++) {
    const ordinal = node.findingOrdinals[j]!;
    const facts = of[ordinal]!;
    if (!(facts & ON_EFFECTIVENESS)) continue;
    if (facts & JUDGES && !decisive.includes(findingIds[ordinal]!)) outweighed.push(findingIds[ordinal]!);
    if (facts & CAPPED) capped.push(ordinal);
  }
  if (outweighed.length && e.decisive.length) said.add(M.contribution.outweighed(listIds(outweighed, M)));
  for (const ordinal of capped) {
    const s = ix.findingStrength[ordinal]!;
    said.add(M.contribution.capped(findingIds[ordinal]!, s.design ? s.design : null, s.design ? null : s.declared, s.strength));
  }
  if (status === 'pilot') said.add(M.gate.pilot);
  else if (status === 'unknown') said.add(M.gate.unknown);
  const reasons = said.list();
  const evidence = value === 'not-determinable' ? [] : sortIds([...e.decisive, ...sourcesOf(node, decisive)]);
  return {
    contribution: { value, strength: value === 'not-determinable' ? null : strength, reasons, evidence },
    effectiveness: step3 === 'no-effect-study' ? ctx.noEvidence.effectiveness : { value: step3, reasons, evidence },
  };
}

/**
 * Per finding ordinal, what `contributionOf` reads of it: ON_EFFECTIVENESS for a finding on
 * effectiveness, with JUDGES when it judges (not inconclusive or not assessed) and CAPPED when its
 * strength was capped. Read once, in the findings' order, not from each instrument's findings
 * scattered over the heap: at 100k instruments, reading a finding's aspect there was a third of
 * contributionOf (CPU profile); instrumentVerdicts takes 0.75-0.9x the time with this, the table
 * for step 5 and the not-deployed ones' evidence left unread (in-process A/B, loaded machine).
 */
export function effectivenessOfFindings(ix: ReviewIndex): Uint8Array {
  const { findings } = ix.review;
  const of = new Uint8Array(findings.length);
  for (let k = 0; k < findings.length; k++) {
    const f = findings[k]!;
    if (f.aspect !== 'effectiveness') continue;
    of[k] = ON_EFFECTIVENESS | (f.verdict !== 'inconclusive' && f.verdict !== 'not-assessed' ? JUDGES : 0) | (ix.findingStrength[k]!.capped ? CAPPED : 0);
  }
  return of;
}
const ON_EFFECTIVENESS = 1;
const JUDGES = 2;
const CAPPED = 4;

function sourcesOf(node: InstrumentNode, ids: readonly string[]): string[] {
  const out: string[] = [];
  for (const f of node.findings) if (ids.includes(f.id)) for (const s of f.sources) out.push(s.source);
  return out;
}

/** The values of a contribution, in the order spreads list them; `StepContext.tally` holds their places. */
export const CONTRIBUTION_VALUES: readonly EffectivenessValue[] = ['demonstrated', 'plausible', 'mixed', 'not-demonstrated', 'negative', 'not-determinable', 'not-applicable'];
const VALUES = CONTRIBUTION_VALUES;
/** A record of this step's values (roll-up.ts `Fields`). */
const fields: Fields<EffectivenessValue> = (at) => ({
  demonstrated: at[0]!,
  plausible: at[1]!,
  mixed: at[2]!,
  'not-demonstrated': at[3]!,
  negative: at[4]!,
  'not-determinable': at[5]!,
  'not-applicable': at[6]!,
});
/** Headline candidates, the strongest claim first; each holds for the members that make at least that claim. */
const CANDIDATES: readonly Candidate<EffectivenessValue>[] = [
  { value: 'demonstrated', members: ['demonstrated'] },
  { value: 'plausible', members: ['demonstrated', 'plausible'] },
  { value: 'negative', members: ['negative'] },
  { value: 'not-demonstrated', members: ['negative', 'not-demonstrated'] },
  { value: 'mixed', members: ['demonstrated', 'plausible', 'mixed', 'negative', 'not-demonstrated'] },
];
/** The members that support each headline. */
const SUPPORTERS = new Map(CANDIDATES.map((c) => [c.value, c.members]));
/** The values whose instruments the reasons name, in this order. */
const LISTED = ['demonstrated', 'plausible', 'mixed', 'not-demonstrated', 'negative'] as const;
const FAVOURABLE = new Set<EffectivenessValue>(['demonstrated', 'plausible']);
const UNFAVOURABLE = new Set<EffectivenessValue>(['negative', 'not-demonstrated']);

/** Knowable attributed money of an instrument, or null. */
export const moneyOf = (c: InstrumentCost): number | null => (c.status === 'amount' && c.amount ? c.amount.known : null);

const NONE = Object.freeze([]) as unknown as never[];
/** What weighing no findings gives. */
const NOTHING_OWN: Weighing = Object.freeze({ value: 'none', rank: -1, decisive: NONE, outweighed: NONE });
/** The weighing of a scope without findings of its own, shared (frozen) by every such scope (10k at 100k instruments). */
const NO_OWN: SteppedVerdicts['effectiveness']['own'] = Object.freeze({ value: 'none', findings: Object.freeze([]) as unknown as string[] });

/** The rule of each headline's sentence (steps/reasons.ts `addShared`). */
const HEADLINE = fields(VALUES.map((v) => `headline ${v}`));
/** The spread builder of this step, begun anew for each scope (roll-up.ts). */
const SPREADS = new SpreadBuilder(VALUES, 'not-applicable', fields, CANDIDATES);
/** Steps 3 and 4 for a scope: the spread of its instruments' contributions, and the headline rule. */
export function scopeEffectiveness(ctx: StepContext, input: ScopeInput): SteppedVerdicts['effectiveness'] {
  const { ix, M, threshold } = ctx;
  const { scope, instruments, ownIds } = input;
  const b = SPREADS.begin();
  const { contribution, money } = ctx.tally;
  const indices = new Array<number>(instruments.length);
  for (let k = 0; k < instruments.length; k++) {
    const { index } = instruments[k]!;
    indices[k] = index;
    b.addAt(contribution[index]!, money[index]!);
  }
  const spread = b.spread();
  /** The members with a value, by node index: gathered only for the values a reason or the evidence names. */
  const membersOf = (v: EffectivenessValue): number[] => {
    const at = VALUES.indexOf(v);
    const out: number[] = [];
    if (spread.counts[v] > 0) for (let k = 0; k < indices.length; k++) if (contribution[indices[k]!] === at) out.push(indices[k]!);
    return out;
  };

  // The scope's own findings: weighed like an instrument's, reported beside the spread.
  const own: Finding[] = [];
  const ownRanks: number[] = [];
  const [seen] = ctx.marks;
  seen.reset();
  for (const id of ownIds) {
    const on = ix.findingsOn('effectiveness', id);
    for (let j = 0; j < on.length; j++) {
      const k = on[j]!;
      if (seen.add(k)) {
        own.push(ix.review.findings[k]!);
        ownRanks.push(ix.findingRank[k]!);
      }
    }
  }
  const ownWeighing = own.length ? weigh(own, (_f, j) => ownRanks[j]!) : NOTHING_OWN;
  const ownDecisive = own.length ? ownWeighing.decisive.map((f) => f.id) : NONE;

  const held = b.headline(threshold);
  const headline = headlineAt(threshold, held !== null);
  let value = held ?? 'not-determinable';
  if (spread.total > 0 && spread.applicable === 0) value = 'not-applicable';
  // Findings on the scope itself that point the other way make the whole contested.
  const ownFavourable = ownWeighing.value === 'positive' || ownWeighing.value === 'partly';
  const ownUnfavourable = ownWeighing.value === 'negative' || ownWeighing.value === 'no-effect' || ownWeighing.value === 'mixed';
  const contested = (FAVOURABLE.has(value) && ownUnfavourable) || (UNFAVOURABLE.has(value) && ownFavourable);
  if (contested) value = 'mixed';

  const reasons = ctx.reasons.begin();
  if (spread.total === 0) reasons.add(M.effectiveness.noInstruments);
  else if (spread.money.instruments > 0) reasons.add(M.effectiveness.spread(spread.total, spread.counts, spread.money.shares, spread.money.instruments, ctx.lists.instruments));
  else {
    // Without money, the counts alone decide the sentence.
    const said = () => M.effectiveness.spread(spread.total, spread.counts, spread.money.shares, 0, ctx.lists.instruments);
    const key = b.countsKey();
    if (key < 0) reasons.add(said());
    else reasons.addShared('spread', spread.total, key, said);
  }
  if (spread.applicable > 0) {
    if (value === 'not-determinable') reasons.addShared('not as a whole', 0, 0, () => M.effectiveness.notAsAWhole(threshold));
    else if (contested) reasons.add(M.effectiveness.contested(scope.kind, listIds(ownDecisive, M)));
    else {
      const support = b.support(value);
      reasons.addShared(HEADLINE[value], support, spread.applicable, () => M.effectiveness.headline(value, support, spread.applicable, threshold, ctx.lists.instruments));
    }
  }
  for (const v of LISTED) {
    if (spread.counts[v] > 0) reasons.add(M.effectiveness.instruments(v, listMembers(ctx, membersOf(v))));
  }
  if (own.length) reasons.add(M.effectiveness.own(scope.kind, ownWeighing.value, listIds(ownDecisive.length ? ownDecisive : own.map((f) => f.id), M)));

  // The evidence: exactly what supports the value.
  const evidence: string[] = [];
  for (const v of SUPPORTERS.get(value) ?? NONE) {
    for (const index of membersOf(v)) for (const id of ctx.evidence[index]!.aspects.effectiveness.decisive) evidence.push(id);
  }
  if (contested || (value !== 'not-determinable' && ((FAVOURABLE.has(value) && ownFavourable) || (UNFAVOURABLE.has(value) && ownUnfavourable)))) evidence.push(...ownDecisive);
  return {
    value,
    counts: spread.counts,
    spread,
    headline,
    own: own.length === 0 ? NO_OWN : { value: ownWeighing.value, findings: sortIds(ownDecisive) },
    reasons: reasons.list(),
    evidence: sortIds(evidence),
  };
}

