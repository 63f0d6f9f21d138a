import { Argument, Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import type { AudienceLevel, SavingsOptions } from '@polev/core';
import { EXIT, style, type Io } from './io.js';
import { VERSION } from './version.js';

/** Help is wrapped at one width everywhere, so the exit codes below line up with commander's own sections. */
const HELP_WIDTH = 80;

/** The exit codes, listed once: in the main help (and in the README). */
const EXIT_CODES: [string, string][] = [
  ['0', 'success'],
  ['1', 'the input has problems (an invalid review)'],
  ['2', 'usage error: bad arguments, options that do not fit the review, unreadable input, an output that exists without --force or cannot be written, or another failure polev explains with a hint'],
  ['70', 'internal error: a bug in polev (run again with --debug and report it)'],
];

/** Words wrapped into lines of at most `width` characters, every line after the first indented by `indent`. */
function wrap(text: string, width: number, indent: number): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  lines.push(line);
  return lines.join(`\n${' '.repeat(indent)}`);
}

export function exitCodesHelp(width = HELP_WIDTH): string {
  const term = Math.max(...EXIT_CODES.map(([code]) => code.length)) + 2;
  return `Exit codes:\n${EXIT_CODES.map(([code, text]) => `  ${code.padEnd(term)}${wrap(text, width - 2 - term, 2 + term)}`).join('\n')}`;
}

/**
 * `--color` / `--no-color`, then FORCE_COLOR, then NO_COLOR decide; without any of them colour
 * follows whether the stream is a terminal. FORCE_COLOR=0 (or `false`) turns colour off, any other
 * value on, as in Node itself; an explicit flag beats both variables.
 */
export function colourChoice(argv: readonly string[], env: Io['env']): boolean | undefined {
  const end = argv.indexOf('--');
  const flags = (end === -1 ? argv : argv.slice(0, end)).filter((a) => a === '--color' || a === '--no-color');
  if (flags.length) return flags[flags.length - 1] === '--color';
  const force = env.FORCE_COLOR;
  if (force !== undefined) return !(force === '0' || force.toLowerCase() === 'false');
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return undefined;
}

/**
 * Numeric options are only parsed here; whether a value fits (a percentage in (0, 100], a base
 * year with figures) is checked by @polev/core against the review, so the CLI and the API share
 * one set of rules and one wording.
 */
const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
const numberArg = (what: string, example: string) => (value: string) => {
  if (!DECIMAL.test(value.trim())) throw new InvalidArgumentError(`give ${what} as a number, e.g. ${example}`);
  return Number(value);
};
const percent = numberArg('a percentage', '20');
const year = numberArg('a year', '2015');
const collect = (value: string, previous: string[] = []) => [...previous, value];

interface SavingsFlags {
  savings?: number;
  protect?: string[];
  baseYear?: number;
  includeApparatus?: boolean;
}
function savingsOptions(o: SavingsFlags): SavingsOptions | undefined {
  if (o.savings === undefined && !o.protect?.length && o.baseYear === undefined && !o.includeApparatus) return undefined;
  return {
    ...(o.savings !== undefined ? { percent: o.savings } : {}),
    ...(o.protect?.length ? { protect: o.protect } : {}),
    ...(o.baseYear !== undefined ? { baseYear: o.baseYear } : {}),
    ...(o.includeApparatus ? { includeApparatus: true } : {}),
  };
}
function addSavingsOptions(cmd: Command): Command {
  return cmd
    .option('--savings <percent>', 'savings variant: percent of the programme budget (default 20)', percent)
    .option('--protect <line>', 'budget line id the savings variant must not cut (repeatable)', collect)
    .option('--base-year <year>', 'year whose programme budget is the savings base (default: last year with figures)', year)
    .option('--include-apparatus', 'savings variant: count and cut staff (apparatus) lines too, wherever booked (default: programme money only)');
}

/** One rule for every command: the review's own language unless --lang says otherwise. */
const langOption = (what: string) => new Option('--lang <lang>', `language of ${what} (default: the review's language)`).choices(['nl', 'en']);

const examples = (...lines: string[]) => `\nExamples:\n${lines.map((l) => `  $ ${l}`).join('\n')}`;

/**
 * Builds the `polev` program around an Io, so tests drive it in-process and bin.ts with the real
 * process. Command modules are imported lazily: `polev --version` must not load the analysis code.
 */
export function createProgram(io: Io): { program: Command; exitCode: () => number } {
  let exitCode: number = EXIT.ok;
  const set = (code: number) => {
    exitCode = code;
  };
  const s = style(io);
  /**
   * Commander's own errors (unknown option, missing argument, bad choice) end like every other
   * error of polev: an `error:` line, then a `hint:` line.
   */
  const output = (cmd: string) => ({
    writeOut: io.stdout,
    writeErr: io.stderr,
    outputError: (str: string, write: (s: string) => void) =>
      write(`${s.red(str.trimEnd())}\n${s.dim(`hint: run \`polev ${cmd ? `${cmd} ` : ''}--help\` for usage`)}\n`),
  });
  const program = new Command('polev')
    .description('Validate, analyse and report policy reviews (beleidsdoorlichtingen) under the RPE.')
    .version(VERSION, '-V, --version', 'print the version')
    .option('--debug', 'show stack traces of unexpected errors')
    .option('--color', 'colour even when the output is not a terminal (also FORCE_COLOR=1)')
    .option('--no-color', 'no colour (also NO_COLOR=1 or FORCE_COLOR=0)')
    .configureOutput(output(''))
    .configureHelp({ helpWidth: HELP_WIDTH })
    .exitOverride()
    .addHelpText(
      'after',
      `\n${exitCodesHelp()}\n${examples('polev init my-review', 'polev validate my-review/review.yaml', 'polev analyze review.yaml', 'polev report review.yaml -o report.html --lang en', 'source <(polev completion bash)')}`,
    );
  const command = (name: string) => program.command(name).exitOverride().configureOutput(output(name)).configureHelp({ helpWidth: HELP_WIDTH });

  command('init')
    .description('scaffold a new review: review.yaml with commented examples, and its JSON Schema')
    .argument('[dir]', 'folder to create it in', '.')
    .option('--force', 'overwrite an existing review.yaml')
    .addHelpText('after', examples('polev init', 'polev init reviews/article-36-2'))
    .action(async (dir: string, o: { force?: boolean }) => {
      const { initCommand } = await import('./commands/init.js');
      set(await initCommand(io, dir, { force: Boolean(o.force) }));
    });

  command('validate')
    .description('check review files: syntax, schema and cross-references, every problem at once')
    .argument('<file...>', 'review files (YAML or JSON); - reads standard input')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .addHelpText('after', examples('polev validate review.yaml', 'polev validate --format json review.yaml other.json', 'cat review.yaml | polev validate -'))
    .action(async (files: string[], o: { format: 'text' | 'json' }) => {
      const { loadValidate } = await import('./validate-loader.js');
      const { validate, saveCache } = await loadValidate(io);
      set(await validate(io, files, o));
      saveCache();
    });

  command('migrate')
    .description(`rewrite a review file in schemaVersion 2, keeping its comments, and print what changed`)
    .argument('<file>', 'review file (YAML or JSON); - reads standard input and writes standard output')
    .option('-o, --output <file>', 'write here instead of rewriting the file in place; - for standard output')
    .option('--force', 'overwrite an existing output file')
    .addHelpText('after', examples('polev migrate review.yaml', 'polev migrate old.yaml -o review.yaml', 'polev migrate review.json -o -'))
    .action(async (file: string, o: { output?: string; force?: boolean }) => {
      const { migrateCommand } = await import('./commands/migrate.js');
      set(await migrateCommand(io, file, { ...(o.output !== undefined ? { output: o.output } : {}), force: Boolean(o.force) }));
    });

  addSavingsOptions(
    command('analyze')
      .description('analyse a review: realisation, coverage by count and money, stepped verdicts, recommendations')
      .argument('<file>', 'review file (YAML or JSON); - reads standard input')
      .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json', 'md']).default('text'))
      .addOption(langOption('the reasons, recommendations and summary'))
      .addOption(new Option('--audience <level>', 'the reader\'s clearance: verdicts from the evidence visible at that level (default: the full view)').choices(['full', 'public', 'restricted', 'confidential', 'secret', 'top-secret']).default('full'))
      .option('--explain <id>', 'what an item is and which verdicts it feeds: instrument, objective, domain, finding, source, budget line, indicator, conclusion, recommendation'),
  )
    .addHelpText('after', examples('polev analyze review.yaml', 'polev analyze review.yaml --lang en', 'polev analyze review.yaml --explain ct-1', 'polev analyze review.yaml --audience public', 'polev analyze review.yaml --format json > assessment.json', 'polev analyze review.yaml --savings 20 --protect bdur', 'polev analyze review.yaml --savings 20 --include-apparatus'))
    .action(async (file: string, o: { format: 'text' | 'json' | 'md'; lang?: 'nl' | 'en'; audience: AudienceLevel; explain?: string } & SavingsFlags) => {
      const { analyzeCommand } = await import('./commands/analyze.js');
      const savings = savingsOptions(o);
      set(await analyzeCommand(io, file, { format: o.format, ...(o.lang ? { lang: o.lang } : {}), audience: o.audience, ...(o.explain ? { explain: o.explain } : {}), ...(savings ? { savings } : {}) }));
    });

  addSavingsOptions(
    command('report')
      .description('render the report as Markdown, self-contained HTML or Word (.docx)')
      .argument('<file>', 'review file (YAML or JSON); - reads standard input')
      .requiredOption('-o, --output <file>', 'output file (.md, .html or .docx); - writes Markdown or HTML to stdout')
      .addOption(new Option('-f, --format <format>', 'format, when the output name does not tell').choices(['md', 'html', 'docx', 'pdf']))
      .addOption(langOption('labels, headings, reasons and recommendations'))
      .addOption(new Option('--audience <audience>', 'public leaves classified content out').choices(['public', 'confidential']).default('public'))
      .option('--force', 'overwrite an existing output file'),
  )
    .addHelpText('after', examples('polev report review.yaml -o report.html', 'polev report review.yaml -o report.docx --lang en --audience confidential', 'polev report review.yaml -o - --format md | less', 'polev report review.yaml -o report.md --savings 20 --protect bdur'))
    .action(async (file: string, o: { output: string; format?: 'md' | 'html' | 'docx' | 'pdf'; lang?: 'nl' | 'en'; audience: 'public' | 'confidential'; force?: boolean } & SavingsFlags) => {
      const { reportCommand } = await import('./commands/report.js');
      const savings = savingsOptions(o);
      set(await reportCommand(io, file, { output: o.output, ...(o.format ? { format: o.format } : {}), ...(o.lang ? { lang: o.lang } : {}), audience: o.audience, force: Boolean(o.force), ...(savings ? { savings } : {}) }));
    });

  command('diff')
    .description('what changed between two reviews of the same article')
    .argument('<old>', 'the earlier review')
    .argument('<new>', 'the later review')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json', 'md']).default('text'))
    .addOption(new Option('--lang <lang>', "language of the labels, values and warnings (default: the later review's language)").choices(['nl', 'en']))
    .addHelpText('after', examples('polev diff review-2011-2015.yaml review-2016-2022.yaml', 'polev diff old.yaml new.yaml --format json', 'polev diff old.yaml new.yaml --lang en'))
    .action(async (before: string, after: string, o: { format: 'text' | 'json' | 'md'; lang?: 'nl' | 'en' }) => {
      const { diffCommand } = await import('./commands/diff.js');
      set(await diffCommand(io, before, after, o));
    });

  command('import')
    .description('read instruments, objectives, sources, findings and expenditure from .xlsx/.csv and budget open data into a review')
    .argument('<file...>', 'spreadsheets (.xlsx, .csv) and open-data files (begrotingsstaten CSV, budget detail JSON/CSV, evaluation register)')
    .requiredOption('-o, --output <file>', 'the review to write (.yaml or .json); may be the --into file itself')
    .option('--into <review>', 'merge into this review by id (nothing in it is dropped)')
    .option('--mapping <file>', 'YAML mapping file for tables whose headers polev does not recognise')
    .option('--article <chapter.article>', 'the article to take from budget open data, e.g. VI.36 or VI.36.2')
    .option('--period <start-end>', "years to import (default: the review's period), e.g. 2013-2015")
    .addOption(new Option('--phase <phase>', "which budget phase a detailed budget table's amounts are").choices(['draft', 'adopted', 'firstSupplementary', 'secondSupplementary', 'realisation']))
    .option('--force', 'overwrite an existing output file')
    .addHelpText('after', examples('polev import begrotingsstaten-2013-2021.csv --article VI.36 --into review.yaml -o review.yaml', 'polev import instrumenten.xlsx uitgaven.csv --into review.yaml -o merged.yaml', 'polev import tabel.xlsx --mapping mapping.yaml -o review.yaml'))
    .action(async (files: string[], o: { output: string; into?: string; mapping?: string; article?: string; period?: string; phase?: 'draft' | 'adopted' | 'firstSupplementary' | 'secondSupplementary' | 'realisation'; force?: boolean }) => {
      const { importCommand } = await import('./commands/import.js');
      set(await importCommand(io, files, { ...o, force: Boolean(o.force) }));
    });

  command('export')
    .description('write the review and its analysis to an .xlsx workbook (a sheet per table) or to CSV files, one per table')
    .argument('<file>', 'review file (YAML or JSON); - reads standard input')
    .requiredOption('-o, --output <file>', 'OUT.xlsx, or OUT.csv for OUT-instruments.csv, OUT-expenditure.csv, …')
    .addOption(langOption('headers and values'))
    .addOption(new Option('--audience <audience>', 'public leaves classified content out').choices(['public', 'confidential']).default('public'))
    .option('--force', 'overwrite existing output files')
    .addHelpText('after', examples('polev export review.yaml -o review.xlsx', 'polev export review.yaml -o tabellen.csv --lang nl', 'polev export review.yaml -o full.xlsx --audience confidential'))
    .action(async (file: string, o: { output: string; lang?: 'nl' | 'en'; audience: 'public' | 'confidential'; force?: boolean }) => {
      const { exportCommand } = await import('./commands/export.js');
      set(await exportCommand(io, file, { output: o.output, ...(o.lang ? { lang: o.lang } : {}), audience: o.audience, force: Boolean(o.force) }));
    });

  command('schema')
    .description('print the JSON Schema of review files')
    .addHelpText('after', examples('polev schema > review.schema.json'))
    .action(async () => {
      const { schemaCommand } = await import('./commands/schema.js');
      set(schemaCommand(io));
    });

  command('completion')
    .description('print a shell completion script for polev')
    .addArgument(new Argument('<shell>', 'the shell to complete in').choices(['bash', 'zsh', 'fish']))
    .addHelpText('after', examples('source <(polev completion bash)        # in ~/.bashrc', 'polev completion zsh > "${fpath[1]}/_polev"', 'polev completion fish > ~/.config/fish/completions/polev.fish'))
    .action(async (shell: 'bash' | 'zsh' | 'fish') => {
      const { completionScript } = await import('./commands/completion.js');
      io.stdout(completionScript(program, shell));
    });

  return { program, exitCode: () => exitCode };
}

/** Runs the CLI and returns its exit code; never throws. */
export async function run(argv: string[], io: Io): Promise<number> {
  const color = colourChoice(argv, io.env);
  if (color !== undefined) io = { ...io, color };
  const { program, exitCode } = createProgram(io);
  try {
    if (argv.length === 0) {
      program.outputHelp({ error: true });
      return EXIT.usage;
    }
    await program.parseAsync(argv, { from: 'user' });
    return exitCode();
  } catch (err) {
    if (err instanceof CommanderError) {
      // Help and version exit through here with code 0; everything else commander rejects is usage.
      return err.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    const { reportError } = await import('./errors.js');
    return reportError(io, err, argv.includes('--debug'));
  }
}
