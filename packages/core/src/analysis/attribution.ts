import type { BudgetLine } from '../model/review.js';
import { sortIds } from './ids.js';
import { checkShares, coveredArticles, lineScope } from '../model/money-scope.js';
import { addSum, EMPTY_SUM, ratio, round, scaleSum, sum, unknownOf } from './numbers.js';
import type { InstrumentNode, ReviewIndex } from './review-index.js';
import type { CostAttribution, InstrumentCost, JointCost, LineAttribution, ScopeCost, ScopeRef, Sum } from './types.js';

/**
 * Cost attribution (issue 11, points 1, 2 and 5): which money is the cost of which instrument.
 *
 * A cost line is a programme line booked on the reviewed article, or an apparatus (staff-time) line
 * wherever it is booked; lines of unknown kind may be either, so their money enters a cost as an
 * unknown part, never as a figure. Receipts, out-of-scope lines and lines on other articles are no
 * cost. Each cost line's money (all its years) is split once, so that no euro is counted twice:
 * - an instrument with a share of its own (a fraction, or an amount of the line's total) gets that
 *   share as its direct cost;
 * - the instruments the line finances without a share of their own share the rest jointly: a
 *   joint cost is the cost of the group, never of each member in full;
 * - money no instrument is named for is unattributed.
 * A scope (objective, domain, article) is attributed the direct costs of its instruments and the
 * joint costs whose whole group lies inside it; a joint cost that crosses its border is reported
 * as shared with other scopes, not counted. So no scope's or instrument's cost exceeds the article's.
 */

// Most instruments have no line of their own: they share one value.
const NO_LINES = Object.freeze([]) as unknown as string[];
const NO_JOINT = Object.freeze([]) as unknown as JointCost[];
const NO_GROUPS = Object.freeze([]) as unknown as number[];
const NO_DIRECT = Object.freeze([]) as unknown as LineAttribution['direct'];
const NO_COST: InstrumentCost = Object.freeze({ status: 'none', lines: NO_LINES, amount: null, programme: null, apparatus: null, joint: NO_JOINT });

/** The cost kinds; `null` for a line that is no cost of the article's instruments. */
function costKind(line: BudgetLine, covered: readonly string[]): LineAttribution['kind'] | null {
  if (line.kind === 'receipts' || line.kind === 'out-of-scope') return null;
  const scope = lineScope(line, covered);
  if (scope === 'article') return line.kind as LineAttribution['kind'];
  if (scope === 'apparatus-elsewhere') return 'apparatus';
  return null;
}

/** One cost line split over the instruments it finances. Instruments not in the review are passed over. */
export function attributeLine(line: BudgetLine, kind: LineAttribution['kind'], known: (id: string) => boolean): LineAttribution {
  const raw = sum(line.expenditures.map((e) => e.amount));
  // Money of unknown kind may be no cost at all: it enters as an unknown part.
  const total = kind === 'unknown' ? unknownOf(raw) : raw;
  // A line that names no instrument (most lines): all of its money is unattributed.
  if (line.instruments.length === 0 && !line.shares?.length) return { line: line.id, kind, total, direct: NO_DIRECT, joint: null, unattributed: total, sharesIgnored: null };
  const financed = new Set<string>();
  for (let k = 0; k < line.instruments.length; k++) if (known(line.instruments[k]!)) financed.add(line.instruments[k]!);
  const { problem } = checkShares(line);
  const shares = problem ? [] : (line.shares ?? []).filter((s) => known(s.instrument) && ((s.fraction ?? null) !== null || s.amount !== undefined));
  for (const s of line.shares ?? []) if (known(s.instrument)) financed.add(s.instrument);

  const direct: LineAttribution['direct'] = [];
  let rest: Sum = total;
  let fractions = 0;
  let amounts = 0;
  let unknownAmounts = 0;
  for (const s of shares) {
    if (s.fraction !== undefined && s.fraction !== null) {
      fractions += s.fraction;
      direct.push({ instrument: s.instrument, basis: 'fraction', amount: scaleSum(total, s.fraction) });
    } else if (s.amount === null || s.amount === undefined) {
      unknownAmounts++;
      direct.push({ instrument: s.instrument, basis: 'amount', amount: { amount: null, known: 0, unknownParts: 1 } });
    } else {
      amounts += s.amount;
      direct.push({ instrument: s.instrument, basis: 'amount', amount: kind === 'unknown' ? unknownOf(sum([s.amount])) : sum([s.amount]) });
    }
  }
  if (fractions > 0) rest = scaleSum(total, 1 - fractions);
  if (amounts > 0 || unknownAmounts > 0) {
    const known = kind === 'unknown' ? 0 : amounts;
    rest = {
      amount: rest.amount === null || unknownAmounts > 0 ? null : round(rest.amount - known),
      known: round(Math.max(0, rest.known - known)),
      unknownParts: rest.unknownParts + unknownAmounts,
    };
  }
  const withShare = new Set(direct.map((d) => d.instrument));
  const jointIds = sortIds([...financed].filter((id) => !withShare.has(id)));
  // The rest of a line that only one instrument shares is that instrument's own.
  if (jointIds.length === 1) direct.push({ instrument: jointIds[0]!, basis: 'remainder', amount: rest });
  const joint = jointIds.length > 1 ? { instruments: jointIds, amount: rest } : null;
  return {
    line: line.id,
    kind,
    total,
    direct,
    joint,
    unattributed: jointIds.length ? EMPTY_SUM : rest,
    sharesIgnored: problem,
  };
}

/** Per-line attributions, per-instrument costs (by node index) and the facts scopes are built from. */
export interface Attribution {
  lines: LineAttribution[];
  /** By node index. */
  costs: InstrumentCost[];
  /**
   * By node index, 1 where a line reaches the instrument (its cost is its own, not the shared one
   * of no line; only these belong to joint groups): a pass over a scope's instruments reads these
   * 100 kB instead of the costs and groups (800 kB each at 100k instruments) for every instrument.
   */
  reachedByLine: Uint8Array;
  /** Joint groups as node indices, for scope membership. */
  groups: { line: string; kind: LineAttribution['kind']; members: number[]; amount: Sum }[];
  /** The groups each node belongs to, by node index. */
  groupsOf: (number[] | undefined)[];
  /** See jointGroupsIn. */
  splits: WeakMap<readonly InstrumentNode[], JointSplit>;
  marks?: { stamp: Int32Array; count: Int32Array; epoch: number };
}

export function attributeCosts(ix: ReviewIndex): Attribution {
  const covered = coveredArticles(ix.review);
  const known = (id: string) => ix.nodeOf.has(id);
  const lines: LineAttribution[] = [];
  // Most instruments have no cost line: they keep the shared NO_COST, and only those a line
  // reaches are built (a map over every node cost more than the attribution itself at 100k).
  const costs: InstrumentCost[] = new Array<InstrumentCost>(ix.nodes.length).fill(NO_COST);
  // The sums are added up as the lines come, in the order a list of them would be: lists kept per
  // instrument until the end held 17 slots each for their 1–2 entries (with lines that name no
  // instrument returned at once, attributeCosts at 100k allocates 30 -> 22 MB).
  type Building = { index: number; lines: string[]; amount: Sum | null; programme: Sum | null; apparatus: Sum | null; joint: JointCost[] };
  // Filled, not holey: arrays written at scattered indices would fall back to dictionaries.
  const building: (Building | undefined)[] = new Array<Building | undefined>(ix.nodes.length).fill(undefined);
  const reached: Building[] = [];
  const groups: Attribution['groups'] = [];
  const groupsOf: (number[] | undefined)[] = new Array<number[] | undefined>(ix.nodes.length).fill(undefined);
  const of = (index: number): Building => {
    let b = building[index];
    if (!b) reached.push((building[index] = b = { index, lines: [], amount: null, programme: null, apparatus: null, joint: NO_JOINT }));
    return b;
  };
  // Indexed loops over the lines and what they reach, as over the instruments (see InstrumentNode).
  const { budgetLines } = ix.review;
  for (let k = 0; k < budgetLines.length; k++) {
    const line = budgetLines[k]!;
    const kind = costKind(line, covered);
    if (kind === null) continue;
    const a = attributeLine(line, kind, known);
    lines.push(a);
    for (let j = 0; j < a.direct.length; j++) {
      const d = a.direct[j]!;
      const b = of(ix.nodeOf.get(d.instrument)!.index);
      b.lines.push(line.id);
      b.amount = b.amount === null ? d.amount : addSum(b.amount, d.amount);
      if (kind === 'programme') b.programme = addSum(b.programme ?? EMPTY_SUM, d.amount);
      else if (kind === 'apparatus') b.apparatus = addSum(b.apparatus ?? EMPTY_SUM, d.amount);
    }
    if (a.joint) {
      const members = a.joint.instruments.map((id) => ix.nodeOf.get(id)!.index);
      const g = groups.length;
      groups.push({ line: line.id, kind, members, amount: a.joint.amount });
      for (let j = 0; j < members.length; j++) {
        const m = members[j]!;
        const b = of(m);
        b.lines.push(line.id);
        const cost: JointCost = { line: line.id, kind, with: a.joint.instruments, amount: a.joint.amount };
        b.joint = b.joint === NO_JOINT ? [cost] : [...b.joint, cost];
        (groupsOf[m] ??= []).push(g);
      }
    }
  }
  const reachedByLine = new Uint8Array(ix.nodes.length);
  for (let k = 0; k < reached.length; k++) {
    const b = reached[k]!;
    reachedByLine[b.index] = 1;
    const { amount } = b;
    const status: InstrumentCost['status'] = hasFigure(amount) ? 'amount' : b.joint.some((j) => hasFigure(j.amount)) ? 'joint' : 'line-without-amount';
    costs[b.index] = {
      status,
      lines: b.lines.length === 1 ? [b.lines[0]!] : sortIds(new Set(b.lines)),
      amount,
      programme: b.programme,
      apparatus: b.apparatus,
      joint: b.joint,
    };
  }
  return { lines, costs, reachedByLine, groups, groupsOf, splits: new WeakMap() };
}

/** Whether a sum holds any figure: a known total, or known parts beside unknown ones. */
const hasFigure = (s: Sum | null) => s !== null && (s.amount !== null || s.known > 0);
const plus = (to: Sum | null, s: Sum) => (to === null ? s : addSum(to, s));
const NO_SHARED: ScopeCost['sharedWithOtherScopes'] = Object.freeze({ amount: EMPTY_SUM, lines: NO_LINES });

/**
 * The node indices of a scope's instruments, made once per list: the scopes' lists are the index's
 * own, and every per-scope step passes over them again. A pass over the typed, contiguous indices
 * no longer touches the (scattered) node objects.
 */
export function nodeIndices(instruments: readonly InstrumentNode[]): Int32Array {
  if (instruments.length === 0) return NO_INDICES;
  let indices = indicesOf.get(instruments);
  if (indices === undefined) {
    indices = new Int32Array(instruments.length);
    for (let k = 0; k < instruments.length; k++) indices[k] = instruments[k]!.index;
    indicesOf.set(instruments, indices);
  }
  return indices;
}
const indicesOf = new WeakMap<readonly InstrumentNode[], Int32Array>();
const NO_INDICES = new Int32Array(0);

/** The joint groups (by position in Attribution.groups) wholly inside a set of instruments, and those crossing its border. */
export interface JointSplit {
  inside: number[];
  crossing: number[];
}

/**
 * Which joint groups lie wholly inside a set of instruments, and which cross its border (shared
 * with instruments outside it). One rule for every reader of scope money: the cost of a scope and
 * its coverage by money. Worked out once per list of instruments (the scopes' lists are the
 * index's own, the same for both readers), with marks reused from scope to scope, so a scope
 * costs a single pass over its own instruments.
 */
export function jointGroupsIn(at: Attribution, instruments: readonly InstrumentNode[]): JointSplit {
  let split = at.splits.get(instruments);
  if (split === undefined) at.splits.set(instruments, (split = splitGroups(at, instruments)));
  return split;
}

function splitGroups(at: Attribution, instruments: readonly InstrumentNode[]): JointSplit {
  const marks = (at.marks ??= { stamp: new Int32Array(at.groups.length).fill(-1), count: new Int32Array(at.groups.length), epoch: 0 });
  const { stamp, count } = marks;
  const epoch = ++marks.epoch;
  let touched: number[] | null = null;
  const indices = nodeIndices(instruments);
  for (let k = 0; k < indices.length; k++) {
    if (at.reachedByLine[indices[k]!] === 0) continue;
    const gs = at.groupsOf[indices[k]!];
    if (!gs) continue;
    for (let j = 0; j < gs.length; j++) {
      const g = gs[j]!;
      if (stamp[g] !== epoch) {
        stamp[g] = epoch;
        count[g] = 0;
        (touched ??= []).push(g);
      }
      count[g]!++;
    }
  }
  if (touched === null) return NO_SPLIT;
  const inside: number[] = [];
  const crossing: number[] = [];
  for (let k = 0; k < touched.length; k++) (count[touched[k]!] === at.groups[touched[k]!]!.members.length ? inside : crossing).push(touched[k]!);
  return { inside, crossing };
}
const NO_SPLIT: JointSplit = Object.freeze({ inside: NO_GROUPS, crossing: NO_GROUPS });

/**
 * The cost of a scope: the direct costs of its instruments, the joint costs whose group lies
 * wholly inside it, and apart from those the joint costs it shares with other scopes. Call the
 * returned function once per scope.
 */
export function scopeCosts(at: Attribution): (scope: ScopeRef, instruments: readonly InstrumentNode[]) => ScopeCost {
  return (scope, instruments) => {
    let attributed = EMPTY_SUM;
    let programme: Sum | null = null;
    let apparatus: Sum | null = null;
    let joint: Sum | null = null;
    let withCost = 0;
    const indices = nodeIndices(instruments);
    for (let k = 0; k < indices.length; k++) {
      if (at.reachedByLine[indices[k]!] === 0) continue;
      const c = at.costs[indices[k]!]!;
      if (c.status === 'amount') withCost++;
      if (c.amount) attributed = addSum(attributed, c.amount);
      if (c.programme) programme = plus(programme, c.programme);
      if (c.apparatus) apparatus = plus(apparatus, c.apparatus);
    }
    const { inside, crossing } = jointGroupsIn(at, instruments);
    for (let k = 0; k < inside.length; k++) {
      const group = at.groups[inside[k]!]!;
      joint = plus(joint, group.amount);
      attributed = addSum(attributed, group.amount);
      if (group.kind === 'programme') programme = plus(programme, group.amount);
      else if (group.kind === 'apparatus') apparatus = plus(apparatus, group.amount);
    }
    let sharedAmount = EMPTY_SUM;
    for (let k = 0; k < crossing.length; k++) sharedAmount = addSum(sharedAmount, at.groups[crossing[k]!]!.amount);
    return {
      scope: scope.id,
      kind: scope.kind,
      instruments: instruments.length,
      withCost,
      attributed,
      programme,
      apparatus,
      joint,
      sharedWithOtherScopes: crossing.length ? { amount: sharedAmount, lines: sortIds(crossing.map((g) => at.groups[g]!.line)) } : NO_SHARED,
    };
  };
}

/** Cost attribution for the article, its domains and objectives. */
export function costAttribution(
  ix: ReviewIndex,
  at: Attribution,
  /** From `scopeCosts`, computed once per scope where the scopes are built. */
  scopes: CostAttribution['scopes'],
): CostAttribution {
  const { review } = ix;
  const instruments: CostAttribution['instruments'] = {};
  // Counted first, so that the lists (100k ids) are made at their size instead of grown (costAttribution at 100k allocates 17 -> 15 MB).
  let without = 0;
  let joint = 0;
  for (let index = 0; index < at.costs.length; index++) {
    const { status } = at.costs[index]!;
    if (status !== 'amount') without++;
    if (status === 'joint') joint++;
  }
  const withoutCost = new Array<string>(without);
  const jointOnly = new Array<string>(joint);
  const ids = ix.instrumentIds;
  for (let index = 0, w = 0, j = 0; index < ids.length; index++) {
    const id = ids[index]!;
    const cost = at.costs[index]!;
    instruments[id] = cost;
    if (cost.status !== 'amount') withoutCost[w++] = id;
    if (cost.status === 'joint') jointOnly[j++] = id;
  }
  const money = (kind: 'programme' | 'apparatus') => {
    let attributable = 0;
    let total = 0;
    let unknownParts = 0;
    for (let k = 0; k < at.lines.length; k++) {
      const l = at.lines[k]!;
      if (l.kind !== kind) continue;
      total += l.total.known;
      unknownParts += l.total.unknownParts;
      const unattributed = l.unattributed.known;
      attributable += l.total.known - unattributed;
    }
    // With unknown amounts the share is not known either: the figures stay, the share is null.
    return { attributable: round(attributable), total: round(total), share: unknownParts ? null : ratio(attributable, total), unknownParts };
  };
  return {
    instruments,
    withCost: { count: review.instruments.length - withoutCost.length, total: review.instruments.length, share: review.instruments.length ? (review.instruments.length - withoutCost.length) / review.instruments.length : null },
    withoutCost,
    jointOnly,
    attributableMoney: money('programme'),
    staffTime: money('apparatus'),
    lines: at.lines,
    scopes,
  };
}
