import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze, Review, type Assessment } from '../src/index.js';
import { syntheticReview } from '../src/testing/index.js';

const reviewArb = fc
  .record({ instruments: fc.integer({ min: 0, max: 60 }), seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }) })
  .map((o) => Review.parse(syntheticReview(o)));

/** Every {count,total,share} and every *Share number in the assessment. */
function shares(x: unknown, out: number[] = []): number[] {
  if (Array.isArray(x)) x.forEach((v) => shares(v, out));
  else if (x && typeof x === 'object') {
    for (const [k, v] of Object.entries(x)) {
      if ((k === 'share' || (k.endsWith('Share') && k !== 'changeShare')) && typeof v === 'number') out.push(v);
      else shares(v, out);
    }
  }
  return out;
}

/** Order-insensitive form: arrays sorted by their canonical JSON. */
function canonical(x: unknown): unknown {
  if (Array.isArray(x)) return x.map(canonical).sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
  if (x && typeof x === 'object') return Object.fromEntries(Object.entries(x).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, canonical(v)]));
  return x;
}

const shuffle = <T,>(xs: readonly T[], seed: number): T[] => {
  const a = [...xs];
  let s = seed;
  for (let i = a.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    const j = s % (i + 1);
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
};

describe('properties of analyze', () => {
  it('keeps every share within [0, 1]', () => {
    fc.assert(
      fc.property(reviewArb, (r) => {
        for (const s of shares(analyze(r))) expect(s >= 0 && s <= 1).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('makes totals equal the sums of their parts', () => {
    fc.assert(
      fc.property(reviewArb, (r) => {
        const a: Assessment = analyze(r);
        const e = a.expenditure;
        const prog = e.programmeByYear.reduce((s, y) => s + y.total.known, 0);
        expect(e.byKind.programme.known).toBeCloseTo(prog, 6);
        expect(e.byKind.programme.unknownParts).toBe(e.programmeByYear.reduce((s, y) => s + y.total.unknownParts, 0));
        const lines = e.lines.filter((l) => l.kind === 'programme').reduce((s, l) => s + l.total.known, 0);
        expect(e.byKind.programme.known).toBeCloseTo(lines, 6);
        const art = a.realisation.article;
        expect(Object.values(art.byStatus).reduce((s, n) => s + n, 0)).toBe(art.realised.total);
        expect(a.realisation.domains.reduce((s, d) => s + d.realised.total, 0)).toBe(art.realised.total);
        const c = a.verdicts.article.effectiveness.counts;
        expect(Object.values(c).reduce((s, n) => s + n, 0)).toBe(r.instruments.length);
      }),
      { numRuns: 60 },
    );
  });

  it('never lowers evidence strength when an effect evaluation is added', () => {
    fc.assert(
      fc.property(reviewArb.filter((r) => r.instruments.length > 0), fc.nat(), fc.constantFrom('positive', 'negative', 'inconclusive'), (r, k, verdict) => {
        const target = r.instruments[k % r.instruments.length]!.id;
        const before = analyze(r);
        const more: Review = {
          ...r,
          sources: [...r.sources, { id: 'added-eval', title: 'Added effect evaluation', type: 'effect', classification: 'public' }],
          findings: [...r.findings, { id: 'added-finding', origin: 'source', sources: [{ source: 'added-eval' }], subjects: [target], aspect: 'effectiveness', verdict, strength: 'effect', statement: 'added', classification: 'public' }],
        };
        const after = analyze(more);
        const rank = ['none', 'realisation', 'plausibility', 'process', 'effect'];
        for (let i = 0; i < r.instruments.length; i++) {
          expect(rank.indexOf(after.evidence.instruments[i]!.strength)).toBeGreaterThanOrEqual(rank.indexOf(before.evidence.instruments[i]!.strength));
        }
        // Evidence strength is that of judging findings (judgement.ts): an inconclusive study judges nothing.
        if (verdict !== 'inconclusive') expect(after.evidence.instruments.find((e) => e.instrument === target)!.strength).toBe('effect');
      }),
      { numRuns: 40 },
    );
  });

  it('gives the same result whatever the order of the input', () => {
    fc.assert(
      fc.property(reviewArb, fc.integer({ min: 1, max: 1e6 }), (r, seed) => {
        const shuffled: Review = {
          ...r,
          policyTree: { ...r.policyTree, objectives: shuffle(r.policyTree.objectives, seed) },
          instruments: shuffle(r.instruments, seed + 1),
          budgetLines: shuffle(r.budgetLines, seed + 2).map((l) => ({ ...l, expenditures: shuffle(l.expenditures, seed + 3), instruments: shuffle(l.instruments, seed + 4) })),
          sources: shuffle(r.sources, seed + 5),
          findings: shuffle(r.findings, seed + 6).map((f) => ({ ...f, subjects: shuffle(f.subjects, seed + 7) })),
          indicators: shuffle(r.indicators, seed + 8),
          rpeAnswers: shuffle(r.rpeAnswers, seed + 9),
        };
        expect(canonical(analyze(shuffled))).toEqual(canonical(analyze(r)));
      }),
      { numRuns: 40 },
    );
  });
});
