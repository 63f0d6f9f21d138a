/**
 * "Did you mean" for misspelt ids and field names, with bounded work: a file with long ids and
 * many near-miss references must not stall the loader. Three bounds: values longer than
 * MAX_SUGGESTION_LENGTH get no suggestion, the distance is computed only within a band of
 * `limit` around the diagonal and stops as soon as it exceeds the best so far, and a Suggester
 * spends at most a fixed number of distance cells per load (and answers a repeated value from
 * memory).
 */
export const MAX_SUGGESTION_LENGTH = 64;

/** Distance cells one Suggester may compute: about 0.1 s of work, whatever the file. */
const DEFAULT_BUDGET = 20_000_000;

/** The closest candidate within a small edit distance, for "did you mean" hints. */
export function nearest(value: string, candidates: Iterable<string>): string | undefined {
  return new Suggester().nearest(value, candidates);
}

export class Suggester {
  private readonly memo = new Map<string, string | undefined>();

  constructor(private budget: number = DEFAULT_BUDGET) {}

  /** `scope` names the candidate set, so that the same value is looked up once per set. */
  nearest(value: string, candidates: Iterable<string>, scope = ''): string | undefined {
    if (value.length === 0 || value.length > MAX_SUGGESTION_LENGTH) return undefined;
    const key = `${scope}\u0000${value}`;
    if (this.memo.has(key)) return this.memo.get(key);
    let best: string | undefined;
    // A suggestion must be closer than a third of the value (at least 2 edits).
    let bound = Math.max(2, Math.floor(value.length / 3)) + 1;
    for (const c of candidates) {
      if (this.budget <= 0) break;
      if (Math.abs(c.length - value.length) >= bound || c.length > MAX_SUGGESTION_LENGTH) continue;
      const d = boundedDistance(value, c, bound - 1);
      this.budget -= value.length * (2 * bound + 1);
      if (d < bound) {
        bound = d;
        best = c;
        if (d === 0) break;
      }
    }
    this.memo.set(key, best);
    return best;
  }
}

/**
 * Levenshtein distance of a and b when it is at most `max`, else `max + 1`: only cells within
 * `max` of the diagonal can hold such a distance (Ukkonen), so the work is O(|a| · max).
 */
export function boundedDistance(a: string, b: string, max: number): number {
  const n = a.length;
  const m = b.length;
  if (Math.abs(n - m) > max) return max + 1;
  const over = max + 1;
  let prev = new Array<number>(m + 1);
  let cur = new Array<number>(m + 1);
  for (let j = 0; j <= m; j++) prev[j] = j <= max ? j : over;
  for (let i = 1; i <= n; i++) {
    const lo = Math.max(1, i - max);
    const hi = Math.min(m, i + max);
    cur[lo - 1] = lo === 1 ? (i <= max ? i : over) : over;
    let rowMin = cur[lo - 1]!;
    const ai = a.charCodeAt(i - 1);
    for (let j = lo; j <= hi; j++) {
      const sub = prev[j - 1]! + (ai === b.charCodeAt(j - 1) ? 0 : 1);
      const del = j <= i - 1 + max ? prev[j]! + 1 : over;
      const ins = cur[j - 1]! + 1;
      let v = sub < del ? sub : del;
      if (ins < v) v = ins;
      if (v > over) v = over;
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (hi < m) cur[hi + 1] = over;
    if (rowMin > max) return over;
    [prev, cur] = [cur, prev];
  }
  return Math.min(prev[m]!, over);
}
