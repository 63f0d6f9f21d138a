import { completenessOf } from '../model/completeness.js';
import type { ListName, Review } from '../model/review.js';
import type { Share, Sum } from './types.js';

/**
 * How a count taken over the review's lists may be stated: `exact` only when every list is
 * complete; `at-least` when one is partial (a missing entry can only add to the count); `unknown`
 * when one is unknown (the file holding none says nothing). The rule every count in the analysis's
 * reasons follows, as `formatListCount` is the report's.
 */
export type CountBound = 'exact' | 'at-least' | 'unknown';

export function countOver(review: Review, ...lists: readonly ListName[]): CountBound {
  let bound: CountBound = 'exact';
  for (const list of lists) {
    const status = completenessOf(review, list).status;
    if (status === 'unknown') return 'unknown';
    if (status === 'partial') bound = 'at-least';
  }
  return bound;
}

/** Adds amounts of which some may be unknown: the total is null as soon as one part is. */
export function sum(amounts: Iterable<number | null>): Sum {
  let known = 0;
  let unknownParts = 0;
  const add = (a: number | null) => {
    if (a === null) unknownParts++;
    else known += a;
  };
  if (Array.isArray(amounts)) for (let k = 0; k < amounts.length; k++) add(amounts[k]);
  else for (const a of amounts) add(a);
  return { amount: unknownParts ? null : round(known), known: round(known), unknownParts };
}

/** The sum of no parts. */
export const EMPTY_SUM: Sum = Object.freeze({ amount: 0, known: 0, unknownParts: 0 });

/** Two sums added: unknown as soon as either is. */
export const addSum = (a: Sum, b: Sum): Sum => ({
  amount: a.amount === null || b.amount === null ? null : round(a.amount + b.amount),
  known: round(a.known + b.known),
  unknownParts: a.unknownParts + b.unknownParts,
});

/** A part (a fraction) of a sum: unknown where the sum is. */
export const scaleSum = (s: Sum, fraction: number): Sum => ({
  amount: s.amount === null ? null : round(s.amount * fraction),
  known: round(s.known * fraction),
  unknownParts: s.unknownParts,
});

/** The same money with none of its figures usable (e.g. a line whose kind is unknown may be no cost at all). */
export const unknownOf = (s: Sum): Sum => ({ amount: null, known: 0, unknownParts: Math.max(1, s.unknownParts) });

/**
 * The total of a list that may not be whole: the sum where the review holds parts; with no parts,
 * 0 only when the review states the list complete, and otherwise unknown (`amount` null with no
 * unknown part: nothing is known, not even how many parts there are).
 */
export const sumOfList = (parts: Iterable<number | null>, listComplete: boolean): Sum => {
  const s = sum(parts);
  return s.unknownParts === 0 && s.known === 0 && !listComplete && isEmpty(parts) ? { amount: null, known: 0, unknownParts: 0 } : s;
};
const isEmpty = (parts: Iterable<unknown>): boolean => {
  for (const _ of parts) return false;
  return true;
};

/**
 * A count out of a total. Shares of small totals recur by the ten thousand (every objective's
 * counts of instruments and objectives): each is made once and shared (frozen), about 70k
 * objects fewer at 100k instruments.
 */
export function share(count: number, total: number): Share {
  if (total <= SMALL_TOTAL && count >= 0 && count <= total && Number.isInteger(count) && Number.isInteger(total)) {
    return (smallShares[total * (SMALL_TOTAL + 1) + count] ??= Object.freeze({ count, total, share: total > 0 ? count / total : null }));
  }
  return { count, total, share: total > 0 ? count / total : null };
}
const SMALL_TOTAL = 64;
const smallShares: (Share | undefined)[] = [];

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
