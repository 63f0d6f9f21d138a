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

const isDigit = (c: number) => c >= 48 && c <= 57;

/** Natural order for ids: runs of digits compare by value ("i2" < "i10"), the rest by code unit. */
export function naturally(a: string, b: string): number {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const ca = a.charCodeAt(i);
    const cb = b.charCodeAt(j);
    if (isDigit(ca) && isDigit(cb)) {
      let ei = i;
      let ej = j;
      while (ei < a.length && isDigit(a.charCodeAt(ei))) ei++;
      while (ej < b.length && isDigit(b.charCodeAt(ej))) ej++;
      // Strip leading zeros, then the longer run is the larger number.
      while (i < ei - 1 && a.charCodeAt(i) === 48) i++;
      while (j < ej - 1 && b.charCodeAt(j) === 48) j++;
      if (ei - i !== ej - j) return ei - i - (ej - j);
      for (; i < ei; i++, j++) if (a.charCodeAt(i) !== b.charCodeAt(j)) return a.charCodeAt(i) - b.charCodeAt(j);
      continue;
    }
    if (ca !== cb) return ca - cb;
    i++;
    j++;
  }
  return a.length - i - (b.length - j) || (a < b ? -1 : a > b ? 1 : 0);
}

/** ids in natural order ("i2" before "i10"), so that reasons read the same whatever the input order. */
export const sortIds = (ids: Iterable<string>): string[] => [...new Set(ids)].sort(naturally);

/** A short, ordered list of ids for a sentence: the first few and a count of the rest. */
export function listIds(ids: Iterable<string>, max = 8): string {
  const s = sortIds(ids);
  return s.length <= max ? s.join(', ') : `${s.slice(0, max).join(', ')} and ${s.length - max} more`;
}
