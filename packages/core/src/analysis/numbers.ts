import type { Share, Sum } from './types.js';

/** Adds amounts of which some may be unknown: the total is null as soon as one part is. */
export function sum(amounts: Iterable<number | null>): Sum {
  let known = 0;
  let unknownParts = 0;
  for (const a of amounts) {
    if (a === null) unknownParts++;
    else known += a;
  }
  return { amount: unknownParts ? null : round(known), known: round(known), unknownParts };
}


export function share(count: number, total: number): Share {
  return { count, total, share: total > 0 ? count / total : null };
}

export const ratio = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);

/** Money in euro x 1,000 is kept to three decimals (whole euros), avoiding float noise in sums. */
export const round = (x: number): number => Math.round(x * 1000) / 1000;

export function pct(x: number | null): string {
  return x === null ? 'unknown' : `${Math.round(x * 100)}%`;
}

/** "€1.2 million", "€350 thousand": a hand-written formatter, as toLocaleString is slow in a hot loop. */
export function euros(thousands: number): string {
  const [value, unit] = Math.abs(thousands) >= 1000 ? [thousands / 1000, 'million'] : [thousands, 'thousand'];
  const rounded = Math.round(value * 10) / 10;
  const [whole, fraction] = Math.abs(rounded).toFixed(1).split('.') as [string, string];
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${rounded < 0 ? '-' : ''}€${grouped}${fraction === '0' ? '' : `.${fraction}`} ${unit}`;
}

export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/**
 * A key whose plain string order is the natural order of ids ("i2" before "i10"): digit runs are
 * padded to a fixed width; the id itself breaks ties ("i02" and "i2"). Keys are memoised: the same
 * ids are ordered many times in one analysis. The memo only ever holds derived keys, so results do
 * not depend on it; it is cleared when it grows large.
 */
const keys = new Map<string, string>();
function naturalKey(id: string): string {
  let key = keys.get(id);
  if (key === undefined) {
    if (keys.size >= 1_000_000) keys.clear();
    key = `${padDigitRuns(id)}\u0000${id}`;
    keys.set(id, key);
  }
  return key;
}

const isDigit = (c: number) => c >= 48 && c <= 57;
const ZEROS = '0000000000000000';

/** "ct-i7" → "ct-i0000000000000007", by hand: a regular expression with a callback is several times slower here. */
function padDigitRuns(id: string): string {
  let out = '';
  let i = 0;
  while (i < id.length) {
    const start = i;
    const digits = isDigit(id.charCodeAt(i));
    while (i < id.length && isDigit(id.charCodeAt(i)) === digits) i++;
    if (digits && i - start < ZEROS.length) out += ZEROS.slice(i - start);
    out += id.slice(start, i);
  }
  return out;
}

const byKey = (a: readonly [string, string], b: readonly [string, string]) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);

/** ids in natural order ("i2" before "i10"), without duplicates, so that output reads the same whatever the input order. */
export function sortIds(ids: Iterable<string>): string[] {
  const unique = [...new Set(ids)];
  if (unique.length <= 16) {
    // Most lists are short: an insertion sort on the memoised keys allocates nothing more.
    for (let i = 1; i < unique.length; i++) {
      const id = unique[i]!;
      const key = naturalKey(id);
      let j = i;
      while (j > 0 && naturalKey(unique[j - 1]!) > key) {
        unique[j] = unique[j - 1]!;
        j--;
      }
      unique[j] = id;
    }
    return unique;
  }
  const keyed = unique.map((id) => [naturalKey(id), id] as const);
  keyed.sort(byKey);
  return keyed.map((k) => k[1]);
}

/** A short list of ids for a sentence: the first few in natural order and a count of the rest. */
export function listIds(ids: Iterable<string>, max = 8): string {
  const unique = new Set(ids);
  if (unique.size <= max) return sortIds(unique).join(', ');
  // Keep only the first `max` in order instead of sorting a list that may hold every instrument.
  const first: [string, string][] = [];
  for (const id of unique) {
    const key = naturalKey(id);
    if (first.length === max && key >= first[max - 1]![0]) continue;
    let at = first.length;
    while (at > 0 && first[at - 1]![0] > key) at--;
    first.splice(at, 0, [key, id]);
    if (first.length > max) first.pop();
  }
  return `${first.map((k) => k[1]).join(', ')} and ${unique.size - max} more`;
}
