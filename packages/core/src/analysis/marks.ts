/**
 * Which of n numbered items one pass has already met, without a Set: a pass takes a new stamp, so
 * starting one costs nothing. The stepped verdicts and the gap map pass over the findings of every
 * scope (the article and each domain meet every finding); a Set of tens of thousands of findings
 * per pass cost more than the verdicts themselves.
 */
export class Marks {
  private readonly stamps: Int32Array;
  private stamp = 0;

  constructor(size: number) {
    this.stamps = new Int32Array(size);
  }

  /** Starts a pass: nothing has been met. */
  reset(): void {
    this.stamp++;
  }

  /** Marks item k; false when this pass had already met it. */
  add(k: number): boolean {
    if (this.stamps[k] === this.stamp) return false;
    this.stamps[k] = this.stamp;
    return true;
  }
}
