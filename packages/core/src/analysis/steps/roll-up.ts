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

/**
 * The record of a step's values made from a list by their places, written out as an object literal
 * with a field per value in the order of the step's values: made tens of thousands of times per
 * analysis (a spread holds two to four). A literal takes about a seventh of the time of a record
 * built field by field (micro-benchmark); with the headline found by places, scopeEffectiveness
 * allocates 25.1 instead of 35.9 MB at 100k instruments (sampled).
 */
export type Fields<V extends string> = <T>(at: readonly T[]) => Record<V, T>;

/**
 * Collects a spread member by member, and finds its headline. Tallies are kept by the value's
 * place in `values`, as the scope loops read their members' values (`StepContext.tally`), and
 * become records keyed by value once, in `spread()`. One builder per step, reused by scope after
 * scope (`begin`): the scopes of a step are rolled up one after the other, never inside each other
 * (scopeEffectiveness allocates 35.9 instead of 40.9 MB at 100k instruments, sampled).
 */
export class SpreadBuilder<V extends string> {
  private readonly counts: number[];
  private readonly money: number[];
  private readonly shares: (number | null)[];
  private readonly moneyShares: (number | null)[];
  private total = 0;
  private moneyKnown = 0;
  private withMoney = 0;
  private readonly notApplicableAt: number;
  /** Per candidate, in order, the places of its members. */
  private readonly candidates: readonly { value: V; members: readonly number[] }[];
  /** The money of a spread no member has known money for, shared (frozen): 27k objectives' spreads at 100k instruments. */
  private readonly noMoney: Spread<V>['money'];

  /** `candidates`: the step's headline candidates, the strongest claim first. */
  constructor(
    private readonly values: readonly V[],
    notApplicable: V | null,
    private readonly fields: Fields<V>,
    candidates: readonly Candidate<V>[],
  ) {
    const keys = Object.keys(fields(values));
    if (keys.length !== values.length || keys.some((k, i) => k !== values[i])) throw new Error(`the fields of a spread must be its values in order: ${values.join(', ')}`);
    this.counts = new Array<number>(values.length).fill(0);
    this.money = new Array<number>(values.length).fill(0);
    this.shares = new Array<number | null>(values.length).fill(null);
    this.moneyShares = new Array<number | null>(values.length).fill(null);
    this.notApplicableAt = notApplicable === null ? -1 : values.indexOf(notApplicable);
    this.candidates = candidates.map((c) => ({ value: c.value, members: c.members.map((v) => values.indexOf(v)) }));
    const none = new Array<number>(values.length).fill(0);
    this.noMoney = Object.freeze({ byValue: Object.freeze(fields(none)), known: 0, instruments: 0, shares: Object.freeze(fields(none.map(() => null))) });
  }

  /** Starts the spread of the next scope. */
  begin(): this {
    this.counts.fill(0);
    this.money.fill(0);
    this.total = 0;
    this.moneyKnown = 0;
    this.withMoney = 0;
    return this;
  }

  /** Adds one member; `money` is its known attributed money, or null when unknown. */
  add(value: V, money: number | null): void {
    this.addAt(this.values.indexOf(value), money === null ? NaN : money);
  }

  /** `add` for a value given by its place in `values`, and money NaN when unknown: as the scope loops read them from `StepContext.tally`. */
  addAt(at: number, money: number): void {
    this.total++;
    this.counts[at] = this.counts[at]! + 1;
    if (!Number.isNaN(money) && at !== this.notApplicableAt) {
      this.money[at] = this.money[at]! + money;
      this.moneyKnown += money;
      this.withMoney++;
    }
  }

  /** Members the step applies to. */
  private get applicable(): number {
    return this.notApplicableAt < 0 ? this.total : this.total - this.counts[this.notApplicableAt]!;
  }

  spread(): Spread<V> {
    const { counts, money, shares, moneyShares, notApplicableAt: na, total, moneyKnown, fields } = this;
    const applicable = this.applicable;
    for (let k = 0; k < counts.length; k++) shares[k] = k === na ? ratio(counts[k]!, total) : ratio(counts[k]!, applicable);
    if (this.withMoney === 0) return { total, applicable, counts: fields(counts), shares: fields(shares), money: this.noMoney };
    for (let k = 0; k < counts.length; k++) moneyShares[k] = k === na ? null : ratio(money[k]!, moneyKnown);
    return { total, applicable, counts: fields(counts), shares: fields(shares), money: { byValue: fields(money), known: moneyKnown, instruments: this.withMoney, shares: fields(moneyShares) } };
  }

  /**
   * The counts since `begin` as one number, the same for the same counts of as many members; -1
   * when there are too many members for it to be exact.
   */
  countsKey(): number {
    const base = this.total + 1;
    if (base ** this.counts.length > Number.MAX_SAFE_INTEGER) return -1;
    let key = 0;
    for (let k = this.counts.length - 1; k >= 0; k--) key = key * base + this.counts[k]!;
    return key;
  }

  /** How many members count for the candidate for `value` (none when it is no candidate). */
  support(value: V): number {
    const c = this.candidates.find((c) => c.value === value);
    let n = 0;
    if (c) for (const at of c.members) n += this.counts[at]!;
    return n;
  }

  /**
   * The headline of the spread since `begin`: the first candidate supported by at least
   * `threshold` of the applicable members; null (not determinable as a whole) otherwise.
   */
  headline(threshold: number): V | null {
    const applicable = this.applicable;
    if (applicable > 0) {
      for (const c of this.candidates) {
        let n = 0;
        for (const at of c.members) n += this.counts[at]!;
        if (n >= threshold * applicable - 1e-9) return c.value;
      }
    }
    return null;
  }
}

/** The two headlines at a threshold, made once and shared (frozen) by every scope and step (30k objects fewer at 100k instruments). */
let headlines: { threshold: number; of: readonly [Headline, Headline] } | null = null;
export function headlineAt(threshold: number, asAWhole: boolean): Headline {
  if (headlines?.threshold !== threshold) headlines = { threshold, of: [Object.freeze({ threshold, asAWhole: false }), Object.freeze({ threshold, asAWhole: true })] };
  return headlines.of[asAWhole ? 1 : 0];
}

/** A spread frozen through, to be shared by many scopes. */
export function deepFreeze<V extends string>(spread: Spread<V>): Spread<V> {
  Object.freeze(spread.counts);
  Object.freeze(spread.shares);
  Object.freeze(spread.money.byValue);
  Object.freeze(spread.money.shares);
  Object.freeze(spread.money);
  return Object.freeze(spread);
}
