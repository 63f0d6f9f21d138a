import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import type { AudienceLevel, SavingsOptions } from '@polev/core';
import { EXIT, style, type Io } from './io.js';
import { VERSION } from './version.js';

const EXIT_HELP = `
Exit codes: 0 success · 1 the input has problems · 2 usage error (bad arguments, options that do not
fit the review, unreadable input, output that exists without --force or cannot be written, or
another failure polev explains with a hint) · 70 internal error: a bug in polev (run again with
--debug and report it).`;

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
}
function savingsOptions(o: SavingsFlags): SavingsOptions | undefined {
  if (o.savings === undefined && !o.protect?.length && o.baseYear === undefined) return undefined;
  return {
    ...(o.savings !== undefined ? { percent: o.savings } : {}),
    ...(o.protect?.length ? { protect: o.protect } : {}),
    ...(o.baseYear !== undefined ? { baseYear: o.baseYear } : {}),
  };
}
function addSavingsOptions(cmd: Command): Command {
  return cmd
    .option('--savings <percent>', 'savings variant: percent of the programme budget (default 20)', percent)
    .option('--protect <line>', 'budget line id the savings variant must not cut (repeatable)', collect)
    .option('--base-year <year>', 'year whose programme budget is the savings base (default: last year with figures)', year);
}

/**
 * Builds the `polev` program around an Io, so tests drive it in-process and bin.ts with the real
 * process. Command modules are imported lazily: `polev --version` must not load the analysis code.
 */
export function createProgram(io: Io): { program: Command; exitCode: () => number } {
  let exitCode: number = EXIT.ok;
  const set = (code: number) => {
    exitCode = code;
  };
  const program = new Command('polev')
    .description('Validate, analyse and report policy reviews (beleidsdoorlichtingen) under the RPE.')
    .version(VERSION, '-V, --version', 'print the version')
    .option('--debug', 'show stack traces of unexpected errors')
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr, outputError: (str, write) => write(style(io).red(str)) })
    .exitOverride()
    .addHelpText(
      'after',
      `${EXIT_HELP}

Examples:
  $ polev init my-review
  $ polev validate my-review/review.yaml
  $ polev analyze review.yaml
  $ polev report review.yaml -o report.html --lang en`,
    );
  const command = (name: string) => program.command(name).exitOverride().configureOutput({ writeOut: io.stdout, writeErr: io.stderr });

  command('init')
    .description('scaffold a new review: review.yaml with commented examples, and its JSON Schema')
    .argument('[dir]', 'folder to create it in', '.')
    .option('--force', 'overwrite an existing review.yaml')
    .addHelpText('after', `${EXIT_HELP}\n\nExamples:\n  $ polev init\n  $ polev init reviews/article-36-2`)
    .action(async (dir: string, o: { force?: boolean }) => {
      const { initCommand } = await import('./commands/init.js');
      set(await initCommand(io, dir, { force: Boolean(o.force) }));
    });

  command('validate')
    .description('check review files: syntax, schema and cross-references, every problem at once')
    .argument('<file...>', 'review files (YAML or JSON); - reads standard input')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .addHelpText('after', `${EXIT_HELP}\n\nExamples:\n  $ polev validate review.yaml\n  $ polev validate --format json review.yaml other.json\n  $ cat review.yaml | polev validate -`)
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
    .addHelpText('after', `${EXIT_HELP}\n\nExamples:\n  $ polev migrate review.yaml\n  $ polev migrate old.yaml -o review.yaml\n  $ polev migrate review.json -o -`)
    .action(async (file: string, o: { output?: string; force?: boolean }) => {
      const { migrateCommand } = await import('./commands/migrate.js');
      set(await migrateCommand(io, file, { ...(o.output !== undefined ? { output: o.output } : {}), force: Boolean(o.force) }));
    });

  addSavingsOptions(
    command('analyze')
      .description('analyse a review: realisation, coverage by count and money, stepped verdicts, recommendations')
      .argument('<file>', 'review file (YAML or JSON); - reads standard input')
      .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json', 'md']).default('text'))
      .addOption(new Option('--lang <lang>', 'language of the reasons, recommendations and summary').choices(['nl', 'en']).default('en'))
      .addOption(new Option('--audience <level>', 'the reader\'s clearance: verdicts from the evidence visible at that level (default: the full view)').choices(['full', 'public', 'restricted', 'confidential', 'secret', 'top-secret']).default('full'))
      .option('--explain <id>', 'what an item is and which verdicts it feeds: instrument, objective, domain, finding, source, budget line, indicator, conclusion, recommendation'),
  )
    .addHelpText('after', `${EXIT_HELP}\n\nExamples:\n  $ polev analyze review.yaml\n  $ polev analyze review.yaml --lang nl\n  $ polev analyze review.yaml --explain ct-1\n  $ polev analyze review.yaml --audience public\n  $ polev analyze review.yaml --format json > assessment.json\n  $ polev analyze review.yaml --savings 20 --protect bdur`)
    .action(async (file: string, o: { format: 'text' | 'json' | 'md'; lang: 'nl' | 'en'; audience: AudienceLevel; explain?: string } & SavingsFlags) => {
      const { analyzeCommand } = await import('./commands/analyze.js');
      const savings = savingsOptions(o);
      set(await analyzeCommand(io, file, { format: o.format, lang: o.lang, audience: o.audience, ...(o.explain ? { explain: o.explain } : {}), ...(savings ? { savings } : {}) }));
    });

  addSavingsOptions(
    command('report')
      .description('render the report as Markdown, self-contained HTML or Word (.docx)')
      .argument('<file>', 'review file (YAML or JSON); - reads standard input')
      .requiredOption('-o, --output <file>', 'output file (.md, .html or .docx); - writes Markdown or HTML to stdout')
      .addOption(new Option('-f, --format <format>', 'format, when the output name does not tell').choices(['md', 'html', 'docx']))
      .addOption(new Option('--lang <lang>', 'language of labels, headings, reasons and recommendations').choices(['nl', 'en']).default('nl'))
      .addOption(new Option('--audience <audience>', 'public leaves classified content out').choices(['public', 'confidential']).default('public'))
      .option('--force', 'overwrite an existing output file'),
  )
    .addHelpText('after', `${EXIT_HELP}\n\nExamples:\n  $ polev report review.yaml -o report.html\n  $ polev report review.yaml -o rapport.docx --lang nl --audience confidential\n  $ polev report review.yaml -o - --format md | less\n  $ polev report review.yaml -o report.md --savings 20 --protect bdur`)
    .action(async (file: string, o: { output: string; format?: 'md' | 'html' | 'docx'; lang: 'nl' | 'en'; audience: 'public' | 'confidential'; force?: boolean } & SavingsFlags) => {
      const { reportCommand } = await import('./commands/report.js');
      const savings = savingsOptions(o);
      set(await reportCommand(io, file, { output: o.output, ...(o.format ? { format: o.format } : {}), lang: o.lang, audience: o.audience, force: Boolean(o.force), ...(savings ? { savings } : {}) }));
    });

  command('diff')
    .description('what changed between two reviews of the same article')
    .argument('<old>', 'the earlier review')
    .argument('<new>', 'the later review')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json', 'md']).default('text'))
    .addOption(new Option('--lang <lang>', 'language of the labels and warnings').choices(['nl', 'en']).default('en'))
    .addHelpText('after', `${EXIT_HELP}\n\nExamples:\n  $ polev diff review-2011-2015.yaml review-2016-2022.yaml\n  $ polev diff old.yaml new.yaml --format json\n  $ polev diff old.yaml new.yaml --lang nl`)
    .action(async (before: string, after: string, o: { format: 'text' | 'json' | 'md'; lang: 'nl' | 'en' }) => {
      const { diffCommand } = await import('./commands/diff.js');
      set(await diffCommand(io, before, after, o));
    });

  command('schema')
    .description('print the JSON Schema of review files')
    .addHelpText('after', `${EXIT_HELP}\n\nExamples:\n  $ polev schema > review.schema.json`)
    .action(async () => {
      const { schemaCommand } = await import('./commands/schema.js');
      set(schemaCommand(io));
    });

  return { program, exitCode: () => exitCode };
}

/** Runs the CLI and returns its exit code; never throws. */
export async function run(argv: string[], io: Io): Promise<number> {
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
