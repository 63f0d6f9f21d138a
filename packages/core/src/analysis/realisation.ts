import { REALISATION_STATUSES, type Instrument, type RealisationStatus } from '../model/review.js';
import { share } from './numbers.js';
import type { RealisationSummary, ScopeRef } from './types.js';

const DEPLOYED: ReadonlySet<RealisationStatus> = new Set(['realised', 'partly', 'ongoing']);

/** Step 2 of the stepped approach: were the intended instruments deployed? */
export function summariseRealisation(scope: ScopeRef, instruments: readonly Instrument[]): RealisationSummary {
  const byStatus = Object.fromEntries(REALISATION_STATUSES.map((s) => [s, 0])) as Record<RealisationStatus, number>;
  const realisedAfterPeriod: string[] = [];
  for (const i of instruments) {
    byStatus[i.realisation.status]++;
    if (i.realisation.status === 'realised-after-period') realisedAfterPeriod.push(i.id);
  }
  const total = instruments.length;
  const deployed = instruments.filter((i) => DEPLOYED.has(i.realisation.status)).length;
  return {
    scope,
    instruments: instruments.map((i) => i.id),
    byStatus,
    realised: share(byStatus.realised, total),
    deployed: share(deployed, total),
    realisedAfterPeriod,
  };
}
