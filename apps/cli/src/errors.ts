import { formatProblem, InvalidOptionsError, InvalidReviewError, PolevError } from '@polev/core/load';
import { inert } from './inert.js';
import { CliError, EXIT, style, type Io } from './io.js';

/** Hints for the typed errors of the polev packages, by their code; others get a generic one. */
const HINTS: Record<string, string> = {
  RASTERIZER_UNAVAILABLE:
    'the figures of a .docx report need the native package @resvg/resvg-js for this platform: reinstall @polev/cli, or write .html or .md instead',
};

/**
 * Reports an error that ended a command and returns the exit code. Loaded only when something
 * failed, so a quick `polev --version` never loads @polev/core.
 *
 * - CliError: its own code (1 or 2) with its hint.
 * - InvalidOptionsError (options that do not fit the review): 2, one line and hint per problem.
 * - InvalidReviewError: 1, every problem located.
 * - any other PolevError (a typed, expected failure, e.g. RASTERIZER_UNAVAILABLE): 2 with a hint.
 * - anything else is a bug: 70, and --debug shows its stack.
 */
export function reportError(io: Io, err: unknown, debug: boolean): number {
  const s = style(io);
  // Messages name files, ids and values given on the command line or read from a file: inert.
  const line = (message: string, hint?: string) => io.stderr(`${s.red('error:')} ${inert(message)}\n${hint ? `${s.dim(`hint: ${inert(hint)}`)}\n` : ''}`);
  const stack = () => {
    if (debug && err instanceof Error && err.stack) io.stderr(`${inert(err.stack)}\n`);
  };
  if (err instanceof CliError) {
    line(err.message, err.hint);
    return err.exitCode;
  }
  if (err instanceof InvalidOptionsError) {
    for (const p of err.problems) line(`${p.option}: ${p.message}`, p.hint);
    return EXIT.usage;
  }
  if (err instanceof InvalidReviewError) {
    for (const p of err.problems) io.stderr(`${s.red(inert(formatProblem(p)))}\n`);
    line(err.message, 'fix them first; `polev validate <file>` lists them');
    return EXIT.invalidInput;
  }
  if (err instanceof PolevError) {
    line(err.message, HINTS[err.code] ?? `run again with --debug for the details (${err.code})`);
    stack();
    return EXIT.usage;
  }
  io.stderr(`${s.red('internal error:')} ${inert(err instanceof Error ? err.message : String(err))}\n`);
  if (debug && err instanceof Error && err.stack) io.stderr(`${inert(err.stack)}\n`);
  else io.stderr('hint: run again with --debug for the details, and report it\n');
  return EXIT.internal;
}
