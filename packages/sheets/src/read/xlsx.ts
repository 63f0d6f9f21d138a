import type ExcelJS from 'exceljs';
import type { CellValue, Grid } from './grid.js';

/**
 * Reads every worksheet of an .xlsx (already checked by `checkZip`) into grids: formulas as their
 * cached result, rich text as plain text, dates as ISO dates, hyperlinks as their text, and the
 * value of a merged range in each of its cells (a merged header spans its columns).
 */
export async function readXlsx(data: Uint8Array, file: string): Promise<Grid[]> {
  // Loaded on first use: a CSV or open-data import never pays for the workbook library.
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  // exceljs' types ask for a Node Buffer; a view over the same bytes costs no copy.
  await workbook.xlsx.load(Buffer.from(data.buffer, data.byteOffset, data.byteLength) as unknown as ExcelJS.Buffer);
  const grids: Grid[] = [];
  workbook.eachSheet((ws) => {
    const rows: CellValue[][] = [];
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const cells: CellValue[] = [];
      row.eachCell({ includeEmpty: true }, (cell, col) => {
        // polev's export marks an unknown amount by an empty cell with a note; read it back as unknown.
        cells[col - 1] = cell.value === null && UNKNOWN_NOTE.test(noteText(cell.note)) ? 'onbekend' : cellValue(cell.value);
      });
      for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = null;
      rows[rowNumber - 1] = cells;
    });
    for (let i = 0; i < rows.length; i++) if (rows[i] === undefined) rows[i] = [];
    const merges = mergesOf(ws);
    for (const m of merges) {
      const v = rows[m.top]?.[m.left] ?? null;
      for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) (rows[r] ??= [])[c] = v;
    }
    grids.push({ file, sheet: ws.name, rows, merges });
  });
  return grids;
}

const UNKNOWN_NOTE = /^(onbekend|unknown)\b/i;
const noteText = (note: ExcelJS.Cell['note']): string =>
  note === undefined ? '' : typeof note === 'string' ? note : (note.texts ?? []).map((t) => t.text).join('');

function mergesOf(ws: ExcelJS.Worksheet): Grid['merges'] {
  // exceljs keeps the ranges as "A1:C1" strings in the worksheet model.
  const ranges = (ws.model as { merges?: string[] }).merges ?? [];
  const out: Grid['merges'] = [];
  for (const r of ranges) {
    const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(r);
    if (!m) continue;
    out.push({ top: Number(m[2]) - 1, left: colIndex(m[1]!), bottom: Number(m[4]) - 1, right: colIndex(m[3]!) });
  }
  return out;
}

const colIndex = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;

function cellValue(v: ExcelJS.CellValue): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (v instanceof Date) return isoDate(v);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('formula' in v || 'sharedFormula' in v) return cellValue((v as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
    if ('hyperlink' in v) return cellValue((v as ExcelJS.CellHyperlinkValue).text);
    if ('error' in v) return (v as ExcelJS.CellErrorValue).error;
  }
  return String(v);
}

/** Excel stores dates as local midnight in UTC terms; a date without a time is written YYYY-MM-DD. */
function isoDate(d: Date): string {
  const iso = d.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
}
