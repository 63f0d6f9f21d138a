import { REALISATION_STATUSES, type RealisationStatus } from '../model/review.js';
import type { InstrumentNode } from './review-index.js';
import { share } from './numbers.js';
import type { RealisationSummary, ScopeRef } from './types.js';

const NO_STATUSES = Object.freeze(Object.fromEntries(REALISATION_STATUSES.map((s) => [s, 0])) as Record<RealisationStatus, number>);

/** Step 2 of the stepped approach: were the intended instruments deployed? */
export function summariseRealisation(scope: ScopeRef, nodes: readonly InstrumentNode[]): RealisationSummary {
  const byStatus = { ...NO_STATUSES };
  const realisedAfterPeriod: string[] = [];
  const instruments: string[] = [];
  let deployed = 0;
  for (let k = 0; k < nodes.length; k++) {
    const i = nodes[k]!.instrument;
    const status = i.realisation.status;
    byStatus[status]++;
    if (status === 'realised-after-period') realisedAfterPeriod.push(i.id);
    if (status === 'realised' || status === 'partly' || status === 'ongoing') deployed++;
    instruments.push(i.id);
  }
  const total = nodes.length;
  return {
    scope,
    instruments,
    byStatus,
    realised: share(byStatus.realised, total),
    deployed: share(deployed, total),
    realisedAfterPeriod,
  };
}
