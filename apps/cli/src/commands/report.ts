import { extname } from 'node:path';
import type { SavingsOptions } from '@polev/core';
import { inert } from '../inert.js';
import { CliError, EXIT, style, type Io } from '../io.js';
import { inputName, loadValidReview } from '../input.js';
import { writeOutput } from '../output.js';
import { progress } from '../progress.js';

export type ReportFormatOption = 'md' | 'html' | 'docx' | 'pdf';

export interface ReportCommandOptions {
  output: string;
  format?: ReportFormatOption;
  /** Default: the review's own language. */
  lang?: 'nl' | 'en';
  audience: 'public' | 'confidential';
  savings?: SavingsOptions;
  force: boolean;
}

const BY_EXTENSION: Record<string, ReportFormatOption> = { '.md': 'md', '.markdown': 'md', '.html': 'html', '.htm': 'html', '.docx': 'docx', '.pdf': 'pdf' };

export function formatFor(output: string, explicit?: ReportFormatOption): ReportFormatOption {
  if (explicit) return explicit;
  const ext = extname(output).toLowerCase();
  const f = BY_EXTENSION[ext];
  if (!f) {
    throw new CliError(
      output === '-' ? 'writing to standard output needs --format' : `cannot tell the report format from "${ext || output}"`,
      EXIT.usage,
      'name the output .md, .html, .docx or .pdf, or give --format md|html|docx|pdf',
    );
  }
  return f;
}

export async function reportCommand(io: Io, file: string, opts: ReportCommandOptions): Promise<number> {
  const format = formatFor(opts.output, opts.format);
  if ((format === 'docx' || format === 'pdf') && opts.output === '-') throw new CliError(`a .${format} report cannot be written to standard output`, EXIT.usage, `give a file name with -o, e.g. -o report.${format}`);
  const p = progress(io);
  let lang = opts.lang;
  try {
    p.step(`reading ${inputName(file)}`);
    const review = await loadValidReview(io, file);
    lang ??= review.language;
    p.step(`rendering ${format}`);
    // Loaded only here: the renderers and their figure code are the heaviest part of the CLI.
    const { renderReport } = await import('@polev/report');
    const options = { lang, audience: opts.audience, ...(opts.savings ? { analyzeOptions: { savings: opts.savings } } : {}) };
    let data: string | Uint8Array;
    try {
      data = await renderReport(format, review, null, options);
    } catch (e) {
      // A PDF is printed by a local Chromium: without one, say what to install.
      // (By its code: the class may come from another copy of the package.)
      if (e instanceof Error && (e as { code?: unknown }).code === 'BROWSER_UNAVAILABLE') throw new CliError(e.message, EXIT.usage, 'or write .html (print it from a browser) or .docx instead');
      throw e;
    }
    p.step(`writing ${inert(opts.output)}`);
    await writeOutput(io, opts.output, data, opts.force);
  } finally {
    p.done();
  }
  if (opts.output !== '-') {
    const s = style(io);
    io.stderr(`${s.green('✓')} wrote ${inert(opts.output)} (${format}, ${lang}, ${opts.audience})\n`);
  }
  return EXIT.ok;
}
