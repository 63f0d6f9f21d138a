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

export function euros(thousands: number): string {
  if (Math.abs(thousands) >= 1000) return `€${(thousands / 1000).toLocaleString('en-GB', { maximumFractionDigits: 1 })} million`;
  return `€${thousands.toLocaleString('en-GB', { maximumFractionDigits: 1 })} thousand`;
}

export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/**
 * A key whose plain string order is the natural order of ids ("i2" before "i10"): digit runs are
 * padded to a fixed width; the id itself breaks ties ("i02" and "i2").
 */
const naturalKey = (id: string): string => `${id.replace(/\d+/g, (d) => d.padStart(16, '0'))}\u0000${id}`;

/** ids in natural order ("i2" before "i10"), so that reasons read the same whatever the input order. */
export function sortIds(ids: Iterable<string>): string[] {
  // Keys are built once per id, so sorting compares plain strings: much faster than a natural comparator.
  const keyed = [...new Set(ids)].map((id) => [naturalKey(id), id] as const);
  keyed.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return keyed.map((k) => k[1]);
}

/** A short, ordered list of ids for a sentence: the first few and a count of the rest. */
export function listIds(ids: Iterable<string>, max = 8): string {
  const s = sortIds(ids);
  return s.length <= max ? s.join(', ') : `${s.slice(0, max).join(', ')} and ${s.length - max} more`;
}
