import { Review, type ReviewInput } from '../src/index.js';
import { minimalReview } from '../src/testing/index.js';

type Partial2<T> = { [K in keyof T]?: T[K] };

/** A minimal valid review, overridden per test; parsed through the real schema so defaults apply. */
export function makeReview(over: Partial2<ReviewInput> & { objectives?: ReviewInput['policyTree']['objectives']; domains?: ReviewInput['policyTree']['domains'] } = {}): Review {
  const { objectives, domains, ...rest } = over;
  const { policyTree } = minimalReview();
  return Review.parse(minimalReview({ policyTree: { ...policyTree, domains: domains ?? policyTree.domains, objectives: objectives ?? policyTree.objectives }, ...rest }));
}

export const instrument = (id: string, objective = 'o1', status: 'realised' | 'partly' | 'not-realised' | 'realised-after-period' | 'pilot' | 'ongoing' | 'unknown' = 'realised') => ({
  id,
  name: `Instrument ${id}`,
  objective,
  kind: 'other' as const,
  realisation: { status, evidence: status === 'unknown' ? null : 'documented' },
});

export const source = (id: string, type: 'effect' | 'process' | 'progress-report' | 'inspection' = 'effect', classification: 'public' | 'secret' = 'public') => ({
  id,
  title: `Source ${id}`,
  type,
  classification,
});

export const finding = (
  id: string,
  subjects: string[],
  aspect: 'effectiveness' | 'efficiency' | 'realisation' | 'side-effects' | 'goal-achievement',
  strength: 'none' | 'realisation' | 'plausibility' | 'process' | 'effect',
  verdict: 'positive' | 'partly' | 'negative' | 'inconclusive' | 'not-assessed' = 'positive',
  src: string | null = 's1',
) => ({ id, origin: src === null ? ('review' as const) : ('source' as const), sources: src === null ? [] : [{ source: src }], subjects, aspect, strength, verdict, statement: `statement ${id}` });
