import type { RealisationStatus } from '../../model/review.js';
import { compareIds, listIds, mergeIds, sortIds } from '../ids.js';
import type { Messages } from '../messages/index.js';
import type { InstrumentNode, ReviewIndex } from '../review-index.js';
import type { InstrumentVerdicts, RealisationValue, SteppedVerdicts, Sum } from '../types.js';
import { idsInOrder, type ScopeInput, type StepContext } from './context.js';

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

const NONE = Object.freeze([]) as unknown as string[];
/** The money of a scope no cost line reaches: unknown (staff time is not registered per instrument), not 0. */
const NO_MONEY: Sum = Object.freeze({ amount: null, known: 0, unknownParts: 0 });

/**
 * The gates of all instruments, and the reason steps 3–5 give one that was not deployed. What
 * depends only on the status is made once per status and shared (frozen): the reasons, and the
 * whole gate of a deployed instrument citing no source; evidence that is the instrument alone is
 * its shared id list (`ReviewIndex.idList`). At 100k instruments: 78k gates fewer, and 44k reason lists become 2.
 */
export class Gates {
  private readonly byStatus = new Map<RealisationStatus, { reasons: string[]; uncited: InstrumentVerdicts['realisation'] | null; notDeployed: string[] }>();

  constructor(
    private readonly ix: ReviewIndex,
    private readonly M: Messages,
  ) {}

  private of(status: RealisationStatus) {
    let s = this.byStatus.get(status);
    if (!s) {
      const reasons = Object.freeze([this.M.gate.status(status)]) as string[];
      const uncited = isDeployed(status) ? Object.freeze({ status, deployed: true, reasons, evidence: NONE }) : null;
      this.byStatus.set(status, (s = { reasons, uncited, notDeployed: Object.freeze([notDeployedReason(status, this.M)]) as string[] }));
    }
    return s;
  }

  /** The gate for one instrument. */
  gate(node: InstrumentNode): InstrumentVerdicts['realisation'] {
    const { realisation, id } = node.instrument;
    const shared = this.of(realisation.status);
    // The realisation record is the instrument's own; its evidence is the source it cites, if any.
    if (realisation.citation?.source) return { status: realisation.status, deployed: isDeployed(realisation.status), reasons: shared.reasons, evidence: [id, realisation.citation.source] };
    return shared.uncited ?? { status: realisation.status, deployed: false, reasons: shared.reasons, evidence: this.ix.idList(node) };
  }

  /** The reasons steps 3–5 give an instrument that was not deployed. */
  notDeployed(status: RealisationStatus): string[] {
    return this.of(status).notDeployed;
  }
}

/** The reason steps 3–5 give an instrument that was not deployed. */
export const notDeployedReason = (status: RealisationStatus, M: Messages): string => M.gate.notApplicable(status);

/**
 * Step 2 for a scope: how many of its instruments were realised, and the money involved. The
 * money is the scope's cost by the attribution (attribution.ts): the shares of its instruments
 * and the joint costs wholly inside it. A joint cost shared with instruments outside the scope is
 * not split by anyone, so it is an unknown part of the scope's money, never counted in full: no
 * scope's money exceeds the article's.
 */
export function scopeRealisation(ctx: StepContext, { instruments, realisation: r, cost: scope }: ScopeInput): SteppedVerdicts['realisation'] {
  const { ix, cost, M, lists } = ctx;
  const total = r.realised.total;
  if (total === 0) {
    return { value: 'no-instruments', money: NO_MONEY, reasons: [M.realisation.noInstruments], evidence: [] };
  }
  const b = r.byStatus;
  const category = (realised: number, deployed: number): RealisationValue =>
    realised === total ? 'realised' : realised * 2 > total ? 'mostly-realised' : deployed > 0 ? 'partly-realised' : 'not-realised';
  // An unknown status is not counted as not realised: the verdict is what the known statuses
  // guarantee, and it is unknown when as many statuses are unknown as known.
  const worst = category(b.realised, r.deployed.count);
  const best = category(b.realised + b.unknown, r.deployed.count + b.unknown);
  const value: RealisationValue = worst === best ? worst : b.unknown * 2 >= total ? 'unknown' : worst;
  const reasons = [M.realisation.counts(b.realised, total, b.partly, b.ongoing, b.pilot, b['not-realised'], b.unknown, lists.instruments)];
  if (value === 'unknown') reasons.push(M.realisation.undecided(b.unknown, worst, best));
  else if (worst !== best) reasons.push(M.realisation.atLeast(b.unknown, worst, best));
  if (r.realisedAfterPeriod.length) reasons.push(M.realisation.afterPeriod(r.realisedAfterPeriod.length, listIds(r.realisedAfterPeriod, M)));

  const indices = new Array<number>(instruments.length);
  let linked: Set<string> | null = null;
  for (let k = 0; k < instruments.length; k++) {
    const { index } = instruments[k]!;
    indices[k] = index;
    const lines = cost[index]!.lines;
    if (lines.length) {
      linked ??= new Set();
      for (let j = 0; j < lines.length; j++) linked.add(lines[j]!);
    }
  }
  // The instruments in order by their rank, not by comparing ids, and the lines merged in: at 100k
  // instruments step 2 of the article took 32 instead of 70 ms, of the 12 domains 36 instead of 101.
  const members = idsInOrder(ctx, indices);
  if (linked === null) {
    reasons.push(M.realisation.noMoney);
    return { value, money: NO_MONEY, reasons, evidence: ctx.uniqueIds ? members : mergeIds(members, NONE) };
  }
  const shared = scope.sharedWithOtherScopes;
  const crossing = new Set(shared.lines);
  const lines = sortIds(linked);
  const own = lines.filter((id) => !crossing.has(id));
  const programmeOnly = (ids: readonly string[]) => ids.every((id) => ix.lines.get(id)?.kind === 'programme');
  const { attributed } = scope;
  if (own.length) {
    if (attributed.amount === null) reasons.push(M.realisation.moneyPartlyUnknown(listIds(own, M), own.length, attributed.known, attributed.unknownParts, programmeOnly(own)));
    else reasons.push(M.realisation.money(listIds(own, M), own.length, attributed.amount, programmeOnly(own)));
  }
  if (shared.lines.length) reasons.push(M.realisation.sharedWithOtherScopes(listIds(shared.lines, M), shared.lines.length, shared.amount.known, own.length > 0));
  // A share of a joint cost that crosses the border is of unknown size: one unknown part per line.
  const money: Sum = shared.lines.length ? { amount: null, known: attributed.known, unknownParts: attributed.unknownParts + shared.lines.length } : attributed;
  return { value, money, reasons, evidence: joinOrdered(ctx, members, lines) };
}

/**
 * The scope's instruments and its lines, each in natural order, as one list: `mergeIds`, but
 * where every instrument comes before every line (as ids like "i7" and "l3" do) the lists are
 * joined without reading each id again.
 */
function joinOrdered(ctx: StepContext, members: string[], lines: string[]): string[] {
  if (ctx.uniqueIds && (members.length === 0 || compareIds(members[members.length - 1]!, lines[0]!) < 0)) return members.concat(lines);
  return mergeIds(members, lines);
}
