import { textWidth } from '../figures/text.js';
import type { Inline, TableBlock } from '../model/document.js';

/**
 * Column widths from the content, shared by the HTML and Word renderers. Every column gets at
 * least the width of its longest word (so a short cell such as "nee" or "2 van 3" never wraps
 * inside a word, and a header breaks only between words); the width left over goes to the columns
 * whose text would otherwise wrap most, in proportion to how much more they would take on one
 * line. Widths are measured with the figures' font metrics (an upper bound for the fonts used).
 */

export interface ColumnLayoutOptions {
  /** The width the table has, in the unit of `fontSize` (pt or px). */
  available: number;
  fontSize: number;
  /** Horizontal padding of a cell, both sides together, in the same unit. */
  padding: number;
}

export interface ColumnLayout {
  /** Width per column, summing to `available`. */
  widths: number[];
  /** The narrowest each column can be without breaking a word. */
  minimum: number[];
  /** Whether every column fits its longest word (false: some word must break). */
  fits: boolean;
}

/** A cell of at most this many characters is short: no word in it ever breaks. */
export const SHORT_CELL = 24;
/** In longer text, the width a column needs for its longest word, at most (about 14 characters). */
const LONG_WORD_EM = 8;

const plain = (p: Inline) => p.map((r) => r.text).join('');
const words = (s: string) => s.split(/[\s\u2003]+/).filter(Boolean);

/** Widths of words at 1 px (they scale with the size), regular and bold: most recur in every table. */
const WORD_WIDTHS = [new Map<string, number>(), new Map<string, number>()] as const;
function wordWidth(word: string, bold: boolean): number {
  const cache = WORD_WIDTHS[bold ? 1 : 0];
  let w = cache.get(word);
  if (w === undefined) {
    w = textWidth(word, 1, bold);
    if (cache.size > 20_000) cache.clear();
    cache.set(word, w);
  }
  return w;
}

export function layoutColumns(b: TableBlock, o: ColumnLayoutOptions): ColumnLayout {
  const n = b.columns.length;
  const min = new Array<number>(n).fill(0);
  const pref = new Array<number>(n).fill(0);
  /** How much text a column holds: the share of the spare width it gets. */
  const volume = new Array<number>(n).fill(0);
  const measure = (j: number, text: string, bold: boolean, header = false) => {
    // Headers and short cells keep every word whole; in running text a long compound may break
    // (else one "informatie-uitwisseling" in each of four text columns leaves no room to read).
    const short = header || text.trim().length <= SHORT_CELL;
    let line = 0;
    const ws = words(text);
    for (const w of ws) {
      const width = wordWidth(w, bold) * o.fontSize;
      line += width;
      min[j] = Math.max(min[j]!, Math.min(width, short ? Infinity : LONG_WORD_EM * o.fontSize) + o.padding);
    }
    // The line: its words and the spaces between them.
    line += Math.max(0, ws.length - 1) * wordWidth(' ', bold) * o.fontSize;
    pref[j] = Math.max(pref[j]!, line + o.padding);
    if (!header) volume[j] = volume[j]! + line;
  };
  b.columns.forEach((c, j) => measure(j, c.label, true, true));
  for (const r of b.rows) {
    let j = 0;
    for (const c of r.cells) {
      const span = c.colSpan ?? 1;
      // A cell spanning columns (an objective heading over the row) sets no column's width.
      if (span === 1 && r.kind !== 'group') for (const p of c.content) measure(j, plain(p), r.kind === 'total' || p.some((x) => x.bold));
      j += span;
    }
  }
  const minSum = min.reduce((s, x) => s + x, 0);
  if (minSum >= o.available) {
    return { widths: min.map((x) => (x * o.available) / minSum), minimum: min, fits: minSum <= o.available };
  }
  const widths = [...min];
  let left = o.available - minSum;
  // Water-filling: the spare width goes to the columns still short of one line per cell, in
  // proportion to the text they hold; a column that reaches its longest line stops growing.
  for (let round = 0; round < 12 && left > 0.01; round++) {
    const active = widths.map((w, j) => (w < pref[j]! - 0.01 ? j : -1)).filter((j) => j >= 0);
    if (active.length === 0) break;
    const total = active.reduce((s, j) => s + Math.max(volume[j]!, 1), 0);
    let given = 0;
    for (const j of active) {
      const add = Math.min(pref[j]! - widths[j]!, (left * Math.max(volume[j]!, 1)) / total);
      widths[j] = widths[j]! + add;
      given += add;
    }
    left -= given;
  }
  // Every cell fits on one line: the rest goes to all columns in proportion to their width.
  if (left > 0.01) {
    const total = widths.reduce((s, x) => s + x, 0);
    for (let j = 0; j < n; j++) widths[j] = widths[j]! + (left * widths[j]!) / total;
  }
  return { widths, minimum: min, fits: true };
}

/**
 * The layout at the largest of `fontSizes` (in decreasing order) at which every column fits its
 * longest unbreakable word; at the smallest where none does. A table with many columns of long
 * headers ("Doeltreffendheid", "Neveneffecten") is set a little smaller rather than broken.
 */
export function fitColumns(b: TableBlock, o: Omit<ColumnLayoutOptions, 'fontSize'> & { fontSizes: number[] }): ColumnLayout & { fontSize: number } {
  let last: (ColumnLayout & { fontSize: number }) | undefined;
  for (const fontSize of o.fontSizes) {
    last = { ...layoutColumns(b, { available: o.available, padding: o.padding, fontSize }), fontSize };
    if (last.fits) return last;
  }
  return last!;
}
