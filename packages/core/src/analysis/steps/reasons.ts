import { flat } from '../flat.js';

/**
 * The reasons of one verdict, collected as they are found and handed out as a list of exactly
 * their number, each sentence one flat string. One collector per context (`StepContext.reasons`),
 * reused by verdict after verdict; the steps run one after the other, never inside each other.
 *
 * Why: a list grown by push keeps 17 slots for its typical 1–5 sentences, and a sentence put
 * together from its parts is held by the engine as a tree of them, one 32-byte node per join,
 * that survives with the verdict; each is made flat (flat.ts): at 20k instruments the
 * assessment holds 35.4 instead of 37.2 MB (heap snapshot).
 * Sentences decided by a few counts are made once and shared (`addShared`). With all three, the
 * 2k objectives' verdicts of that review hold 4.6 instead of 9.6 MB.
 */
export class Reasons {
  private readonly at: string[] = [];
  private n = 0;
  /** The shared sentences, by rule and the two numbers that decide them. */
  private readonly shared = new Map<string, Map<number, Map<number, string>>>();

  /** Starts the reasons of the next verdict. */
  begin(): this {
    this.n = 0;
    return this;
  }

  add(sentence: string): void {
    this.at[this.n++] = flat(sentence);
  }

  /**
   * Adds the sentence of `rule` decided by the numbers `a` and `b` (counts, or places of values),
   * all else it says being the same throughout the analysis: made once per analysis and shared by
   * every verdict that says it. Looked up by the numbers, not by a key string built per call:
   * building and hashing one took ~300 ns, the numbers' lookups ~25 (micro-benchmark).
   */
  addShared(rule: string, a: number, b: number, make: () => string): void {
    let byA = this.shared.get(rule);
    if (byA === undefined) this.shared.set(rule, (byA = new Map()));
    let byB = byA.get(a);
    if (byB === undefined) byA.set(a, (byB = new Map()));
    let sentence = byB.get(b);
    if (sentence === undefined) byB.set(b, (sentence = flat(make())));
    this.at[this.n++] = sentence;
  }

  /** The reasons since `begin`, as a list of their own. */
  list(): string[] {
    return this.at.slice(0, this.n);
  }
}
