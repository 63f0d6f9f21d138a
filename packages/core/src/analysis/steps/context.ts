import type { Objective } from '../../model/review.js';
import { sortIds } from '../ids.js';
import { Marks } from '../marks.js';
import type { Gates } from './realisation-gate.js';
import type { Reasons } from './reasons.js';
import type { Messages } from '../messages/index.js';
import type { CountBound } from '../numbers.js';
import type { InstrumentNode, ReviewIndex } from '../review-index.js';
import type { InstrumentCost, InstrumentEvidence, InstrumentVerdicts, RealisationSummary, ScopeCost, ScopeRef } from '../types.js';

/** What every step reads; per-instrument results are arrays by node index, computed once. */
export interface StepContext {
  ix: ReviewIndex;
  M: Messages;
  evidence: readonly InstrumentEvidence[];
  cost: readonly InstrumentCost[];
  /**
   * The objectives whose SMART check finds them measurable, so that their achievement can be
   * judged: read once from the checks, in order, not from each check's criteria when its objective
   * is rolled up (a twentieth of the objectives' verdicts at 100k instruments, CPU profile).
   */
  measurable: ReadonlySet<string>;
  /**
   * How counts over the review's lists are stated (numbers.ts `countOver`): of instruments, and of
   * instruments with a cost (budget lines with their expenditure).
   */
  lists: { instruments: CountBound; cost: CountBound };
  /** The roll-up rule's threshold (roll-up.ts). */
  threshold: number;
  /** The least strength rank of an evaluation relating cost to effect (efficiency.ts). */
  efficiencyMinimum: number;
  /** The shared contribution and step 3 of every deployed instrument without an effectiveness finding. */
  noEvidence: { contribution: InstrumentVerdicts['contribution']; effectiveness: InstrumentVerdicts['effectiveness'] };
  /** The shared efficiency of every deployed instrument without cost, effect or efficiency finding. */
  noEfficiency: InstrumentVerdicts['efficiency'];
  /** Per instrument, what efficiency reads of it (steps/efficiency.ts `efficiencyFacts`); filled by `instrumentVerdicts` for the deployed ones. */
  efficiency: Uint8Array;
  /**
   * Per instrument, its findings on efficiency, as `ordinal * 2 + 1` when one relates cost to
   * effect strongly enough (c), else `ordinal * 2`, in `at` from `from[index]` up to `to[index]`;
   * filled by `efficiencyFacts`. The scopes read them here, not from each node and finding.
   */
  efficiencyFindings: { from: Uint32Array; to: Uint32Array; at: number[]; of: Uint8Array };
  /** Per finding ordinal, what step 3 reads of it (effectiveness.ts `effectivenessOfFindings`). */
  effectivenessFindings: Uint8Array;
  /** Per finding ordinal, its id. */
  findingIds: readonly string[];
  /** Per objective, its goal achievement, computed once for its own scope and the roll-ups above it. */
  goals: Map<string, import('./goal-achievement.js').ObjectiveGoal>;
  /** Per node index, the instrument's place in the natural order of ids (ids.ts), to order lists of instruments by number. */
  rank: Uint32Array;
  /**
   * Per node index, the instrument's id: read from one dense list instead of from each node and
   * its instrument, scattered over the heap.
   */
  ids: readonly string[];
  /** Whether no two instruments share an id (always so in a review that passed its checks): lists of them need no pass for duplicates. */
  uniqueIds: boolean;
  /** The cost lines of the instruments (`InstrumentCost.lines`), by place (`LineTable`). */
  costLines: LineTable;
  /** The realisation gates, and what steps 3–5 say of an instrument not deployed. */
  gates: Gates;
  /** Shared reasons of instruments whose efficiency is not determinable (efficiency.ts `sharedMissingReasons`). */
  missingReasons: Map<number, string[]>;
  /** The collector of one verdict's reasons, reused by each verdict in turn. */
  reasons: Reasons;
  /** Two sets of marks over the findings, for the passes of one verdict. */
  marks: [Marks, Marks];
  /**
   * Per node index, what the roll-ups count of each instrument: its contribution and efficiency
   * (their places in the steps' lists of values) and its known attributed money (NaN when
   * unknown). Filled by `instrumentVerdicts`. Every scope meets each of its instruments; reading
   * these from the verdict and cost objects, scattered over a heap of hundreds of megabytes, made
   * the scope steps at 100k instruments a sixth slower (1394 instead of 1194 ms CPU, median of 10).
   */
  tally: { contribution: Uint8Array; efficiency: Uint8Array; money: Float64Array };
}

/**
 * Every line some instrument's cost links, by place: its place in the natural order of their ids.
 * Step 2 of every scope gathers the lines of its instruments; by place, from one table, instead
 * of from each instrument's cost and as a set of ids ordered as strings.
 */
export interface LineTable {
  /** The ids, by place. */
  ids: readonly string[];
  /** By place: 1 for a programme line. */
  programme: Uint8Array;
  /** Per node index, where its places start in `places` (and the next node's start where they end). */
  start: Uint32Array;
  places: Uint32Array;
  /** Which lines one pass has already met. */
  seen: Marks;
  /** The place of each id. */
  placeOf: Map<string, number>;
}

/** The table of the lines that the instruments' costs link (by node index). */
export function lineTable(ix: ReviewIndex, cost: readonly InstrumentCost[]): LineTable {
  // One pass over the costs, numbering the lines as met, then renumbered in natural order: 0.39x
  // the time of a pass to collect them and another to number them (100k instruments, median of 11).
  const placeOf = new Map<string, number>();
  const met: string[] = [];
  const start = new Uint32Array(cost.length + 1);
  const places: number[] = [];
  for (let k = 0; k < cost.length; k++) {
    const { lines } = cost[k]!;
    for (let j = 0; j < lines.length; j++) {
      let p = placeOf.get(lines[j]!);
      if (p === undefined) placeOf.set(lines[j]!, (p = met.push(lines[j]!) - 1));
      places.push(p);
    }
    start[k + 1] = places.length;
  }
  const ids = sortIds(met);
  const renumbered = new Uint32Array(ids.length);
  const programme = new Uint8Array(ids.length);
  for (let q = 0; q < ids.length; q++) {
    renumbered[placeOf.get(ids[q]!)!] = q;
    placeOf.set(ids[q]!, q);
    if (ix.lines.get(ids[q]!)?.kind === 'programme') programme[q] = 1;
  }
  return { ids, programme, start, places: Uint32Array.from(places, (p) => renumbered[p]!), seen: new Marks(ids.length), placeOf };
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
  /** The scope's money by the cost attribution (attribution.ts): shares, and joint costs wholly inside it. */
  cost: ScopeCost;
}

/**
 * The ids of instruments given by node index, in natural order. Ordering by a rank computed once
 * instead of comparing ids: the article and each domain list tens of thousands of instruments, and
 * sorting those by id was a tenth of the analysis at 100k.
 */
export function idsInOrder(ctx: Pick<StepContext, 'ids' | 'rank'>, indices: number[]): string[] {
  inOrder(ctx, indices);
  return idsOf(ctx, indices);
}

/** The ids of instruments given by node index, in that order. */
export function idsOf(ctx: Pick<StepContext, 'ids'>, indices: readonly number[]): string[] {
  const out = new Array<string>(indices.length);
  for (let k = 0; k < indices.length; k++) out[k] = ctx.ids[indices[k]!]!;
  return out;
}

/** Puts node indices in the natural order of their ids; most lists already are. Whether they were. */
export function inOrder({ rank }: Pick<StepContext, 'rank'>, indices: number[]): boolean {
  for (let k = 1; k < indices.length; k++) {
    if (rank[indices[k - 1]!]! > rank[indices[k]!]!) {
      indices.sort((a, b) => rank[a]! - rank[b]!);
      return false;
    }
  }
  return true;
}

/**
 * A short list of instruments given by node index (put in order) for a sentence, as `listIds` writes it, without
 * ordering their ids as strings, and naming only the few it shows (the article lists tens of thousands).
 */
export function listMembers(ctx: Pick<StepContext, 'ids' | 'rank' | 'M'>, indices: number[], max = 8): string {
  // Put in order in place: the callers hand over lists of their own.
  const ordered = indices;
  inOrder(ctx, ordered);
  let shown = '';
  for (let k = 0; k < ordered.length && k < max; k++) shown += k === 0 ? ctx.ids[ordered[k]!]! : `, ${ctx.ids[ordered[k]!]!}`;
  return ordered.length <= max ? shown : ctx.M.more(shown, ordered.length - max);
}

/** A short list of ids already in natural order and without duplicates, for a sentence: what `listIds` writes for them, without ordering them again. */
export function listOrdered(ids: readonly string[], M: Pick<Messages, 'more'>, max = 8): string {
  return ids.length <= max ? ids.join(', ') : M.more(ids.slice(0, max).join(', '), ids.length - max);
}
