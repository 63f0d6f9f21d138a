import { Command, CommanderError, Option } from 'commander';
import { CliError, EXIT, style, type Io } from './io.js';
import { VERSION } from './version.js';

/**
 * Builds the `polev` program around an Io, so tests drive it in-process and bin.ts with the real
 * process. Command modules are imported lazily: `polev --version` must not load the analysis code.
 */
export function createProgram(io: Io): { program: Command; exitCode: () => number } {
  let exitCode: number = EXIT.ok;
  const program = new Command('polev')
    .description('Validate, analyse and report policy reviews (beleidsdoorlichtingen).')
    .version(VERSION, '-V, --version', 'print the version')
    .option('--debug', 'show stack traces of unexpected errors')
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .exitOverride();

  program
    .command('validate')
    .description('check review files: syntax, schema and cross-references, every problem at once')
    .argument('<file...>', 'review files (YAML or JSON); - reads standard input')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .addHelpText(
      'after',
      `
Exit codes: 0 valid, 1 a file has problems, 2 usage error or unreadable file.

Examples:
  $ polev validate review.yaml
  $ polev validate --format json review.yaml other.json
  $ cat review.yaml | polev validate -`,
    )
    .action(async (files: string[], opts: { format: 'text' | 'json' }) => {
      const { validate } = await import('./commands/validate.js');
      exitCode = await validate(io, files, opts);
    });

  return { program, exitCode: () => exitCode };
}

/** Runs the CLI and returns its exit code; never throws. */
export async function run(argv: string[], io: Io): Promise<number> {
  const { program, exitCode } = createProgram(io);
  const s = style(io);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode();
  } catch (err) {
    if (err instanceof CommanderError) {
      // Help and version exit through here with code 0; everything else commander rejects is usage.
      return err.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (err instanceof CliError) {
      io.stderr(`${s.red('error:')} ${err.message}\n${err.hint ? `${s.dim(`hint: ${err.hint}`)}\n` : ''}`);
      return err.exitCode;
    }
    const debug = argv.includes('--debug');
    io.stderr(`${s.red('internal error:')} ${err instanceof Error ? err.message : String(err)}\n`);
    io.stderr(debug && err instanceof Error && err.stack ? `${err.stack}\n` : 'hint: run again with --debug for details, and report it\n');
    return 70;
  }
}
