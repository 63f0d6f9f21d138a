import { columnLetter, type SheetProblem } from '../problems.js';
import { parseAmount } from '../read/numbers.js';
import { isBlank, type Grid } from '../read/grid.js';
import { normalise } from '../tables/values.js';
import { inPeriod, periodYears, yearList, type ImportContext, type Notice, type Patch } from '../patch.js';
import type { Location } from '../problems.js';

/**
 * One record of a detailed budget table (budgettaire tabellen): the site's JSON, or the official
 * CSV downloads, whose header names vary by year and phase.
 */
interface DetailRecord {
  row: number;
  year: number;
  vuo: string;
  chapter: string;
  article: string;
  /** artikel.artikelonderdeel.instrument, e.g. 36.2.30. */
  index: string;
  partName: string;
  instrument: string;
  breakdown: string;
  amount: number;
  /** The table's own totals flag, or an index ending in .0 (36.0.0 is the article's total). */
  total: boolean;
  /** `main` rows are split into `sub` rows (by HGIS poster); the parts of one main row. */
  split: '' | 'main' | 'sub';
  chapterName: string;
  articleName: string;
}

const CSV_COLUMNS: Record<keyof Omit<DetailRecord, 'row' | 'total' | 'split'> | 'total' | 'split', string[]> = {
  year: ['jaar', 'begrotingsjaar'],
  vuo: ['vuo', 'uitgaven ontvangsten verplichtingen'],
  chapter: ['begrotingsnummer', 'hoofdstuk', 'begrotingshoofdstuk'],
  article: ['artikelnummer', 'artikel nummer', 'artikel'],
  index: ['artikelonderdeel', 'nr onderverdeling', 'index', 'artikelonderdeelnummer'],
  partName: ['beleidsmatige clustering', 'artikelonderdeel naam', 'naam artikelonderdeel'],
  instrument: ['financieel instrument'],
  breakdown: ['regeling', 'uitsplitsing financieel instrument', 'instrument'],
  amount: ['bedrag', 'bedrag x 1000', 'bedrag x 1 000'],
  total: ['totaal', 'totaalregel', 'is totaal', 'totalen', 'totaal vlag'],
  split: ['uitsplitsing'],
  chapterName: ['hoofdstuk naam', 'naam begroting', 'begrotingsnaam'],
  articleName: ['artikel naam', 'artikelnaam', 'naam artikel'],
};

/** A CSV or sheet is a detailed budget table when it has VUO, an amount and the artikelonderdeel index. */
const rows = (n: number) => `${n} ${n === 1 ? 'row' : 'rows'}`;

export function detailColumns(grid: Grid): Map<string, number> | undefined {
  const header = (grid.rows[0] ?? []).map((h) => (typeof h === 'string' ? normalise(h) : ''));
  const cols = new Map<string, number>();
  for (const [key, names] of Object.entries(CSV_COLUMNS)) {
    const i = header.findIndex((h) => names.includes(h));
    if (i >= 0) cols.set(key, i);
  }
  return cols.has('vuo') && cols.has('amount') && cols.has('index') && cols.has('year') ? cols : undefined;
}

export function detailFromJson(data: unknown[], file: string, problems: SheetProblem[]): DetailRecord[] {
  const out: DetailRecord[] = [];
  data.forEach((x, i) => {
    const r = x as Record<string, unknown>;
    const amount = parseAmount(r.bedrag as number | string | null);
    if (amount === undefined || amount === null) {
      problems.push({ file, row: i + 1, column: 'bedrag', value: String(r.bedrag), message: 'record has no amount', severity: 'error' });
      return;
    }
    const index = String(r.nr_onderverdeling ?? '');
    const split = normalise(String(r.uitsplitsing ?? ''));
    out.push({
      row: i + 1,
      year: Number(r.jaar),
      vuo: String(r.vuo ?? '').toUpperCase(),
      chapter: String(r.hoofdstuk ?? '').toUpperCase(),
      article: String(r.artikel ?? ''),
      index,
      partName: String(r.beleidsmatige_clustering ?? ''),
      instrument: String(r.financieel_instrument ?? ''),
      breakdown: String(r.uitsplitsing_financieel_instrument ?? ''),
      amount,
      total: /\.0$/.test(index),
      split: split === 'main' ? 'main' : split === 'sub' ? 'sub' : '',
      chapterName: String(r.hoofdstuk_naam ?? ''),
      articleName: String(r.artikel_naam ?? ''),
    });
  });
  return out;
}

export function detailFromGrid(grid: Grid, cols: Map<string, number>, problems: SheetProblem[]): DetailRecord[] {
  const header = grid.rows[0] ?? [];
  const out: DetailRecord[] = [];
  const cell = (cells: unknown[], key: string) => (cols.has(key) ? cells[cols.get(key)!] : undefined);
  for (let r = 1; r < grid.rows.length; r++) {
    const cells = grid.rows[r] ?? [];
    if (cells.every(isBlank)) continue;
    const amountCol = cols.get('amount')!;
    const amount = parseAmount(cells[amountCol] ?? null);
    if (amount === undefined || amount === null) {
      problems.push({ file: grid.file, ...(grid.sheet !== undefined ? { sheet: grid.sheet } : {}), row: r + 1, column: `${columnLetter(amountCol)} (${String(header[amountCol])})`, value: String(cells[amountCol] ?? ''), message: amount === null ? 'has no amount' : 'is not an amount', severity: 'error' });
      continue;
    }
    let index = String(cell(cells, 'index') ?? '').trim();
    const article = String(cell(cells, 'article') ?? '').trim();
    // Some downloads give the part number alone (2) instead of the full index (36.2.30).
    if (/^\d+$/.test(index) && article) index = `${article}.${index}`;
    const flag = normalise(String(cell(cells, 'total') ?? ''));
    const split = normalise(String(cell(cells, 'split') ?? ''));
    out.push({
      row: r + 1,
      year: Number(cell(cells, 'year')),
      vuo: String(cell(cells, 'vuo') ?? '').trim().toUpperCase(),
      chapter: String(cell(cells, 'chapter') ?? '').trim().toUpperCase(),
      article,
      index,
      partName: String(cell(cells, 'partName') ?? '').trim(),
      instrument: String(cell(cells, 'instrument') ?? '').trim(),
      breakdown: String(cell(cells, 'breakdown') ?? '').trim(),
      amount,
      total: ['ja', 'j', 'true', '1', 'yes', 'y', 'x', 'totaal'].includes(flag) || /\.0$/.test(index),
      split: split === 'main' ? 'main' : split === 'sub' ? 'sub' : '',
      chapterName: String(cell(cells, 'chapterName') ?? '').trim(),
      articleName: String(cell(cells, 'articleName') ?? '').trim(),
    });
  }
  return out;
}

/**
 * The records of one article (or one part of it) become one budget line per instrument index:
 * totals rows are left out (counting them beside their parts counts the money twice), so are the
 * sub rows of a split main row; U lines are programme expenditure, O lines receipts, V is not
 * imported. The amounts are a budget, so they go in as the budgeted amount of `ctx.detailPhase`,
 * with the realisation unknown, unless the caller says the table is a realisation.
 */
export function readBudgetDetail(records: DetailRecord[], file: string, sheet: string | undefined, ctx: ImportContext, problems: SheetProblem[], notices: Notice[]): Patch[] {
  const at = { file, ...(sheet !== undefined ? { sheet } : {}) };
  if (!ctx.article) {
    problems.push({ ...at, message: 'a detailed budget table holds every article: say which one to import', hint: 'give --article CHAPTER.ARTICLE or CHAPTER.ARTICLE.PART, e.g. --article VI.36.2', severity: 'error' });
    return [];
  }
  const { chapter, article } = ctx.article;
  const part = ctx.article.part ?? (ctx.coveredParts.length === 1 ? ctx.coveredParts[0] : undefined);
  const mine = records.filter((r) => r.chapter === chapter && String(Number(r.article)) === article);
  if (mine.length === 0) {
    problems.push({ ...at, value: `${chapter}.${article}`, message: `has no records for chapter ${chapter}, article ${article}`, hint: 'check --article: e.g. VI.36 or VI.36.2', severity: 'error' });
    return [];
  }
  let totals = 0;
  let commitments = 0;
  let otherParts = 0;
  const outside = new Set<number>();
  const groups = new Map<string, DetailRecord[]>();
  for (const r of mine) {
    if (r.total) {
      totals++;
      continue;
    }
    const [, p] = r.index.split('.');
    if (part !== undefined && p !== part) {
      otherParts++;
      continue;
    }
    if (!inPeriod(ctx, r.year)) {
      outside.add(r.year);
      continue;
    }
    if (r.vuo !== 'U' && r.vuo !== 'O' && r.vuo !== 'V') {
      problems.push({ ...at, row: r.row, column: 'VUO', value: r.vuo, message: 'is not U, O or V', severity: 'error' });
      continue;
    }
    // Commitments (V) of a budget are commitment budgets, which the model has no place for; only
    // realised commitments go in, beside the realisation of the same line and year.
    if (r.vuo === 'V' && ctx.detailPhase !== 'realisation') {
      commitments++;
      continue;
    }
    const key = `${r.vuo}|${r.index}|${normalise(r.breakdown)}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  if (totals) notices.push({ at, message: `${rows(totals)} of totals (index ending in .0, or flagged as totals) not counted beside their parts` });
  if (commitments) notices.push({ at, message: `${rows(commitments)} of commitments (V) not imported: in a budget they are commitment budgets, which have no place in a review (only realised commitments do, beside the realisation); commitments are never expenditure` });
  if (otherParts) notices.push({ at, message: `${rows(otherParts)} of other parts of article ${article} not imported: the review covers part ${article}.${part}` });
  if (outside.size) notices.push({ at, message: `years outside the review's period not imported: ${[...outside].sort().join(', ')}` });

  const phaseKey = ctx.detailPhase === 'realisation' ? 'amount' : `budgeted.${ctx.detailPhase}`;
  const patches: Patch[] = [];
  const ids = new Set<string>();
  const realisedCommitments = new Map<string, Map<number, number>>();
  const orphanCommitments: DetailRecord[] = [];
  for (const [key, rows] of groups) {
    if (!key.startsWith('V|')) continue;
    groups.delete(key);
    if (!groups.has(`U${key.slice(1)}`)) {
      orphanCommitments.push(...rows);
      continue;
    }
    const byYear = new Map<number, number>();
    for (const r of rows.some((x) => x.split === 'main') ? rows.filter((x) => x.split === 'main') : rows) byYear.set(r.year, (byYear.get(r.year) ?? 0) + r.amount);
    realisedCommitments.set(`U${key.slice(1)}`, byYear);
  }
  if (realisedCommitments.size) notices.push({ at, message: `realised commitments (V) of ${realisedCommitments.size} ${realisedCommitments.size === 1 ? 'line' : 'lines'} imported beside the realisation, never added to it` });
  if (orphanCommitments.length) notices.push({ at: { ...at, row: orphanCommitments[0]!.row }, message: `${rows(orphanCommitments.length)} of commitments (V) not imported: no expenditure (U) line of the same index (${[...new Set(orphanCommitments.map((r) => r.index))].slice(0, 5).join(', ')})` });
  claimLines(ctx, [...groups.values()].flat(), at);
  for (const [key, rows] of groups) {
    const mains = rows.filter((r) => r.split === 'main');
    const counted = mains.length ? mains : rows;
    if (mains.length && rows.length > mains.length) notices.push({ at: { ...at, row: rows.find((r) => r.split !== 'main')!.row }, message: `${rows.length - mains.length} sub rows of ${rows[0]!.index} not counted beside their main row` });
    const byYear = new Map<number, number>();
    for (const r of counted) byYear.set(r.year, (byYear.get(r.year) ?? 0) + r.amount);
    if (counted.length > byYear.size) notices.push({ at: { ...at, row: counted[1]!.row }, message: `${counted.length} rows of ${counted[0]!.index} ${counted[0]!.breakdown} added up into one line` });
    const first = counted[0]!;
    const name = first.breakdown || first.instrument || first.index;
    let id = `${chapter.toLowerCase()}-${first.index.replace(/\./g, '-')}${first.vuo === 'O' ? '-receipts' : ''}`;
    for (let n = 2; ids.has(id); n++) id = `${id.replace(/-\d+$/, '')}-${n}`;
    ids.add(id);
    patches.push({
      list: 'budgetLines',
      id,
      fields: {
        name,
        kind: first.vuo === 'O' ? 'receipts' : 'programme',
        article: first.index.split('.').slice(0, 2).join('.'),
        index: `${chapter}.${first.index}`,
        notes: [
          first.instrument && `Financieel instrument: ${first.instrument}.`,
          first.partName && `Artikelonderdeel ${first.index.split('.').slice(0, 2).join('.')}: ${first.partName}.`,
          `Budgettaire tabellen (open data), ${ctx.detailPhase === 'realisation' ? 'realisation' : `${ctx.detailPhase} budget`}.`,
        ]
          .filter(Boolean)
          .join(' '),
      },
      at: { ...at, row: first.row },
      columns: {},
      years: [...byYear].map(([year, amount]) => {
        const committed = realisedCommitments.get(key)?.get(year);
        return { year, fields: { [phaseKey]: amount, ...(committed !== undefined ? { commitments: committed } : {}) }, at: { ...at, row: first.row }, columns: {} };
      }),
      matchLine: { index: `${chapter}.${first.index}`, name, article: first.index.split('.').slice(0, 2).join('.') },
    });
  }
  return patches;
}

/**
 * The detailed budget tables list every instrument line of the article (or part) for their years:
 * the lines are complete for the review's years when the tables give all of them, and with a
 * realisation the expenditure too; otherwise partial, with the years they lack.
 */
function claimLines(ctx: ImportContext, records: DetailRecord[], at: Location): void {
  const given = new Set(records.map((r) => r.year));
  if (!given.size) return;
  const years = periodYears(ctx);
  const nl = ctx.lang === 'nl';
  const tables = `Budgettaire tabellen (rijksfinancien.nl), ${yearList([...given])}`;
  const lacking = years?.filter((y) => !given.has(y)) ?? [];
  const missing = !years
    ? nl ? `De periode van de doorlichting is niet bekend; de budgettaire tabellen geven ${yearList([...given])}.` : `The review's period is not known; the budget tables give ${yearList([...given])}.`
    : nl ? `De budgettaire tabellen van ${yearList(lacking)} zijn niet geïmporteerd.` : `The budget tables of ${yearList(lacking)} are not imported.`;
  const lists = ctx.detailPhase === 'realisation' ? (['budgetLines', 'expenditure'] as const) : (['budgetLines'] as const);
  for (const list of lists) {
    if (years && !lacking.length) ctx.completeness.push({ list, status: 'complete', from: 'derived', at, citation: { location: tables } });
    else ctx.completeness.push({ list, status: 'partial', from: 'derived', at, missing });
  }
}
