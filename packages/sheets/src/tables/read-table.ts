import type { TableMapping } from '../mapping.js';
import { columnLetter, type SheetProblem } from '../problems.js';
import { parseAmount } from '../read/numbers.js';
import { isBlank, type CellValue, type Grid } from '../read/grid.js';
import { PHASE_KEYS, TABLES, type FieldDef, type TableDef, type TableKind } from './definitions.js';
import { lookupValue, normalise } from './values.js';

/** A column of a table: which field it holds, or for a wide expenditure table which year and phase. */
export interface Column {
  col: number;
  header: string;
  field: string;
  year?: number;
}

export interface TableRow {
  /** 1-based, as the spreadsheet shows it. */
  row: number;
  /** Parsed values of the non-empty cells, by field key. */
  values: Record<string, unknown>;
  /** Wide expenditure tables: the year columns' values. */
  years: { year: number; field: string; value: number | null; column: string }[];
  /** The column label (`C (Bedrag)`) of each field, for problems found later. */
  columns: Record<string, string>;
}

export interface ReadTable {
  kind: TableKind;
  grid: Grid;
  columns: Column[];
  rows: TableRow[];
}

const MAX_HEADER_SCAN = 15;
const ID = /^[a-z0-9][a-z0-9._-]*$/;

/** The best header row for a table: the one whose cells name most of its fields. */
export function findHeader(grid: Grid, def: TableDef, mapping?: TableMapping): { row: number; columns: Column[]; score: number } | undefined {
  const candidates = mapping?.headerRow !== undefined ? [mapping.headerRow - 1] : [...Array(Math.min(MAX_HEADER_SCAN, grid.rows.length)).keys()];
  let best: { row: number; columns: Column[]; score: number } | undefined;
  for (const r of candidates) {
    const columns = headerColumns(grid, r, def, mapping);
    const fields = new Set(columns.map((c) => c.field));
    const score = def.signature.filter((s) => fields.has(s)).length * 2 + fields.size + (columns.some((c) => c.year !== undefined) ? 2 : 0);
    if (columns.length > 0 && (!best || score > best.score)) best = { row: r, columns, score };
  }
  return best;
}

function headerColumns(grid: Grid, r: number, def: TableDef, mapping?: TableMapping): Column[] {
  const row = grid.rows[r] ?? [];
  const above = r > 0 ? mergedAbove(grid, r) : new Map<number, string>();
  const columns: Column[] = [];
  const taken = new Set<string>();
  for (let c = 0; c < row.length; c++) {
    const v = row[c];
    const parent = above.get(c);
    if (isBlank(v) && parent === undefined) continue;
    const text = isBlank(v) ? '' : String(v).trim();
    if (def.kind === 'expenditure' && /^\d{4}$/.test(text)) {
      // A wide table: a year as header, under a (merged) header naming the phase; realisation by default.
      const year = Number(text);
      const field = (parent !== undefined ? fieldFor(def, parent, mapping) : undefined) ?? 'amount';
      if (PHASE_KEYS.includes(field as (typeof PHASE_KEYS)[number])) columns.push({ col: c, header: parent ? `${parent} ${text}` : text, field, year });
      continue;
    }
    const field = fieldFor(def, text, mapping) ?? (parent !== undefined ? fieldFor(def, `${parent} ${text}`, mapping) : undefined);
    if (field && !taken.has(field)) {
      taken.add(field);
      columns.push({ col: c, header: text, field });
    }
  }
  return columns;
}

/** Texts of horizontally merged header cells in the row above, by column. */
function mergedAbove(grid: Grid, r: number): Map<number, string> {
  const out = new Map<number, string>();
  for (const m of grid.merges) {
    if (m.bottom !== r - 1 || m.right === m.left) continue;
    const v = grid.rows[m.top]?.[m.left];
    if (isBlank(v)) continue;
    for (let c = m.left; c <= m.right; c++) out.set(c, String(v).trim());
  }
  return out;
}

/** `Ontwerpbegroting (x € 1.000)`, `Bedrag x 1000`, `Realisatie (€ x1,000)`: the unit is not the name. */
const UNIT = /\(?\s*(?:x\s*)?€?\s*(?:x\s*)?1[.,\s]?000\s*\)?\s*$/i;

function fieldFor(def: TableDef, header: string, mapping?: TableMapping): string | undefined {
  if (mapping?.columns) {
    const exact = normalise(header);
    for (const [field, h] of Object.entries(mapping.columns)) if ((Array.isArray(h) ? h : [h]).some((x) => normalise(x) === exact)) return field;
  }
  const n = normalise(header.replace(UNIT, ''));
  if (!n) return undefined;
  for (const fd of def.fields) if (fd.key === n || [fd.en, fd.nl].some((h) => normalise(h.replace(UNIT, '')) === n)) return fd.key;
  for (const fd of def.fields) if (fd.aliases?.some((a) => normalise(a) === n)) return fd.key;
  return undefined;
}

/** Reads the data rows under a header: every cell parsed by its field's type, every bad cell a problem. */
export function readRows(grid: Grid, kind: TableKind, header: { row: number; columns: Column[] }, mapping: TableMapping | undefined, problems: SheetProblem[]): ReadTable {
  const def = TABLES[kind];
  const byKey = new Map(def.fields.map((fd) => [fd.key, fd]));
  const rows: TableRow[] = [];
  for (let r = header.row + 1; r < grid.rows.length; r++) {
    const cells = grid.rows[r] ?? [];
    if (header.columns.every((c) => isBlank(cells[c.col]))) continue;
    const out: TableRow = { row: r + 1, values: {}, years: [], columns: {} };
    for (const column of header.columns) {
      const label = `${columnLetter(column.col)} (${column.header})`;
      const raw = cells[column.col] ?? null;
      const at = { file: grid.file, ...(grid.sheet !== undefined ? { sheet: grid.sheet } : {}), row: r + 1, column: label };
      const fd = byKey.get(column.field);
      if (!fd) continue;
      if (column.year !== undefined) {
        if (isBlank(raw)) continue;
        const amount = parseAmount(raw);
        if (amount === undefined) problems.push({ ...at, value: String(raw), message: 'is not an amount', hint: AMOUNT_HINT, severity: 'error' });
        else out.years.push({ year: column.year, field: column.field, value: amount, column: label });
        continue;
      }
      out.columns[fd.key] = label;
      if (isBlank(raw)) continue;
      const parsed = parseCell(fd, raw, mapping);
      if ('problem' in parsed) problems.push({ ...at, value: String(raw), message: parsed.problem, ...(parsed.hint ? { hint: parsed.hint } : {}), severity: 'error' });
      else out.values[fd.key] = parsed.value;
    }
    for (const [key, value] of Object.entries(mapping?.defaults ?? {})) {
      const fd = byKey.get(key);
      if (fd && !(key in out.values)) {
        const parsed = parseCell(fd, value, mapping);
        if ('value' in parsed) out.values[key] = parsed.value;
      }
    }
    rows.push(out);
  }
  return { kind, grid, columns: header.columns, rows };
}

const AMOUNT_HINT = 'write a number in € x 1,000 such as 1.234,5 or 1234.5; leave the cell empty when the figure is unknown';

type Parsed = { value: unknown } | { problem: string; hint?: string };

/**
 * A leading apostrophe is how a spreadsheet (and polev's export) keeps `=…` from being evaluated.
 * A line break after it is a carriage return that .xlsx's XML turned into one.
 */
export const unguard = (s: string) => (/^'[=+\-@\t\r\n]/.test(s) ? s.slice(1) : s);

function parseCell(fd: FieldDef, raw: CellValue, mapping?: TableMapping): Parsed {
  const text = typeof raw === 'number' ? String(raw) : unguard(String(raw).trim());
  switch (fd.type) {
    case 'text':
      return { value: text };
    case 'id':
      return ID.test(text) ? { value: text } : { problem: 'is not an id', hint: 'an id is lower-case letters, digits, ".", "_" or "-", starting with a letter or digit' };
    case 'ids': {
      const ids = splitList(text);
      const bad = ids.find((x) => !ID.test(x));
      return bad !== undefined ? { problem: `"${bad}" is not an id`, hint: 'separate ids by commas or semicolons, e.g. ct-1, ct-2' } : { value: ids };
    }
    case 'sources': {
      const refs = splitList(text, /[;\n]/).map((part) => {
        const m = /^([^\s(]+)\s*(?:\((.*)\))?$/.exec(part);
        const location = m?.[2]?.trim();
        return { source: m ? m[1]! : part, ...(location ? { location } : {}) };
      });
      const bad = refs.find((x) => !ID.test(x.source));
      return bad ? { problem: `"${bad.source}" is not a source id`, hint: 'write source ids separated by semicolons, each optionally with its location in brackets: src-a (§3.1); src-b' } : { value: refs };
    }
    case 'amount': {
      const n = parseAmount(raw);
      return n === undefined ? { problem: 'is not an amount', hint: AMOUNT_HINT } : { value: n };
    }
    case 'year': {
      const y = typeof raw === 'number' ? raw : Number(text);
      return Number.isInteger(y) && y >= 1800 && y <= 2200 ? { value: y } : { problem: 'is not a year', hint: 'write a year such as 2015' };
    }
    case 'count': {
      const n = typeof raw === 'number' ? raw : Number(text);
      return Number.isInteger(n) && n >= 0 ? { value: n } : { problem: 'is not a whole number', hint: 'write a count such as 108' };
    }
    case 'date': {
      const d = partialDate(raw);
      return d ? { value: d } : { problem: 'is not a date', hint: 'write YYYY, YYYY-MM, YYYY-MM-DD or DD-MM-YYYY' };
    }
    case 'enum': {
      const own = mapping?.values?.[fd.key];
      const mapped = own ? Object.entries(own).find(([w]) => normalise(w) === normalise(text))?.[1] : undefined;
      const value = mapped ?? lookupValue(fd.values ?? {}, text);
      if (value !== undefined && fd.values && value in fd.values) return { value };
      const allowed = Object.entries(fd.values ?? {}).map(([v, words]) => (words[0] && words[0] !== v ? `${v} (${words[0]})` : v));
      return { problem: `is not a known ${fd.en.toLowerCase()}`, hint: `use one of: ${allowed.join(', ')}; or map the word in a mapping file (values)` };
    }
  }
}

function splitList(text: string, sep: RegExp = /[,;\n]/): string[] {
  return text.split(sep).map((s) => s.trim()).filter(Boolean);
}

function partialDate(raw: CellValue): string | undefined {
  if (typeof raw === 'number') return Number.isInteger(raw) && raw >= 1800 && raw <= 2200 ? String(raw) : undefined;
  const s = String(raw).trim();
  if (/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/.test(s)) return s;
  const iso = /^(\d{4}-\d{2}-\d{2})T00:00:00(\.000)?Z$/.exec(s);
  if (iso) return iso[1];
  const nl = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(s);
  if (nl) {
    const [d, m] = [Number(nl[1]), Number(nl[2])];
    if (d >= 1 && d <= 31 && m >= 1 && m <= 12) return `${nl[3]}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  }
  return undefined;
}
