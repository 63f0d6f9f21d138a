import { formatProblem, type Problem, type ProblemCounts } from '@polev/core/load';
import { inert, jsonText } from '../inert.js';
import { CliError, EXIT, style, type Io } from '../io.js';
import { inputName, loadInput, problemCount } from '../input.js';

export interface ValidateOptions {
  format: 'text' | 'json';
}

type FileResult = { file: string; valid: boolean; problems: Problem[]; counts: ProblemCounts } | { file: string; valid: false; error: string; hint?: string };

/** Validates each file and reports every problem; exit 1 when any file is invalid, 2 when one cannot be read. */
export async function validate(io: Io, files: string[], options: ValidateOptions): Promise<number> {
  const s = style(io);
  const out = style(io, 'stdout');
  const results: FileResult[] = [];
  let exit: number = EXIT.ok;
  for (const path of files) {
    const file = inputName(path);
    try {
      const r = await loadInput(io, path);
      results.push({ file, valid: r.ok, problems: r.ok ? r.warnings : r.problems, counts: r.counts });
      if (!r.ok) exit = Math.max(exit, EXIT.invalidInput);
    } catch (err) {
      if (!(err instanceof CliError)) throw err;
      results.push({ file, valid: false, error: err.message, ...(err.hint ? { hint: err.hint } : {}) });
      exit = Math.max(exit, err.exitCode);
    }
  }
  if (options.format === 'json') {
    io.stdout(jsonText({ valid: exit === EXIT.ok, files: results }));
    return exit;
  }
  for (const r of results) {
    if ('error' in r) {
      io.stderr(`${s.red('error:')} ${inert(r.error)}\n${r.hint ? `${s.dim(`hint: ${inert(r.hint)}`)}\n` : ''}`);
      continue;
    }
    for (const p of r.problems) {
      const line = inert(formatProblem(p));
      io.stdout(`${p.severity === 'error' ? out.red(line) : out.yellow(line)}\n`);
    }
    io.stderr(
      r.valid
        ? `${s.green('✓')} ${inert(r.file)} is valid${r.counts.warnings ? `, ${problemCount(r.counts, 'warnings')}` : ''}\n`
        : `${s.red('✗')} ${inert(r.file)}: ${problemCount(r.counts)}\n`,
    );
  }
  return exit;
}
