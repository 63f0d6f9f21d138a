import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze, Review, type Sum } from '../src/index.js';
import { syntheticReview } from '../src/testing/index.js';
import { nonFinite } from './helpers.js';

/**
 * On generated reviews with shared lines (with and without shares), staff time on another article,
 * lines of unknown kind and lines on articles the review does not cover: no total for an
 * instrument, objective or domain exceeds the article's, and every euro is counted once.
 */
const reviewArb = fc
  .record({ instruments: fc.integer({ min: 1, max: 80 }), seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }) })
  .map((o) => Review.parse(syntheticReview({ ...o, money: true })));

// Money is rounded to whole euros per part: allow a euro (0.001 x €1,000) per part added.
const within = (part: number, whole: number, parts: number) => part <= whole + 0.001 * Math.max(1, parts);

describe('properties of cost attribution', () => {
  it('no instrument, objective or domain is attributed more than the article, and the domains together neither', () => {
    fc.assert(
      fc.property(reviewArb, (r) => {
        const c = analyze(r).costAttribution;
        const article = c.scopes.article.attributed.known;
        const n = r.instruments.length + r.budgetLines.length;
        for (const [id, x] of Object.entries(c.instruments)) expect(within(x.amount?.known ?? 0, article, n), id).toBe(true);
        for (const s of [...c.scopes.objectives, ...c.scopes.domains]) expect(within(s.attributed.known, article, n), s.scope).toBe(true);
        const domains = c.scopes.domains.reduce((t, d) => t + d.attributed.known, 0);
        expect(within(domains, article, n)).toBe(true);
        const own = Object.values(c.instruments).reduce((t, x) => t + (x.amount?.known ?? 0), 0);
        expect(within(own, article, n)).toBe(true);
        // Top-level objectives of a domain are disjoint too.
        for (const d of c.scopes.domains) {
          const roots = r.policyTree.objectives.filter((o) => o.domain === d.scope && !o.parent);
          const sum = roots.reduce((t, o) => t + c.scopes.objectives.find((s) => s.scope === o.id)!.attributed.known, 0);
          expect(within(sum, d.attributed.known, n), d.scope).toBe(true);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('no objective or domain has more realisation money (step 2) than the article, nor the domains together; each is its attributed cost', () => {
    fc.assert(
      fc.property(reviewArb, (r) => {
        const a = analyze(r);
        const v = a.verdicts;
        const article = v.article.realisation.money.known;
        const n = r.instruments.length + r.budgetLines.length;
        expect(within(article, a.costAttribution.scopes.article.attributed.known, n)).toBe(true);
        const costs = new Map([...a.costAttribution.scopes.domains, ...a.costAttribution.scopes.objectives].map((c) => [c.scope, c]));
        for (const s of [...v.objectives, ...v.domains]) {
          const m = s.realisation.money;
          expect(within(m.known, article, n), s.scope.id).toBe(true);
          expect(m.known, s.scope.id).toBe(costs.get(s.scope.id)!.attributed.known);
          // A joint cost shared across the border is an unknown part, never a figure.
          if (costs.get(s.scope.id)!.sharedWithOtherScopes.lines.length) expect(m.amount, s.scope.id).toBeNull();
        }
        const domains = v.domains.reduce((t, d) => t + d.realisation.money.known, 0);
        expect(within(domains, article, n)).toBe(true);
        for (const d of v.domains) {
          const roots = r.policyTree.objectives.filter((o) => o.domain === d.scope.id && !o.parent);
          const sum = roots.reduce((t, o) => t + v.objectives.find((s) => s.scope.id === o.id)!.realisation.money.known, 0);
          expect(within(sum, d.realisation.money.known, n), d.scope.id).toBe(true);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('coverage by money counts each euro of the article once: no scope, nor the domains together, holds more than the article, nor covered more than it holds', () => {
    fc.assert(
      fc.property(reviewArb, (r) => {
        const c = analyze(r).coverage;
        const n = r.instruments.length + r.budgetLines.length;
        const article = c.article.money.total;
        for (const s of [c.article, ...c.domains, ...c.objectives]) {
          expect(within(s.money.total, article, n), s.scope.id).toBe(true);
          for (const part of [s.money.evaluated, s.money.effectiveness, s.money.efficiency]) expect(within(part, s.money.total, n), s.scope.id).toBe(true);
        }
        expect(within(c.domains.reduce((t, d) => t + d.money.total, 0), article, n)).toBe(true);
        expect(within(c.domains.reduce((t, d) => t + d.money.evaluated, 0), c.article.money.evaluated, n)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('each cost line is split exactly: its parts add up to the line, and the article holds no more than its cost lines', () => {
    fc.assert(
      fc.property(reviewArb, (r) => {
        const c = analyze(r).costAttribution;
        let lines = 0;
        for (const l of c.lines) {
          const parts: Sum[] = [...l.direct.map((d) => d.amount), ...(l.joint ? [l.joint.amount] : []), l.unattributed];
          const known = parts.reduce((t, p) => t + p.known, 0);
          expect(Math.abs(known - l.total.known) <= 0.001 * parts.length, l.line).toBe(true);
          lines += l.total.known;
        }
        expect(within(c.scopes.article.attributed.known, lines, c.lines.length)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('money on articles the review does not cover enters no total, and no output holds Infinity or NaN', () => {
    fc.assert(
      fc.property(reviewArb, (r) => {
        const a = analyze(r);
        const outside = new Set(a.expenditure.outsideArticle.map((o) => o.line));
        for (const l of a.expenditure.lines) expect(outside.has(l.line)).toBe(false);
        for (const l of a.costAttribution.lines) expect(outside.has(l.line)).toBe(false);
        for (const c of a.savings.options.flatMap((o) => o.cuts)) expect(outside.has(c.line)).toBe(false);
        expect(nonFinite(a)).toEqual([]);
        if (a.savings.target !== null) for (const o of a.savings.options) expect(within(o.saved ?? 0, a.savings.target, o.cuts.length)).toBe(true);
      }),
      { numRuns: 40 },
    );
  });
});
