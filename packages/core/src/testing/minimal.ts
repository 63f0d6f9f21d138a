import type { ReviewInput } from '../model/review.js';

/**
 * The smallest review input the schema accepts, with one domain and one objective, for tests that
 * build a review around one rule: pass the fields the test is about (top-level fields replace the
 * defaults whole, `policyTree` included) and parse it with `Review.parse`.
 */
export function minimalReview(over: Partial<ReviewInput> = {}): ReviewInput {
  return {
    schemaVersion: 2,
    id: 'r',
    title: 'Test review',
    language: 'en',
    ministry: { name: 'Ministry' },
    budgetArticles: [{ number: '1.1' }],
    period: { start: 2020, end: 2022 },
    rpeVersion: '2015',
    method: 'synthesis',
    policyTree: {
      mainGoal: { text: 'Main goal' },
      domains: [{ id: 'd1', name: 'Domain one' }],
      objectives: [{ id: 'o1', domain: 'd1', text: 'Reduce incidents by 10% by 2022 compared with 2019.' }],
    },
    ...over,
  } as ReviewInput;
}
