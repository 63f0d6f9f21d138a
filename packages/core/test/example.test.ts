import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze, parseReview, parseReviewOrThrow, type Review } from '../src/index.js';
import { examplePath } from './helpers.js';
import { brokenCopies } from './broken-copies.js';

const text = readFileSync(examplePath, 'utf8');
const review: Review = parseReviewOrThrow(text, { file: 'review.yaml' });

describe('the bundled NCTV 36.2 example', () => {
  it('validates without problems or warnings', () => {
    const r = parseReview(text, { file: 'review.yaml' });
    expect(r.ok && r.warnings).toEqual([]);
  });

  it('holds the policy tree of the seed: three domains, nine objectives (3, 2, 4)', () => {
    expect(review.policyTree.domains.map((d) => d.id)).toEqual(['ct', 'nvc', 'cs']);
    const top = review.policyTree.objectives.filter((o) => !o.parent);
    const per = (d: string) => top.filter((o) => o.domain === d).length;
    expect([per('ct'), per('nvc'), per('cs')]).toEqual([3, 2, 4]);
    expect(review.policyTree.objectives.filter((o) => o.parent).length).toBeGreaterThanOrEqual(20);
  });

  it('holds every visible instrument row, numbered per domain as printed', () => {
    const domainOf = new Map(review.policyTree.objectives.map((o) => [o.id, o.domain]));
    const count = (d: string) => review.instruments.filter((i) => domainOf.get(i.objective) === d).length;
    expect([count('ct'), count('nvc'), count('cs')]).toEqual([33, 21, 16]);
    for (const i of review.instruments) expect(i.realisation.evidence ?? i.notes, i.id).toBeTruthy();
    expect(review.instruments.find((i) => i.id === 'nvc-i11')!.name).toMatch(/BDUR/);
  });

  it('has the apparatus expenditure of Tabel 2 and the out-of-scope reinforcement', () => {
    const apparatus = review.budgetLines.filter((l) => l.kind === 'apparatus');
    const total = (year: number) => apparatus.flatMap((l) => l.expenditures).filter((e) => e.year === year).reduce((s, e) => s + (e.amount ?? NaN), 0);
    expect([total(2013), total(2014), total(2015)]).toEqual([35125, 34117, 38002]);
    const oos = review.budgetLines.filter((l) => l.kind === 'out-of-scope');
    // A structural package decided in 2015, rising in later years, mostly outside 36.2: no year's realisation is given.
    const reinforcement = oos.find((l) => l.id === 'versterkingsgelden-veiligheidsketen')!;
    expect(reinforcement.name).toContain('€ 128,8 mln. structureel');
    expect(reinforcement.notes).toContain('oplopende reeks');
    expect(reinforcement.expenditures.map((e) => e.amount)).toEqual([null]);
    const programme = review.budgetLines.filter((l) => l.kind === 'programme');
    expect(programme.map((l) => l.id)).toEqual(expect.arrayContaining(['bdur', 'ifv', 'nl-alert']));
    // The programme table did not survive the extraction: its amounts are unknown, never 0.
    expect(programme.flatMap((l) => l.expenditures.map((e) => e.amount)).every((a) => a === null)).toBe(true);
  });

  it('cites its evaluations, classified ones included', () => {
    expect(review.sources.length).toBeGreaterThan(50);
    expect(review.sources.some((s) => s.classification !== 'public')).toBe(true);
    expect(review.findings.length).toBeGreaterThan(30);
    expect(review.rpeAnswers.map((a) => a.question)).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));
    expect(review.recommendations.length).toBeGreaterThanOrEqual(4);
  });
});

describe('the analysis reproduces the seed’s own verdicts', () => {
  const a = analyze(review);
  const domain = (id: string) => a.verdicts.domains.find((v) => v.scope.id === id)!;

  it('efficiency is not determinable in any of the three domains, with reasons and evidence', () => {
    for (const d of ['ct', 'nvc', 'cs']) {
      expect(domain(d).efficiency.value).toBe('not-determinable');
      expect(domain(d).efficiency.reasons.join(' ')).toMatch(/\(a\) No cost is attributed to any of at least \d+ deployed instruments; the budget lines and their amounts are not all known/);
      expect(domain(d).efficiency.missing).toContain('cost');
      expect(domain(d).efficiency.evidence.length).toBeGreaterThan(0);
    }
  });

  it('most instruments were realised', () => {
    expect(a.realisation.article.realised.share!).toBeGreaterThan(0.5);
    for (const d of ['ct', 'nvc', 'cs']) expect(['realised', 'mostly-realised']).toContain(domain(d).realisation.value);
  });

  it('most instruments have no labelled expenditure', () => {
    expect(a.costAttribution.withoutCost.length / review.instruments.length).toBeGreaterThan(0.9);
  });

  it('the BDUR is the dominant programme line, from the text since the amounts are lost', () => {
    expect(a.expenditure.dominantLine).toMatchObject({ line: 'bdur', share: null });
    expect(a.expenditure.dominantLine!.reasons.join(' ')).toContain('overgrote deel');
  });

  it('effectiveness is at most plausible in counter-terrorism', () => {
    expect(['plausible', 'not-determinable']).toContain(domain('ct').effectiveness.value);
    expect(domain('ct').effectiveness.counts.demonstrated).toBe(0);
  });

  it('the vital-infrastructure instruments have no evaluation of their contribution', () => {
    const vital = review.instruments.filter((i) => i.objective.startsWith('nvc-2'));
    expect(vital.length).toBeGreaterThan(0);
    const cov = new Map(a.coverage.instruments.map((r) => [r.id, r]));
    for (const i of vital) expect(cov.get(i.id)!.effectiveness, i.id).toBe(false);
  });

  it('RPE questions 14 and 15 are answered in the policy response, not in the report', () => {
    expect(a.rpe.answeredElsewhere).toEqual([14, 15]);
    expect(a.rpe.items.filter((i) => i.question >= 14).map((i) => i.status)).toEqual(['policy-response', 'policy-response']);
  });
});

describe("the review's own savings chapter, in the policy response", () => {
  it('is encoded as the text states it: about 20%, by the NCTV and FEZ, base, base year and options not in the source', () => {
    expect(review.savingsChapter).toMatchObject({ percent: 20, base: null, baseYear: null, options: [], citation: { location: 'Inleiding (p. 15); Samenvatting, Hoofdstuk 6 (p. 13)' } });
    expect(review.savingsChapter!.author).toMatch(/^NCTV en directie Financieel Economische Zaken/);
    expect(review.savingsChapter!.text).toContain('-/- circa 20% van de middelen op het (de) beleidsartikel(en)');
  });

  it("stands beside polev's variants, its base, target and savings unknown, never 0", () => {
    for (const lang of ['en', 'nl'] as const) {
      const s = analyze(review, { lang }).savings;
      expect(s.review).toMatchObject({ percent: 20, base: null, baseYear: null, options: [], target: null, shortfall: null, total: { amount: null } });
      expect(s.comparison).toEqual([
        { method: 'across-the-board', target: null, saved: null, shortfall: null },
        { method: 'evidence-ranked', target: null, saved: null, shortfall: null },
        { method: 'review', target: null, saved: null, shortfall: null },
      ]);
      expect(s.review!.reasons).toEqual(
        lang === 'en'
          ? [
              "The review's own savings chapter (by NCTV en directie Financieel Economische Zaken (DFEZ) van het ministerie van JenV): 20% of a base it does not give.",
              "The file records none of the chapter's options: which options it describes, and what they save, is unknown here.",
            ]
          : [
              'Het eigen besparingshoofdstuk van de doorlichting (door NCTV en directie Financieel Economische Zaken (DFEZ) van het ministerie van JenV): 20% van een basis die het niet geeft.',
              'Het bestand legt geen van de opties uit het hoofdstuk vast: welke opties het beschrijft en wat die besparen, is hier onbekend.',
            ],
      );
      expect(s.reasons.join(' ')).not.toMatch(/holds no savings chapter|geen eigen besparingshoofdstuk/);
    }
  });
});

describe('broken copies of the example report every problem at its line', () => {
  for (const copy of brokenCopies(text)) {
    it(copy.name, () => {
      const r = parseReview(copy.text, { file: 'broken.yaml' });
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.problems.map((p) => ({ path: p.path, line: p.line, code: p.code }))).toEqual(copy.expected);
    });
  }
  it('the copies break the example exactly at the lines the test expects', () => {
    const tokens: Record<string, string> = { 'dangling-reference': 'objective: ', schema: '"', 'out-of-period': 'year: ' };
    for (const copy of brokenCopies(text)) for (const e of copy.expected) expect(copy.text.split('\n')[e.line - 1]).toContain(tokens[e.code]);
  });
});

