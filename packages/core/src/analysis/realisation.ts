import { completenessOf, type ListCompleteness } from '../model/completeness.js';
import { REALISATION_STATUSES, type RealisationStatus, type Review } from '../model/review.js';
import type { Messages } from './messages/index.js';
import type { InstrumentNode, ReviewIndex } from './review-index.js';
import { share } from './numbers.js';
import type { InstrumentList, RealisationSummary, ScopeRef } from './types.js';

/**
 * What the review's instrument list holds, said once for every place that counts instruments:
 * "70 of at least 108 instrument rows" where rows are known to be lost, never a bare "70
 * instruments" that reads as all of them.
 */
export function instrumentList(review: Review, M: Messages): InstrumentList {
  const c: ListCompleteness = completenessOf(review, 'instruments');
  const expectedAtLeast = c.expectedAtLeast ?? null;
  const missing = c.missing ?? null;
  return {
    status: c.status,
    stated: c.stated,
    known: c.known,
    expectedAtLeast,
    missing,
    counted: M.lists.instruments(c.known, c.status, c.stated, expectedAtLeast),
    note: c.status === 'complete' ? null : c.status === 'partial' && c.stated ? M.lists.instrumentsPartial(missing) : M.lists.instrumentsUnstated,
  };
}

/**
 * Per instrument (by node index), its id and its realisation status as a number, read once for
 * the summaries of every scope: reading them from each instrument's record for each of its scopes
 * (337k memberships at 100k instruments) was three quarters of the summaries.
 */
export interface RealisationTable {
  ids: readonly string[];
  status: Uint8Array;
}

const STATUS_CODE = new Map<string, number>(REALISATION_STATUSES.map((s, k) => [s, k]));

export function realisationTable(ix: ReviewIndex): RealisationTable {
  const { nodes } = ix;
  const status = new Uint8Array(nodes.length);
  for (let k = 0; k < nodes.length; k++) status[k] = STATUS_CODE.get(nodes[k]!.instrument.realisation.status) ?? REALISATION_STATUSES.length;
  return { ids: ix.instrumentIds, status };
}

/** Step 2 of the stepped approach: were the intended instruments deployed? */
export function summariseRealisation(scope: ScopeRef, nodes: readonly InstrumentNode[], list: InstrumentList, table: RealisationTable): RealisationSummary {
  // Counted in variables, not as byStatus[status]++: a property key that is a string read from the
  // file costs a lookup in the engine's string table every time.
  let realised = 0;
  let partly = 0;
  let notRealised = 0;
  let ongoing = 0;
  let pilot = 0;
  let afterPeriod = 0;
  let unknown = 0;
  const instruments = new Array<string>(nodes.length);
  for (let k = 0; k < nodes.length; k++) {
    const index = nodes[k]!.index;
    const id = table.ids[index]!;
    // The codes are positions in REALISATION_STATUSES.
    switch (table.status[index]) {
      case 0:
        realised++;
        break;
      case 1:
        partly++;
        break;
      case 2:
        notRealised++;
        break;
      case 3:
        afterPeriod++;
        break;
      case 4:
        pilot++;
        break;
      case 5:
        ongoing++;
        break;
      case 6:
        unknown++;
        break;
    }
    instruments[k] = id;
  }
  // Made at its size, in a pass of its own that stops at the last one: grown by push, each list of
  // one or two kept 17 slots (1.5k lists of the 2k objectives' summaries at 20k instruments).
  const realisedAfterPeriod = new Array<string>(afterPeriod);
  for (let k = 0, j = 0; j < afterPeriod; k++) if (table.status[nodes[k]!.index] === 3) realisedAfterPeriod[j++] = instruments[k]!;
  // In the order of REALISATION_STATUSES, as the output always had.
  const byStatus: Record<RealisationStatus, number> = {
    realised,
    partly,
    'not-realised': notRealised,
    'realised-after-period': afterPeriod,
    pilot,
    ongoing,
    unknown,
  };
  const total = nodes.length;
  return {
    scope,
    instruments,
    byStatus,
    realised: share(realised, total),
    deployed: share(realised + partly + ongoing, total),
    realisedAfterPeriod,
    list,
  };
}
