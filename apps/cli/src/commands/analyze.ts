import { analyze, explain, nearest, type AnalysisLang, type Assessment, type SavingsOptions } from '@polev/core';
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
}

export async function analyzeCommand(io: Io, file: string, opts: AnalyzeCommandOptions): Promise<number> {
  const p = progress(io);
  p.step(`reading ${inputName(file)}`);
  const review = await loadValidReview(io, file).finally(() => p.done());
  const lang = opts.lang ?? review.language;
  const assessment = analyze(review, { lang, ...(opts.savings ? { savings: opts.savings } : {}) });
  if (opts.explain) {
    const x = explain(assessment, opts.explain);
    if (!x) {
      const near = nearest(opts.explain, explainableIds(assessment));
      throw new CliError(
        `no objective, domain or instrument with id "${opts.explain}" in ${inputName(file)}`,
        EXIT.usage,
        near ? `did you mean "${near}"?` : 'ids are listed in the review file; `polev analyze --format json` shows them all',
      );
    }
    io.stdout(opts.format === 'json' ? `${JSON.stringify(x, null, 2)}\n` : explanation(inertDeep(x), opts.format === 'md' ? 'md' : 'text', opts.format === 'md' ? plainStyle : style(io, 'stdout'), lang));
    return EXIT.ok;
  }
  if (opts.format === 'json') io.stdout(`${JSON.stringify(assessment, null, 2)}\n`);
  else io.stdout(summary(inertDeep(review), inertDeep(assessment), opts.format, opts.format === 'md' ? plainStyle : style(io, 'stdout')));
  return EXIT.ok;
}

/** The ids `--explain` accepts: instruments, objectives, domains and the article. */
function explainableIds(a: Assessment): string[] {
  return [
    ...a.evidence.instruments.map((e) => e.instrument),
    ...a.verdicts.objectives.map((v) => v.scope.id),
    ...a.verdicts.domains.map((v) => v.scope.id),
    a.verdicts.article.scope.id,
  ];
}
