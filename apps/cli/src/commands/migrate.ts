import { readFile } from 'node:fs/promises';
import { formatProblem, migrateReviewText, MigrationSyntaxError, parseReview, SCHEMA_VERSION } from '@polev/core';
import { inert } from '../inert.js';
import { CliError, EXIT, style, type Io } from '../io.js';
import { problemCount } from '../input.js';
import { writeOutput } from '../output.js';

export interface MigrateOptions {
  /** Where to write; the input file itself when not given; - for standard output. */
  output?: string;
  force: boolean;
}

/**
 * `polev migrate FILE [-o OUT]`: writes a review file in the current schema version, keeping its
 * comments and layout, and prints what it changed. Without -o the file is rewritten in place
 * (atomically); a file already in the current version is left alone. A result with problems is
 * not written: the problems are listed and the command exits 1.
 */
export async function migrateCommand(io: Io, file: string, opts: MigrateOptions): Promise<number> {
  const s = style(io);
  const text = file === '-' ? await io.readStdin() : await readFile(file, 'utf8').catch((err: NodeJS.ErrnoException) => {
    throw new CliError(`${file}: ${err.code === 'ENOENT' ? 'no such file' : (err.code ?? err.message)}`, EXIT.usage, 'check the path; use - to read the review from standard input');
  });
  const name = file === '-' ? '<stdin>' : file;
  let m;
  try {
    m = migrateReviewText(text);
  } catch (err) {
    if (err instanceof MigrationSyntaxError) throw new CliError(`${name}:${err.line}: ${err.message}`, EXIT.invalidInput, 'fix the YAML/JSON syntax first, then migrate');
    throw err;
  }
  const out = opts.output ?? (file === '-' ? '-' : file);
  if (m.from === undefined) {
    io.stderr(`${s.green('✓')} ${name} is already schemaVersion ${SCHEMA_VERSION}; nothing to change\n`);
    if (opts.output !== undefined && out !== file) await writeOutput(io, out, text, opts.force || out === '-');
    return EXIT.ok;
  }
  const result = parseReview(m.text, { file: out === '-' ? name : out });
  if (!result.ok) {
    for (const p of result.problems) io.stderr(`${s.red(inert(formatProblem(p)))}\n`);
    throw new CliError(`${name} has ${problemCount(result.counts, 'errors')} once migrated; nothing was written`, EXIT.invalidInput, `fix them first (\`polev validate ${name}\` lists them), then migrate`);
  }
  // In place the file is replaced (atomically); another output follows the usual --force rule.
  await writeOutput(io, out, m.text, opts.force || out === file || out === '-');
  io.stderr(`${s.green('✓')} ${out === '-' ? 'wrote' : `wrote ${out}:`} schemaVersion ${m.from} → ${SCHEMA_VERSION}${m.layoutKept ? ', comments and layout kept' : ' (comments could not be kept: the file was written anew)'}\n`);
  for (const c of m.changes) io.stderr(`  ${inert(c)}\n`);
  for (const e of m.edits) io.stderr(s.dim(`    ${name}:${e.line}: ${inert(e.path)}: ${inert(e.description)}\n`));
  for (const n of m.notes) io.stderr(`${s.yellow('note:')} ${inert(n)}\n`);
  for (const w of result.warnings) io.stderr(`${s.yellow(inert(formatProblem(w)))}\n`);
  return EXIT.ok;
}
