import type { BudgetLine, Review } from './review.js';

/**
 * Which money belongs to the review: the scope of money (issue 11, point 5). A fact about the
 * review itself, in the model layer, so that the loader's warnings and the analysis's totals,
 * costs and savings base follow one rule.
 *
 * - A programme, receipts or unknown-kind line booked on an article the review does not cover is
 *   outside it: a warning, and kept out of every total, base and cost.
 * - Apparatus (staff) lines are usually booked on the ministry's own apparatus article (the NCTV's
 *   on article 91, Tabel 2 of the seed): they stay in the review, apart from the article's
 *   programme totals, and count as the cost of the instruments they are linked to.
 * - Out-of-scope lines are the review's own statement that money is outside it: never a warning.
 * - A line that names no article (and no open-data index) is taken to be booked on the reviewed
 *   article, as nearly every hand-written review leaves it out.
 */
export type LineScope = 'article' | 'apparatus-elsewhere' | 'other-article' | 'out-of-scope';

/** Lower case, and numeric segments without leading zeros: "36.02" is article part 36.2. */
const norm = (s: string) =>
  s
    .trim()
    .toLowerCase()
    .split('.')
    .map((seg) => (/^\d+$/.test(seg) ? String(Number(seg)) : seg))
    .join('.');

/**
 * The article a line is booked on, from `article` or else from the open-data index
 * (`chapter.article.part.instrument`, e.g. `VI.36.2.30` or `06.36.02.01`, or without the chapter
 * `36.2.30`); null when neither says, or the index has another shape.
 */
export function articleOfLine(line: Pick<BudgetLine, 'article' | 'index'>): string | null {
  if (line.article && line.article.trim()) return norm(line.article);
  if (!line.index || !line.index.trim()) return null;
  const parts = norm(line.index).split('.');
  if (parts.length === 4 || (parts.length > 1 && !/^\d/.test(parts[0]!))) parts.shift();
  return parts.length === 3 && parts.every((p) => /^\d+$/.test(p)) ? parts.join('.') : null;
}

/**
 * The article numbers the review covers. Parts written as numbers (`36.2`, or `2` under article
 * 36) narrow the article to those parts; parts given by name (`Contraterrorisme`) do not.
 */
export function coveredArticles(review: Pick<Review, 'budgetArticles'>): string[] {
  const out: string[] = [];
  for (const a of review.budgetArticles) {
    const number = norm(a.number);
    const numbered = a.parts.filter((p) => /^\d+(\.\d+)*$/.test(p.trim()));
    if (numbered.length === 0) out.push(number);
    for (const p of numbered) {
      const part = norm(p);
      out.push(part.startsWith(`${number}.`) || part === number ? part : `${number}.${part}`);
    }
  }
  return out;
}

/** Whether money booked on `article` (or a part or instrument below it) lies inside the covered articles. */
export function isCovered(article: string, covered: readonly string[]): boolean {
  for (const c of covered) if (article === c || article.startsWith(`${c}.`)) return true;
  return false;
}

/** The scope of a line; `covered` from `coveredArticles`, computed once per review. */
export function lineScope(line: Pick<BudgetLine, 'kind' | 'article' | 'index'>, covered: readonly string[]): LineScope {
  if (line.kind === 'out-of-scope') return 'out-of-scope';
  const article = articleOfLine(line);
  if (article === null || isCovered(article, covered)) return 'article';
  return line.kind === 'apparatus' ? 'apparatus-elsewhere' : 'other-article';
}

/**
 * A warning about the review's money, located by its path in the review. Shaped as the loader's
 * `UnlocatedProblem` (codes as in `ProblemCode`): `parseReview` returns these among its warnings,
 * located at a line (load/warnings.ts).
 */
export interface MoneyWarning {
  code: 'foreign-article' | 'inconsistent';
  severity: 'warning';
  path: (string | number)[];
  message: string;
  hint: string;
}

/**
 * The money warnings of a review (issue 9 point 6, issue 11 points 1 and 5): a programme, receipts
 * or unknown-kind line booked on an article the review does not cover (its money is kept out of
 * every total), and shares of a line that cannot all be true (its cost is then joint). English,
 * like every load problem.
 */
export function moneyWarnings(review: Review): MoneyWarning[] {
  const covered = coveredArticles(review);
  const articles = review.budgetArticles.map((a) => a.number).join(', ');
  const out: MoneyWarning[] = [];
  review.budgetLines.forEach((line, k) => {
    if (lineScope(line, covered) === 'other-article') {
      const field = line.article && line.article.trim() ? 'article' : 'index';
      out.push({
        code: 'foreign-article',
        severity: 'warning',
        path: ['budgetLines', k, field],
        message: `budget line "${line.id}" is booked on article ${articleOfLine(line)}, which the review does not cover (${articles}); its money is kept out of the totals, the costs and the savings base`,
        hint: `add article ${articleOfLine(line)} to budgetArticles if the review covers it, or set kind: out-of-scope with an outOfScopeReason`,
      });
    }
    const check = checkShares(line);
    if (check.problem) out.push({ code: 'inconsistent', severity: 'warning', path: ['budgetLines', k, 'shares'], message: `budget line "${line.id}": ${check.problem}; its cost is treated as joint`, hint: 'fractions add up to at most 1, amounts to at most the line\'s known expenditure' });
  });
  return out;
}

/** Why a line's shares cannot be used (null when they can), with the known total they were checked against. */
export function checkShares(line: Pick<BudgetLine, 'shares' | 'expenditures'>): { problem: string | null } {
  const shares = line.shares ?? [];
  if (shares.length === 0) return { problem: null };
  let fractions = 0;
  let amounts = 0;
  let known = 0;
  let withFraction = 0;
  let withAmount = 0;
  for (const e of line.expenditures) if (e.amount !== null) known += e.amount;
  const seen = new Set<string>();
  for (const s of shares) {
    if (seen.has(s.instrument)) return { problem: `instrument "${s.instrument}" has two shares` };
    seen.add(s.instrument);
    if (s.fraction !== undefined && s.fraction !== null) {
      fractions += s.fraction;
      withFraction++;
    }
    if (s.amount !== undefined && s.amount !== null) {
      amounts += s.amount;
      withAmount++;
    }
    if (s.fraction !== undefined && s.fraction !== null && s.amount !== undefined && s.amount !== null) {
      return { problem: `the share of "${s.instrument}" gives both a fraction and an amount` };
    }
  }
  if (withFraction > 0 && withAmount > 0) return { problem: 'some shares are fractions and others amounts' };
  if (fractions > 1 + 1e-9) return { problem: `the fractions add up to ${Math.round(fractions * 1000) / 10}%, more than the whole line` };
  if (withAmount > 0 && amounts > known + 1e-6) return { problem: `the amounts add up to ${amounts}, more than the line's known expenditure of ${Math.round(known * 1000) / 1000}` };
  return { problem: null };
}
