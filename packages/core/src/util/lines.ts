/**
 * 1-based line and column of offsets in a text. A line ends at LF, CRLF or a lone CR, as YAML 1.2
 * and the parser read them, so a file saved with old Mac line ends is located right too. The
 * index of line starts is built once, on first use (only a file with problems needs it).
 */
export class LineIndex {
  /** The starts of the lines, when the reader of the text recorded them (as lineStarts finds them). */
  constructor(
    private readonly text: string,
    private starts?: ArrayLike<number>,
  ) {}

  position(offset: number): { line: number; column: number } {
    const starts = (this.starts ??= lineStarts(this.text));
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo]! + 1 };
  }
}

function lineStarts(text: string): number[] {
  const starts = [0];
  // The next LF and CR are searched for only once passed, so a file with one kind of line end
  // (or none) is scanned once, not once per line.
  let lf = text.indexOf('\n');
  let cr = text.indexOf('\r');
  for (let i = 0; ; ) {
    if (lf >= 0 && lf < i) lf = text.indexOf('\n', i);
    if (cr >= 0 && cr < i) cr = text.indexOf('\r', i);
    if (lf < 0 && cr < 0) return starts;
    if (cr >= 0 && (lf < 0 || cr < lf)) i = text.charCodeAt(cr + 1) === 10 ? cr + 2 : cr + 1;
    else i = lf + 1;
    starts.push(i);
  }
}
