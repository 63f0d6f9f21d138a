import type { Review } from '@polev/core';
import type { AnalyzeOptions } from '../assessment.js';
import type { Lang } from '../labels/index.js';
import type { Audience } from './document.js';

export interface ReportOptions {
  /** Language of every label and heading; the review's own text stays as written. Default: the review's language. */
  lang?: Lang;
  /**
   * `public` (default) leaves out everything classified and states that a classified annex
   * exists; `confidential` includes it, visibly marked.
   */
  audience?: Audience;
  /** A generation date to print (the package reads no clock). Default: none printed. */
  generatedOn?: string | null;
  /**
   * Options for `analyze` when the report (re-)analyses the review. Their `lang` is always the
   * report's: every reason and recommendation is written in the language of the headings.
   */
  analyzeOptions?: AnalyzeOptions;
}

export interface ResolvedReportOptions {
  lang: Lang;
  audience: Audience;
  generatedOn: string | null;
  analyzeOptions: AnalyzeOptions;
}

/** The options with their defaults; without `lang`, the review's own language (Dutch without a review). */
export function resolveOptions(options: ReportOptions = {}, review?: Pick<Review, 'language'>): ResolvedReportOptions {
  const lang = options.lang ?? review?.language ?? 'nl';
  const audience = options.audience ?? 'public';
  if (lang !== 'nl' && lang !== 'en') throw new TypeError(`lang must be "nl" or "en", not ${JSON.stringify(lang)}`);
  if (audience !== 'public' && audience !== 'confidential') throw new TypeError(`audience must be "public" or "confidential", not ${JSON.stringify(audience)}`);
  return { lang, audience, generatedOn: options.generatedOn ?? null, analyzeOptions: { ...options.analyzeOptions, lang } };
}
