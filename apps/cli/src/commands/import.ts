import { readFile } from 'node:fs/promises';
import { basename, extname, resolve } from 'node:path';
import { formatProblem } from '@polev/core/load';
import type { ImportOptions, MergeReport, Notice, SheetProblem } from '@polev/sheets';
import { inert } from '../inert.js';
import { CliError, EXIT, style, type Io } from '../io.js';
import { writeOutput } from '../output.js';

export interface ImportCommandOptions {
  output: string;
  into?: string;
  mapping?: string;
  article?: string;
  period?: string;
  phase?: NonNullable<ImportOptions['detailPhase']>;
  force: boolean;
}

const LIST_LABELS: Record<string, [string, string]> = {
  domains: ['domain', 'domains'],
  objectives: ['objective', 'objectives'],
  instruments: ['instrument', 'instruments'],
  budgetLines: ['budget line', 'budget lines'],
  sources: ['source', 'sources'],
  findings: ['finding', 'findings'],
};

async function readBytes(file: string, what: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(file));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied' : `cannot be read (${code ?? String(err)})`;
    throw new CliError(`${file}: ${reason}`, EXIT.usage, `check the path of the ${what}`);
  }
}

function parsePeriod(text: string): { start: number; end: number } {
  const m = /^\s*(\d{4})\s*[-–:]\s*(\d{4})\s*$/.exec(text);
  if (!m || Number(m[1]) > Number(m[2])) throw new CliError(`--period ${text}: give the period as START-END, e.g. 2013-2015`, EXIT.usage);
  return { start: Number(m[1]), end: Number(m[2]) };
}

/**
 * `polev import`: spreadsheets and open data into a new review or merged into one by id. Every
 * problem is printed, located, and then nothing is written; otherwise it says what it added,
 * changed and left alone, and what the files held that it did not import.
 */
export async function importCommand(io: Io, files: string[], opts: ImportCommandOptions): Promise<number> {
  const format = /\.json$/i.test(opts.output) ? 'json' : /\.ya?ml$/i.test(opts.output) || opts.output === '-' ? 'yaml' : undefined;
  if (!format) throw new CliError(`cannot tell the review format from "${extname(opts.output) || opts.output}"`, EXIT.usage, 'name the output .yaml, .yml or .json');
  const sheets = await import('@polev/sheets');
  const s = style(io);
  const fail = (problems: SheetProblem[]) => {
    for (const p of problems) io.stderr(`${s.red(inert(sheets.formatSheetProblem(p)))}\n`);
    const n = problems.filter((p) => p.severity === 'error').length;
    return new CliError(`${n} problem${n === 1 ? '' : 's'}; nothing was written`, EXIT.invalidInput, 'fix them in the files and import again');
  };

  const options: ImportOptions = {};
  let intoText: string | undefined;
  if (opts.into) {
    const text = new TextDecoder().decode(await readBytes(opts.into, 'review to merge into'));
    const r = sheets.readReviewData(text, opts.into);
    if (!r.ok) {
      for (const p of r.problems) io.stderr(`${s.red(inert(formatProblem(p)))}\n`);
      throw new CliError(`${opts.into} has problems; nothing was imported`, EXIT.invalidInput, `fix them first; \`polev validate ${opts.into}\` lists them`);
    }
    options.review = r.data;
    intoText = text;
    options.reviewFile = opts.into;
  }
  if (opts.mapping) {
    const m = sheets.parseMapping(new TextDecoder().decode(await readBytes(opts.mapping, 'mapping file')), opts.mapping);
    if (!m.ok) throw fail(m.problems);
    options.mapping = m.mapping;
  }
  if (opts.article) options.article = opts.article;
  if (opts.period) options.period = parsePeriod(opts.period);
  if (opts.phase) options.detailPhase = opts.phase;

  const inputs = await Promise.all(files.map(async (f) => ({ name: f, data: await readBytes(f, 'file to import') })));
  const result = await sheets.importSheets(inputs, options);
  printNotices(io, result.notices);
  if (!result.ok) throw fail(result.problems);

  const sameFile = opts.into !== undefined && resolve(opts.into) === resolve(opts.output);
  await writeOutput(io, opts.output, sheets.serialiseReview(result.data, format, intoText), opts.force || sameFile);
  printReport(io, result.report);
  if (opts.output !== '-') io.stderr(`${s.green('✓')} wrote ${opts.output}${opts.into && !sameFile ? ` (${basename(opts.into)} merged with ${files.length} file${files.length === 1 ? '' : 's'})` : ''}\n`);
  return EXIT.ok;
}

function printNotices(io: Io, notices: Notice[]): void {
  const s = style(io);
  for (const n of notices) {
    const where = [n.at.file, n.at.sheet !== undefined ? `[${n.at.sheet}]` : '', n.at.row !== undefined ? `row ${n.at.row}` : ''].filter(Boolean).join(' ');
    io.stderr(`${s.yellow('note:')} ${inert(`${where}: ${n.message}`)}\n`);
  }
}

const plural = (list: string, n: number) => `${n} ${LIST_LABELS[list]![n === 1 ? 0 : 1]}`;
const ids = (xs: string[]) => (xs.length > 8 ? `${xs.slice(0, 8).join(', ')}, … (${xs.length - 8} more)` : xs.join(', '));

function printReport(io: Io, report: MergeReport): void {
  const s = style(io);
  const lists = Object.keys(LIST_LABELS);
  const lines: string[] = [];
  if (report.reviewFields.length) lines.push(`  ${s.yellow('changed')}  the review's ${report.reviewFields.join(', ')}`);
  for (const list of lists) {
    const added = report.added.filter((a) => a.list === list).map((a) => a.id);
    const changed = report.changed.filter((c) => c.list === list);
    const same = report.unchanged.filter((u) => u.list === list).length;
    const left = report.leftAlone[list as keyof MergeReport['leftAlone']] ?? 0;
    if (added.length) lines.push(`  ${s.green('added')}    ${plural(list, added.length)}: ${ids(added)}`);
    for (const c of changed) lines.push(`  ${s.yellow('changed')}  ${LIST_LABELS[list]![0]} ${c.id}: ${c.fields.join(', ')}`);
    if (same) lines.push(`  ${s.dim('same')}     ${plural(list, same)} already as in the files`);
    if (left) lines.push(`  ${s.dim('left alone')} ${plural(list, left)} the files do not mention`);
  }
  for (const m of report.matched) lines.push(`  ${s.dim('matched')}  open-data line ${m.index ?? ''} "${m.name}" to budget line ${m.id} (by ${m.matchedBy})`);
  io.stderr(`${inert(lines.join('\n')) || '  nothing to add or change'}\n`);
}
