/**
 * Amounts as analysts and the open data write them: `1.234,5` and `€ 1.234` (Dutch), `1,234.5`
 * (English), `-12`, `(12)` for a negative figure, `12%`. Returns null for an empty cell or a mark
 * that says unknown (`onbekend`, `n.b.`, `-`? no: a dash alone is ambiguous and refused), and
 * undefined for text that is not a number, so the caller can name the cell.
 */
export function parseAmount(value: unknown): number | null | undefined {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string') return undefined;
  let s = value.replace(/[\s\u00a0\u202f]/g, '');
  if (s === '') return null;
  if (UNKNOWN.has(s.toLowerCase())) return null;
  let negative = false;
  if (/^\(.*\)$/.test(s)) {
    negative = true;
    s = s.slice(1, -1);
  }
  s = s.replace(/^(€|eur|euro)/i, '').replace(/(€|eur|euro)$/i, '');
  if (s.startsWith('-') || s.startsWith('−')) {
    negative = !negative;
    s = s.slice(1);
  } else if (s.startsWith('+')) s = s.slice(1);
  s = s.replace(/^(€|eur|euro)/i, '');
  if (!/^[\d.,]+$/.test(s) || !/\d/.test(s)) return undefined;
  const n = Number(normalise(s));
  if (!Number.isFinite(n)) return undefined;
  return negative ? -n : n;
}

/** Words a cell uses for "no figure": kept unknown, never read as 0. */
export const UNKNOWN = new Set(['onbekend', 'unknown', 'n.b.', 'nb', 'n/a', 'na', 'n.v.t.', '?']);

/**
 * Decides which of `.` and `,` is the decimal separator. Both present: the last one is decimal.
 * One present once with exactly three digits after it (`1.234`, `1,234`): a thousands separator,
 * as Dutch budget tables write whole thousands. Otherwise `,` is decimal (Dutch) and `.` too.
 */
function normalise(s: string): string {
  const dot = s.lastIndexOf('.');
  const comma = s.lastIndexOf(',');
  if (dot >= 0 && comma >= 0) {
    const decimal = dot > comma ? '.' : ',';
    const thousands = decimal === '.' ? ',' : '.';
    const [int, frac] = [s.slice(0, s.lastIndexOf(decimal)), s.slice(s.lastIndexOf(decimal) + 1)];
    if (!groupedBy(int, thousands)) return 'x';
    return `${int.split(thousands).join('')}.${frac}`;
  }
  const sep = dot >= 0 ? '.' : comma >= 0 ? ',' : '';
  if (!sep) return s;
  const parts = s.split(sep);
  if (parts.length > 2) return groupedBy(s, sep) ? parts.join('') : 'x';
  if (parts[1]!.length === 3 && parts[0] !== '0' && parts[0] !== '') return parts.join('');
  return `${parts[0] || '0'}.${parts[1]}`;
}

function groupedBy(int: string, sep: string): boolean {
  const groups = int.split(sep);
  return groups.every((g, i) => (i === 0 ? /^\d{1,3}$/.test(g) || (groups.length === 1 && /^\d+$/.test(g)) : /^\d{3}$/.test(g)));
}
