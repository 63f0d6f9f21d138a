import type { Aspect, Finding, Verdict } from '../model/review.js';
import type { Weighed } from './types.js';

/**
 * What a finding's verdict says, defined once for coverage, verdicts, gap map, explain, savings
 * and the report.
 *
 * A finding *judges* when its verdict says which way the evidence points: positive, partly
 * (positive), negative, or no-effect (a study that looked for an effect and found none). An
 * inconclusive or not-assessed finding documents that something was looked at, not what it showed.
 */
export const isJudgement = (v: Verdict): boolean => v === 'positive' || v === 'partly' || v === 'negative' || v === 'no-effect';

/** Favourable (positive, partly) or not (negative, no-effect); null for a finding that does not judge. */
export function isFavourable(v: Verdict): boolean | null {
  if (v === 'positive' || v === 'partly') return true;
  if (v === 'negative' || v === 'no-effect') return false;
  return null;
}

/**
 * A finding *states* an aspect (for coverage: "an evaluation states its effectiveness") when it
 * comes from an evaluation and judges that aspect. The same test decides whether a scope's verdict
 * has an evaluation behind it, so coverage and verdicts cannot disagree.
 */
export const statesAspect = (f: Finding, aspect: Aspect, fromEvaluation: boolean): boolean => fromEvaluation && f.aspect === aspect && isJudgement(f.verdict);

/**
 * The outcome of weighing findings (`Weighed` in types.ts): what the strongest judging findings say
 * together. `positive`: all favourable, none only partly; `partly`: all favourable, at least one
 * partly; `negative`: all unfavourable, at least one negative; `no-effect`: all null results;
 * `mixed`: favourable and unfavourable findings at the same top strength (contested: there is no
 * tie to break, so no order of the input or of the verdicts decides); `none`: nothing judges.
 */
export interface Weighing {
  value: Weighed;
  /** The rank (see `strengthRank`) of the strongest judging findings; -1 when none judges. */
  rank: number;
  /** The judging findings at that rank: exactly the evidence for `value`. */
  decisive: Finding[];
  /** Judging findings below that rank, outweighed by the decisive ones. */
  outweighed: Finding[];
}

/**
 * Weighs findings: the strongest judging evidence decides, and weaker evidence counts only where
 * nothing stronger judges. So an effect study with a null result outweighs weaker positive
 * indications, and a positive effect study outweighs weaker doubts. `rankOf` gives a finding's
 * strength rank (see strength.ts); findings below `floor` are passed over.
 */
export function weigh(findings: readonly Finding[], rankOf: (f: Finding, j: number) => number, floor = 0): Weighing {
  let rank = -1;
  let judging = 0;
  let favourable = 0;
  let partly = 0;
  let negative = 0;
  let nulls = 0;
  const ranks = takeRanks(findings.length);
  for (let j = 0; j < findings.length; j++) {
    const f = findings[j]!;
    const fav = isFavourable(f.verdict);
    // NaN marks a finding that does not judge or is passed over.
    ranks[j] = NaN;
    if (fav === null) continue;
    const r = rankOf(f, j);
    if (r < floor) continue;
    ranks[j] = r;
    judging++;
    if (r < rank) continue;
    if (r > rank) {
      rank = r;
      favourable = partly = negative = nulls = 0;
    }
    if (fav) {
      favourable++;
      if (f.verdict === 'partly') partly++;
    } else if (f.verdict === 'negative') negative++;
    else nulls++;
  }
  if (rank < 0) {
    spareRanks = ranks;
    return { value: 'none', rank, decisive: [], outweighed: [] };
  }
  const value: Weighed =
    favourable > 0 && negative + nulls > 0 ? 'mixed' : favourable > 0 ? (partly > 0 ? 'partly' : 'positive') : negative > 0 ? 'negative' : 'no-effect';
  // Both lists at their exact size, from ranks kept in a reused buffer: weigh allocated 34 MB of
  // push-grown lists per analysis at 100k instruments.
  const top = favourable + negative + nulls;
  const decisive = new Array<Finding>(top);
  const outweighed = new Array<Finding>(judging - top);
  for (let j = 0, d = 0, o = 0; j < findings.length; j++) {
    const r = ranks[j]!;
    if (r === rank) decisive[d++] = findings[j]!;
    else if (!Number.isNaN(r)) outweighed[o++] = findings[j]!;
  }
  spareRanks = ranks;
  return { value, rank, decisive, outweighed };
}

let spareRanks: Float64Array | null = new Float64Array(64);
/** A buffer for `n` ranks: the spare one, unless a `rankOf` that weighs in turn holds it. */
function takeRanks(n: number): Float64Array {
  const ranks = spareRanks !== null && spareRanks.length >= n ? spareRanks : new Float64Array(Math.max(n, 64));
  spareRanks = null;
  return ranks;
}
