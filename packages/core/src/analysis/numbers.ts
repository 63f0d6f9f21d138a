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

/** "69%", or `unknown` for a share that cannot be computed. */
export function pct(x: number | null, unknown = 'unknown'): string {
  return x === null ? unknown : `${Math.round(x * 100)}%`;
}

/** Digits of a whole, non-negative number with a thousands separator, by hand (no regular expression). */
function grouped(n: number, separator: string): string {
  const digits = String(n);
  if (digits.length <= 3) return digits;
  let at = digits.length % 3 || 3;
  let out = digits.slice(0, at);
  for (; at < digits.length; at += 3) out += separator + digits.slice(at, at + 3);
  return out;
}

/**
 * An amount in euro x 1,000 in words, rounded to a tenth of a million or a thousand. Hand-written,
 * as toLocaleString is slow in a hot loop. `dutch` selects "€ 1.234,5 miljoen" over "€1,234.5 million".
 */
function amountInWords(thousands: number, dutch: boolean): string {
  const million = Math.abs(thousands) >= 1000;
  const tenths = Math.round((million ? thousands / 1000 : thousands) * 10);
  const abs = tenths < 0 ? -tenths : tenths;
  const fraction = abs % 10;
  const whole = grouped((abs - fraction) / 10, dutch ? '.' : ',');
  const sign = tenths < 0 ? '-' : '';
  if (dutch) return `€ ${sign}${whole}${fraction ? `,${fraction}` : ''} ${million ? 'miljoen' : 'duizend'}`;
  return `${sign}€${whole}${fraction ? `.${fraction}` : ''} ${million ? 'million' : 'thousand'}`;
}

/** "€1.2 million", "€350 thousand". */
export const euros = (thousands: number): string => amountInWords(thousands, false);

/** "€ 1,2 miljoen", "€ 350 duizend". */
export const eurosNl = (thousands: number): string => amountInWords(thousands, true);

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
    if (keys.size >= 250_000) keys.clear();
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

/**
 * A short list of ids for a sentence: the first few in natural order and a count of the rest, said
 * in the language of `messages` ("a, b and 3 more", "a, b en nog 3").
 */
export function listIds(ids: Iterable<string>, messages: { more: (shown: string, rest: number) => string }, max = 8): string {
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
  return messages.more(first.map((k) => k[1]).join(', '), unique.size - max);
}
