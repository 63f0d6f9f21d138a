import { readFile } from 'node:fs/promises';
import { parseReview, type ParseResult } from '../load/parse.js';
import { PolevError } from '../errors.js';

/** Thrown when a review file cannot be read at all (missing, a directory, no permission). */
export class ReviewFileError extends PolevError {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super('FILE_UNREADABLE', `${file}: ${reason}`);
    this.name = 'ReviewFileError';
  }
}

/** Reads and parses a review file. The file I/O lives here, at the edge, so the rest of core stays pure. */
export async function loadReviewFile(file: string): Promise<ParseResult> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory, not a review file' : code === 'EACCES' ? 'permission denied' : `cannot be read (${code ?? String(err)})`;
    throw new ReviewFileError(file, reason);
  }
  return parseReview(text, { file });
}
