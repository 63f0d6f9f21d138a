import type { Review } from '@polev/core';
import { inertText } from './inert.js';
import { exportTables, UNKNOWN_AMOUNT } from './tables.js';
import type { ExportOptions } from './xlsx.js';
import { slug } from '../patch.js';

/**
 * The review's tables as CSV, one per table, named by the table's kind (`instruments`, `expenditure`, …;
 * the instruments of all domains in one): in Dutch `;`-separated
 * with decimal commas, as Dutch Excel reads it, in English `,` and points; UTF-8 with a BOM so
 * Excel detects the encoding. Unknown amounts say so (`onbekend`/`unknown`), never 0; empty is not given.
 */
export function exportCsv(review: Review, options: ExportOptions = {}): { table: string; text: string }[] {
  const lang = options.lang ?? (review.language === 'en' ? 'en' : 'nl');
  const sep = lang === 'nl' ? ';' : ',';
  const tables = exportTables(review, lang, options.assessment);
  const merged = new Map<string, { headers: string[]; rows: unknown[][] }>();
  for (const t of tables) {
    const key = t.kind ?? slug(t.name);
    const m = merged.get(key);
    if (m) m.rows.push(...t.rows);
    else merged.set(key, { headers: t.headers, rows: [...t.rows] });
  }
  return [...merged].map(([table, t]) => ({
    table,
    text: `\uFEFF${[t.headers, ...t.rows].map((r) => r.map((c) => field(c, sep, lang)).join(sep)).join('\r\n')}\r\n`,
  }));
}

function field(c: unknown, sep: string, lang: 'nl' | 'en'): string {
  // CSV has no notes or fills: an unknown amount is the word itself, which the import reads back as unknown.
  if (c === UNKNOWN_AMOUNT) return lang === 'nl' ? 'onbekend' : 'unknown';
  if (c === null || c === undefined) return '';
  if (typeof c === 'number') return lang === 'nl' ? String(c).replace('.', ',') : String(c);
  const s = inertText(String(c));
  return /["\r\n]/.test(s) || s.includes(sep) || s !== s.trim() || s.startsWith("'") ? `"${s.replace(/"/g, '""')}"` : s;
}
