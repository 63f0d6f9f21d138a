import { reviewPeriod } from '../model/completeness.js';
import type { Messages } from './messages/index.js';
import { compareIds, listIds, sortIds } from './ids.js';
import { round } from './numbers.js';
import { maxStrength, strengthRank } from './evidence.js';
import type { ReviewIndex } from './review-index.js';
import type { InstrumentEvidence, SavingsCut, SavingsOption, SavingsOptions, SavingsVariant } from './types.js';
import type { EvidenceStrength, Review } from '../model/review.js';
import { InvalidOptionsError } from '../errors.js';
import { nearest } from '../util/nearest.js';

interface Candidate {
  line: string;
  name: string;
  base: number;
  instruments: string[];
  strength: EvidenceStrength;
}

/**
 * Checks savings options against the review, so that a typo never yields a silent empty variant:
 * the percentage must lie in (0, 100], the base year must have programme figures, and protected
 * lines must be programme lines of the review.
 */
export function checkSavingsOptions(review: Review, options: SavingsOptions): InvalidOptionsError | null {
  const problems: InvalidOptionsError['problems'] = [];
  const { percent, baseYear, protect = [] } = options;
  if (percent !== undefined && !(Number.isFinite(percent) && percent > 0 && percent <= 100)) {
    problems.push({ option: 'savings.percent', message: `${percent} is not a percentage between 0 and 100`, hint: 'e.g. 20' });
  }
  const programme = review.budgetLines.filter((l) => l.kind === 'programme');
  if (baseYear !== undefined) {
    const years = sortIds(programme.flatMap((l) => l.expenditures.filter((e) => e.amount !== null).map((e) => String(e.year))));
    if (!years.includes(String(baseYear))) {
      problems.push({
        option: 'savings.baseYear',
        message: `the review has no programme figures for ${baseYear}`,
        hint: years.length ? `years with figures: ${years.join(', ')}` : 'no programme line has a known amount',
      });
    }
  }
  const lines = programme.map((l) => l.id);
  for (const id of protect) {
    if (lines.includes(id)) continue;
    const near = nearest(id, lines);
    problems.push({ option: 'savings.protect', message: `"${id}" is not a programme line of this review`, hint: near ? `did you mean "${near}"?` : `programme lines: ${lines.join(', ') || 'none'}` });
  }
  return problems.length ? new InvalidOptionsError(problems) : null;
}

/**
 * The savings variant of RPE question 15: by default 20% of the programme budget of the last year
 * of the period with programme figures. Two options: the same share off every unprotected line,
 * or lines with the least evidence of effectiveness cut first.
 */
export function savingsVariant(ix: ReviewIndex, evidence: readonly InstrumentEvidence[], options: SavingsOptions = {}, M: Messages): SavingsVariant {
  const { review } = ix;
  const percent = options.percent ?? 20;
  const protect = new Set(options.protect ?? []);
  const programme = review.budgetLines.filter((l) => l.kind === 'programme');
  const yearsWithFigures = programme.flatMap((l) => l.expenditures.filter((e) => e.amount !== null).map((e) => e.year));
  const { start, end } = reviewPeriod(review);
  const inPeriod = yearsWithFigures.filter((y) => (start === null || y >= start) && (end === null || y <= end));
  const baseYear = options.baseYear ?? (inPeriod.length ? Math.max(...inPeriod) : yearsWithFigures.length ? Math.max(...yearsWithFigures) : null);

  const unknownLines: string[] = [];
  const candidates: Candidate[] = [];
  let base = 0;
  let protectedBase = 0;
  for (const l of programme) {
    const entry = baseYear === null ? undefined : l.expenditures.find((e) => e.year === baseYear);
    if (!entry) continue;
    if (entry.amount === null) {
      unknownLines.push(l.id);
      continue;
    }
    base += entry.amount;
    if (protect.has(l.id)) {
      protectedBase += entry.amount;
      continue;
    }
    let strength: EvidenceStrength = 'none';
    for (const id of l.instruments) {
      const node = ix.nodeOf.get(id);
      if (node) strength = maxStrength(strength, evidence[node.index]!.aspects.effectiveness.strength);
    }
    candidates.push({ line: l.id, name: l.name, base: entry.amount, instruments: sortIds(l.instruments), strength });
  }
  base = round(base);
  const target = round((base * percent) / 100);
  const cuttable = round(base - protectedBase);

  const reasons: string[] = [];
  if (baseYear === null) reasons.push(M.savings.noBase);
  else reasons.push(M.savings.base(baseYear, base, percent, target));
  if (protect.size) reasons.push(M.savings.protectedLines(listIds(protect, M, 20), protectedBase));
  if (unknownLines.length) reasons.push(M.savings.unknownLines(baseYear, listIds(unknownLines, M, 20)));

  // Ties in evidence fall back to the larger line first, then the id, so the order never depends on input order.
  const ranked = [...candidates].sort(
    (a, b) => strengthRank(a.strength) - strengthRank(b.strength) || b.base - a.base || compareIds(a.line, b.line),
  );
  // Every line gives up the same share, so every line has the same reason: written once.
  const sameShare = M.savings.acrossTheBoardCut(cuttable > 0 ? Math.min(target, cuttable) / cuttable : 0);
  const acrossTheBoard = option('across-the-board', target, cuttable, (c) => (cuttable > 0 ? (c.base * Math.min(target, cuttable)) / cuttable : 0), candidates, () => sameShare, M);
  let left = target;
  const cutOf = new Map<string, number>();
  for (const c of ranked) {
    const cut = Math.min(c.base, left);
    cutOf.set(c.line, cut);
    left -= cut;
  }
  const evidenceRanked = option('evidence-ranked', target, cuttable, (c) => cutOf.get(c.line) ?? 0, ranked, (c) => M.savings.evidenceRankedCut(c.strength), M);

  return { percent, baseYear, base, target, protectedLines: sortIds(protect), unknownLines: sortIds(unknownLines), options: [acrossTheBoard, evidenceRanked], reasons, evidence: sortIds([...candidates.map((c) => c.line), ...unknownLines]) };
}

function option(
  method: SavingsOption['method'],
  target: number,
  cuttable: number,
  cutFor: (c: Candidate) => number,
  candidates: Candidate[],
  why: (c: Candidate) => string,
  M: Messages,
): SavingsOption {
  const cuts: SavingsCut[] = candidates
    .map((c) => {
      const cut = round(cutFor(c));
      return { line: c.line, name: c.name, base: c.base, cut, remaining: round(c.base - cut), cutShare: c.base > 0 ? cut / c.base : 0, instruments: c.instruments, strength: c.strength, reason: why(c) };
    })
    .filter((c) => c.cut > 0);
  const saved = round(cuts.reduce((s, c) => s + c.cut, 0));
  const shortfall = round(Math.max(0, target - saved));
  const reasons = [method === 'across-the-board' ? M.savings.acrossTheBoard : M.savings.evidenceRanked];
  if (shortfall > 0) reasons.push(M.savings.shortfall(cuttable, shortfall));
  return { method, cuts, saved, shortfall, reasons, evidence: cuts.map((c) => c.line) };
}
