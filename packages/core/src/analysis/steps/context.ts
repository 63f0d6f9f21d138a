import type { Objective } from '../../model/review.js';
import type { Marks } from '../marks.js';
import type { Messages } from '../messages/index.js';
import type { InstrumentNode, ReviewIndex } from '../review-index.js';
import type { InstrumentCost, InstrumentEvidence, InstrumentVerdicts, RealisationSummary, ScopeRef, SmartCheck } from '../types.js';

/** What every step reads; per-instrument results are arrays by node index, computed once. */
export interface StepContext {
  ix: ReviewIndex;
  M: Messages;
  evidence: readonly InstrumentEvidence[];
  cost: readonly InstrumentCost[];
  smart: Map<string, SmartCheck>;
  /** The roll-up rule's threshold (roll-up.ts). */
  threshold: number;
  /** The least strength rank of an evaluation relating cost to effect (efficiency.ts). */
  efficiencyMinimum: number;
  /** The shared contribution and step 3 of every deployed instrument without an effectiveness finding. */
  noEvidence: { contribution: InstrumentVerdicts['contribution']; effectiveness: InstrumentVerdicts['effectiveness'] };
  /** The shared efficiency of every deployed instrument without cost, effect or efficiency finding. */
  noEfficiency: InstrumentVerdicts['efficiency'];
  /** Two sets of marks over the findings, for the passes of one verdict. */
  marks: [Marks, Marks];
}

/** A scope's members, as the steps read them. */
export interface ScopeInput {
  scope: ScopeRef;
  /** The objectives whose goal achievement the scope answers for (top-level ones for a domain or the article). */
  objectives: readonly Objective[];
  instruments: readonly InstrumentNode[];
  /** ids whose own findings count for the scope (the objective and its descendants, the domain and its objectives). */
  ownIds: readonly string[];
  realisation: RealisationSummary;
}

/** The per-instrument verdicts, by node index, that the scope steps roll up. */
export type InstrumentResults = readonly InstrumentVerdicts[];
