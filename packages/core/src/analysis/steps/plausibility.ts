import type { EffectivenessValue, InstrumentVerdicts, PlausibilityValue } from '../types.js';
import type { StepContext } from './context.js';

/**
 * Step 4, plausibility: absent effect studies, do other indications (case studies, interviews,
 * expert judgement, monitoring data, the policy theory) make a contribution plausible? It reads
 * the same weighed evidence as step 3 (effectiveness.ts), so an effect study always has the last
 * word: a demonstrated contribution is plausible too, and a null result or a negative effect
 * study makes weaker positive indications not enough ("not plausible").
 */
export function plausibilityValue(contribution: EffectivenessValue): PlausibilityValue {
  switch (contribution) {
    case 'demonstrated':
    case 'plausible':
      return 'plausible';
    case 'mixed':
      return 'mixed';
    case 'negative':
    case 'not-demonstrated':
      return 'not-plausible';
    case 'not-determinable':
      return 'not-determinable';
    case 'not-applicable':
      return 'not-applicable';
  }
}

/** Step 4 for one instrument: its value, with the contribution's reasons and evidence. */
export function instrumentPlausibility({ M }: StepContext, contribution: InstrumentVerdicts['contribution']): InstrumentVerdicts['plausibility'] {
  const value = plausibilityValue(contribution.value);
  if (contribution.value === 'demonstrated') return { value, reasons: [M.plausibility.byEffectStudy].concat(contribution.reasons), evidence: contribution.evidence };
  return { value, reasons: contribution.reasons, evidence: contribution.evidence };
}

/** Whether an effect is at least plausible: condition (b) of efficiency. */
export const atLeastPlausible = (v: EffectivenessValue): boolean => v === 'demonstrated' || v === 'plausible';
