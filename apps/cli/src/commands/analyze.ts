import { analyze, explain, type AnalysisLang, type AudienceLevel, type SavingsOptions } from '@polev/core';
import { inertDeep } from '../inert.js';
import { CliError, EXIT, plainStyle, style, type Io } from '../io.js';
import { inputName, loadValidReview } from '../input.js';
import { progress } from '../progress.js';
import { explanation, summary } from '../summary.js';

export interface AnalyzeCommandOptions {
  format: 'text' | 'json' | 'md';
  explain?: string;
  savings?: SavingsOptions;
  /** Language of the reasons and of the summary's labels; default: the review's own language. */
  lang?: AnalysisLang;
  /** The reader's clearance; default `full` (everything in the file). */
  audience?: AudienceLevel;
}

export async function analyzeCommand(io: Io, file: string, opts: AnalyzeCommandOptions): Promise<number> {
  const p = progress(io);
  p.step(`reading ${inputName(file)}`);
  const review = await loadValidReview(io, file).finally(() => p.done());
  const lang = opts.lang ?? review.language;
  const assessment = analyze(review, { lang, audience: opts.audience ?? 'full', ...(opts.savings ? { savings: opts.savings } : {}) });
  if (opts.explain) {
    const x = explain(assessment, opts.explain, review);
    if (x.kind === 'unknown') {
      const hint = x.didYouMean.length ? `did you mean ${x.didYouMean.map((id) => `"${id}"`).join(' or ')}?` : 'ids are listed in the review file; `polev analyze --format json` shows them all';
      throw new CliError(`no item with id "${opts.explain}" in ${inputName(file)}${assessment.audience.level !== 'full' ? ` visible to the ${assessment.audience.level} audience` : ''}`, EXIT.usage, hint);
    }
    io.stdout(opts.format === 'json' ? `${JSON.stringify(x, null, 2)}\n` : explanation(inertDeep(x), opts.format === 'md' ? 'md' : 'text', opts.format === 'md' ? plainStyle : style(io, 'stdout'), lang));
    return EXIT.ok;
  }
  if (opts.format === 'json') io.stdout(`${JSON.stringify(assessment, null, 2)}\n`);
  else io.stdout(summary(inertDeep(review), inertDeep(assessment), opts.format, opts.format === 'md' ? plainStyle : style(io, 'stdout')));
  return EXIT.ok;
}
