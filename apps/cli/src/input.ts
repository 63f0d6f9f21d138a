import { parseReview, type ParseResult } from '@polev/core';
import { loadReviewFile, ReviewFileError } from '@polev/core/node';
import { CliError, EXIT, type Io } from './io.js';

/** Loads a review from a path, or from stdin for `-`; an unreadable file is a CliError. */
export async function loadInput(io: Io, file: string): Promise<ParseResult> {
  if (file === '-') return parseReview(await io.readStdin(), { file: '<stdin>' });
  try {
    return await loadReviewFile(file);
  } catch (err) {
    if (err instanceof ReviewFileError) {
      throw new CliError(`${err.file}: ${err.reason}`, EXIT.usage, 'check the path; use - to read the review from standard input');
    }
    throw err;
  }
}
