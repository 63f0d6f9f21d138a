import { PolevError } from '@polev/core/load';

/**
 * One thing wrong with an imported file, located as a spreadsheet user finds it: the file, the
 * sheet (absent for CSV), the 1-based row as the spreadsheet numbers it, the column by its letter
 * and header, and the offending value.
 */
export interface SheetProblem {
  file: string;
  sheet?: string;
  /** 1-based, as the spreadsheet shows it. */
  row?: number;
  /** The column letter (A, B, … AA) and, where known, its header: `C (Bedrag)`. */
  column?: string;
  value?: string;
  message: string;
  hint?: string;
  severity: 'error' | 'warning';
}

export interface Location {
  file: string;
  sheet?: string;
  row?: number;
  column?: string;
}

/** Thrown by the import when there are problems; nothing was merged, nothing may be written. */
export class SheetImportError extends PolevError {
  constructor(readonly problems: SheetProblem[]) {
    const n = problems.filter((p) => p.severity === 'error').length;
    super('INVALID_IMPORT', `the import has ${n} problem${n === 1 ? '' : 's'}; nothing was written`);
    this.name = 'SheetImportError';
  }
}

/** `file [sheet] row 4, column C (Bedrag): "12,x": message (hint)` */
export function formatSheetProblem(p: SheetProblem): string {
  const where = [p.file, p.sheet !== undefined ? `[${p.sheet}]` : '', p.row !== undefined ? `row ${p.row}` : '', p.column !== undefined ? `column ${p.column}` : '']
    .filter(Boolean)
    .join(' ');
  const value = p.value !== undefined ? ` ${JSON.stringify(shorten(p.value))}:` : '';
  return `${where}: ${p.severity}:${value} ${p.message}${p.hint ? ` (${p.hint})` : ''}`;
}

const shorten = (s: string) => (s.length > 60 ? `${s.slice(0, 57)}…` : s);

/** Column letter of a 0-based index: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}
