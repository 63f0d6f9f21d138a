import type { EvidenceStrength, Finding } from '../model/review.js';
import { strengthRank } from './evidence.js';
import type { ReviewIndex } from './review-index.js';
import type { EffectivenessRank } from './types.js';

/**
 * The effectiveness verdict per instrument, on the scale the savings variant ranks by (issue 11
 * point 4): what the evidence says works, from proven not to work to proven to work.
 *
 * SEAM: this is a local adapter over today's findings, until the verdicts module (issue 10)
 * exports its per-instrument effectiveness verdict; then `effectivenessRanks` maps that verdict
 * onto `EffectivenessRank` and the rule below is deleted. Nothing else in the savings variant reads
 * findings.
 */
export interface RankedEffectiveness {
  verdict: EffectivenessRank;
  /** The strength of the evidence the verdict rests on ('none' without). */
  strength: EvidenceStrength;
  /** The findings the verdict rests on. */
  findings: string[];
}

/** Cut first to cut last. */
export const EFFECTIVENESS_RANKS: readonly EffectivenessRank[] = ['negative', 'not-demonstrated', 'no-evidence', 'mixed', 'plausible', 'demonstrated'];

export function effectivenessRankOrder(r: EffectivenessRank): number {
  return EFFECTIVENESS_RANKS.indexOf(r);
}

const NO_EVIDENCE: RankedEffectiveness = Object.freeze({ verdict: 'no-evidence', strength: 'none', findings: Object.freeze([]) as unknown as string[] });

/**
 * One instrument's verdict from its effectiveness findings: the strongest judging evidence
 * (plausibility or stronger) decides. At that strength, positive and negative findings together
 * are mixed; an effect-level null result (`no-effect`) is "not demonstrated" and outweighs weaker
 * positive indications; negative alone is negative; positive alone is demonstrated at effect
 * level and plausible below it.
 */
export function rankOf(findings: readonly Finding[]): RankedEffectiveness {
  const floor = strengthRank('plausibility');
  const effect = strengthRank('effect');
  let top = -1;
  let positive: string[] = [];
  let negative: string[] = [];
  const nulls: string[] = [];
  for (const f of findings) {
    if (f.aspect !== 'effectiveness') continue;
    const r = strengthRank(f.strength);
    if ((f.verdict as string) === 'no-effect' && r === effect) {
      nulls.push(f.id);
      continue;
    }
    const judging = f.verdict === 'positive' || f.verdict === 'partly' || f.verdict === 'negative';
    if (!judging || r < floor || r < top) continue;
    if (r > top) {
      top = r;
      positive = [];
      negative = [];
    }
    (f.verdict === 'negative' ? negative : positive).push(f.id);
  }
  if (nulls.length) {
    // A null result at effect level caps every weaker positive; beside an effect-level positive or negative it is contested.
    if (top === effect && (positive.length || negative.length)) return { verdict: negative.length && !positive.length ? 'negative' : 'mixed', strength: 'effect', findings: [...nulls, ...positive, ...negative].sort() };
    return { verdict: 'not-demonstrated', strength: 'effect', findings: nulls.sort() };
  }
  if (top < 0) return NO_EVIDENCE;
  const strength = (['none', 'realisation', 'plausibility', 'process', 'effect'] as const)[top]!;
  if (positive.length && negative.length) return { verdict: 'mixed', strength, findings: [...positive, ...negative].sort() };
  if (negative.length) return { verdict: 'negative', strength, findings: negative.sort() };
  return { verdict: top === effect ? 'demonstrated' : 'plausible', strength, findings: positive.sort() };
}

/** Per instrument, by node index. */
export function effectivenessRanks(ix: ReviewIndex): RankedEffectiveness[] {
  return ix.nodes.map((n) => (n.findings.length ? rankOf(n.findings) : NO_EVIDENCE));
}
