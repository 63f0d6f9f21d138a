/** A cell's value as the import sees it: text, a number, or nothing. Dates arrive as ISO text. */
export type CellValue = string | number | null;

/** One sheet of a workbook, or one CSV file, as rows of cells (0-based here, 1-based in problems). */
export interface Grid {
  file: string;
  /** The sheet name; absent for CSV. */
  sheet?: string;
  rows: CellValue[][];
  /** Merged ranges, 0-based and inclusive; their value is in every cell of the range. */
  merges: { top: number; left: number; bottom: number; right: number }[];
  /** CSV only: the file ended inside a quoted field. */
  unterminatedQuote?: boolean;
}

export const isBlank = (v: CellValue | undefined) => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
