import { analyze, explain, type AnalysisLang, type SavingsOptions } from '@polev/core';
import { inertDeep, jsonText } from '../inert.js';
import { CliError, EXIT, plainStyle, style, type Io } from '../io.js';
import { loadValidReview } from '../input.js';
import { progress } from '../progress.js';
import { explanation, summary } from '../summary.js';

export interface AnalyzeCommandOptions {
  format: 'text' | 'json' | 'md';
  explain?: string;
  savings?: SavingsOptions;
  /** Language of the reasons and of the summary's labels; default `en`. */
  lang?: AnalysisLang;
}

export async function analyzeCommand(io: Io, file: string, opts: AnalyzeCommandOptions): Promise<number> {
  const p = progress(io);
  p.step(`reading ${file}`);
  const review = await loadValidReview(io, file).finally(() => p.done());
  const lang = opts.lang ?? 'en';
  const assessment = analyze(review, { lang, ...(opts.savings ? { savings: opts.savings } : {}) });
  if (opts.explain) {
    const x = explain(assessment, opts.explain);
    if (!x) {
      throw new CliError(`no objective, domain or instrument with id "${opts.explain}" in ${file}`, EXIT.usage, 'ids are listed in the review file; `polev analyze --format json` shows them all');
    }
    io.stdout(opts.format === 'json' ? jsonText(x) : explanation(inertDeep(x), opts.format === 'md' ? 'md' : 'text', opts.format === 'md' ? plainStyle : style(io, 'stdout'), lang));
    return EXIT.ok;
  }
  if (opts.format === 'json') io.stdout(jsonText(assessment));
  else io.stdout(summary(inertDeep(review), inertDeep(assessment), opts.format, opts.format === 'md' ? plainStyle : style(io, 'stdout')));
  return EXIT.ok;
}
