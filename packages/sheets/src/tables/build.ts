import type { ListName as ReviewListName, CompletenessStatus } from '@polev/core';
import { tableClaims } from '../completeness.js';
import type { SheetProblem } from '../problems.js';
import { inPeriod, slug, type ImportContext, type Notice, type Patch, type YearPatch } from '../patch.js';
import { PHASE_KEYS as PHASES, TABLES } from './definitions.js';
import type { ReadTable, TableRow } from './read-table.js';
import { lookupValue, normalise, SOURCE_TYPE_WORDS } from './values.js';

/**
 * Turns the rows of an analyst's table into patches of the review's lists, one per entry, and
 * notes what the table says of the completeness of the lists it fills (partial: it holds what it holds).
 */
export function buildPatches(table: ReadTable, ctx: ImportContext, problems: SheetProblem[], notices: Notice[]): Patch[] {
  const patches = tablePatches(table, ctx, problems, notices);
  ctx.completeness.push(...tableClaims(patches, { file: table.grid.file, ...(table.grid.sheet !== undefined ? { sheet: table.grid.sheet } : {}) }));
  return patches;
}

function tablePatches(table: ReadTable, ctx: ImportContext, problems: SheetProblem[], notices: Notice[]): Patch[] {
  switch (table.kind) {
    case 'completeness':
      return completeness(table, ctx, problems);
    case 'articleContext':
      return articleContext(table, ctx, problems);
    case 'domains':
      return simple(table, 'domains', problems);
    case 'objectives':
      return simple(table, 'objectives', problems);
    case 'instruments':
      return simple(table, 'instruments', problems);
    case 'sources':
      return simple(table, 'sources', problems);
    case 'findings':
      return simple(table, 'findings', problems);
    case 'expenditure':
      return expenditure(table, ctx, problems, notices);
    case 'register':
      return register(table, ctx, notices);
    case 'review':
      return [];
  }
}

const locate = (table: ReadTable, row: TableRow) => ({ file: table.grid.file, ...(table.grid.sheet !== undefined ? { sheet: table.grid.sheet } : {}), row: row.row });

function simple(table: ReadTable, list: Patch['list'], problems: SheetProblem[]): Patch[] {
  const out: Patch[] = [];
  for (const row of table.rows) {
    const { id, ...fields } = row.values as { id?: string } & Record<string, unknown>;
    if (id === undefined) {
      problems.push({ ...locate(table, row), ...(row.columns.id ? { column: row.columns.id } : {}), message: `the row has no ${TABLES[table.kind].en.toLowerCase()} id`, hint: hasColumn(table, 'id') ? 'give every row an id (lower-case letters, digits, - . _), unique in the review' : `add a column "${TABLES[table.kind].fields[0]!.en}" with each row's id`, severity: 'error' });
      continue;
    }
    out.push({ list, id, fields, at: locate(table, row), columns: row.columns });
  }
  return out;
}

const hasColumn = (table: ReadTable, field: string) => table.columns.some((c) => c.field === field);

/** A Volledigheid sheet (as `polev export` writes it): the completeness the review states, per list. */
function completeness(table: ReadTable, ctx: ImportContext, problems: SheetProblem[]): Patch[] {
  const seen = new Map<string, number>();
  for (const row of table.rows) {
    const v = row.values as { list?: ReviewListName; status?: CompletenessStatus; missing?: string; expectedAtLeast?: number; 'citation.source'?: string; 'citation.location'?: string };
    const at = locate(table, row);
    if (!v.list || !v.status) {
      const key = !v.list ? 'list' : 'status';
      // A word that is no list or status is a problem already.
      if (problems.some((p) => p.file === at.file && p.sheet === at.sheet && p.row === row.row && p.column === row.columns[key])) continue;
      problems.push({ ...at, ...(row.columns[key] ? { column: row.columns[key] } : {}), message: !v.list ? 'the row names no list' : `the row gives no completeness for ${v.list}`, hint: 'give the list (e.g. instrumenten) and complete, partial or unknown (volledig, gedeeltelijk, onbekend)', severity: 'error' });
      continue;
    }
    if (seen.has(v.list)) {
      problems.push({ ...at, ...(row.columns.list ? { column: row.columns.list } : {}), value: v.list, message: `the completeness of ${v.list} is given twice (also row ${seen.get(v.list)})`, hint: 'give one row per list', severity: 'error' });
      continue;
    }
    seen.set(v.list, row.row);
    const citation = { ...(v['citation.source'] ? { source: v['citation.source'] } : {}), ...(v['citation.location'] ? { location: v['citation.location'] } : {}) };
    ctx.completeness.push({
      list: v.list,
      status: v.status,
      ...(v.missing ? { missing: v.missing } : {}),
      ...(v.expectedAtLeast !== undefined ? { expectedAtLeast: v.expectedAtLeast } : {}),
      ...(Object.keys(citation).length ? { citation } : {}),
      from: 'stated',
      at,
    });
  }
  return [];
}

/** An Artikel (context) sheet (as `polev export` writes it): the whole article's money per year. */
function articleContext(table: ReadTable, ctx: ImportContext, problems: SheetProblem[]): Patch[] {
  for (const row of table.rows) {
    const v = row.values as Record<string, unknown>;
    const at = locate(table, row);
    const missing = (['article', 'quantity', 'year'] as const).filter((k) => v[k] === undefined);
    if (missing.length) {
      problems.push({ ...at, message: `the row gives no ${missing.join(', ')}`, hint: 'give the article, the year, and whether the amounts are expenditure (uitgaven) or receipts (ontvangsten)', severity: 'error' });
      continue;
    }
    const article = String(v.article);
    let entry = ctx.articleContext.find((c) => c.article === article && c.at.file === at.file && c.at.sheet === at.sheet);
    if (!entry) {
      entry = { article, chapter: typeof v.chapter === 'string' ? v.chapter : '', ...(typeof v.name === 'string' ? { name: v.name } : {}), notes: typeof v.notes === 'string' ? v.notes : '', expenditures: [], receipts: [], at };
      ctx.articleContext.push(entry);
    }
    const fields: Record<string, unknown> = {};
    for (const k of PHASES) if (k in v) fields[k] = v[k];
    const rows = v.quantity === 'receipts' ? entry.receipts : entry.expenditures;
    if (rows.some((y) => y.year === v.year)) problems.push({ ...at, message: `article ${article} has ${String(v.year)} twice`, hint: 'give one row per article, quantity and year', severity: 'error' });
    else rows.push({ year: v.year as number, fields, at, columns: row.columns });
  }
  return [];
}

const LINE_FIELDS = ['name', 'kind', 'article', 'index', 'instruments', 'outOfScopeReason', 'notes'];

/** Long tables (a row per line and year) and wide ones (a column per year) alike. */
function expenditure(table: ReadTable, ctx: ImportContext, problems: SheetProblem[], notices: Notice[]): Patch[] {
  const byLine = new Map<string, Patch>();
  const outside = new Set<number>();
  const wide = table.columns.some((c) => c.year !== undefined);
  if (!wide && !hasColumn(table, 'year')) {
    problems.push({ file: table.grid.file, ...(table.grid.sheet !== undefined ? { sheet: table.grid.sheet } : {}), message: 'the expenditure table has no year: neither a "Jaar"/"Year" column nor years as column headers', hint: 'add a Year column, or put the years (2013, 2014, …) as headers of the amount columns', severity: 'error' });
    return [];
  }
  for (const row of table.rows) {
    const at = locate(table, row);
    const v = row.values as Record<string, unknown>;
    const name = v.name as string | undefined;
    const id = (v.line as string | undefined) ?? (name ? slug(name) : undefined);
    if (id === undefined) {
      problems.push({ ...at, message: 'the row names no budget line', hint: 'give a line id or a name', severity: 'error' });
      continue;
    }
    let patch = byLine.get(id);
    if (!patch) {
      patch = { list: 'budgetLines', id, fields: {}, at, columns: row.columns, years: [] };
      byLine.set(id, patch);
    }
    // A long table repeats the line on every year's row; the first row that gives a field gives it.
    for (const k of LINE_FIELDS) if (k in v && !(k in patch.fields)) patch.fields[k] = v[k];
    const years: YearPatch[] = [];
    if (wide) {
      const perYear = new Map<number, YearPatch>();
      for (const y of row.years) {
        const yp: YearPatch = perYear.get(y.year) ?? { year: y.year, fields: {}, at, columns: {} };
        yp.fields[y.field] = y.value;
        yp.columns[y.field] = y.column;
        perYear.set(y.year, yp);
      }
      years.push(...perYear.values());
    } else if (typeof v.year === 'number') {
      const fields: Record<string, unknown> = {};
      for (const k of PHASES) if (k in v) fields[k] = v[k];
      if ('expenditureNotes' in v) fields.notes = v.expenditureNotes;
      years.push({ year: v.year, fields, at, columns: { ...row.columns, notes: row.columns.expenditureNotes ?? '' } });
    } else if (PHASES.some((k) => k in v)) {
      problems.push({ ...at, ...(row.columns.year ? { column: row.columns.year } : {}), message: 'the row has amounts but no year', hint: 'give the year of the amounts', severity: 'error' });
      continue;
    }
    for (const y of years) {
      if (!inPeriod(ctx, y.year)) outside.add(y.year);
      else if (patch.years!.some((p) => p.year === y.year)) problems.push({ ...y.at, message: `line ${id} has ${y.year} twice`, hint: 'give one row per line and year', severity: 'error' });
      else patch.years!.push(y);
    }
  }
  if (outside.size) notices.push({ at: { file: table.grid.file, ...(table.grid.sheet !== undefined ? { sheet: table.grid.sheet } : {}) }, message: `years outside the review's period not imported: ${[...outside].sort().join(', ')}` });
  return [...byLine.values()];
}

const DELIVERED = ['afgerond', 'gereed', 'opgeleverd', 'verschenen', 'gepubliceerd', 'completed', 'delivered', 'published', 'done'];

/**
 * The evaluation register (rijksfinancien.nl) as sources: only delivered studies are sources; the
 * planned and running ones are reported. With --article, only the studies of that article.
 */
function register(table: ReadTable, ctx: ImportContext, notices: Notice[]): Patch[] {
  const out: Patch[] = [];
  const notDelivered: string[] = [];
  let otherArticles = 0;
  const ids = new Set<string>();
  for (const row of table.rows) {
    const v = row.values as Record<string, string | undefined>;
    if (!v.title) continue;
    if (ctx.article && !registerMatches(v, ctx.article.chapter, ctx.article.article)) {
      otherArticles++;
      continue;
    }
    const status = v.status ? normalise(v.status) : '';
    if (!DELIVERED.some((d) => status.startsWith(d))) {
      notDelivered.push(`row ${row.row} (${v.status ?? 'no status'})`);
      continue;
    }
    const year = v.delivered?.slice(0, 4);
    let id = `src-${slug(v.title, 40)}${year ? `-${year}` : ''}`;
    for (let n = 2; ids.has(id); n++) id = `${id.replace(/-\d+$/, '')}-${n}`;
    ids.add(id);
    const type = v.studyType ? (lookupValue(SOURCE_TYPE_WORDS, v.studyType) ?? REGISTER_TYPES[normalise(v.studyType)] ?? 'unknown') : 'unknown';
    const notes = [
      v.studyType && `Type onderzoek: ${v.studyType}.`,
      v.status && `Status: ${v.status}.`,
      v.article && `Artikel: ${v.article}.`,
      (v.chapterNumber || v.articleNumber) && `Hoofdstuk ${v.chapterNumber ?? '?'}, artikel ${v.articleNumber ?? '?'}.`,
      v.expert && `Onafhankelijk deskundige: ${v.expert}.`,
      v.seaLink && `SEA: ${v.seaLink}.`,
      v.cabinetResponse && `Kabinetsreactie: ${v.cabinetResponse}.`,
      'Uit het evaluatieregister (rijksfinancien.nl).',
    ].filter(Boolean);
    out.push({
      list: 'sources',
      id,
      fields: { title: v.title, type, ...(v.department ? { author: v.department } : {}), ...(v.delivered ? { date: v.delivered } : {}), ...(v.reportLink ? { reference: v.reportLink } : {}), notes: notes.join(' ') },
      at: locate(table, row),
      columns: row.columns,
    });
  }
  const at = { file: table.grid.file, ...(table.grid.sheet !== undefined ? { sheet: table.grid.sheet } : {}) };
  if (notDelivered.length) notices.push({ at, message: `${notDelivered.length} studies not yet delivered not imported as sources: ${notDelivered.slice(0, 10).join(', ')}${notDelivered.length > 10 ? ', …' : ''}` });
  if (otherArticles) notices.push({ at, message: `${otherArticles} studies of other articles not imported` });
  return out;
}

/** Type words of the register that are not the model's own: a periodic review is not an effect study. */
const REGISTER_TYPES: Record<string, string> = {
  'ex post evaluatie': 'effect',
  'ex ante onderzoek': 'ex-ante',
  'ex ante evaluatie': 'ex-ante',
};

function registerMatches(v: Record<string, string | undefined>, chapter: string, article: string): boolean {
  const chapterOk = !v.chapterNumber || v.chapterNumber.trim().toUpperCase() === chapter;
  const numbers = (v.articleNumber ?? '').split(/[,;/\s]+/).filter(Boolean).map((n) => String(Number(n.split('.')[0])));
  const articleOk = numbers.length ? numbers.includes(article) : true;
  return chapterOk && articleOk && Boolean(v.chapterNumber || v.articleNumber);
}
