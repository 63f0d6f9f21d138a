import type { Messages } from './messages/index.js';
import { compareIds, listIds, sortIds } from './ids.js';
import { coveredArticles, lineScope } from '../model/money-scope.js';
import { round, sum } from './numbers.js';
import { strengthRank } from './evidence.js';
import { effectivenessRankOrder, rankOf, type RankedEffectiveness } from './effectiveness-rank.js';
import type { ReviewIndex } from './review-index.js';
import type { EffectivenessRank, InstrumentVerdicts, ReviewSavingsVariant, SavingsCut, SavingsOption, SavingsOptions, SavingsVariant } from './types.js';
import { reviewPeriod } from '../model/completeness.js';
import type { BudgetLine, EvidenceStrength, Review } from '../model/review.js';
import { InvalidOptionsError } from '../errors.js';
import { nearest } from '../util/nearest.js';

/**
 * The savings variant of RPE question 15 (issue 11 point 4).
 *
 * Base: the programme money of the base year on the reviewed article (apparatus as an option),
 * per line from the adopted budget where the review gives it, else from the realisation. A line
 * without a figure for the base year is listed as unknown and the base called a lower bound; with
 * no figure at all the base, the target and the shortfall are unknown. Lines fixed by law or
 * contract stay in the base but are never cut, nor are protected lines. Variants: the same share
 * off every cuttable line; lines cut in order of what the evidence says of the instruments they
 * finance; and the review's own savings chapter, side by side.
 */

interface Candidate {
  line: BudgetLine;
  base: number;
  baseSource: SavingsCut['baseSource'];
  instruments: string[];
  rank: RankedEffectiveness;
  evidence: string[];
}

/** The lines a savings variant may draw on: programme lines on the article, and apparatus when asked. */
function savingsLines(review: Review, includeApparatus: boolean): { lines: BudgetLine[]; unknownKind: BudgetLine[] } {
  const covered = coveredArticles(review);
  const lines: BudgetLine[] = [];
  const unknownKind: BudgetLine[] = [];
  for (let k = 0; k < review.budgetLines.length; k++) {
    const l = review.budgetLines[k]!;
    const scope = lineScope(l, covered);
    if (l.kind === 'programme' && scope === 'article') lines.push(l);
    else if (l.kind === 'apparatus' && includeApparatus && scope !== 'out-of-scope') lines.push(l);
    else if (l.kind === 'unknown' && scope === 'article') unknownKind.push(l);
  }
  return { lines, unknownKind };
}

/** A line's figure for a year: the adopted budget where given, else the realisation; null when neither is known. */
function figureOf(line: BudgetLine, year: number): { amount: number; source: SavingsCut['baseSource'] } | null {
  for (let k = 0; k < line.expenditures.length; k++) {
    const e = line.expenditures[k]!;
    if (e.year !== year) continue;
    const adopted = e.budgeted?.adopted;
    if (adopted !== undefined && adopted !== null) return { amount: adopted, source: 'adopted' };
    if (e.amount !== null) return { amount: e.amount, source: 'realisation' };
  }
  return null;
}

const yearsWithFigures = (lines: readonly BudgetLine[]) => {
  const out = new Set<number>();
  for (let k = 0; k < lines.length; k++) {
    const { expenditures } = lines[k]!;
    for (let j = 0; j < expenditures.length; j++) if (expenditures[j]!.amount !== null || (expenditures[j]!.budgeted?.adopted ?? null) !== null) out.add(expenditures[j]!.year);
  }
  return out;
};

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
  const { lines: programme } = savingsLines(review, options.includeApparatus === true);
  const lineNoun = options.includeApparatus === true ? 'programme or apparatus line' : 'programme line';
  if (baseYear !== undefined) {
    const years = sortIds([...yearsWithFigures(programme)].map(String));
    if (!years.includes(String(baseYear))) {
      problems.push({
        option: 'savings.baseYear',
        message: `the review has no ${lineNoun.replace(' line', '')} figures for ${baseYear}`,
        hint: years.length ? `years with figures: ${years.join(', ')}` : `no ${lineNoun} has a known amount`,
      });
    }
  }
  const ids = programme.map((l) => l.id);
  for (const id of protect) {
    if (ids.includes(id)) continue;
    const near = nearest(id, ids);
    problems.push({ option: 'savings.protect', message: `"${id}" is not a ${lineNoun} of this review`, hint: near ? `did you mean "${near}"?` : `${lineNoun}s: ${ids.join(', ') || 'none'}` });
  }
  return problems.length ? new InvalidOptionsError(problems) : null;
}

/** The base year: as asked; else the last year of the period with figures; else the last year with figures; else the last year with entries. */
function baseYearOf(review: Review, lines: readonly BudgetLine[], asked: number | undefined): number | null {
  if (asked !== undefined) return asked;
  const { start, end } = reviewPeriod(review);
  const inPeriod = (y: number) => (start === null || y >= start) && (end === null || y <= end);
  const last = (ys: Iterable<number>) => {
    let best: number | null = null;
    for (const y of ys) if (best === null || y > best) best = y;
    return best;
  };
  const figures = [...yearsWithFigures(lines)];
  const found = last(figures.filter(inPeriod)) ?? last(figures);
  if (found !== null) return found;
  const entries = lines.flatMap((l) => l.expenditures.map((e) => e.year));
  return last(entries.filter(inPeriod)) ?? last(entries) ?? end;
}

/** The most favourable verdict among the instruments a line or option affects: cutting it cuts them all. */
function rankOfInstruments(ix: ReviewIndex, verdicts: readonly InstrumentVerdicts[], ids: readonly string[], cache: Map<number, RankedEffectiveness>): { rank: RankedEffectiveness; evidence: string[] } {
  let best: RankedEffectiveness | null = null;
  const evidence: string[] = [];
  for (let k = 0; k < ids.length; k++) {
    const node = ix.nodeOf.get(ids[k]!);
    if (!node) continue;
    let r = cache.get(node.index);
    if (!r) cache.set(node.index, (r = rankOf(verdicts[node.index]!)));
    evidence.push(ids[k]!);
    for (let j = 0; j < r.findings.length; j++) evidence.push(r.findings[j]!);
    if (!best || effectivenessRankOrder(r.verdict) > effectivenessRankOrder(best.verdict) || (r.verdict === best.verdict && strengthRank(r.strength) > strengthRank(best.strength))) best = r;
  }
  // sortIds drops the repeats: no set is needed first.
  return { rank: best ?? { verdict: 'no-evidence', strength: 'none', findings: [] }, evidence: sortIds(evidence) };
}

/** The instruments a line finances, with or without a share. */
const instrumentsOf = (l: BudgetLine) => sortIds(l.shares?.length ? l.instruments.concat(l.shares.map((s) => s.instrument)) : l.instruments);

/**
 * Cut-first order: the verdict (negative first, demonstrated last); within a verdict that the
 * evidence speaks against (negative, not demonstrated) the firmer evidence first, within the
 * others the weaker first; then the larger line; then the id, so no order depends on the input's.
 */
function inCutOrder(candidates: readonly Candidate[]): Candidate[] {
  // Verdict and strength are ranked once per line, not once per comparison: at 100k instruments
  // (12.5k lines) the sort went from 22% to 16% of savingsVariant (CPU profile).
  const keyed = candidates.map((c) => {
    const verdict = effectivenessRankOrder(c.rank.verdict);
    const against = c.rank.verdict === 'negative' || c.rank.verdict === 'not-demonstrated';
    return { c, verdict, strength: against ? -strengthRank(c.rank.strength) : strengthRank(c.rank.strength) };
  });
  keyed.sort((a, b) => a.verdict - b.verdict || a.strength - b.strength || b.c.base - a.c.base || compareIds(a.c.line.id, b.c.line.id));
  return keyed.map((k) => k.c);
}

export function savingsVariant(ix: ReviewIndex, verdicts: readonly InstrumentVerdicts[], options: SavingsOptions = {}, M: Messages): SavingsVariant {
  const { review } = ix;
  const percent = options.percent ?? 20;
  const includesApparatus = options.includeApparatus === true;
  const protect = new Set(options.protect ?? []);
  const { lines, unknownKind } = savingsLines(review, includesApparatus);
  const baseYear = baseYearOf(review, lines, options.baseYear);
  const cache = new Map<number, RankedEffectiveness>();

  const unknownLines: string[] = [];
  const candidates: Candidate[] = [];
  const fixedLines: SavingsVariant['fixedLines'] = [];
  let base = 0;
  let knownLines = 0;
  let protectedBase = 0;
  let fixedBase = 0;
  let protectedKnown = 0;
  let fixedKnown = 0;
  // Indexed loops over the lines (12,500 at 100k instruments), as over the instruments (see InstrumentNode).
  for (let k = 0; k < lines.length; k++) {
    const l = lines[k]!;
    const figure = baseYear === null ? null : figureOf(l, baseYear);
    if (l.fixed) fixedLines.push({ line: l.id, name: l.name, base: figure?.amount ?? null, reason: l.fixed.reason });
    if (!figure) {
      unknownLines.push(l.id);
      continue;
    }
    knownLines++;
    base += figure.amount;
    if (l.fixed) {
      fixedBase += figure.amount;
      fixedKnown++;
      continue;
    }
    if (protect.has(l.id)) {
      protectedBase += figure.amount;
      protectedKnown++;
      continue;
    }
    const instruments = instrumentsOf(l);
    const { rank, evidence } = rankOfInstruments(ix, verdicts, instruments, cache);
    candidates.push({ line: l, base: figure.amount, baseSource: figure.source, instruments, rank, evidence });
  }
  for (const l of unknownKind) unknownLines.push(l.id);
  const baseKnown = knownLines > 0;
  const baseLowerBound = baseKnown && unknownLines.length > 0;
  const baseValue = baseKnown ? round(base) : null;
  const target = baseValue === null ? null : round((baseValue * percent) / 100);
  const cuttable = round(base - protectedBase - fixedBase);

  const reasons: string[] = [];
  const where = (ids: readonly string[]) => listIds(ids, M, 20);
  if (baseYear === null) reasons.push(M.savings.noLines);
  else if (!baseKnown) {
    reasons.push(lines.length ? M.savings.allUnknown(baseYear, where(unknownLines)) : M.savings.noLines);
    const located = lines
      .map((l) => {
        const e = l.expenditures.find((x) => x.year === baseYear);
        const at = e?.citation?.location ?? l.citation?.location ?? null;
        return at ? `${l.id}: ${at}` : null;
      })
      .filter((x): x is string => x !== null);
    if (located.length) reasons.push(M.savings.figuresWhere(located.slice(0, 20).join('; ')));
  } else reasons.push(M.savings.base(baseYear, baseValue!, percent, target!, baseLowerBound, includesApparatus));
  const completeness = ix.review.completeness?.expenditure;
  if ((!baseKnown || baseLowerBound) && completeness?.missing) reasons.push(M.savings.missing(completeness.missing));
  if (baseKnown && unknownLines.length) reasons.push(M.savings.unknownLines(baseYear, where(sortIds(unknownLines))));
  if (unknownKind.length) reasons.push(M.savings.unknownKind(where(sortIds(unknownKind.map((l) => l.id)))));
  if (fixedLines.length) reasons.push(M.savings.fixedLines(where(fixedLines.map((f) => f.line)), fixedKnown ? round(fixedBase) : null));
  if (protect.size) reasons.push(M.savings.protectedLines(where(sortIds(protect)), protectedKnown ? round(protectedBase) : null));

  const ranked = inCutOrder(candidates);
  const goal = target ?? 0;
  // Every line gives up the same share, so every line has the same reason: written once.
  const even = cuttable > 0 ? Math.min(goal, cuttable) / cuttable : 0;
  const sameShare = M.savings.acrossTheBoardCut(even);
  const acrossTheBoard = option('across-the-board', target, cuttable, (c) => c.base * even, candidates, () => sameShare, M);
  let left = goal;
  const cutOf = new Array<number>(ranked.length);
  for (let k = 0; k < ranked.length; k++) {
    const cut = Math.max(0, Math.min(ranked[k]!.base, left));
    cutOf[k] = cut;
    left -= cut;
  }
  const evidenceRanked = option('evidence-ranked', target, cuttable, (_, k) => cutOf[k]!, ranked, (c) => M.savings.evidenceRankedCut(c.rank.verdict, c.rank.strength, c.instruments.length), M);
  const own = reviewChapter(ix, verdicts, M, cache);
  if (!own) reasons.push(M.savings.noChapter);

  const variants = [acrossTheBoard, evidenceRanked];
  return {
    percent,
    baseYear,
    includesApparatus,
    base: baseValue,
    baseLowerBound,
    target,
    protectedLines: sortIds(protect),
    fixedLines,
    unknownLines: sortIds(unknownLines),
    options: variants,
    review: own,
    comparison: [
      ...variants.map((o) => ({ method: o.method, target, saved: o.saved, shortfall: o.shortfall })),
      ...(own ? [{ method: 'review' as const, target: own.target, saved: own.total.amount, shortfall: own.shortfall }] : []),
    ],
    reasons,
    evidence: sortIds(candidates.map((c) => c.line.id).concat(unknownLines, fixedLines.map((f) => f.line))),
  };
}

function option(
  method: SavingsOption['method'],
  target: number | null,
  cuttable: number,
  /** The cut of the k-th candidate. */
  cutFor: (c: Candidate, k: number) => number,
  candidates: Candidate[],
  why: (c: Candidate) => string,
  M: Messages,
): SavingsOption {
  const cuts: SavingsCut[] = [];
  let saved = 0;
  for (let k = 0; k < candidates.length; k++) {
    const c = candidates[k]!;
    const cut = round(cutFor(c, k));
    if (!(cut > 0)) continue;
    saved += cut;
    cuts.push({
      line: c.line.id,
      name: c.line.name,
      base: c.base,
      baseSource: c.baseSource,
      cut,
      remaining: round(c.base - cut),
      cutShare: c.base > 0 ? cut / c.base : 0,
      instruments: c.instruments,
      verdict: c.rank.verdict,
      strength: c.rank.strength,
      reason: why(c),
      evidence: c.evidence,
    });
  }
  const reasons = [method === 'across-the-board' ? M.savings.acrossTheBoard : M.savings.evidenceRanked];
  if (target === null) {
    reasons.push(M.savings.unknownTarget);
    return { method, cuts, saved: null, shortfall: null, reasons, evidence: [] };
  }
  const savedTotal = round(saved);
  const shortfall = round(Math.max(0, target - savedTotal));
  if (shortfall > 0) reasons.push(M.savings.shortfall(cuttable, shortfall));
  // Gathered with their repeats, which sortIds drops: a set of them was a fifth of savingsVariant at 100k instruments (profile).
  const evidence: string[] = [];
  for (let k = 0; k < cuts.length; k++) {
    evidence.push(cuts[k]!.line);
    const ids = cuts[k]!.evidence;
    for (let j = 0; j < ids.length; j++) evidence.push(ids[j]!);
  }
  return { method, cuts, saved: savedTotal, shortfall, reasons, evidence: sortIds(evidence) };
}

/** The review's own savings chapter, each option with what the evidence says of what it cuts. */
function reviewChapter(ix: ReviewIndex, verdicts: readonly InstrumentVerdicts[], M: Messages, cache: Map<number, RankedEffectiveness>): ReviewSavingsVariant | null {
  const ch = ix.review.savingsChapter;
  if (!ch) return null;
  const options = ch.options.map((o) => {
    const lines = sortIds(new Set(o.budgetLines));
    const affected = sortIds(new Set([...o.instruments, ...lines.flatMap((id) => (ix.lines.get(id) ? instrumentsOf(ix.lines.get(id)!) : []))]));
    const { rank, evidence } = rankOfInstruments(ix, verdicts, affected, cache);
    const verdict: EffectivenessRank | null = affected.length ? rank.verdict : null;
    const reasons: string[] = [];
    if (o.amount === null) reasons.push(M.savings.optionAmountUnknown);
    reasons.push(verdict === null ? M.savings.optionNoInstruments : M.savings.optionVerdict(listIds(affected, M, 12), verdict, rank.strength as EvidenceStrength));
    return { id: o.id, text: o.text, amount: o.amount, lines, instruments: affected, verdict, reasons, evidence: sortIds(new Set([...lines, ...evidence])) };
  });
  const total = sum(options.map((o) => o.amount));
  const target = ch.percent !== null && ch.base !== null ? round((ch.base * ch.percent) / 100) : null;
  const shortfall = target !== null && total.amount !== null ? round(Math.max(0, target - total.amount)) : null;
  const reasons: string[] = [M.savings.chapter(ch.percent, ch.base, ch.baseYear ?? null, ch.author ?? null)];
  if (options.length === 0) reasons.push(M.savings.chapterNoOptions);
  else if (total.amount === null) reasons.push(M.savings.chapterTotalUnknown(total.known, total.unknownParts));
  return {
    percent: ch.percent,
    base: ch.base,
    baseYear: ch.baseYear ?? null,
    author: ch.author ?? null,
    text: ch.text ?? null,
    options,
    total: options.length ? total : { amount: null, known: 0, unknownParts: 0 },
    target,
    shortfall,
    reasons,
    evidence: sortIds(new Set(options.flatMap((o) => o.evidence))),
  };
}
