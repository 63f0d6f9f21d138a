import { formatProblem, parseReview, type ParseResult, type ProblemCounts, type Review } from '@polev/core/load';
import { loadReviewFile, ReviewFileError } from '@polev/core/node';
import { inert } from './inert.js';
import { CliError, EXIT, style, type Io } from './io.js';

/** The name of an input in messages: its path, or `<stdin>` for `-` (the name its problems carry too). */
export const inputName = (file: string): string => (file === '-' ? '<stdin>' : file);

/** Loads a review from a path, or from stdin for `-`; an unreadable file is a usage error. */
export async function loadInput(io: Io, file: string): Promise<ParseResult> {
  if (file === '-') return parseReview(await io.readStdin(), { file: inputName(file) });
  try {
    return await loadReviewFile(file);
  } catch (err) {
    if (err instanceof ReviewFileError) {
      throw new CliError(`${err.file}: ${err.reason}`, EXIT.usage, 'check the path; use - to read the review from standard input');
    }
    throw err;
  }
}

/** Loads a review that must be valid: its problems go to stderr and the command exits 1. */
export async function loadValidReview(io: Io, file: string): Promise<Review> {
  const r = await loadInput(io, file);
  if (r.ok) return r.review;
  const s = style(io);
  for (const p of r.problems) io.stderr(`${s.red(inert(formatProblem(p)))}\n`);
  throw new CliError(`${inputName(file)} has ${problemCount(r.counts, 'errors')}`, EXIT.invalidInput, `fix them first; \`polev validate ${file}\` lists them`);
}

const number = new Intl.NumberFormat('en-GB');
const counted = (n: number, noun: string) => `${number.format(n)} ${noun}${n === 1 ? '' : 's'}`;

/**
 * A file's problems as a summary line gives them: "3 problems", "3 problems, 2 warnings" (or only
 * the errors, or only the warnings), and when only the first were listed, that too: "120,000
 * problems (the first 1,000 listed)". The totals count what was not listed, never only the lines
 * printed above them.
 */
export function problemCount(counts: ProblemCounts, what: 'all' | 'errors' | 'warnings' = 'all'): string {
  const errors = counted(counts.errors, 'problem');
  const warnings = counted(counts.warnings, 'warning');
  const text = what === 'errors' ? errors : what === 'warnings' ? warnings : counts.warnings ? `${errors}, ${warnings}` : errors;
  return counts.listed < counts.errors + counts.warnings ? `${text} (the first ${number.format(counts.listed)} listed)` : text;
}
