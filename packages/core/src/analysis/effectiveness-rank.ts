import type { EvidenceStrength, Finding } from '../model/review.js';
import { aspectEvidence } from './evidence.js';
import type { InstrumentNode, ReviewIndex } from './review-index.js';
import { contributionValue } from './steps/effectiveness.js';
import { isDeployed } from './steps/realisation-gate.js';
import type { EffectivenessRank } from './types.js';

/**
 * The effectiveness verdict per instrument, on the scale the savings variant ranks by (issue 11
 * point 4): what the evidence says works, from proven not to work to proven to work.
 *
 * The verdict is the one the stepped verdicts give (steps/effectiveness.ts), mapped onto
 * `EffectivenessRank`: "not determinable" and "not applicable" rank as no evidence.
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
 * One instrument's verdict, by the verdicts' own rule (steps/effectiveness.ts): its effectiveness
 * findings weighed at the strength the analysis uses (design-derived, capped by the source), and
 * an instrument not deployed in the period has no effect to rank ("no evidence").
 */
export function rankOf(ix: ReviewIndex, node: InstrumentNode): RankedEffectiveness {
  const findings: Finding[] = [];
  const ranks: number[] = [];
  for (let j = 0; j < node.findings.length; j++) {
    if (node.findings[j]!.aspect !== 'effectiveness') continue;
    findings.push(node.findings[j]!);
    ranks.push(ix.findingRank[node.findingOrdinals[j]!]!);
  }
  if (findings.length === 0) return NO_EVIDENCE;
  const e = aspectEvidence(findings, ranks);
  const v = contributionValue(e, isDeployed(node.instrument.realisation.status));
  if (v === 'not-applicable' || v === 'not-determinable') return NO_EVIDENCE;
  return { verdict: v, strength: e.strength, findings: e.decisive };
}

/** Per instrument, by node index. */
export function effectivenessRanks(ix: ReviewIndex): RankedEffectiveness[] {
  return ix.nodes.map((n) => (n.findings.length ? rankOf(ix, n) : NO_EVIDENCE));
}
