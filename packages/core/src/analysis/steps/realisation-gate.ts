import type { RealisationStatus } from '../../model/review.js';
import { compareIds, listIds, mergeIds } from '../ids.js';
import type { Messages } from '../messages/index.js';
import type { InstrumentNode, ReviewIndex } from '../review-index.js';
import type { InstrumentVerdicts, RealisationValue, SteppedVerdicts, Sum } from '../types.js';
import { idsOf, inOrder, listOrdered, type ScopeInput, type StepContext } from './context.js';

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

/** The values a scope's realisation takes by its counts (`category` in `scopeRealisation`). */
const CATEGORIES: readonly RealisationValue[] = ['realised', 'mostly-realised', 'partly-realised', 'not-realised'];

/**
 * Step 2 for a scope: how many of its instruments were realised, and the money involved. The
 * money is the scope's cost by the attribution (attribution.ts): the shares of its instruments
 * and the joint costs wholly inside it. A joint cost shared with instruments outside the scope is
 * not split by anyone, so it is an unknown part of the scope's money, never counted in full: no
 * scope's money exceeds the article's.
 */
export function scopeRealisation(ctx: StepContext, { instruments, realisation: r, cost: scope }: ScopeInput): SteppedVerdicts['realisation'] {
  const { M, lists } = ctx;
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
  const reasons = ctx.reasons.begin();
  reasons.add(M.realisation.counts(b.realised, total, b.partly, b.ongoing, b.pilot, b['not-realised'], b.unknown, lists.instruments));
  const between = CATEGORIES.indexOf(worst) * CATEGORIES.length + CATEGORIES.indexOf(best);
  if (value === 'unknown') reasons.addShared('undecided', b.unknown, between, () => M.realisation.undecided(b.unknown, worst, best));
  else if (worst !== best) reasons.addShared('at least', b.unknown, between, () => M.realisation.atLeast(b.unknown, worst, best));
  if (r.realisedAfterPeriod.length) reasons.add(M.realisation.afterPeriod(r.realisedAfterPeriod.length, listIds(r.realisedAfterPeriod, M)));

  // The lines by their places in one table, not from each instrument's cost as a set of ids: at
  // 100k instruments step 2 of the 12 domains takes 0.52x the time, of the article 0.59x, of the
  // 10k objectives about a tenth more (medians of 15, both ways in one process).
  const { costLines: table } = ctx;
  const indices = new Array<number>(instruments.length);
  const places: number[] = [];
  table.seen.reset();
  for (let k = 0; k < instruments.length; k++) {
    const { index } = instruments[k]!;
    indices[k] = index;
    for (let j = table.start[index]!; j < table.start[index + 1]!; j++) if (table.seen.add(table.places[j]!)) places.push(table.places[j]!);
  }
  // The instruments in order by their rank, not by comparing ids, and the lines merged in: at 100k
  // instruments step 2 of the article took 32 instead of 70 ms, of the 12 domains 36 instead of 101.
  // Where the scope's instruments are in that order already (most are), they are its summary's
  // list, shared: 968 of the 2k objectives at 20k instruments.
  const members = inOrder(ctx, indices) ? r.instruments : idsOf(ctx, indices);
  if (places.length === 0) {
    reasons.add(M.realisation.noMoney);
    return { value, money: NO_MONEY, reasons: reasons.list(), evidence: ctx.uniqueIds ? members : mergeIds(members, NONE) };
  }
  places.sort((a, b) => a - b);
  const shared = scope.sharedWithOtherScopes;
  // Lines shared with other scopes are marked in a pass of their own.
  table.seen.reset();
  if (!markAlong(table, places, shared.lines)) {
    table.seen.reset();
    for (let k = 0; k < shared.lines.length; k++) {
      const p = table.placeOf.get(shared.lines[k]!);
      if (p !== undefined) table.seen.add(p);
    }
  }
  const lines = new Array<string>(places.length);
  const own: string[] = [];
  let programmeOnly = true;
  for (let k = 0; k < places.length; k++) {
    const p = places[k]!;
    lines[k] = table.ids[p]!;
    if (!table.seen.add(p)) continue;
    own.push(table.ids[p]!);
    if (!table.programme[p]) programmeOnly = false;
  }
  const { attributed } = scope;
  if (own.length) {
    if (attributed.amount === null) reasons.add(M.realisation.moneyPartlyUnknown(listOrdered(own, M), own.length, attributed.known, attributed.unknownParts, programmeOnly));
    else reasons.add(M.realisation.money(listOrdered(own, M), own.length, attributed.amount, programmeOnly));
  }
  // The scope's cost lists its shared lines in natural order (attribution.ts).
  if (shared.lines.length) reasons.add(M.realisation.sharedWithOtherScopes(listOrdered(shared.lines, M), shared.lines.length, shared.amount.known, own.length > 0));
  // A share of a joint cost that crosses the border is of unknown size: one unknown part per line.
  const money: Sum = shared.lines.length ? { amount: null, known: attributed.known, unknownParts: attributed.unknownParts + shared.lines.length } : attributed;
  return { value, money, reasons: reasons.list(), evidence: joinOrdered(ctx, members, lines) };
}

/**
 * Marks the lines `ids` (in natural order) among the places (ascending, so in the same order) by
 * walking both lists, not by looking each id up: whether each was found so. At 100k instruments the
 * lookups were a twelfth of step 2 of the objectives (CPU profile).
 */
function markAlong(table: StepContext['costLines'], places: readonly number[], ids: readonly string[]): boolean {
  let s = 0;
  for (let k = 0; k < places.length && s < ids.length; k++) {
    if (table.ids[places[k]!] === ids[s]) {
      table.seen.add(places[k]!);
      s++;
    }
  }
  return s === ids.length;
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
