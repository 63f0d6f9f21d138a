import { describe, expect, it } from 'vitest';
import { analyze, moneyWarnings, parseReview, type AnalysisLang, type ReviewInput } from '../src/index.js';
import { instrument, makeReview, source } from './builders.js';
import { nonFinite } from './helpers.js';

/**
 * Money that adds up (issue 11): shared lines and joint costs, staff time, budget phases, the
 * savings variant, the scope of money and sane amounts. Each rule is tested in both languages
 * where it writes a sentence.
 */

type Verdict = 'positive' | 'partly' | 'negative' | 'inconclusive' | 'not-assessed' | 'no-effect';
const effect = (id: string, subject: string, verdict: Verdict, strength: 'plausibility' | 'process' | 'effect' = 'effect', src = 's1') => ({
  id,
  origin: 'source' as const,
  sources: [{ source: src }],
  subjects: [subject],
  aspect: 'effectiveness' as const,
  strength,
  verdict,
  statement: `statement ${id}`,
});

type Lines = NonNullable<ReviewInput['budgetLines']>;
const line = (id: string, kind: Lines[number]['kind'], amounts: Record<number, number | null>, extra: Partial<Lines[number]> = {}): Lines[number] => ({
  id,
  name: `Line ${id}`,
  kind,
  expenditures: Object.entries(amounts).map(([year, amount]) => ({ year: Number(year), amount })),
  ...extra,
});

// Two domains, an objective in each; i1 and i3 in d1, i2 in d2.
const twoDomains = {
  domains: [
    { id: 'd1', name: 'Domain one' },
    { id: 'd2', name: 'Domain two' },
  ],
  objectives: [
    { id: 'o1', domain: 'd1', text: 'Reduce incidents by 10% by 2022 compared with 2019.' },
    { id: 'o2', domain: 'd2', text: 'Reduce fraud by 5% by 2022 compared with 2019.' },
  ],
  instruments: [instrument('i1', 'o1'), instrument('i2', 'o2'), instrument('i3', 'o1')],
};

describe('shared lines: a line financing several instruments is never counted in full for each', () => {
  const shared = line('a', 'programme', { 2021: 3000 }, { instruments: ['i1', 'i2'] });
  const own = line('b', 'programme', { 2021: 1800 }, { instruments: ['i3'] });

  it('without shares the cost is joint: 4,800 attributable, not 7,800', () => {
    const c = analyze(makeReview({ ...twoDomains, budgetLines: [shared, own] })).costAttribution;
    expect(c.instruments.i1).toMatchObject({ status: 'joint', amount: null, joint: [{ line: 'a', with: ['i1', 'i2'], amount: { amount: 3000 } }] });
    expect(c.instruments.i2!.status).toBe('joint');
    expect(c.instruments.i3).toMatchObject({ status: 'amount', amount: { amount: 1800 } });
    const own3 = [c.instruments.i1, c.instruments.i2, c.instruments.i3].reduce((s, x) => s + (x!.amount?.known ?? 0), 0);
    expect(own3).toBe(1800);
    expect(c.scopes.article.attributed.amount).toBe(4800);
    expect(c.scopes.article.joint!.amount).toBe(3000);
    const [d1, d2] = c.scopes.domains;
    // The joint line crosses the domains' border: reported as shared, counted in neither.
    expect(d1).toMatchObject({ attributed: { amount: 1800 }, sharedWithOtherScopes: { amount: { amount: 3000 }, lines: ['a'] } });
    expect(d2).toMatchObject({ attributed: { amount: 0 }, sharedWithOtherScopes: { lines: ['a'] } });
    expect(c.jointOnly).toEqual(['i1', 'i2']);
    expect(c.withCost.count).toBe(1);
  });

  it('a joint cost whose group lies inside a scope counts for that scope', () => {
    const inside = line('c', 'programme', { 2021: 600 }, { instruments: ['i1', 'i3'] });
    const c = analyze(makeReview({ ...twoDomains, budgetLines: [inside] })).costAttribution;
    expect(c.scopes.domains[0]).toMatchObject({ attributed: { amount: 600 }, joint: { amount: 600 }, sharedWithOtherScopes: { lines: [] } });
    expect(c.scopes.objectives.find((o) => o.scope === 'o1')!.attributed.amount).toBe(600);
  });

  it('shares as fractions or amounts give each instrument its own cost; the rest of the line stays unattributed', () => {
    const byFraction = line('a', 'programme', { 2021: 3000 }, { instruments: ['i1', 'i2'], shares: [{ instrument: 'i1', fraction: 0.4 }, { instrument: 'i2', fraction: 0.5 }] });
    const c = analyze(makeReview({ ...twoDomains, budgetLines: [byFraction, own] })).costAttribution;
    expect(c.instruments.i1!.amount!.amount).toBe(1200);
    expect(c.instruments.i2!.amount!.amount).toBe(1500);
    expect(c.scopes.domains.map((d) => d.attributed.amount)).toEqual([3000, 1500]);
    expect(c.lines.find((l) => l.line === 'a')!.unattributed.amount).toBe(300);
    expect(c.attributableMoney).toEqual({ attributable: 4500, total: 4800, share: 4500 / 4800, unknownParts: 0 });

    const byAmount = line('a', 'programme', { 2020: 1000, 2021: 2000 }, { instruments: ['i1', 'i2'], shares: [{ instrument: 'i1', amount: 1000 }] });
    const d = analyze(makeReview({ ...twoDomains, budgetLines: [byAmount] })).costAttribution;
    // i1 has its own 1,000; i2, without a share, has the remaining 2,000 to itself.
    expect(d.instruments.i1!.amount!.amount).toBe(1000);
    expect(d.instruments.i2).toMatchObject({ status: 'amount', amount: { amount: 2000 }, joint: [] });
    expect(d.scopes.article.attributed.amount).toBe(3000);
  });

  it('shares that cannot all be true are set aside (joint) and are a located warning', () => {
    const tooMuch = line('a', 'programme', { 2021: 3000 }, { instruments: ['i1', 'i2'], shares: [{ instrument: 'i1', fraction: 0.8 }, { instrument: 'i2', fraction: 0.7 }] });
    const review = makeReview({ ...twoDomains, budgetLines: [tooMuch] });
    const c = analyze(review).costAttribution;
    expect(c.instruments.i1!.status).toBe('joint');
    expect(c.lines[0]!.sharesIgnored).toContain('150%');
    expect(c.scopes.article.attributed.amount).toBe(3000);
    expect(moneyWarnings(review)).toEqual([expect.objectContaining({ code: 'inconsistent', severity: 'warning', path: ['budgetLines', 0, 'shares'] })]);
  });
});

describe('realisation money (step 2) reads the attribution: a shared line never counts in full for each scope', () => {
  const shared = line('a', 'programme', { 2021: 3000 }, { instruments: ['i1', 'i2'] });
  const own = line('b', 'programme', { 2021: 1800 }, { instruments: ['i3'] });

  it("a joint line across two domains is an unknown part of each domain's money, counted once for the article", () => {
    for (const lang of ['en', 'nl'] as AnalysisLang[]) {
      const a = analyze(makeReview({ ...twoDomains, budgetLines: [shared, own] }), { lang });
      const [d1, d2] = a.verdicts.domains.map((d) => d.realisation);
      // Not 4,800 and 3,000 (7,800 together, while the article has 4,800).
      expect(d1!.money).toEqual({ amount: null, known: 1800, unknownParts: 1 });
      expect(d2!.money).toEqual({ amount: null, known: 0, unknownParts: 1 });
      expect(a.verdicts.article.realisation.money).toEqual({ amount: 4800, known: 4800, unknownParts: 0 });
      expect(a.verdicts.article.realisation.money.known).toBe(a.costAttribution.scopes.article.attributed.known);
      // The reasons say which line is joint and that it is not split; the evidence names every line they cite.
      expect(d1!.reasons.slice(1)).toEqual(
        lang === 'en'
          ? [
              'Programme line b finances these instruments: €1.8 million over the period.',
              "Line a finances them jointly with instruments outside this scope, without shares (€3 million together): that joint cost is not split, so an unknown part of it is this scope's, never the whole.",
            ]
          : [
              'De programmaregel b financiert deze instrumenten: € 1,8 miljoen over de periode.',
              'De regel a financiert ze samen met instrumenten buiten dit onderdeel, zonder verdeling (samen € 3 miljoen): die gezamenlijke kosten zijn niet verdeeld, dus hoort een onbekend deel ervan bij dit onderdeel, nooit het geheel.',
            ],
      );
      expect(d2!.reasons[1]).toMatch(lang === 'en' ? /^No line finances these instruments alone\. Line a finances them jointly/ : /^Geen regel financiert deze instrumenten alleen\. De regel a financiert ze samen/);
      expect(d1!.evidence).toEqual(['a', 'b', 'i1', 'i3']);
      expect(d2!.evidence).toEqual(['a', 'i2']);
      expect(a.verdicts.article.realisation.evidence).toEqual(['a', 'b', 'i1', 'i2', 'i3']);
      expect(a.verdicts.article.realisation.reasons.join(' ')).not.toMatch(/jointly|samen met instrumenten buiten/);
    }
  });

  it('shares give each scope its own part; a joint line inside one objective counts there in full, once', () => {
    const byFraction = line('a', 'programme', { 2021: 3000 }, { instruments: ['i1', 'i2'], shares: [{ instrument: 'i1', fraction: 0.4 }, { instrument: 'i2', fraction: 0.5 }] });
    const inside = line('c', 'programme', { 2021: 600 }, { instruments: ['i1', 'i3'] });
    const a = analyze(makeReview({ ...twoDomains, budgetLines: [byFraction, inside] }));
    expect(a.verdicts.domains.map((d) => d.realisation.money)).toEqual([
      { amount: 1800, known: 1800, unknownParts: 0 },
      { amount: 1500, known: 1500, unknownParts: 0 },
    ]);
    expect(a.verdicts.objectives.find((o) => o.scope.id === 'o1')!.realisation.money.amount).toBe(1800);
    // The 10% of line a no instrument is named for is no instrument's money.
    expect(a.verdicts.article.realisation.money.amount).toBe(3300);
  });

  it('staff time counts as the money of the instruments it is linked to; with no line linked the money is unknown, not 0', () => {
    const staff = line('staff', 'apparatus', { 2021: 500 }, { article: '91', instruments: ['i1'] });
    const a = analyze(makeReview({ ...twoDomains, budgetLines: [staff] }));
    expect(a.verdicts.domains[0]!.realisation.money).toEqual({ amount: 500, known: 500, unknownParts: 0 });
    expect(a.verdicts.domains[0]!.realisation.reasons).toContain('Budget line staff finances these instruments: €500 thousand over the period.');
    expect(a.verdicts.domains[1]!.realisation.money).toEqual({ amount: null, known: 0, unknownParts: 0 });
    expect(a.verdicts.domains[1]!.realisation.reasons).toContain('No budget line (programme money or staff time) is linked to any of these instruments: the money involved is unknown.');
    expect(a.verdicts.domains[1]!.realisation.evidence).toEqual(['i2']);
  });

  it('money on an article the review does not cover is no money of any scope', () => {
    const elsewhere = line('x', 'programme', { 2021: 900 }, { article: '12.1', instruments: ['i2'] });
    const a = analyze(makeReview({ ...twoDomains, budgetLines: [own, elsewhere] }));
    expect(a.verdicts.domains[1]!.realisation.money).toEqual({ amount: null, known: 0, unknownParts: 0 });
    expect(a.verdicts.article.realisation.money.amount).toBe(1800);
  });
});

describe('coverage by money reads the attribution: shares by their share, joint lines once, other articles never', () => {
  const evaluated = (...ids: string[]) => ({ sources: [source('s1')], findings: ids.map((id, k) => effect(`f${k}`, id, 'positive')) });
  const money = (a: ReturnType<typeof analyze>) => [a.coverage.article, ...a.coverage.domains].map((c) => [c.money.total, c.money.evaluated, c.money.evaluatedShare]);

  it('a joint line across two domains counts once, for the article, and as evaluated only when all its instruments are', () => {
    const shared = line('a', 'programme', { 2021: 3000 }, { instruments: ['i1', 'i2'] });
    const own = line('b', 'programme', { 2021: 1800 }, { instruments: ['i3'] });
    // i1 and i3 evaluated, i2 not: line a is not covered, b is.
    const a = analyze(makeReview({ ...twoDomains, ...evaluated('i1', 'i3'), completeness: { evaluations: { status: 'complete' } }, budgetLines: [shared, own] }));
    expect(money(a)).toEqual([
      [4800, 1800, 1800 / 4800],
      [1800, 1800, 1],
      [0, 0, null],
    ]);
    const all = analyze(makeReview({ ...twoDomains, ...evaluated('i1', 'i2', 'i3'), completeness: { evaluations: { status: 'complete' } }, budgetLines: [shared, own] }));
    expect(all.coverage.article.money).toMatchObject({ total: 4800, evaluated: 4800, evaluatedShare: 1 });
    // Neither domain holds the whole group: line a is in neither, never in both.
    expect(all.coverage.domains.map((d) => d.money.total)).toEqual([1800, 0]);
  });

  it('a line with shares counts by its shares; the part no instrument is named for is in the article, never covered', () => {
    const byFraction = line('a', 'programme', { 2021: 3000 }, { instruments: ['i1', 'i2'], shares: [{ instrument: 'i1', fraction: 0.4 }, { instrument: 'i2', fraction: 0.5 }] });
    const a = analyze(makeReview({ ...twoDomains, ...evaluated('i1'), completeness: { evaluations: { status: 'complete' } }, budgetLines: [byFraction] }));
    expect(money(a)).toEqual([
      [3000, 1200, 0.4],
      [1200, 1200, 1],
      [1500, 0, 0],
    ]);
  });

  it('a joint line inside one domain counts there once; money on another article and staff time never count', () => {
    const inside = line('c', 'programme', { 2021: 600 }, { instruments: ['i1', 'i3'] });
    const elsewhere = line('x', 'programme', { 2021: 900 }, { article: '12.1', instruments: ['i2'] });
    const staff = line('staff', 'apparatus', { 2021: 500 }, { article: '91', instruments: ['i2'] });
    const a = analyze(makeReview({ ...twoDomains, ...evaluated('i1', 'i2', 'i3'), completeness: { evaluations: { status: 'complete' } }, budgetLines: [inside, elsewhere, staff] }));
    expect(money(a)).toEqual([
      [600, 600, 1],
      [600, 600, 1],
      [0, 0, null],
    ]);
    expect(a.coverage.objectives.find((o) => o.scope.id === 'o1')!.money).toMatchObject({ total: 600, evaluated: 600 });
  });
});

describe('staff time: apparatus lines linked to instruments are their cost', () => {
  const staff = line('staff', 'apparatus', { 2021: 500 }, { article: '91', instruments: ['i1'] });
  const programme = line('p', 'programme', { 2021: 1000 }, { article: '1.1', instruments: ['i3'] });

  it('counts for attribution and for efficiency, and stays apart from the article programme totals', () => {
    const review = makeReview({ ...twoDomains, budgetLines: [staff, programme] });
    const a = analyze(review);
    expect(a.costAttribution.instruments.i1).toMatchObject({ status: 'amount', amount: { amount: 500 }, apparatus: { amount: 500 }, programme: null });
    expect(a.costAttribution.staffTime).toEqual({ attributable: 500, total: 500, share: 1, unknownParts: 0 });
    expect(a.costAttribution.scopes.domains[0]).toMatchObject({ attributed: { amount: 1500 }, apparatus: { amount: 500 }, programme: { amount: 1000 } });
    expect(a.expenditure.byKind.programme.amount).toBe(1000);
    expect(a.expenditure.byKind.apparatus.amount).toBe(500);
    // Apparatus on the ministry's own article is no warning: that is where it is booked.
    expect(moneyWarnings(review)).toEqual([]);
    // Efficiency no longer counts i1 among the instruments without cost.
    expect(a.costAttribution.withoutCost).toEqual(['i2']);
  });
});

describe('budget phases: budget against realisation where both exist', () => {
  it('compares the realisation with the adopted and the final budget, per line and per kind and year', () => {
    const l = {
      id: 'p',
      name: 'Programme',
      kind: 'programme' as const,
      instruments: ['i1'],
      expenditures: [
        { year: 2021, amount: 900, budgeted: { draft: 950, adopted: 1000, secondSupplementary: 920 } },
        { year: 2022, amount: null, budgeted: { adopted: 1100 } },
      ],
    };
    const e = analyze(makeReview({ ...twoDomains, budgetLines: [l] })).expenditure;
    const y = e.lines[0]!.years[0]!;
    expect(y.againstBudget).toEqual([
      { phase: 'adopted', budget: 1000, realisation: 900, difference: -100, differenceShare: -0.1 },
      { phase: 'secondSupplementary', budget: 920, realisation: 900, difference: -20, differenceShare: -20 / 920 },
    ]);
    expect(e.byKindAndYear.find((k) => k.year === 2021)!.budgeted).toEqual({ draft: { amount: 950, known: 950, unknownParts: 0 }, adopted: { amount: 1000, known: 1000, unknownParts: 0 }, secondSupplementary: { amount: 920, known: 920, unknownParts: 0 } });
    const adopted2022 = e.budgetAgainstRealisation.find((r) => r.year === 2022 && r.phase === 'adopted')!;
    // The realisation of 2022 is unknown: so is the difference, never a -1,100.
    expect(adopted2022).toMatchObject({ budget: { amount: 1100 }, realisation: { amount: null }, difference: null });
  });
});

describe('the savings variant', () => {
  const three = [instrument('i1'), instrument('i2'), instrument('i3')];

  it('ranks by the effectiveness verdict, strength breaking ties: at 75% the proven-effective line is not cut in full and the proven-ineffective one is', () => {
    const review = makeReview({
      instruments: three,
      sources: [source('s1')],
      findings: [effect('f1', 'i1', 'positive'), effect('f2', 'i2', 'negative')],
      budgetLines: [
        line('works', 'programme', { 2022: 600 }, { instruments: ['i1'] }),
        line('fails', 'programme', { 2022: 300 }, { instruments: ['i2'] }),
        line('unknown', 'programme', { 2022: 100 }, { instruments: ['i3'] }),
      ],
    });
    for (const lang of ['en', 'nl'] as AnalysisLang[]) {
      const s = analyze(review, { lang, savings: { percent: 75 } }).savings;
      const ranked = s.options.find((o) => o.method === 'evidence-ranked')!;
      expect(ranked.cuts.map((c) => [c.line, c.verdict, c.cut])).toEqual([
        ['fails', 'negative', 300],
        ['unknown', 'no-evidence', 100],
        ['works', 'demonstrated', 350],
      ]);
      expect(ranked.cuts[2]!.remaining).toBe(250);
      expect(ranked.cuts[0]!.evidence).toEqual(['f2', 'i2', 's1']);
      expect(ranked.cuts[0]!.reason).toContain(lang === 'en' ? 'shown not to work' : 'aantoonbaar niet werkzaam');
      expect(ranked.reasons[0]).toContain(lang === 'en' ? 'proven not to work first' : 'eerst wat aantoonbaar niet werkt');
    }
  });

  it('puts a null result (no effect found) after negative and before no evidence; mixed after no evidence', () => {
    const review = makeReview({
      instruments: [...three, instrument('i4')],
      sources: [source('s1')],
      findings: [effect('f1', 'i1', 'no-effect'), effect('f2', 'i2', 'positive', 'plausibility'), effect('f3', 'i2', 'negative', 'plausibility'), effect('f4', 'i3', 'positive', 'plausibility')],
      budgetLines: [
        line('null', 'programme', { 2022: 100 }, { instruments: ['i1'] }),
        line('mixed', 'programme', { 2022: 100 }, { instruments: ['i2'] }),
        line('plausible', 'programme', { 2022: 100 }, { instruments: ['i3'] }),
        line('none', 'programme', { 2022: 100 }, { instruments: ['i4'] }),
      ],
    });
    const ranked = analyze(review, { savings: { percent: 100 } }).savings.options[1]!;
    expect(ranked.cuts.map((c) => c.verdict)).toEqual(['not-demonstrated', 'no-evidence', 'mixed', 'plausible']);
  });

  it('a line without a figure for the base year is listed and the base is a lower bound (€1.0m, not silently all)', () => {
    const review = makeReview({
      instruments: three,
      budgetLines: [line('big', 'programme', { 2020: 4000, 2021: 4100 }, { instruments: ['i1'] }), line('small', 'programme', { 2021: 900, 2022: 1000 }, { instruments: ['i2'] })],
    });
    const en = analyze(review).savings;
    expect(en).toMatchObject({ baseYear: 2022, base: 1000, baseLowerBound: true, target: 200, unknownLines: ['big'] });
    expect(en.reasons[0]).toBe('Base: programme money in 2022 (the adopted budget where given, else the realisation), at least €1 million; 20% is at least €200 thousand.');
    expect(en.reasons.join(' ')).toContain('Lines with no figure for 2022, so the base is a lower bound: big.');
    const nl = analyze(review, { lang: 'nl' }).savings;
    expect(nl.reasons[0]).toContain('ten minste € 1 miljoen');
    expect(nl.reasons.join(' ')).toContain('zodat de basis een ondergrens is: big');
    // The year in which every line has a figure can be asked for: then the base is whole.
    expect(analyze(review, { savings: { baseYear: 2021 } }).savings).toMatchObject({ base: 5000, baseLowerBound: false, unknownLines: [] });
  });

  it('with every amount unknown, the base, the target and the shortfall are unknown, never 0, and it says where the figures are', () => {
    const review = makeReview({
      instruments: three,
      budgetLines: [
        { id: 'bdur', name: 'BDUR', kind: 'programme', instruments: ['i1'], expenditures: [{ year: 2022, amount: null, citation: { location: '§3.4.1 (tabel niet bewaard)' } }] },
        line('ifv', 'programme', { 2022: null }),
      ],
      completeness: { expenditure: { status: 'partial', missing: 'the programme table is lost' } },
    } as never);
    for (const lang of ['en', 'nl'] as AnalysisLang[]) {
      const s = analyze(review, { lang }).savings;
      expect(s).toMatchObject({ baseYear: 2022, base: null, target: null, baseLowerBound: false, unknownLines: ['bdur', 'ifv'] });
      for (const o of s.options) expect(o).toMatchObject({ saved: null, shortfall: null, cuts: [] });
      expect(s.comparison.every((c) => c.target === null && c.saved === null && c.shortfall === null)).toBe(true);
      const text = s.reasons.join(' ');
      expect(text).toContain(lang === 'en' ? 'the base, the target and the shortfall are unknown' : 'de basis, de taakstelling en het tekort zijn daarom onbekend');
      expect(text).toContain('bdur: §3.4.1 (tabel niet bewaard)');
      expect(text).toContain('the programme table is lost');
    }
  });

  it('takes the adopted budget of the base year where given, else the realisation', () => {
    const review = makeReview({
      instruments: three,
      budgetLines: [
        { id: 'p', name: 'P', kind: 'programme', instruments: ['i1'], expenditures: [{ year: 2022, amount: 800, budgeted: { adopted: 1000 } }] },
        line('q', 'programme', { 2022: 500 }, { instruments: ['i2'] }),
      ],
    });
    const s = analyze(review).savings;
    expect(s.base).toBe(1500);
    expect(s.options[0]!.cuts.map((c) => [c.line, c.baseSource])).toEqual([['p', 'adopted'], ['q', 'realisation']]);
  });

  it('lines fixed by law or contract stay in the base, are listed with their reason and never cut', () => {
    const review = makeReview({
      instruments: three,
      budgetLines: [
        line('lump', 'programme', { 2022: 900 }, { instruments: ['i1'], fixed: { reason: 'Lump sum fixed by the Besluit' } }),
        line('free', 'programme', { 2022: 100 }, { instruments: ['i2'] }),
      ],
    });
    for (const lang of ['en', 'nl'] as AnalysisLang[]) {
      const s = analyze(review, { lang }).savings;
      expect(s).toMatchObject({ base: 1000, target: 200, fixedLines: [{ line: 'lump', base: 900, reason: 'Lump sum fixed by the Besluit' }] });
      for (const o of s.options) {
        expect(o.cuts.map((c) => c.line)).toEqual(['free']);
        expect(o.shortfall).toBe(100);
      }
      expect(s.reasons.join(' ')).toContain(lang === 'en' ? 'fixed by law or contract' : 'Wettelijk of contractueel vastgelegde regels');
    }
  });

  it('apparatus is an option', () => {
    const review = makeReview({
      instruments: three,
      budgetLines: [line('p', 'programme', { 2022: 1000 }, { instruments: ['i1'] }), line('staff', 'apparatus', { 2022: 500 }, { article: '91' })],
    });
    expect(analyze(review).savings).toMatchObject({ base: 1000, includesApparatus: false });
    expect(analyze(review, { savings: { includeApparatus: true } }).savings).toMatchObject({ base: 1500, includesApparatus: true, target: 300 });
  });

  it("shows the review's own savings chapter beside polev's variants, each option with reasons and evidence ids", () => {
    const review = makeReview({
      instruments: three,
      sources: [source('s1')],
      findings: [effect('f1', 'i1', 'positive')],
      budgetLines: [line('p', 'programme', { 2022: 1000 }, { instruments: ['i1'] })],
      savingsChapter: {
        percent: 20,
        base: 1000,
        baseYear: 2022,
        author: 'NCTV and FEZ',
        options: [
          { id: 'opt-1', text: 'Stop the programme', amount: 150, budgetLines: ['p'] },
          { id: 'opt-2', text: 'Efficiency of staff', amount: null },
        ],
      },
    } as never);
    for (const lang of ['en', 'nl'] as AnalysisLang[]) {
      const s = analyze(review, { lang }).savings;
      expect(s.review).toMatchObject({ percent: 20, base: 1000, target: 200, total: { amount: null, known: 150, unknownParts: 1 }, shortfall: null });
      expect(s.review!.options[0]).toMatchObject({ id: 'opt-1', lines: ['p'], instruments: ['i1'], verdict: 'demonstrated', evidence: ['f1', 'i1', 'p', 's1'] });
      expect(s.review!.options[0]!.reasons[0]).toContain(lang === 'en' ? 'demonstrated' : 'aangetoond');
      expect(s.review!.options[1]!.reasons[0]).toBe(lang === 'en' ? 'The option gives no amount.' : 'De optie geeft geen bedrag.');
      expect(s.comparison.map((c) => c.method)).toEqual(['across-the-board', 'evidence-ranked', 'review']);
      expect(s.comparison[2]).toEqual({ method: 'review', target: 200, saved: null, shortfall: null });
    }
    // Without a chapter in the file, that is said: not that the review has none.
    expect(analyze(makeReview({ instruments: three })).savings.reasons.join(' ')).toContain('The file holds no savings chapter');
  });
});

describe('scope of money: expenditure on an article the review does not cover', () => {
  const review = makeReview({
    budgetArticles: [{ number: '36', parts: ['36.2'] }],
    instruments: [instrument('i1')],
    budgetLines: [
      line('here', 'programme', { 2022: 1000 }, { article: '36.2', instruments: ['i1'] }),
      line('there', 'programme', { 2022: 5000 }, { article: '36.1', instruments: ['i1'] }),
      line('index', 'programme', { 2022: 70 }, { index: 'VI.36.2.30' }),
      line('staff', 'apparatus', { 2022: 300 }, { article: '91' }),
    ],
  } as never);

  it('is a located warning', () => {
    expect(moneyWarnings(review)).toEqual([expect.objectContaining({ code: 'foreign-article', severity: 'warning', path: ['budgetLines', 1, 'article'] })]);
    expect(moneyWarnings(review)[0]!.message).toContain('article 36.1');
  });

  it('is kept out of the totals, the costs and the savings base', () => {
    const a = analyze(review);
    expect(a.expenditure.byKind.programme.amount).toBe(1070);
    expect(a.expenditure.lines.map((l) => l.line)).toEqual(['here', 'index', 'staff']);
    expect(a.expenditure.outsideArticle).toEqual([{ line: 'there', name: 'Line there', kind: 'programme', article: '36.1', total: { amount: 5000, known: 5000, unknownParts: 0 } }]);
    expect(a.costAttribution.instruments.i1!.amount!.amount).toBe(1000);
    expect(a.costAttribution.attributableMoney.total).toBe(1070);
    expect(a.savings.base).toBe(1070);
    expect(a.savings.evidence).not.toContain('there');
  });
});

describe('which article a line is on', () => {
  it('reads the open-data index with or without the chapter, zero-padded or not, and parts given by name do not narrow', () => {
    const review = makeReview({
      budgetArticles: [{ number: '36.2', parts: ['Contraterrorisme'] }],
      budgetLines: [
        line('padded', 'programme', { 2022: 1 }, { index: '06.36.02.01' }),
        line('plain', 'programme', { 2022: 1 }, { index: '36.2.30' }),
        line('roman', 'programme', { 2022: 1 }, { index: 'VI.36.2.30' }),
        line('other', 'programme', { 2022: 1 }, { index: 'VI.37.1.10' }),
        line('odd', 'programme', { 2022: 1 }, { index: 'BDUR' }),
      ],
    } as never);
    expect(moneyWarnings(review).map((w) => w.path)).toEqual([['budgetLines', 3, 'index']]);
    expect(analyze(review).expenditure.byKind.programme.amount).toBe(4);
  });
});

describe('unknown money stays unknown: a review that gives no expenditure', () => {
  it('has unknown programme expenditure, not €0, unless it states its lines complete', () => {
    const silent = analyze(makeReview({ instruments: [instrument('i1')] }));
    expect(silent.expenditure.byKind.programme).toEqual({ amount: null, known: 0, unknownParts: 0 });
    expect(silent.savings).toMatchObject({ base: null, target: null });
    const none = analyze(makeReview({ instruments: [instrument('i1')], completeness: { budgetLines: { status: 'complete' }, expenditure: { status: 'complete' } } } as never));
    expect(none.expenditure.byKind.programme).toEqual({ amount: 0, known: 0, unknownParts: 0 });
  });
});

describe('sane amounts', () => {
  const yaml = (amount: string) => `schemaVersion: 2
id: r
title: T
language: en
ministry: { name: M }
budgetArticles: [{ number: "1" }]
rpeVersion: "2015"
policyTree: { mainGoal: { text: G }, domains: [{ id: d, name: D }] }
budgetLines:
  - id: l
    name: L
    kind: programme
    expenditures:
      - { year: 2020, amount: ${amount} }
`;
  for (const amount of ['1e308', '.inf', '-.inf', '.nan', '1e13']) {
    it(`${amount} is a located problem, never Infinity or NaN in an output`, () => {
      const r = parseReview(yaml(amount), { file: 'r.yaml' });
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.problems.map((p) => p.path)).toContain('budgetLines[0].expenditures[0].amount');
      expect(r.problems.find((p) => p.path === 'budgetLines[0].expenditures[0].amount')!.line).toBe(14);
    });
  }
  it('the largest amounts allowed add up without overflow', () => {
    const many = Array.from({ length: 50 }, (_, k) => line(`l${k}`, 'programme', { 2022: 1e12 }, { instruments: ['i1'] }));
    const a = analyze(makeReview({ instruments: [instrument('i1')], budgetLines: many }));
    expect(nonFinite(a)).toEqual([]);
    expect(a.savings.base).toBe(5e13);
  });
});
