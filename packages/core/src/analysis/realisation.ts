import { completenessOf, type ListCompleteness } from '../model/completeness.js';
import type { RealisationStatus, Review } from '../model/review.js';
import type { Messages } from './messages/index.js';
import type { InstrumentNode } from './review-index.js';
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

/** Step 2 of the stepped approach: were the intended instruments deployed? */
export function summariseRealisation(scope: ScopeRef, nodes: readonly InstrumentNode[], list: InstrumentList): RealisationSummary {
  // Counted in variables, not as byStatus[status]++: statuses are strings read from the file, and
  // a property key that is such a string costs a lookup in the engine's string table every time.
  let realised = 0;
  let partly = 0;
  let notRealised = 0;
  let ongoing = 0;
  let pilot = 0;
  let afterPeriod = 0;
  let unknown = 0;
  const realisedAfterPeriod: string[] = [];
  const instruments: string[] = [];
  for (let k = 0; k < nodes.length; k++) {
    const i = nodes[k]!.instrument;
    switch (i.realisation.status) {
      case 'realised':
        realised++;
        break;
      case 'partly':
        partly++;
        break;
      case 'not-realised':
        notRealised++;
        break;
      case 'ongoing':
        ongoing++;
        break;
      case 'pilot':
        pilot++;
        break;
      case 'realised-after-period':
        afterPeriod++;
        realisedAfterPeriod.push(i.id);
        break;
      case 'unknown':
        unknown++;
        break;
    }
    instruments.push(i.id);
  }
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
