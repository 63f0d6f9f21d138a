import { CLASSIFICATIONS, filterReviewForAudience, type Classification, type Review } from '@polev/core';

/**
 * What a caller with a given clearance may see of a review: core's audience filter at that level
 * (items above it removed, with everything that rests on them, their texts and ids redacted from
 * what is kept), checked once more here so that the API fails closed should anything above the
 * clearance ever remain.
 */
export interface Withheld {
  /** How many items were removed (counts only: never which). */
  count: number;
  byKind: Record<string, number>;
}

export const rank = (c: Classification): number => CLASSIFICATIONS.indexOf(c);
export const TOP_CLEARANCE: Classification = CLASSIFICATIONS[CLASSIFICATIONS.length - 1]!;
export const lower = (a: Classification, b: Classification): Classification => (rank(a) <= rank(b) ? a : b);

/** The list each kind of item is kept in, as `byKind` names it. */
const LIST_OF: Record<string, string> = {
  domain: 'domains',
  objective: 'objectives',
  source: 'sources',
  instrument: 'instruments',
  finding: 'findings',
  indicator: 'indicators',
  conclusion: 'conclusions',
  recommendation: 'recommendations',
};

export function forClearance(review: Review, clearance: Classification): { review: Review; withheld: Withheld } {
  if (clearance === TOP_CLEARANCE) return { review, withheld: { count: 0, byKind: {} } };
  const filtered = filterReviewForAudience(review, clearance);
  const above = highestIn(filtered.review);
  if (rank(above) > rank(clearance)) throw new Error(`the audience filter left an item classified ${above} for clearance ${clearance}`);
  const byKind: Record<string, number> = {};
  for (const d of filtered.dropped) {
    const list = LIST_OF[d.kind] ?? d.kind;
    byKind[list] = (byKind[list] ?? 0) + 1;
  }
  return { review: filtered.review, withheld: { count: filtered.dropped.length, byKind } };
}

/** The highest classification of any item in the review. */
export function highestIn(review: Review): Classification {
  let top = 0;
  JSON.stringify(review, (key, v: unknown) => {
    if (key === 'classification' && typeof v === 'string' && (CLASSIFICATIONS as readonly string[]).includes(v)) top = Math.max(top, rank(v as Classification));
    return v;
  });
  return CLASSIFICATIONS[top]!;
}
