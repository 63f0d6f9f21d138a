import { reviewPeriod } from '../model/completeness.js';
import { BUDGET_KINDS, type BudgetKind, type BudgetLine } from '../model/review.js';
import type { Messages } from './messages/index.js';
import { compareIds } from './ids.js';
import { ratio, round, share, sum } from './numbers.js';
import type { ReviewIndex } from './review-index.js';
import type { CostAttribution, ExpenditureAnalysis, InstrumentCost, KindYear, LineExpenditure, LineYear, Sum } from './types.js';

/**
 * Expenditure per year, line and kind. A line without an entry for a year is not part of that
 * year; an entry with a null amount is unknown and keeps every total it enters unknown.
 */
export function analyseExpenditure(ix: ReviewIndex, M: Messages): ExpenditureAnalysis {
  const { review } = ix;
  const yearSet = new Set<number>();
  const { start, end } = reviewPeriod(review);
  if (start !== null && end !== null) for (let y = start; y <= end; y++) yearSet.add(y);
  for (const l of review.budgetLines) for (const e of l.expenditures) yearSet.add(e.year);
  const years = [...yearSet].sort((a, b) => a - b);

  const lines: LineExpenditure[] = review.budgetLines.map((l) => lineExpenditure(l));

  // One pass over the lines: the amounts per kind, and per kind and year, in line order.
  const ofKind = new Map<BudgetKind, (number | null)[]>();
  const ofKindAndYear = new Map<BudgetKind, Map<number, (number | null)[]>>();
  for (const l of lines) {
    let all = ofKind.get(l.kind);
    if (!all) ofKind.set(l.kind, (all = []));
    let perYear = ofKindAndYear.get(l.kind);
    if (!perYear) ofKindAndYear.set(l.kind, (perYear = new Map()));
    for (const y of l.years) {
      all.push(y.amount);
      const amounts = perYear.get(y.year);
      if (amounts) amounts.push(y.amount);
      else perYear.set(y.year, [y.amount]);
    }
  }

  const byKindAndYear: KindYear[] = [];
  for (const kind of BUDGET_KINDS) {
    const perYear = ofKindAndYear.get(kind);
    if (!perYear) continue;
    let prev: Sum | undefined;
    let prevYear: number | undefined;
    for (const year of years) {
      const amounts = perYear.get(year) ?? [];
      if (amounts.length === 0) {
        prev = undefined;
        continue;
      }
      const total = sum(amounts);
      const { change, changeShare } =
        prev && prevYear === year - 1 ? changeOf(prev.amount, total.amount) : { change: null, changeShare: null };
      byKindAndYear.push({ kind, year, total, change, changeShare });
      prev = total;
      prevYear = year;
    }
  }

  const byKind = Object.fromEntries(BUDGET_KINDS.map((k) => [k, sum(ofKind.get(k) ?? [])])) as Record<BudgetKind, Sum>;

  const programmeByYear = byKindAndYear.filter((k) => k.kind === 'programme').map((k) => ({ year: k.year, total: k.total }));

  return {
    years,
    lines,
    byKindAndYear,
    byKind,
    programmeByYear,
    dominantLine: dominantLine(ix, lines, byKind.programme, M),
    outOfScope: lines
      .filter((l) => l.kind === 'out-of-scope')
      .map((l) => ({ line: l.line, name: l.name, total: l.total, reason: l.outOfScopeReason ?? '' })),
    unknownAmounts: lines.flatMap((l) => l.years.filter((y) => y.amount === null).map((y) => ({ line: l.line, year: y.year }))),
  };
}

function lineExpenditure(l: BudgetLine): LineExpenditure {
  const inOrder = l.expenditures.every((e, i) => i === 0 || l.expenditures[i - 1]!.year <= e.year);
  const sorted = inOrder ? l.expenditures : [...l.expenditures].sort((a, b) => a.year - b.year);
  const years: LineYear[] = sorted.map((e, i) => {
    const prev = sorted[i - 1];
    const { change, changeShare } = prev && prev.year === e.year - 1 ? changeOf(prev.amount, e.amount) : { change: null, changeShare: null };
    return { year: e.year, amount: e.amount, change, changeShare };
  });
  return {
    line: l.id,
    name: l.name,
    kind: l.kind,
    article: l.article ?? null,
    instruments: l.instruments,
    years,
    total: sum(sorted.map((e) => e.amount)),
    outOfScopeReason: l.outOfScopeReason ?? null,
  };
}

function changeOf(before: number | null, after: number | null): { change: number | null; changeShare: number | null } {
  if (before === null || after === null) return { change: null, changeShare: null };
  return { change: round(after - before), changeShare: ratio(after - before, before) };
}

/**
 * The programme line with the largest share of programme money. From amounts where the source
 * gives them; otherwise from what the review states about a line's share, said as such.
 */
function dominantLine(ix: ReviewIndex, lines: LineExpenditure[], programme: Sum, M: Messages): ExpenditureAnalysis['dominantLine'] {
  // The largest; on equal amounts the first id in natural order, whatever the input order.
  let top: LineExpenditure | undefined;
  for (const l of lines) {
    if (l.kind !== 'programme' || l.total.known <= 0) continue;
    if (!top || l.total.known > top.total.known || (l.total.known === top.total.known && compareIds(l.line, top.line) < 0)) top = l;
  }
  if (top && programme.known > 0) {
    const s = top.total.known / programme.known;
    const reasons = [M.dominantLine.share(top.name, s, top.total.known, programme.known)];
    if (programme.unknownParts > 0) reasons.push(M.dominantLine.knownOnly(programme.unknownParts));
    return { line: top.line, name: top.name, share: programme.unknownParts ? null : s, amount: top.total.known, reasons, evidence: [top.line] };
  }
  const stated = ix.review.budgetLines
    .filter((l) => l.kind === 'programme' && l.statedShare)
    .sort((a, b) => (b.statedShare?.share ?? -1) - (a.statedShare?.share ?? -1) || compareIds(a.id, b.id))[0];
  if (!stated?.statedShare) return null;
  return {
    line: stated.id,
    name: stated.name,
    share: stated.statedShare.share ?? null,
    amount: null,
    reasons: [M.dominantLine.stated(stated.name, stated.statedShare.text, stated.statedShare.citation?.location || null), M.dominantLine.fromText],
    evidence: [stated.id, ...(stated.statedShare.citation?.source ? [stated.statedShare.citation.source] : [])],
  };
}

// Most instruments have no line of their own: they share one value.
const NO_COST: InstrumentCost = Object.freeze({ status: 'none', lines: Object.freeze([]) as unknown as string[], amount: null });

/** The programme money linked to each instrument, by node index. */
export function instrumentCosts(ix: ReviewIndex): InstrumentCost[] {
  return ix.nodes.map(({ lines: ids }) => {
    if (ids.length === 0) return NO_COST;
    const lines = ids.map((id) => ix.lines.get(id)!).filter((l) => l.kind === 'programme');
    if (lines.length === 0) return NO_COST;
    const amount = sum(lines.flatMap((l) => l.expenditures.map((e) => e.amount)));
    const hasKnown = lines.some((l) => l.expenditures.some((e) => e.amount !== null));
    return { status: hasKnown ? 'amount' : 'line-without-amount', lines: lines.map((l) => l.id), amount };
  });
}

/** Which instruments have programme money linked to them, and how much of the money can be attributed. */
export function attributeCost(ix: ReviewIndex, costs: readonly InstrumentCost[]): CostAttribution {
  const { review } = ix;
  const programme = review.budgetLines.filter((l) => l.kind === 'programme');
  const instruments: CostAttribution['instruments'] = {};
  const withoutCost: string[] = [];
  for (let index = 0; index < ix.nodes.length; index++) {
    const { instrument } = ix.nodes[index]!;
    const cost = costs[index]!;
    instruments[instrument.id] = cost;
    if (cost.status !== 'amount') withoutCost.push(instrument.id);
  }
  let attributable = 0;
  let total = 0;
  let unknownParts = 0;
  for (const l of programme) {
    for (const e of l.expenditures) {
      if (e.amount === null) {
        unknownParts++;
        continue;
      }
      total += e.amount;
      if (l.instruments.length > 0) attributable += e.amount;
    }
  }
  return {
    instruments,
    withCost: share(review.instruments.length - withoutCost.length, review.instruments.length),
    withoutCost,
    // With unknown amounts the share is not known either: the figures stay, the share is null.
    attributableMoney: { attributable: round(attributable), total: round(total), share: unknownParts ? null : ratio(attributable, total), unknownParts },
  };
}
