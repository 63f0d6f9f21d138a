import type { Classification, Review } from '@polev/core';
import type { Labels, Lang } from '../labels/index.js';
import { t, type Cell, type Inline, type Run } from './document.js';
import type { References } from './references.js';

/** Building blocks shared by the report's chapter and appendix modules. */

/** What the findings and sources appendices need from the report they are part of. */
export interface AppendixContext {
  review: Review;
  L: Labels;
  lang: Lang;
  refs: References;
  confidential: boolean;
  /** The classification badge of a record (nothing for public records). */
  badge: (c: Classification | undefined | null) => Run[];
}

export const cell = (...paragraphs: Inline[]): Cell => ({ content: paragraphs.length ? paragraphs : [[]] });

/** The review's own words, marked with their language when the report is written in another. */
export function quoteRun(text: string, ctx: Pick<AppendixContext, 'review' | 'lang'>, extra: Omit<Run, 'text'> = {}): Run {
  return ctx.review.language !== ctx.lang ? t(text, { ...extra, lang: ctx.review.language }) : t(text, extra);
}

