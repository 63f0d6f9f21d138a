import type { RealisationStatus } from '../../model/review.js';
import { listIds, sortIds } from '../ids.js';
import type { Messages } from '../messages/index.js';
import { sum } from '../numbers.js';
import type { InstrumentNode } from '../review-index.js';
import type { InstrumentVerdicts, RealisationValue, SteppedVerdicts } from '../types.js';
import type { ScopeInput, StepContext } from './context.js';

/**
 * Step 2, instrument realisation, and the gate it is for steps 3–5: an instrument that was not
 * deployed in the period has no effect and no efficiency to judge.
 *
 * - realised, partly realised, ongoing: deployed; judged.
 * - pilot: deployed on a small scale; judged, and its verdicts say they rest on a pilot.
 * - realised after the period: not deployed in the period under review; not applicable.
 * - not realised: not deployed; not applicable, citing the realisation evidence.
 * - unknown: judged on the evidence there is (a study of its effect shows it ran), and the
 *   reasons say its deployment is not documented.
 */
export function isDeployed(status: RealisationStatus): boolean {
  return status !== 'not-realised' && status !== 'realised-after-period';
}

/** The gate for one instrument. */
export function realisationGate(node: InstrumentNode, M: Messages): InstrumentVerdicts['realisation'] {
  const { realisation, id } = node.instrument;
  const deployed = isDeployed(realisation.status);
  const reasons = [M.gate.status(realisation.status)];
  const evidence = [id];
  if (realisation.citation?.source) evidence.push(realisation.citation.source);
  return { status: realisation.status, deployed, reasons, evidence };
}

/** The reason steps 3–5 give an instrument that was not deployed. */
export const notDeployedReason = (status: RealisationStatus, M: Messages): string => M.gate.notApplicable(status);

/** Step 2 for a scope: how many of its instruments were realised, and the money linked to them. */
export function scopeRealisation({ ix, cost, M }: StepContext, { instruments, realisation: r }: ScopeInput): SteppedVerdicts['realisation'] {
  const lines = new Set<string>();
  for (let k = 0; k < instruments.length; k++) {
    const { index } = instruments[k]!;
    const linked = cost[index]!.lines;
    for (let j = 0; j < linked.length; j++) lines.add(linked[j]!);
  }
  const total = r.realised.total;
  if (total === 0) {
    return { value: 'no-instruments', money: sum([]), reasons: [M.realisation.noInstruments], evidence: [] };
  }
  const b = r.byStatus;
  const category = (realised: number, deployed: number): RealisationValue =>
    realised === total ? 'realised' : realised * 2 > total ? 'mostly-realised' : deployed > 0 ? 'partly-realised' : 'not-realised';
  // An unknown status is not counted as not realised: the verdict is what the known statuses
  // guarantee, and it is unknown when as many statuses are unknown as known.
  const worst = category(b.realised, r.deployed.count);
  const best = category(b.realised + b.unknown, r.deployed.count + b.unknown);
  const value: RealisationValue = worst === best ? worst : b.unknown * 2 >= total ? 'unknown' : worst;
  const reasons = [M.realisation.counts(b.realised, total, b.partly, b.ongoing, b.pilot, b['not-realised'], b.unknown)];
  if (value === 'unknown') reasons.push(M.realisation.undecided(b.unknown, worst, best));
  else if (worst !== best) reasons.push(M.realisation.atLeast(b.unknown, worst, best));
  if (r.realisedAfterPeriod.length) reasons.push(M.realisation.afterPeriod(r.realisedAfterPeriod.length, listIds(r.realisedAfterPeriod, M)));
  const lineIds = sortIds(lines);
  const linkedMoney = sum(lineIds.flatMap((id) => ix.lines.get(id)?.expenditures.map((e) => e.amount) ?? []));
  if (lineIds.length === 0) reasons.push(M.realisation.noMoney);
  else if (linkedMoney.amount === null) reasons.push(M.realisation.moneyPartlyUnknown(listIds(lineIds, M), lineIds.length, linkedMoney.known, linkedMoney.unknownParts));
  else reasons.push(M.realisation.money(listIds(lineIds, M), lineIds.length, linkedMoney.known));
  return { value, money: linkedMoney, reasons, evidence: sortIds([...r.instruments, ...lineIds]) };
}
