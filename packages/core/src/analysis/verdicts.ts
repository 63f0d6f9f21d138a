import type { EvidenceStrength, RealisationStatus } from '../model/review.js';
import { Marks } from './marks.js';
import type { Messages } from './messages/index.js';
import type { ReviewIndex } from './review-index.js';
import { strengthRank } from './strength.js';
import type { InstrumentResults, ScopeInput, StepContext } from './steps/context.js';
import { contributionOf, scopeEffectiveness } from './steps/effectiveness.js';
import { instrumentEfficiency, scopeEfficiency } from './steps/efficiency.js';
import { scopeGoalAchievement } from './steps/goal-achievement.js';
import { instrumentPlausibility } from './steps/plausibility.js';
import { realisationGate, scopeRealisation } from './steps/realisation-gate.js';
import { DEFAULT_HEADLINE_THRESHOLD } from './steps/roll-up.js';
import type { InstrumentCost, InstrumentEvidence, InstrumentVerdicts, SmartCheck, SteppedVerdicts } from './types.js';

/**
 * The stepped approach of the RPE (section 6.1 of the NCTV review): per instrument first — the
 * realisation gate, effectiveness, plausibility, efficiency — then per objective, domain and the
 * article, each rolled up by one rule (steps/roll-up.ts) beside goal achievement and realisation.
 * Each step is its own module under ./steps.
 */

export type { ScopeInput } from './steps/context.js';

export interface VerdictOptions {
  headlineThreshold?: number;
  efficiencyMinimumStrength?: EvidenceStrength;
}

export function stepContext(
  ix: ReviewIndex,
  M: Messages,
  evidence: readonly InstrumentEvidence[],
  cost: readonly InstrumentCost[],
  smart: Map<string, SmartCheck>,
  options: VerdictOptions = {},
): StepContext {
  const threshold = options.headlineThreshold ?? DEFAULT_HEADLINE_THRESHOLD;
  if (!(threshold > 0 && threshold <= 1)) throw new RangeError(`headlineThreshold must be a share above 0 and at most 1, not ${threshold}`);
  const noFinding = [M.contribution.noFinding];
  return {
    ix,
    M,
    evidence,
    cost,
    smart,
    threshold,
    efficiencyMinimum: strengthRank(options.efficiencyMinimumStrength ?? 'process'),
    noEvidence: {
      contribution: { value: 'not-determinable', strength: null, reasons: noFinding, evidence: [] },
      effectiveness: { value: 'no-effect-study', reasons: [M.contribution.noEffectStudy], evidence: [] },
    },
    noEfficiency: {
      value: 'not-determinable',
      verdict: null,
      missing: ['cost', 'effect', 'study'],
      indications: [],
      reasons: [M.efficiency.missingCost, M.efficiency.missingEffect('not-determinable'), M.efficiency.missingStudy(options.efficiencyMinimumStrength ?? 'process')],
      evidence: [],
    },
    marks: [new Marks(ix.review.findings.length), new Marks(ix.review.findings.length)],
  };
}

/** Every step for every instrument, by node index. */
export function instrumentVerdicts(ctx: StepContext): InstrumentVerdicts[] {
  // One gate per status, shared: most instruments say the same.
  const gates = new Map<RealisationStatus, InstrumentVerdicts['realisation']>();
  return ctx.ix.nodes.map((node) => {
    const status = node.instrument.realisation.status;
    let gate = realisationGate(node, ctx.M);
    if (gate.evidence.length === 1) {
      const shared = gates.get(status);
      if (shared) gate = { ...shared, evidence: gate.evidence };
      else gates.set(status, gate);
    }
    const { contribution, effectiveness } = contributionOf(ctx, node, gate.deployed);
    return {
      instrument: node.instrument.id,
      realisation: gate,
      effectiveness,
      plausibility: instrumentPlausibility(ctx, contribution),
      contribution,
      efficiency: instrumentEfficiency(ctx, node, contribution),
    };
  });
}

/** The steps for one scope. */
export function steppedVerdicts(ctx: StepContext, input: ScopeInput, results: InstrumentResults): SteppedVerdicts {
  const effectiveness = scopeEffectiveness(ctx, input, results);
  return {
    scope: input.scope,
    goalAchievement: scopeGoalAchievement(ctx, input),
    realisation: scopeRealisation(ctx, input),
    effectiveness,
    efficiency: scopeEfficiency(ctx, input, results, effectiveness),
  };
}


/** The contribution (steps 3 and 4) of one instrument in an assessment: what savings and the report rank by. */
export const instrumentEffectiveness = (v: InstrumentVerdicts) => v.contribution.value;
