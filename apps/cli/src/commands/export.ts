import { stat } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { CliError, EXIT, style, type Io } from '../io.js';
import { loadValidReview } from '../input.js';
import { writeOutput } from '../output.js';

export interface ExportCommandOptions {
  output: string;
  lang?: 'nl' | 'en';
  audience: 'public' | 'confidential';
  force: boolean;
}

/**
 * `polev export`: the review and its analysis as an .xlsx workbook (a sheet per table) or as CSV
 * files, one per table, named after OUT (`out.csv` → `out-instruments.csv`, …). The public
 * audience leaves classified records out, as the public report does.
 */
export async function exportCommand(io: Io, file: string, opts: ExportCommandOptions): Promise<number> {
  const ext = extname(opts.output).toLowerCase();
  if (ext !== '.xlsx' && ext !== '.csv') throw new CliError(`cannot tell the export format from "${ext || opts.output}"`, EXIT.usage, 'name the output .xlsx (a workbook) or .csv (a file per table)');
  const loaded = await loadValidReview(io, file);
  const [{ analyze }, { filterReviewForAudience, scrubValue, REDACTION }, sheets] = await Promise.all([import('@polev/core'), import('@polev/report'), import('@polev/sheets')]);
  const filter = filterReviewForAudience(loaded, opts.audience);
  const review = scrubValue(filter.review, filter.droppedIds, filter.droppedTexts, REDACTION) as typeof loaded;
  const lang = opts.lang ?? (review.language === 'en' ? 'en' : 'nl');
  const assessment = scrubValue(analyze(filter.review, { lang }), filter.droppedIds, filter.droppedTexts, REDACTION) as ReturnType<typeof analyze>;
  const s = style(io);
  if (ext === '.xlsx') {
    await writeOutput(io, opts.output, await sheets.exportXlsx(review, { lang, assessment }), opts.force);
    io.stderr(`${s.green('✓')} wrote ${opts.output} (${lang}, ${opts.audience})\n`);
    return EXIT.ok;
  }
  const tables = sheets.exportCsv(review, { lang, assessment });
  const stem = join(dirname(opts.output), basename(opts.output, extname(opts.output)));
  const names = tables.map((t) => `${stem}-${t.table}.csv`);
  // All or nothing: refuse before writing the first file when any of them exists.
  if (!opts.force) for (const n of names) if (await stat(n).catch(() => undefined)) throw new CliError(`${n} already exists`, EXIT.usage, 'use --force to overwrite the CSV files, or choose another name');
  for (const [i, t] of tables.entries()) await writeOutput(io, names[i]!, t.text, opts.force);
  io.stderr(`${s.green('✓')} wrote ${names.length} CSV files: ${names.map((n) => basename(n)).join(', ')} (${lang}, ${opts.audience})\n`);
  return EXIT.ok;
}
