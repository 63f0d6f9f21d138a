import { BUDGET_KINDS, type BudgetKind, type BudgetLine } from '../model/review.js';
import type { Messages } from './messages/index.js';
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
  for (let y = review.period.start; y <= review.period.end; y++) yearSet.add(y);
  for (const l of review.budgetLines) for (const e of l.expenditures) yearSet.add(e.year);
  const years = [...yearSet].sort((a, b) => a - b);

  const lines: LineExpenditure[] = review.budgetLines.map((l) => lineExpenditure(l));

  const byKindAndYear: KindYear[] = [];
  for (const kind of BUDGET_KINDS) {
    const ofKind = lines.filter((l) => l.kind === kind);
    if (ofKind.length === 0) continue;
    let prev: Sum | undefined;
    let prevYear: number | undefined;
    for (const year of years) {
      const amounts = ofKind.flatMap((l) => l.years.filter((y) => y.year === year).map((y) => y.amount));
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

  const byKind = Object.fromEntries(
    BUDGET_KINDS.map((k) => [k, sum(lines.filter((l) => l.kind === k).flatMap((l) => l.years.map((y) => y.amount)))]),
  ) as Record<BudgetKind, Sum>;

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
  const sorted = [...l.expenditures].sort((a, b) => a.year - b.year);
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
  const programmeLines = lines.filter((l) => l.kind === 'programme');
  const withMoney = programmeLines.filter((l) => l.total.known > 0).sort((a, b) => b.total.known - a.total.known || a.line.localeCompare(b.line));
  const top = withMoney[0];
  if (top && programme.known > 0) {
    const s = top.total.known / programme.known;
    const reasons = [M.dominantLine.share(top.name, s, top.total.known, programme.known)];
    if (programme.unknownParts > 0) reasons.push(M.dominantLine.knownOnly(programme.unknownParts));
    return { line: top.line, name: top.name, share: programme.unknownParts ? null : s, amount: top.total.known, reasons, evidence: [top.line] };
  }
  const stated = ix.review.budgetLines
    .filter((l) => l.kind === 'programme' && l.statedShare)
    .sort((a, b) => (b.statedShare?.share ?? -1) - (a.statedShare?.share ?? -1) || a.id.localeCompare(b.id))[0];
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

/** The programme money linked to each instrument, by node index. */
export function instrumentCosts(ix: ReviewIndex): InstrumentCost[] {
  return ix.nodes.map(({ lines: ids }) => {
    const lines = ids.map((id) => ix.lines.get(id)!).filter((l) => l.kind === 'programme');
    if (lines.length === 0) return { status: 'none', lines: [], amount: null };
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
  for (const { instrument, index } of ix.nodes) {
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
