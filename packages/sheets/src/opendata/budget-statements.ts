import { columnLetter, type SheetProblem } from '../problems.js';
import { parseAmount } from '../read/numbers.js';
import { isBlank, type Grid } from '../read/grid.js';
import { normalise } from '../tables/values.js';
import { inPeriod, periodYears, yearList, type ImportContext, type Notice, type Patch, type YearPatch } from '../patch.js';
import type { Location } from '../problems.js';

/** The begrotingsstaten header as rijksfinancien.nl publishes it (the trailing space in `Naam Begroting ` included). */
export const BUDGET_STATEMENTS_HEADER = [
  'Begrotingsjaar',
  'Uitgaven Ontvangsten Verplichtingen',
  'Begrotingsnummer',
  'Naam Begroting ',
  'Artikel nummer',
  'Artikel',
  'Stand ontwerpbegroting',
  'Stand vastgestelde begroting',
  'Stand eerste suppletoire',
  'Stand tweede suppletoire',
  'Realisatie',
] as const;

const PHASES = [
  [6, 'budgeted.draft'],
  [7, 'budgeted.adopted'],
  [8, 'budgeted.firstSupplementary'],
  [9, 'budgeted.secondSupplementary'],
  [10, 'amount'],
] as const;

export function isBudgetStatements(grid: Grid): boolean {
  const row = grid.rows[0] ?? [];
  return BUDGET_STATEMENTS_HEADER.every((h, i) => typeof row[i] === 'string' && normalise(row[i] as string) === normalise(h));
}

/**
 * The budget statements of one article become budget lines with a year per row: U (expenditure)
 * one line, its realisation as the amount and the four budget phases as the budgeted amounts, the
 * year's realised commitments (V) beside them but never added; O (receipts) a receipts line. A
 * chapter is its number, whatever its name was that year. When the review covers only a part of
 * the article, or already has lines of the article, the article's money is its context
 * (`articleContext`): never the part's programme money, never counted beside its parts.
 */
export function readBudgetStatements(grid: Grid, ctx: ImportContext, problems: SheetProblem[], notices: Notice[]): Patch[] {
  const at = { file: grid.file, ...(grid.sheet !== undefined ? { sheet: grid.sheet } : {}) };
  if (!ctx.article) {
    problems.push({ ...at, message: 'the budget statements (begrotingsstaten) hold every article of every chapter: say which one to import', hint: 'give --article CHAPTER.ARTICLE, e.g. --article VI.36', severity: 'error' });
    return [];
  }
  const { chapter, article } = ctx.article;
  const part = ctx.article.part ?? ctx.coveredParts[0];
  const u: YearPatch[] = [];
  const o: YearPatch[] = [];
  const commitments = new Map<number, number | null>();
  const outside: number[] = [];
  const chapterNames = new Map<string, number[]>();
  let articleName = '';
  let outsideName = '';
  let found = 0;
  for (let r = 1; r < grid.rows.length; r++) {
    const cells = grid.rows[r] ?? [];
    if (cells.every(isBlank)) continue;
    if (String(cells[2] ?? '').trim().toUpperCase() !== chapter || String(cells[4] ?? '').trim() !== article) continue;
    found++;
    const rowAt = { ...at, row: r + 1 };
    const year = Number(cells[0]);
    if (!Number.isInteger(year)) {
      problems.push({ ...rowAt, column: `A (${BUDGET_STATEMENTS_HEADER[0]})`, value: String(cells[0] ?? ''), message: 'is not a year', severity: 'error' });
      continue;
    }
    const vuo = String(cells[1] ?? '').trim().toUpperCase();
    if (vuo !== 'U' && vuo !== 'O' && vuo !== 'V') {
      problems.push({ ...rowAt, column: `B (${BUDGET_STATEMENTS_HEADER[1]})`, value: vuo, message: 'is not U, O or V', hint: 'U = uitgaven (expenditure), O = ontvangsten (receipts), V = verplichtingen (commitments)', severity: 'error' });
      continue;
    }
    const name = String(cells[3] ?? '').trim();
    if (name) chapterNames.set(name, [...(chapterNames.get(name) ?? []), year]);
    // The article's name as it was in the review's years (the names change in case and wording).
    const named = String(cells[5] ?? '').trim();
    if (!inPeriod(ctx, year)) {
      outsideName ||= named;
      outside.push(year);
      continue;
    }
    articleName = named || articleName;
    if (vuo === 'V') {
      // Only the realised commitments have a place (beside the realisation); their budget phases do not.
      const label = `${columnLetter(10)} (${BUDGET_STATEMENTS_HEADER[10]})`;
      const amount = parseAmount(cells[10] ?? null);
      if (amount === undefined) problems.push({ ...rowAt, column: label, value: String(cells[10]), message: 'is not an amount', severity: 'error' });
      else commitments.set(year, amount);
      continue;
    }
    const fields: Record<string, unknown> = {};
    const columns: Record<string, string> = {};
    for (const [col, key] of PHASES) {
      const label = `${columnLetter(col)} (${BUDGET_STATEMENTS_HEADER[col]})`;
      columns[key] = label;
      const amount = parseAmount(cells[col] ?? null);
      // An empty phase (a year not yet realised) is unknown, never 0.
      if (amount === undefined) problems.push({ ...rowAt, column: label, value: String(cells[col]), message: 'is not an amount', severity: 'error' });
      else fields[key] = amount;
    }
    (vuo === 'U' ? u : o).push({ year, fields, at: rowAt, columns });
  }
  if (found === 0) {
    problems.push({ ...at, value: `${chapter}.${article}`, message: `has no rows for chapter ${chapter}, article ${article}`, hint: 'check --article: the chapter is the Begrotingsnummer (e.g. VI), the article the Artikel nummer (e.g. 36)', severity: 'error' });
    return [];
  }
  articleName ||= outsideName;
  for (const y of u) if (commitments.has(y.year)) y.fields.commitments = commitments.get(y.year);
  const orphans = [...commitments.keys()].filter((year) => !u.some((y) => y.year === year));
  if (commitments.size) {
    notices.push({ at, message: `commitments (V, verplichtingen) of article ${chapter}.${article} imported beside the realisation of ${yearList([...commitments.keys()].filter((y) => !orphans.includes(y)))}, never added to it; their budget phases are not imported` });
  }
  if (orphans.length) notices.push({ at, message: `commitments of ${yearList(orphans)} not imported: the article has no expenditure (U) row for ${orphans.length === 1 ? 'that year' : 'those years'}` });
  if (outside.length) notices.push({ at, message: `years outside the review's period not imported: ${[...new Set(outside)].sort().join(', ')}` });
  const names = [...chapterNames].map(([n, ys]) => `${n} (${Math.min(...ys)}–${Math.max(...ys)})`);
  const renamed = names.length > 1 ? ` Chapter ${chapter} is one chapter under its names ${names.join(', ')}.` : '';
  const source = `Begrotingsstaten (rijksfinancien.nl), chapter ${chapter} article ${article}.${renamed}`;

  // The article's total beside lines of its parts would count the money twice; for a review of one
  // part it is not the part's money at all. Either way it is the article's context.
  const parts = part === undefined ? linesOfArticle(ctx, chapter, article) : [];
  if (part !== undefined || parts.length) {
    ctx.articleContext.push({ article, chapter, ...(articleName ? { name: articleName } : {}), notes: source, expenditures: u, receipts: o, at });
    const why = part !== undefined ? `the review covers only part ${article}.${part}` : `the review has lines of the article (${parts.slice(0, 5).join(', ')}${parts.length > 5 ? ', …' : ''}), and its total is not counted beside them`;
    notices.push({ at, message: `the money of the whole article ${chapter}.${article} (${[u.length && 'expenditure', o.length && 'receipts', commitments.size && 'commitments'].filter(Boolean).join(', ')}) imported as its context (articleContext), never as the review's programme money: ${why}` });
    return [];
  }

  claimExpenditure(ctx, u, at);
  const base = `${chapter.toLowerCase()}-${article}`;
  const patches: Patch[] = [];
  if (u.length) {
    patches.push({
      list: 'budgetLines',
      id: base,
      fields: { name: `Artikel ${article} ${articleName}`, kind: 'programme', article, index: `${chapter}.${article}`, notes: `${source} U rows; V rows as commitments.` },
      at,
      columns: {},
      years: u,
    });
  }
  if (o.length) {
    patches.push({
      list: 'budgetLines',
      id: `${base}-receipts`,
      fields: { name: `Ontvangsten artikel ${article} ${articleName}`, kind: 'receipts', article, index: `${chapter}.${article}`, notes: `${source} O rows.` },
      at,
      columns: {},
      years: o,
    });
  }
  return patches;
}

/** The ids of the review's cost lines booked on the article or a part of it, other than the article's own line. */
function linesOfArticle(ctx: ImportContext, chapter: string, article: string): string[] {
  const own = `${chapter.toLowerCase()}-${article}`;
  return ctx.existingLines
    .filter((l) => l.id !== own && l.index !== `${chapter}.${article}` && l.on !== null && (l.on === article || l.on.startsWith(`${article}.`)))
    .map((l) => l.id);
}

/**
 * The article's expenditure is complete for the review's years when every one of them has its U
 * row with a realisation; a year without one, or a period the review leaves open, makes it partial.
 */
function claimExpenditure(ctx: ImportContext, u: YearPatch[], at: Location): void {
  const years = periodYears(ctx);
  const realised = new Set(u.filter((y) => typeof y.fields.amount === 'number').map((y) => y.year));
  const nl = ctx.lang === 'nl';
  if (!years) {
    if (realised.size) {
      ctx.completeness.push({ list: 'expenditure', status: 'partial', from: 'derived', at, missing: nl ? `De periode van de doorlichting is niet bekend; de begrotingsstaten geven de realisatie van ${yearList([...realised])}.` : `The review's period is not known; the budget statements give the realisation of ${yearList([...realised])}.` });
    }
    return;
  }
  const lacking = years.filter((y) => !realised.has(y));
  if (!lacking.length) ctx.completeness.push({ list: 'expenditure', status: 'complete', from: 'derived', at, citation: { location: `Begrotingsstaten (rijksfinancien.nl), ${yearList(years)}` } });
  else if (lacking.length < years.length) ctx.completeness.push({ list: 'expenditure', status: 'partial', from: 'derived', at, missing: nl ? `De begrotingsstaten geven geen realisatie voor ${yearList(lacking)}.` : `The budget statements give no realisation for ${yearList(lacking)}.` });
}
