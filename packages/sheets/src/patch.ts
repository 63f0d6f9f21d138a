import type { CompletenessStatus, ListName as ReviewListName } from '@polev/core';
import type { Location } from './problems.js';

/** The lists of a review an import can add to or update, by their path in the review. */
export const LISTS = ['domains', 'objectives', 'instruments', 'budgetLines', 'sources', 'findings'] as const;
export type ListName = (typeof LISTS)[number];

/**
 * What one row says about one entry: the fields it gives (dotted paths for nested fields), where
 * it came from, and each field's column, so a problem found later still names the cell.
 */
export interface Patch {
  list: ListName;
  id: string;
  fields: Record<string, unknown>;
  at: Location;
  columns: Record<string, string>;
  /** Budget lines: the years the row gives, merged into the line's expenditures by year. */
  years?: YearPatch[];
  /** Open data: match an existing budget line by its open-data index or its name when no line has this id. */
  matchLine?: { index?: string; name: string; article?: string };
}

export interface YearPatch {
  year: number;
  fields: Record<string, unknown>;
  at: Location;
  columns: Record<string, string>;
}

/** What the import tells the user besides problems: what it left out of the files, and why. */
export interface Notice {
  at: Location;
  message: string;
}

/**
 * What an import says of how complete one of the review's lists is: `stated` when a file or the
 * mapping says so outright, `derived` when it follows from what the files hold (an analyst's table
 * is partial; open data is complete only where every year is there).
 */
export interface CompletenessClaim {
  list: ReviewListName;
  status: CompletenessStatus;
  missing?: string;
  expectedAtLeast?: number;
  citation?: { source?: string; location?: string };
  from: 'stated' | 'derived';
  at: Location;
}

/** The money of a whole article, for a review of one part of it: context, merged into `articleContext`. */
export interface ArticleContextPatch {
  article: string;
  chapter: string;
  name?: string;
  notes: string;
  expenditures: YearPatch[];
  receipts: YearPatch[];
  at: Location;
}

export interface ImportContext {
  /** The review's period; years outside it are reported, not imported. */
  period?: { start: number | null; end: number | null } | undefined;
  /** `VI.36` or `VI.36.2`, when given. */
  article?: ArticleRef | undefined;
  /** The article parts the review covers, e.g. ['36.2']; empty when it covers whole articles. */
  coveredParts: string[];
  /** The phase a detailed budget table's amounts are (the detail tables carry budgets, not realisation). */
  detailPhase: 'draft' | 'adopted' | 'firstSupplementary' | 'secondSupplementary' | 'realisation';
  /** The language of the review's own text: what the import writes into the review (e.g. what is missing) is in it. */
  lang: 'nl' | 'en';
  /**
   * The cost lines (programme, apparatus, unknown kind) the review already has, with the article
   * each is booked on (`36.2`, `36.2.30`; null when it does not say), so that open data never counts
   * an article's total beside its parts.
   */
  existingLines: { id: string; index?: string | null; on: string | null }[];
  /** What the files say of the completeness of the review's lists, collected as they are read. */
  completeness: CompletenessClaim[];
  /** Whole articles' money, collected as the open data is read. */
  articleContext: ArticleContextPatch[];
}

export interface ArticleRef {
  chapter: string;
  article: string;
  part?: string;
}

/** `VI.36`, `VI.36.2`, `vi 36.2` → { chapter: 'VI', article: '36', part: '2' }; undefined when it is not one. */
export function parseArticleRef(text: string): ArticleRef | undefined {
  const m = /^\s*([A-Za-z0-9]+)[.\s]+(\d+)(?:\.(\d+))?\s*$/.exec(text);
  if (!m) return undefined;
  return { chapter: m[1]!.toUpperCase(), article: String(Number(m[2])), ...(m[3] !== undefined ? { part: String(Number(m[3])) } : {}) };
}

export const inPeriod = (ctx: ImportContext, year: number) =>
  (ctx.period?.start == null || year >= ctx.period.start) && (ctx.period?.end == null || year <= ctx.period.end);

export function slug(text: string, max = 48): string {
  const s = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return (s.slice(0, max).replace(/-+$/, '') || 'x');
}

/** The years start..end, or undefined when the period leaves either open. */
export function periodYears(ctx: Pick<ImportContext, 'period'>): number[] | undefined {
  const { start, end } = ctx.period ?? { start: null, end: null };
  if (start == null || end == null) return undefined;
  return Array.from({ length: end - start + 1 }, (_, i) => start + i);
}

/** `2013, 2014, 2016`; runs of three or more as `2013–2015`. */
export function yearList(years: readonly number[]): string {
  const ys = [...new Set(years)].sort((a, b) => a - b);
  const out: string[] = [];
  for (let i = 0; i < ys.length; ) {
    let j = i;
    while (j + 1 < ys.length && ys[j + 1] === ys[j]! + 1) j++;
    out.push(j - i >= 2 ? `${ys[i]}–${ys[j]}` : ys.slice(i, j + 1).join(', '));
    i = j + 1;
  }
  return out.join(', ');
}
