import type { EvidenceStrength } from '../model/review.js';
import type { EffectivenessRank, EffectivenessValue, InstrumentVerdicts } from './types.js';

/**
 * The effectiveness verdict per instrument on the scale the savings variant ranks by (issue 11
 * point 4): what the evidence says works, from shown not to work to demonstrated. It is the
 * verdicts module's own contribution (steps 3 and 4, verdicts.ts), so the savings variant never
 * judges an instrument differently from the stepped approach; only the order is the savings
 * variant's: no evidence is cut before contested evidence, and an instrument that was not deployed
 * counts as no evidence of working.
 */
export interface RankedEffectiveness {
  verdict: EffectivenessRank;
  /** The strength of the evidence the verdict rests on ('none' without). */
  strength: EvidenceStrength;
  /** The findings (and sources) the verdict rests on. */
  findings: string[];
}

/** Cut first to cut last. */
export const EFFECTIVENESS_RANKS: readonly EffectivenessRank[] = ['negative', 'not-demonstrated', 'no-evidence', 'mixed', 'plausible', 'demonstrated'];

export function effectivenessRankOrder(r: EffectivenessRank): number {
  switch (r) {
    case 'negative':
      return 0;
    case 'not-demonstrated':
      return 1;
    case 'no-evidence':
      return 2;
    case 'mixed':
      return 3;
    case 'plausible':
      return 4;
    case 'demonstrated':
      return 5;
  }
}

export function rankOfValue(v: EffectivenessValue): EffectivenessRank {
  switch (v) {
    case 'negative':
    case 'not-demonstrated':
    case 'mixed':
    case 'plausible':
    case 'demonstrated':
      return v;
    case 'not-determinable':
    case 'not-applicable':
      return 'no-evidence';
  }
}

/** An instrument's rank from its verdicts. */
export function rankOf(v: InstrumentVerdicts): RankedEffectiveness {
  const verdict = rankOfValue(v.contribution.value);
  return { verdict, strength: verdict === 'no-evidence' ? 'none' : (v.contribution.strength ?? 'none'), findings: verdict === 'no-evidence' ? [] : v.contribution.evidence };
}
