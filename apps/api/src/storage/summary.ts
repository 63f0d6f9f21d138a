import type { Review } from '@polev/core';

/** The review-level fields a stored review is listed and filtered by. */
export interface ReviewSummary {
  title: string;
  ministry: string;
  articles: string[];
  periodStart: number | null;
  periodEnd: number | null;
  rpeVersion: string;
}

export function summarize(review: Review): ReviewSummary {
  // Read loosely: the period's ends may be unknown (null) in model v2.
  const period = (review as { period?: { start?: number | null; end?: number | null } | null }).period;
  return {
    title: review.title,
    ministry: review.ministry.abbreviation ? `${review.ministry.name} (${review.ministry.abbreviation})` : review.ministry.name,
    articles: review.budgetArticles.map((a) => a.number),
    periodStart: period?.start ?? null,
    periodEnd: period?.end ?? null,
    rpeVersion: String(review.rpeVersion),
  };
}
