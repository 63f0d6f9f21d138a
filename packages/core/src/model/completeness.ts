import { EVALUATION_SOURCE_TYPES, type CompletenessStatus, type ListName, type Review } from './review.js';

export interface ListCompleteness {
  list: ListName;
  status: CompletenessStatus;
  /** Whether the review states the completeness, or polev inferred it from the list itself. */
  stated: boolean;
  missing?: string;
  expectedAtLeast?: number;
  /** How many items the file holds for the list. */
  known: number;
}

const EVALUATION_TYPES: ReadonlySet<string> = new Set(EVALUATION_SOURCE_TYPES);

function knownItems(review: Review, list: ListName): number {
  switch (list) {
    case 'evaluations':
      return review.sources.filter((s) => EVALUATION_TYPES.has(s.type)).length;
    case 'expenditure': {
      let n = 0;
      for (const line of review.budgetLines) for (const e of line.expenditures) if (e.amount !== null) n++;
      return n;
    }
    default:
      return review[list].length;
  }
}

/**
 * How complete one of the review's lists is. A statement in the review wins. Without one, an empty
 * list is unknown — the file being silent is not the source saying "none" — and a non-empty list
 * is partial: it holds at least what it holds. Only an empty list stated complete means none.
 */
export function completenessOf(review: Review, list: ListName): ListCompleteness {
  const known = knownItems(review, list);
  const stated = review.completeness?.[list];
  if (stated) {
    const out: ListCompleteness = { list, status: stated.status, stated: true, known };
    if (stated.missing) out.missing = stated.missing;
    if (stated.expectedAtLeast !== undefined && stated.expectedAtLeast !== null) out.expectedAtLeast = stated.expectedAtLeast;
    return out;
  }
  return { list, status: known === 0 ? 'unknown' : 'partial', stated: false, known };
}

export interface ReviewPeriod {
  start: number | null;
  end: number | null;
}

/** The review period, each end null where the review does not give it. */
export function reviewPeriod(review: Pick<Review, 'period'>): ReviewPeriod {
  return { start: review.period?.start ?? null, end: review.period?.end ?? null };
}

/** The ids of the sources a finding cites, in order. */
export function findingSourceIds(finding: { sources: readonly { source: string }[] }): string[] {
  return finding.sources.map((s) => s.source);
}
