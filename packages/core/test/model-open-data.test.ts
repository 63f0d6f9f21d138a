import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { analyze, completenessOf, parseReview, Review } from '../src/index.js';
import { makeReview } from './builders.js';

/** What the budget open data gives beside a line's realisation, as the model holds it. */
const committed = JSON.parse(readFileSync(fileURLToPath(new URL('../schema/v2/review.schema.json', import.meta.url)), 'utf8'));
const validate = new Ajv2020({ allErrors: true, strict: true }).addKeyword('enumDescriptions').compile(committed);

const input = (expenditures: unknown[]) => ({
  schemaVersion: 2,
  id: 'r',
  title: 'Test review',
  language: 'en',
  ministry: { name: 'Ministry' },
  budgetArticles: [{ number: '36' }],
  rpeVersion: '2015',
  policyTree: { mainGoal: { text: null }, domains: [{ id: 'd1', name: 'Domain' }] },
  budgetLines: [{ id: 'vi-36', name: 'Artikel 36', kind: 'programme', expenditures }],
});

describe('commitments (verplichtingen) beside the realisation', () => {
  it('are held per year, known or unknown, by zod and the JSON Schema alike', () => {
    const data = input([
      { year: 2013, amount: 210768, commitments: 284113 },
      { year: 2014, amount: 250529, commitments: null },
      { year: 2015, amount: 262894 },
    ]);
    expect(validate(data), JSON.stringify(validate.errors)).toBe(true);
    const r = Review.parse(data);
    expect(r.budgetLines[0]!.expenditures.map((e) => e.commitments)).toEqual([284113, null, undefined]);
  });

  it('are an amount: text or an amount beyond the bound is refused at its path', () => {
    for (const bad of ['284.113', 2e12]) {
      const data = input([{ year: 2013, amount: 1, commitments: bad }]);
      expect(validate(data)).toBe(false);
      const r = Review.safeParse(data);
      expect(r.success).toBe(false);
      expect(r.error!.issues.map((i) => i.path.join('.'))).toEqual(['budgetLines.0.expenditures.0.commitments']);
    }
  });

  it('never enter the expenditure: totals, per year and per kind, are the realisation alone', () => {
    const lines = (commitments: number | undefined) => [
      { id: 'l1', name: 'Line', kind: 'programme' as const, expenditures: [2020, 2021, 2022].map((year) => ({ year, amount: 100, ...(commitments !== undefined ? { commitments } : {}) })) },
    ];
    const with_ = analyze(makeReview({ budgetLines: lines(5000) })).expenditure;
    const without = analyze(makeReview({ budgetLines: lines(undefined) })).expenditure;
    expect(with_.byKind.programme.amount).toBe(300);
    expect(with_.byKind).toEqual(without.byKind);
    expect(with_.programmeByYear).toEqual(without.programmeByYear);
  });
});

describe("the article's money as context for a review of one part (articleContext)", () => {
  const context = {
    article: '36',
    chapter: 'VI',
    name: 'Nationale Veiligheid en Terrorismebestrijding',
    expenditures: [
      { year: 2020, amount: 210768, budgeted: { draft: 205242 }, commitments: 284113 },
      { year: 2021, amount: null },
    ],
    receipts: [{ year: 2020, amount: 212 }],
    notes: 'Begrotingsstaten (rijksfinancien.nl).',
  };

  it('is held by zod and the JSON Schema alike, and is optional: a file without it is as before', () => {
    const data = { ...input([{ year: 2013, amount: 1 }]), budgetArticles: [{ number: '36.2' }], articleContext: [context] };
    expect(validate(data), JSON.stringify(validate.errors)).toBe(true);
    const r = Review.parse(data);
    expect(r.articleContext![0]!.expenditures[0]!.commitments).toBe(284113);
    expect(r.articleContext![0]!.receipts).toEqual([{ year: 2020, amount: 212 }]);
    expect(Review.parse(input([])).articleContext).toBeUndefined();
    const wrong = { ...data, articleContext: [{ ...context, article: '', total: 5 }] };
    expect(validate(wrong)).toBe(false);
    expect(Review.safeParse(wrong).error!.issues.map((i) => i.path.join('.')).sort()).toEqual(['articleContext.0', 'articleContext.0.article']);
  });

  it('enters no total, cost, coverage, completeness or savings base', () => {
    const base = {
      budgetArticles: [{ number: '36', parts: ['36.2'] }],
      instruments: [{ id: 'i1', name: 'Instrument', objective: 'o1', kind: 'financial' as const, realisation: { status: 'realised' as const } }],
      budgetLines: [{ id: 'l1', name: 'Line', kind: 'programme' as const, article: '36.2', instruments: ['i1'], expenditures: [2020, 2021, 2022].map((year) => ({ year, amount: 100 })) }],
    };
    const plain = analyze(makeReview(base));
    const withContext = analyze(makeReview({ ...base, articleContext: [context] }));
    expect(withContext.expenditure.byKind.programme.amount).toBe(300);
    expect(withContext.expenditure).toEqual(plain.expenditure);
    expect(withContext.costAttribution).toEqual(plain.costAttribution);
    expect(withContext.coverage).toEqual(plain.coverage);
    expect(withContext.savings).toEqual(plain.savings);
    // Nothing at all of the analysis follows from it.
    expect(withContext).toEqual(plain);
    const r = makeReview({ ...base, articleContext: [context] });
    expect(completenessOf(r, 'expenditure')).toEqual(completenessOf(makeReview(base), 'expenditure'));
  });

  it('is checked as the loader checks budget lines: one per article, its years once and in the period, and an article the review covers a part of', () => {
    const file = (articleContext: unknown[], budgetArticles = [{ number: '36.2' }]) =>
      JSON.stringify({ ...input([{ year: 2013, amount: 1 }]), period: { start: 2013, end: 2015 }, budgetArticles, articleContext }, null, 1);
    const good = { ...context, expenditures: [{ year: 2013, amount: 210768 }], receipts: [{ year: 2013, amount: 212 }] };
    const ok = parseReview(file([good]), { file: 'r.json' });
    expect(ok.ok && ok.warnings).toEqual([]);

    const bad = parseReview(
      file([
        { ...good, expenditures: [{ year: 2013, amount: 1 }, { year: 2013, amount: 2 }, { year: 2020, amount: -3 }] },
        { ...good, article: '36' },
        { ...good, article: '37', chapter: 'VI' },
      ]),
      { file: 'r.json' },
    );
    expect(bad.ok).toBe(false);
    const found = (bad.ok ? [] : bad.problems).map((p) => `${p.severity} ${p.path}: ${p.message}`);
    expect(found).toEqual(
      expect.arrayContaining([
        'error articleContext[0].expenditures[1].year: the year 2013 is given twice for this article (also at expenditures[0])',
        'error articleContext[0].expenditures[2].year: the year 2020 lies outside the review period 2013–2015',
        'error articleContext[0].expenditures[2].amount: the amount -3 is negative',
        'error articleContext[1].article: article "36" has a context twice (also at articleContext[0])',
        'warning articleContext[2].article: the review covers "36.2", and article "37" is neither one of them nor an article they are part of',
      ]),
    );
    // Every problem names its line in the file.
    expect((bad.ok ? [] : bad.problems).every((p) => p.line > 1)).toBe(true);
  });
});
