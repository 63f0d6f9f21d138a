import type ExcelJS from 'exceljs';
import type { Assessment, Review } from '@polev/core';
import { columnLetter } from '../problems.js';
import { inertText } from './inert.js';
import { exportTables, UNKNOWN_AMOUNT, type Lang } from './tables.js';

export interface ExportOptions {
  lang?: Lang;
  /** The analysis to export beside the review; computed when absent. */
  assessment?: Assessment;
}

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F3864' } };
const UNKNOWN_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'lightGray', fgColor: { argb: 'FFBFBFBF' } };
/** Whole thousands of euro with a thousands separator; the header says x € 1.000. */
const AMOUNT_FORMAT = '#,##0;-#,##0';

/**
 * The review and its analysis as an .xlsx workbook: a sheet per table, bold header row frozen and
 * filtered, amounts in € x 1,000 formats, unknown amounts as empty cells marked unknown (a grey
 * pattern and a note), never 0, and text that a spreadsheet would evaluate made inert.
 */
export async function exportXlsx(review: Review, options: ExportOptions = {}): Promise<Uint8Array> {
  const lang = options.lang ?? (review.language === 'en' ? 'en' : 'nl');
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  wb.creator = 'polev';
  wb.title = review.title;
  // A fixed date keeps the workbook the same for the same review (no clock in the output).
  wb.created = wb.modified = new Date(Date.UTC(2000, 0, 1));
  const unknownNote = lang === 'nl' ? 'onbekend: de bron geeft geen bedrag (niet 0)' : 'unknown: the source gives no figure (not 0)';
  for (const t of exportTables(review, lang, options.assessment)) {
    const ws = wb.addWorksheet(t.name, { views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }] });
    ws.columns = t.widths.map((width) => ({ width }));
    const head = ws.addRow(t.headers.map((h, i) => (t.amountColumns.includes(i) && !/1[.,]000/.test(h) ? `${h} (x € 1.000)` : h)));
    head.font = { bold: true, color: { argb: 'FFFFFFFF' } };
    head.alignment = { vertical: 'middle', wrapText: true };
    head.eachCell((c) => (c.fill = HEADER_FILL));
    for (const cells of t.rows) {
      const row = ws.addRow(cells.map((c) => (c === UNKNOWN_AMOUNT ? null : typeof c === 'string' ? inertText(c) : c)));
      cells.forEach((c, i) => {
        const cell = row.getCell(i + 1);
        if (t.amountColumns.includes(i)) cell.numFmt = AMOUNT_FORMAT;
        if (c === UNKNOWN_AMOUNT) {
          cell.fill = UNKNOWN_FILL;
          cell.note = unknownNote;
        } else if (typeof c === 'string' && c.length > 40) cell.alignment = { wrapText: true, vertical: 'top' };
      });
    }
    ws.autoFilter = { from: 'A1', to: `${columnLetter(t.headers.length - 1)}1` };
  }
  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}
