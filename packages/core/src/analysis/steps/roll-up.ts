import { ratio } from '../numbers.js';
import type { Headline, Spread } from '../types.js';

/**
 * The roll-up rule, one for every step and every scope (objective, domain, article).
 *
 * A scope's verdict is first its spread: how many of its instruments (or, for goal achievement,
 * objectives) have each value, and how much of the known attributed money. Members the step does
 * not apply to (instruments not deployed) are counted but left out of every share.
 *
 * The headline is a value only where enough of the scope supports it: the first candidate (in the
 * step's order, strongest claim first) whose members make up at least `threshold` of the
 * applicable ones; otherwise "not determinable as a whole", and the reasons give the spread. A
 * candidate holds for the members whose value is at least as strong a claim (an instrument whose
 * effectiveness is demonstrated also counts for "plausible"), so a headline never claims more
 * than its spread.
 *
 * The default threshold is 2/3: a headline about the whole should hold for a clear majority, so
 * that the third of a scope it leaves out cannot reverse it (see the README).
 */
export const DEFAULT_HEADLINE_THRESHOLD = 2 / 3;

export interface Candidate<V extends string> {
  value: V;
  /** The member values that count for this headline. */
  members: readonly V[];
}

export class SpreadBuilder<V extends string> {
  private readonly counts: Record<V, number>;
  private readonly money: Record<V, number>;
  private readonly ids: Record<V, string[]>;
  private total = 0;
  private moneyKnown = 0;
  private withMoney = 0;

  constructor(
    private readonly values: readonly V[],
    private readonly notApplicable: V | null,
  ) {
    this.counts = zero(values);
    this.money = zero(values);
    this.ids = Object.fromEntries(values.map((v) => [v, [] as string[]])) as unknown as Record<V, string[]>;
  }

  /** Adds one member; `money` is its known attributed money, or null when unknown. */
  add(id: string, value: V, money: number | null): void {
    this.total++;
    this.counts[value]++;
    this.ids[value].push(id);
    if (money !== null && value !== this.notApplicable) {
      this.money[value] += money;
      this.moneyKnown += money;
      this.withMoney++;
    }
  }

  idsOf(value: V): string[] {
    return this.ids[value];
  }

  spread(): Spread<V> {
    const applicable = this.notApplicable === null ? this.total : this.total - this.counts[this.notApplicable];
    const shares = zero<V>(this.values) as Record<V, number | null>;
    const moneyShares = zero<V>(this.values) as Record<V, number | null>;
    for (const v of this.values) {
      shares[v] = v === this.notApplicable ? ratio(this.counts[v], this.total) : ratio(this.counts[v], applicable);
      moneyShares[v] = v === this.notApplicable ? null : ratio(this.money[v], this.moneyKnown);
    }
    return {
      total: this.total,
      applicable,
      counts: { ...this.counts },
      shares,
      money: { byValue: { ...this.money }, known: this.moneyKnown, instruments: this.withMoney, shares: moneyShares },
    };
  }
}

function zero<V extends string>(values: readonly V[]): Record<V, number> {
  const out = {} as Record<V, number>;
  for (const v of values) out[v] = 0;
  return out;
}

/** How many applicable members count for a candidate. */
export const supportOf = <V extends string>(spread: Spread<V>, c: Candidate<V>): number => c.members.reduce((n, v) => n + spread.counts[v], 0);

/**
 * The headline of a spread: the first candidate supported by at least `threshold` of the
 * applicable members; `fallback` ("not determinable as a whole") otherwise.
 */
export function headlineOf<V extends string>(spread: Spread<V>, candidates: readonly Candidate<V>[], fallback: V, threshold: number): { value: V; headline: Headline } {
  if (spread.applicable > 0) {
    for (const c of candidates) {
      if (supportOf(spread, c) >= threshold * spread.applicable - 1e-9) return { value: c.value, headline: { threshold, asAWhole: true } };
    }
  }
  return { value: fallback, headline: { threshold, asAWhole: false } };
}
