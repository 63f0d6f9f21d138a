import { basename, extname } from 'node:path';
import { migrateReview, parseReview, SCHEMA_VERSION, type Review } from '@polev/core/load';
import { globMatch, type Mapping } from './mapping.js';
import { applyCompleteness, mappingClaims } from './completeness.js';
import { mergeArticleContext, mergePatches, originKey, listOf, type MergeReport, type Origins } from './merge.js';
import { LISTS, parseArticleRef, slug, type ImportContext, type ListName, type Notice, type Patch } from './patch.js';
import { columnLetter, SheetImportError, type SheetProblem } from './problems.js';
import { readCsv } from './read/csv.js';
import { isBlank, type Grid } from './read/grid.js';
import { readXlsx } from './read/xlsx.js';
import { checkZip, DEFAULT_ZIP_LIMITS, type ZipLimits } from './read/zip-guard.js';
import { detailColumns, detailFromGrid, detailFromJson, readBudgetDetail } from './opendata/budget-detail.js';
import { isBudgetStatements, readBudgetStatements } from './opendata/budget-statements.js';
import { buildPatches } from './tables/build.js';
import { TABLES, TABLE_KINDS, type TableKind } from './tables/definitions.js';
import { findHeader, readRows } from './tables/read-table.js';
import { isReviewSheet, readReviewSheet } from './tables/review-sheet.js';
import { normalise } from './tables/values.js';

export interface ImportFile {
  /** The file's name, as problems show it; its extension tells .xlsx, .csv and .json apart. */
  name: string;
  data: Uint8Array;
}

export interface ImportLimits {
  /** Bytes per file. Default 50 MiB. */
  maxFileBytes: number;
  zip: ZipLimits;
  /** Rows per sheet or CSV file. Default 200,000. */
  maxRows: number;
}

export const DEFAULT_IMPORT_LIMITS: ImportLimits = { maxFileBytes: 50 * 1024 * 1024, zip: DEFAULT_ZIP_LIMITS, maxRows: 200_000 };

export interface ImportOptions {
  /** The review to merge into, as data (parsed YAML/JSON, or a Review); absent = a new review. */
  review?: unknown;
  /** The name of that review's file, for problems in entries the files did not touch. */
  reviewFile?: string;
  mapping?: Mapping;
  /** `VI.36` or `VI.36.2`: the article to take from budget open data. */
  article?: string;
  /** The years to import: within the review's period (years outside it are never imported); a new review's period. */
  period?: { start: number | null; end: number | null };
  /** Which phase a detailed budget table's amounts are. Default `draft` (the budget as proposed). */
  detailPhase?: ImportContext['detailPhase'];
  limits?: Partial<ImportLimits>;
}

export type ImportResult =
  | { ok: true; review: Review; data: Record<string, unknown>; report: MergeReport; notices: Notice[] }
  | { ok: false; problems: SheetProblem[]; notices: Notice[] };

/** `importSheets`, throwing a `SheetImportError` (code INVALID_IMPORT, with every problem) instead of returning them. */
export async function importSheetsOrThrow(files: ImportFile[], options: ImportOptions = {}): Promise<Extract<ImportResult, { ok: true }>> {
  const r = await importSheets(files, options);
  if (!r.ok) throw new SheetImportError(r.problems);
  return r;
}

/**
 * Imports spreadsheets and open-data files into a review: every file read, every table found by
 * its headers (or the mapping), every row turned into entries and merged by id, and the result
 * checked as a whole review. Returns the merged review, or every problem, located; on problems
 * nothing is merged. Pure apart from the files' bytes: the caller reads and writes files.
 */
export async function importSheets(files: ImportFile[], options: ImportOptions = {}): Promise<ImportResult> {
  const problems: SheetProblem[] = [];
  const notices: Notice[] = [];
  const limits = { ...DEFAULT_IMPORT_LIMITS, ...options.limits };
  // A schemaVersion 1 review is brought to the current version first, as the loader does.
  const base = options.review !== undefined ? (structuredClone(migrateReview(options.review).data) as Record<string, unknown>) : undefined;

  const article = options.article !== undefined ? parseArticleRef(options.article) : undefined;
  if (options.article !== undefined && !article) {
    problems.push({ file: '--article', value: options.article, message: 'is not CHAPTER.ARTICLE or CHAPTER.ARTICLE.PART', hint: 'e.g. VI.36 or VI.36.2', severity: 'error' });
  }
  const ctx: ImportContext = {
    period: narrower(options.period, base?.period as ImportContext['period']),
    article,
    coveredParts: coveredParts(base, article?.article),
    detailPhase: options.detailPhase ?? 'draft',
    lang: base?.language === 'en' ? 'en' : 'nl',
    existingLines: costLines(base),
    completeness: [],
    articleContext: [],
  };

  const patches: Patch[] = [];
  let reviewFields: Record<string, unknown> = {};
  for (const file of files) {
    const grids = await readFile(file, limits, problems, patches, ctx, notices);
    const unrecognised: SheetProblem[] = [];
    for (const grid of grids) {
      if (grid.rows.length > limits.maxRows) {
        problems.push({ file: grid.file, ...(grid.sheet !== undefined ? { sheet: grid.sheet } : {}), message: `has ${grid.rows.length} rows, more than the ${limits.maxRows} an import reads`, hint: 'split the table, or import only the rows of your article', severity: 'error' });
        continue;
      }
      const fields = readGrid(grid, options.mapping, ctx, problems, notices, patches, unrecognised);
      if (fields) reviewFields = { ...reviewFields, ...fields };
    }
    // A workbook's other sheets (notes, pivots) are reported; a file of which nothing is a table is a problem.
    if (unrecognised.length === grids.length) problems.push(...unrecognised);
    else for (const u of unrecognised) notices.push({ at: { file: u.file, ...(u.sheet !== undefined ? { sheet: u.sheet } : {}) }, message: 'not imported: its headers name no table polev reads' });
  }
  // The mapping's statements come last: said at import time, they win over a file's.
  ctx.completeness.push(...mappingClaims(options.mapping));
  // The merge runs even when reading found problems, so that its own (a new entry without a
  // required field, an id given twice) are reported in the same go; its result is then dropped.
  const review = base ?? newReview(files, article, ctx, notices);
  const reviewChanged = applyReviewFields(review, reviewFields, base !== undefined);
  const { report, origins } = mergePatches(review, patches, problems, notices);
  report.reviewFields = reviewChanged;
  mergeArticleContext(review, ctx.articleContext, report, notices);
  applyCompleteness(review, ctx.completeness, base !== undefined, report, notices);
  if (!base) dropPlaceholderDomain(review);
  if (problems.some((p) => p.severity === 'error')) return { ok: false, problems: inFileOrder(problems, files), notices };

  const checked = parseReview(JSON.stringify(review), { file: options.reviewFile ?? '<review>' });
  if (!checked.ok) {
    return { ok: false, problems: checked.problems.filter((p) => p.severity === 'error').map((p) => locateProblem(review, p.path, p.message, p.hint, origins, options.reviewFile)), notices };
  }
  return { ok: true, review: checked.review, data: review, report, notices };
}

async function readFile(file: ImportFile, limits: ImportLimits, problems: SheetProblem[], patches: Patch[], ctx: ImportContext, notices: Notice[]): Promise<Grid[]> {
  const at = { file: file.name };
  const bytes = file.data;
  if (bytes.byteLength > limits.maxFileBytes) {
    problems.push({ ...at, message: `is ${size(bytes.byteLength)}, more than the ${size(limits.maxFileBytes)} an import reads`, hint: 'import only the sheets or rows of your article', severity: 'error' });
    return [];
  }
  const ext = extname(file.name).toLowerCase();
  const zip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    problems.push({ ...at, message: 'is an old binary Excel file (.xls), which polev does not read', hint: 'save it as .xlsx (Excel: Save As → Excel Workbook) or as CSV', severity: 'error' });
    return [];
  }
  if (zip || ext === '.xlsx' || ext === '.xlsm') {
    const refused = zip ? await checkZip(bytes, limits.zip) : 'it is not a zip archive, as every .xlsx is';
    if (refused) {
      problems.push({ ...at, message: `is not a readable spreadsheet: ${refused}`, hint: 'open it in Excel or LibreOffice and save it again as .xlsx, or export the table as CSV', severity: 'error' });
      return [];
    }
    try {
      return await readXlsx(bytes, file.name);
    } catch (err) {
      problems.push({ ...at, message: `is not a readable .xlsx workbook (${firstLine(err)})`, hint: 'open it in Excel or LibreOffice and save it again as .xlsx', severity: 'error' });
      return [];
    }
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    problems.push({ ...at, message: 'is not a spreadsheet: it is neither .xlsx nor UTF-8 text (CSV)', hint: 'save the table as .xlsx, or as CSV in UTF-8', severity: 'error' });
    return [];
  }
  if (text.includes('\u0000')) {
    problems.push({ ...at, message: 'is not a spreadsheet: it is a binary file', hint: 'give an .xlsx or a CSV file', severity: 'error' });
    return [];
  }
  const trimmed = text.replace(/^\uFEFF/, '').trimStart();
  if (ext === '.json' || trimmed.startsWith('[')) {
    let data: unknown;
    try {
      data = JSON.parse(trimmed);
    } catch (err) {
      problems.push({ ...at, message: `is not valid JSON (${firstLine(err)})`, severity: 'error' });
      return [];
    }
    if (!Array.isArray(data) || !data.every((r) => typeof r === 'object' && r !== null && 'nr_onderverdeling' in r && 'vuo' in r)) {
      problems.push({ ...at, message: 'is JSON but not a detailed budget table (an array of records with vuo, nr_onderverdeling, bedrag…)', severity: 'error' });
      return [];
    }
    patches.push(...readBudgetDetail(detailFromJson(data, file.name, problems), file.name, undefined, ctx, problems, notices));
    return [];
  }
  const grid = readCsv(text, file.name);
  if (grid.unterminatedQuote) problems.push({ ...at, row: grid.rows.length, message: 'ends inside a quoted field: a closing " is missing', hint: 'check the quotes in the last rows, or export the CSV again', severity: 'error' });
  return [grid];
}

const firstLine = (err: unknown) => (err instanceof Error ? err.message : String(err)).split('\n')[0]!.slice(0, 200);

/** Decides what a sheet is and reads it; returns the review's own fields for a metadata sheet. */
function readGrid(grid: Grid, mapping: Mapping | undefined, ctx: ImportContext, problems: SheetProblem[], notices: Notice[], patches: Patch[], unrecognised: SheetProblem[]): Record<string, unknown> | undefined {
  const at = { file: grid.file, ...(grid.sheet !== undefined ? { sheet: grid.sheet } : {}) };
  if (grid.rows.every((r) => r.every((c) => c === null || String(c).trim() === ''))) {
    notices.push({ at, message: 'is empty: nothing imported from it' });
    return undefined;
  }
  const mapped = mapping?.tables.find((t) => (!t.file || globMatch(t.file, basename(grid.file))) && (!t.sheet || (grid.sheet !== undefined && globMatch(t.sheet, grid.sheet))));
  if (!mapped) {
    if (isBudgetStatements(grid)) {
      patches.push(...readBudgetStatements(grid, ctx, problems, notices));
      return undefined;
    }
    const detail = detailColumns(grid);
    if (detail) {
      patches.push(...readBudgetDetail(detailFromGrid(grid, detail, problems), grid.file, grid.sheet, ctx, problems, notices));
      return undefined;
    }
  }
  if (mapped?.table === 'review' || (!mapped && isReviewSheet(grid))) return readReviewSheet(grid, problems).fields;
  if (!mapped && isAnalysisTable(grid)) {
    notices.push({ at, message: 'holds analysis results (written by polev export); not imported: the analysis is computed from the review' });
    return undefined;
  }
  const kind = mapped?.table ?? detectTable(grid);
  if (!kind) {
    unrecognised.push({ ...at, message: 'is not a table polev recognises: its headers name no instruments, objectives, sources, findings or expenditure', hint: 'name the columns as in the README (e.g. Instrument, Doelstelling-id, Realisatie), or say which table it is in a mapping file (--mapping)', severity: 'error' });
    return undefined;
  }
  const header = findHeader(grid, TABLES[kind], mapped);
  if (!header) {
    problems.push({ ...at, ...(mapped?.headerRow ? { row: mapped.headerRow } : {}), message: `has no header row naming the columns of ${TABLES[kind].en.toLowerCase()}`, hint: 'check the mapping file (columns, headerRow)', severity: 'error' });
    return undefined;
  }
  missingColumns(grid, kind, header.columns.map((c) => c.field), header.row, problems);
  const unread = (grid.rows[header.row] ?? []).flatMap((v, c) => (isBlank(v) || header.columns.some((h) => h.col === c) ? [] : [`${columnLetter(c)} (${String(v).trim()})`]));
  if (unread.length) notices.push({ at: { ...at, row: header.row + 1 }, message: `columns not imported (no field of ${TABLES[kind].en.toLowerCase()} has these headers): ${unread.join(', ')}` });
  const table = readRows(grid, kind, header, mapped, problems);
  patches.push(...buildPatches(table, ctx, problems, notices));
  return undefined;
}

/** Sheets (and CSV files: `review-verdicts.csv`) `polev export` writes from the analysis: output, not input. */
const ANALYSIS_TABLES = ['gap map', 'hiatenkaart', 'verdicts', 'oordelen'];
function isAnalysisTable(grid: Grid): boolean {
  const name = normalise(grid.sheet ?? basename(grid.file, extname(grid.file)));
  return ANALYSIS_TABLES.some((t) => name === t || name.endsWith(` ${t}`));
}

function detectTable(grid: Grid): TableKind | undefined {
  let best: { kind: TableKind; score: number } | undefined;
  const name = normalise(grid.sheet ?? basename(grid.file, extname(grid.file)));
  for (const kind of TABLE_KINDS) {
    const def = TABLES[kind];
    if (!def.fields.length) continue;
    const header = findHeader(grid, def);
    if (!header) continue;
    const fields = new Set(header.columns.map((c) => c.field));
    const wide = header.columns.some((c) => c.year !== undefined);
    if (kind === 'expenditure' && !wide && !fields.has('year')) continue;
    // An id column under the table's own name ("Instrument-id", "Source id") says which table it is.
    const idField = def.fields[0]!;
    const ownId = header.columns.some((c) => c.field === idField.key && [idField.en, idField.nl].some((h) => normalise(h) === normalise(c.header)));
    const signature = def.signature.filter((s) => fields.has(s)).length + (wide ? 1 : 0) + (ownId ? 1 : 0);
    const named = def.names.some((n) => name.split(' ').includes(n) || name === n || name.startsWith(n));
    if (signature < 2 && !(named && signature >= 1)) continue;
    const score = header.score + (named ? 3 : 0);
    if (!best || score > best.score) best = { kind, score };
  }
  return best?.kind;
}

/** Columns a table cannot do without, whatever its rows: the id, and for expenditure a name or id. */
function missingColumns(grid: Grid, kind: TableKind, fields: string[], headerRow: number, problems: SheetProblem[]): void {
  const def = TABLES[kind];
  const need =
    kind === 'expenditure' ? (fields.includes('line') || fields.includes('name') ? [] : ['name'])
    : kind === 'register' ? ['title']
    : kind === 'completeness' ? ['list', 'status']
    : kind === 'articleContext' ? ['article', 'quantity', 'year']
    : ['id'];
  for (const key of need) {
    if (fields.includes(key)) continue;
    const fd = def.fields.find((f) => f.key === key)!;
    problems.push({ file: grid.file, ...(grid.sheet !== undefined ? { sheet: grid.sheet } : {}), row: headerRow + 1, message: `the ${def.en.toLowerCase()} table has no column "${fd.nl}" / "${fd.en}"`, hint: 'add the column, or map one in a mapping file (columns)', severity: 'error' });
  }
}

/** The review's cost lines with the article each is booked on: its article, its open-data index, or the review's one article. */
function costLines(review: Record<string, unknown> | undefined): ImportContext['existingLines'] {
  const articles = (review?.budgetArticles ?? []) as { number?: string }[];
  const only = articles.length === 1 ? String(articles[0]!.number ?? '') || null : null;
  const lines = (review?.budgetLines ?? []) as { id: string; kind?: string; article?: string | null; index?: string | null }[];
  return lines
    .filter((l) => l.kind === 'programme' || l.kind === 'apparatus' || l.kind === 'unknown')
    .map((l) => {
      const fromIndex = typeof l.index === 'string' && l.index.trim() ? l.index.trim().split('.').filter((seg) => /^\d+$/.test(seg)).map((seg) => String(Number(seg))).join('.') || null : null;
      const on = typeof l.article === 'string' && l.article.trim() ? l.article.trim() : (fromIndex ?? only);
      return { id: l.id, ...(l.index ? { index: l.index } : {}), on };
    });
}

function coveredParts(review: Record<string, unknown> | undefined, article: string | undefined): string[] {
  const articles = (review?.budgetArticles ?? []) as { number?: string }[];
  const numbers = articles.map((a) => String(a.number ?? ''));
  const a = article ?? numbers[0]?.split('.')[0];
  if (a === undefined || numbers.includes(a)) return [];
  return numbers.filter((n) => n.startsWith(`${a}.`)).map((n) => n.split('.')[1]!);
}

/** A review for files that bring no review of their own: its gaps are placeholders, and said so. */
function newReview(files: ImportFile[], article: ImportContext['article'], ctx: ImportContext, notices: Notice[]): Record<string, unknown> {
  const number = article ? `${article.article}${article.part ? `.${article.part}` : ''}` : '1';
  notices.push({
    at: { file: files[0]?.name ?? '<import>' },
    message: 'a new review: its id, title, ministry, RPE version and policy tree are placeholders (marked "in te vullen"); fill them in',
  });
  return {
    schemaVersion: SCHEMA_VERSION,
    id: slug(article ? `${article.chapter}-${number}` : basename(files[0]?.name ?? 'import', extname(files[0]?.name ?? ''))),
    title: `Beleidsdoorlichting artikel ${article ? `${article.chapter}.${number}` : number} (in te vullen)`,
    language: 'nl',
    ministry: { name: '(in te vullen)' },
    budgetChapter: article?.chapter ?? null,
    budgetArticles: [{ number }],
    period: ctx.period ? { start: ctx.period.start ?? null, end: ctx.period.end ?? null } : { start: null, end: null },
    rpeVersion: '2022',
    method: null,
    // A review has at least one domain; the files may bring their own (a Taakvelden sheet).
    policyTree: { mainGoal: { text: null }, domains: [{ id: 'domain-1', name: '(in te vullen)' }], objectives: [] },
  };
}

/** Sets the review's own fields from a metadata sheet; returns those that changed in an existing review. */
function applyReviewFields(review: Record<string, unknown>, fields: Record<string, unknown>, existing: boolean): string[] {
  const changed: string[] = [];
  for (const [path, value] of Object.entries(fields)) {
    if (path === 'budgetArticles') {
      const old = (review.budgetArticles ?? []) as { number: string }[];
      const numbers = value as string[];
      if (old.map((a) => a.number).join() !== numbers.join()) {
        review.budgetArticles = numbers.map((n) => old.find((a) => a.number === n) ?? { number: n });
        changed.push(path);
      }
      continue;
    }
    const parts = path.split('.');
    let target = review;
    for (const p of parts.slice(0, -1)) target = (target[p] ??= {}) as Record<string, unknown>;
    const last = parts[parts.length - 1]!;
    if (JSON.stringify(target[last]) !== JSON.stringify(value)) changed.push(path);
    target[last] = value;
  }
  if (review.period && typeof review.period === 'object') {
    const p = review.period as Record<string, unknown>;
    p.start ??= null;
    p.end ??= null;
  }
  return existing ? changed : [];
}

/** Maps a problem in the merged review back to the cell that caused it, where the import made that entry. */
function locateProblem(review: Record<string, unknown>, path: string, message: string, hint: string | undefined, origins: Origins, reviewFile?: string): SheetProblem {
  const m = /^(?:policyTree\.)?(\w+)\[(\d+)\](?:\.(.+))?$/.exec(path);
  if (m && (LISTS as readonly string[]).includes(m[1]!)) {
    const list = m[1] as ListName;
    const entity = listOf(review, list)[Number(m[2])];
    const origin = entity ? origins.get(originKey(list, entity.id)) : undefined;
    if (origin && entity) {
      const field = (m[3] ?? '').replace(/\[\d+\]$/, '');
      const year = /^expenditures\[(\d+)\]\.?(.*)$/.exec(m[3] ?? '');
      if (year) {
        const row = ((entity as Record<string, unknown>).expenditures as { year: number }[])[Number(year[1])];
        const yp = origin.years?.find((y) => y.year === row?.year);
        const column = yp && columnOf(yp.columns, year[2] ?? '');
        if (yp) return { ...yp.at, ...(column ? { column } : {}), message: `${entity.id} ${row?.year}: ${message}`, ...(hint ? { hint } : {}), severity: 'error' };
      }
      const column = columnOf(origin.columns, field);
      return { ...origin.at, ...(column ? { column } : {}), value: entity.id, message: `${field ? `${field}: ` : ''}${message}`, ...(hint ? { hint } : {}), severity: 'error' };
    }
  }
  return { file: reviewFile ?? '<review>', message: `${path ? `${path}: ` : ''}${message}`, ...(hint ? { hint } : {}), severity: 'error' };
}

/** The column of a field, or of the first of its nested fields (`budgeted` → the Ontwerpbegroting column). */
function columnOf(columns: Record<string, string>, field: string): string | undefined {
  if (!field) return undefined;
  return columns[field] || Object.entries(columns).find(([k, v]) => v && (k.startsWith(`${field}.`) || field.startsWith(`${k}.`)))?.[1];
}

/** Problems by the order of the files given, then sheet and row, as a person works through them. */
function inFileOrder(problems: SheetProblem[], files: ImportFile[]): SheetProblem[] {
  const order = new Map(files.map((f, i) => [f.name, i]));
  const sheets = new Map<string, number>();
  for (const p of problems) if (!sheets.has(`${p.file}\u0000${p.sheet}`)) sheets.set(`${p.file}\u0000${p.sheet}`, sheets.size);
  const sheet = (p: SheetProblem) => sheets.get(`${p.file}\u0000${p.sheet}`)!;
  return problems
    .map((p, i) => ({ p, i }))
    .sort((a, b) => (order.get(a.p.file) ?? -1) - (order.get(b.p.file) ?? -1) || sheet(a.p) - sheet(b.p) || (a.p.row ?? 0) - (b.p.row ?? 0) || a.i - b.i)
    .map((x) => x.p);
}

/** The new review's placeholder domain goes once the files brought domains of their own. */
function dropPlaceholderDomain(review: Record<string, unknown>): void {
  const tree = review.policyTree as { domains: { id: string }[]; objectives: { domain?: string }[] };
  if (tree.domains.length > 1 && !tree.objectives.some((o) => o.domain === 'domain-1')) tree.domains = tree.domains.filter((d) => d.id !== 'domain-1');
}

type Period = ImportContext['period'];
/** The years both periods allow; an open end (null) allows every year on that side. */
function narrower(a: Period, b: Period): Period {
  if (!a) return b;
  if (!b) return a;
  const max = (x: number | null, y: number | null) => (x == null ? y : y == null ? x : Math.max(x, y));
  const min = (x: number | null, y: number | null) => (x == null ? y : y == null ? x : Math.min(x, y));
  return { start: max(a.start, b.start), end: min(a.end, b.end) };
}

const size = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MiB` : `${(bytes / 1024).toFixed(1)} KiB`);
