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
  private readonly shared = new Map<string, string>();

  /** Starts the reasons of the next verdict. */
  begin(): this {
    this.n = 0;
    return this;
  }

  add(sentence: string): void {
    this.at[this.n++] = flat(sentence);
  }

  /**
   * Adds the sentence that `key` stands for: made once per analysis and shared by every verdict
   * that says it. For sentences decided by a few counts or values, said alike by many scopes.
   */
  addShared(key: string, make: () => string): void {
    let sentence = this.shared.get(key);
    if (sentence === undefined) {
      sentence = flat(make());
      this.shared.set(key, sentence);
    }
    this.at[this.n++] = sentence;
  }

  /** The reasons since `begin`, as a list of their own. */
  list(): string[] {
    return this.at.slice(0, this.n);
  }
}
