import type { ReviewInput } from '../model/review.js';

/**
 * A deterministic synthetic review of any size, for benchmarks and property tests. Seeded, so
 * the same arguments always give the same review; proportions follow the NCTV 36.2 review: a few
 * domains, about ten instruments per objective, one evaluation per five instruments, a finding for
 * half of the instruments, and most instruments without money of their own.
 */
export interface SyntheticOptions {
  instruments: number;
  seed?: number;
  /** Review period; default 2016–2020. */
  period?: { start: number; end: number };
  /**
   * Richer money, for property tests of cost attribution: lines financing several instruments
   * across domains (with and without shares), apparatus lines linked to instruments and booked on
   * another article, lines of unknown kind, programme lines on an article the review does not
   * cover, and budget phases. Off by default, so that benchmarks keep their workload.
   */
  money?: boolean;
}

export function syntheticReview({ instruments: n, seed = 1, period = { start: 2016, end: 2020 }, money = false }: SyntheticOptions): ReviewInput {
  let state = seed >>> 0 || 1;
  const rnd = () => {
    // xorshift32: fast, seedable, good enough for test data.
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));

  const domainCount = Math.max(1, Math.min(12, Math.ceil(n / 2000) + 2));
  const domains = Array.from({ length: domainCount }, (_, d) => ({ id: `d${d + 1}`, name: `Domain ${d + 1}`, goal: `Goal of domain ${d + 1}` }));
  const objectiveCount = Math.max(1, Math.ceil(n / 10));
  const objectives: NonNullable<ReviewInput['policyTree']['objectives']> = [];
  for (let o = 0; o < objectiveCount; o++) {
    const domain = domains[o % domainCount]!.id;
    // Like real policy trees, shallow: a third are top-level objectives, the rest sub-objectives of
    // a top-level objective of the same domain (the first objectives of each domain).
    const roots = Math.max(domainCount, Math.ceil(objectiveCount / 3));
    const parentIndex = o - domainCount * (1 + Math.floor(rnd() * Math.max(1, Math.floor(o / domainCount))));
    const parent = o >= roots && parentIndex >= 0 && parentIndex < roots ? `o${parentIndex + 1}` : null;
    objectives.push({
      id: `o${o + 1}`,
      domain,
      parent,
      text: rnd() < 0.3 ? `Reduce incidents in area ${o + 1} by ${int(5, 40)}% by ${period.end}` : `Versterken van de weerbaarheid in sector ${o + 1}`,
      ...(rnd() < 0.2 ? { smart: { indicator: 'incidents per year', baseline: `${int(50, 200)}`, target: `${int(10, 49)}`, deadline: `${period.end}` } } : {}),
    });
  }
  const statuses = ['realised', 'realised', 'realised', 'partly', 'ongoing', 'not-realised', 'realised-after-period', 'pilot', 'unknown'] as const;
  const kinds = ['regulation', 'financial', 'communication', 'organisation', 'network', 'research', 'other'] as const;
  const instruments = Array.from({ length: n }, (_, i) => {
    const status = pick(statuses);
    return {
      id: `i${i + 1}`,
      number: `${i + 1}`,
      name: `Instrument ${i + 1}`,
      intent: `What instrument ${i + 1} is meant to achieve`,
      objective: `o${(i % objectiveCount) + 1}`,
      role: pick(['directing', 'guiding', 'facilitating', null] as const),
      kind: pick(kinds),
      realisation: { status, evidence: status === 'unknown' ? null : `Realisation of instrument ${i + 1} documented`, date: null },
      classification: rnd() < 0.03 ? ('secret' as const) : ('public' as const),
    };
  });
  const types = ['effect', 'process', 'strategy', 'inspection', 'audit', 'incident', 'monitor', 'research', 'progress-report', 'policy-document'] as const;
  const sourceCount = Math.max(1, Math.ceil(n / 5));
  const sources = Array.from({ length: sourceCount }, (_, s) => ({
    id: `s${s + 1}`,
    title: `Evaluation ${s + 1}`,
    type: pick(types),
    author: `Author ${int(1, 50)}`,
    date: `${int(period.start, period.end)}`,
    classification: rnd() < 0.05 ? ('secret' as const) : ('public' as const),
  }));
  const aspects = ['realisation', 'effectiveness', 'effectiveness', 'efficiency', 'side-effects', 'goal-achievement'] as const;
  const strengths = ['none', 'realisation', 'plausibility', 'plausibility', 'process', 'effect'] as const;
  const verdicts = ['positive', 'partly', 'negative', 'inconclusive', 'not-assessed'] as const;
  const findings = Array.from({ length: Math.ceil(n / 2) }, (_, f) => {
    const aspect = pick(aspects);
    const subjects =
      aspect === 'goal-achievement' ? [`o${int(1, objectiveCount)}`] : rnd() < 0.1 ? [`d${int(1, domainCount)}`] : Array.from({ length: int(1, 3) }, () => `i${int(1, n)}`);
    const source = rnd() < 0.9 ? `s${int(1, sourceCount)}` : null;
    return {
      id: `f${f + 1}`,
      origin: source === null ? ('review' as const) : ('source' as const),
      sources: source === null ? [] : [{ source }],
      subjects: [...new Set(subjects)],
      aspect,
      verdict: pick(verdicts),
      strength: pick(strengths),
      statement: `Finding ${f + 1}`,
    };
  });
  const years: number[] = [];
  for (let y = period.start; y <= period.end; y++) years.push(y);
  const lineCount = Math.max(1, Math.ceil(n / 8));
  const budgetLines: NonNullable<ReviewInput['budgetLines']> = Array.from({ length: lineCount }, (_, l) => {
    const kind = l === 0 ? ('programme' as const) : pick(['programme', 'programme', 'programme', 'apparatus', 'receipts'] as const);
    return {
      id: `l${l + 1}`,
      name: `Line ${l + 1}`,
      kind,
      article: '1.1',
      instruments: kind === 'programme' && rnd() < 0.5 ? [...new Set(Array.from({ length: int(1, 2) }, () => `i${int(1, n)}`))] : [],
      expenditures: years.map((year) => ({ year, amount: rnd() < 0.1 ? null : l === 0 ? int(100_000, 200_000) : int(10, 5000) })),
    };
  });
  if (money) {
    const kinds = ['programme', 'programme', 'apparatus', 'unknown', 'receipts'] as const;
    for (let l = 0; l < Math.max(4, Math.ceil(n / 4)); l++) {
      const kind = pick(kinds);
      const instruments = [...new Set(Array.from({ length: int(1, 4) }, () => `i${int(1, n)}`))];
      const style = rnd();
      // A third with fractions (adding up to at most 1, but a few that cannot be true), a sixth with amounts, the rest joint.
      const shares =
        style < 0.33
          ? instruments.map((instrument) => ({ instrument, fraction: style < 0.05 ? 0.6 : Math.floor((1 / instruments.length) * int(50, 100)) / 100 }))
          : style < 0.5
            ? instruments.slice(0, -1).map((instrument) => ({ instrument, amount: int(1, 10) }))
            : undefined;
      budgetLines.push({
        id: `m${l + 1}`,
        name: `Money line ${l + 1}`,
        kind,
        // Apparatus often on the ministry's own article; some programme money on an article the review does not cover.
        article: kind === 'apparatus' ? '91' : rnd() < 0.15 ? '2.3' : rnd() < 0.5 ? '1.1' : null,
        instruments,
        ...(shares ? { shares } : {}),
        expenditures: years.map((year) => ({
          year,
          amount: rnd() < 0.15 ? null : int(10, 5000),
          ...(rnd() < 0.3 ? { budgeted: { adopted: rnd() < 0.1 ? null : int(10, 5000), ...(rnd() < 0.5 ? { secondSupplementary: int(10, 5000) } : {}) } } : {}),
        })),
      });
    }
  }
  const indicators = Array.from({ length: Math.ceil(n / 20) }, (_, x) => ({
    id: `x${x + 1}`,
    name: `Indicator ${x + 1}`,
    value: rnd() < 0.2 ? null : int(0, 1000),
    unit: 'count',
    referenceDate: `${period.end}-12-31`,
    subjects: [`o${int(1, objectiveCount)}`],
  }));
  return {
    schemaVersion: 2,
    id: `synthetic-${n}`,
    title: `Synthetic review with ${n} instruments`,
    language: 'en',
    ministry: { name: 'Ministry of Synthesis', abbreviation: 'MinSyn' },
    budgetChapter: 'I',
    budgetArticles: [{ number: '1.1', title: 'Synthetic article' }],
    period,
    rpeVersion: '2015',
    performedBy: 'Generator',
    method: 'synthesis',
    policyTree: { mainGoal: { text: 'A synthetic main goal' }, domains, objectives },
    instruments,
    budgetLines,
    sources,
    findings,
    indicators,
    rpeAnswers: Array.from({ length: 13 }, (_, q) => ({ question: q + 1, status: 'report' as const, location: `§${q + 1}` })),
    conclusions: [],
    recommendations: [],
  };
}
