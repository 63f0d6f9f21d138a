import { describe, expect, it } from 'vitest';
import { analyze } from '@polev/core';
import { importSheets } from '../src/index.js';
import { exampleData, haveShared, sharedFile } from './helpers.js';

type Line = { id: string; name: string; kind: string; index?: string; outOfScopeReason?: string; expenditures: { year: number; amount: number | null; budgeted?: Record<string, number | null>; commitments?: number | null }[] };
const lines = (r: { budgetLines: unknown[] }) => r.budgetLines as Line[];

describe.skipIf(!haveShared)('budget open data of rijksfinancien.nl', () => {
  it('imports article VI.36 from the begrotingsstaten: U as expenditure with its phases, V as commitments beside it, O as receipts', async () => {
    const r = await importSheets([sharedFile('begrotingsstaten-2013-2021.csv')], { article: 'VI.36', period: { start: 2013, end: 2015 } });
    if (!r.ok) throw new Error(JSON.stringify(r.problems, null, 1));
    const u = lines(r.review).find((l) => l.id === 'vi-36')!;
    expect(u.kind).toBe('programme');
    expect(u.expenditures.map((e) => [e.year, e.amount, e.commitments])).toEqual([[2013, 210768, 284113], [2014, 250529, 248370], [2015, 262894, 277987]]);
    expect(u.expenditures[0]!.budgeted).toEqual({ draft: 205242, adopted: 205242, firstSupplementary: 202301, secondSupplementary: 202800 });
    const o = lines(r.review).find((l) => l.kind === 'receipts')!;
    expect(o.expenditures.map((e) => e.amount)).toEqual([212, 351, 2589]);
    expect(o.expenditures.every((e) => !('commitments' in e))).toBe(true);
    // The commitments are never added to the expenditure: the totals are the realisation alone.
    expect(analyze(r.review).expenditure.programmeByYear.map((y) => y.total.amount)).toEqual([210768, 250529, 262894]);
    const text = r.notices.map((n) => n.message).join('\n');
    expect(text).toMatch(/commitments \(V, verplichtingen\) of article VI\.36 imported beside the realisation of 2013–2015, never added to it/);
    expect(text).toMatch(/outside the review's period not imported: 2016, 2017, 2018, 2019, 2020, 2021/);
    // Every year of the period has its U row with a realisation: the expenditure is complete.
    expect(r.review.completeness?.expenditure).toEqual({ status: 'complete', citation: { location: 'Begrotingsstaten (rijksfinancien.nl), 2013–2015' } });
    expect(r.review.completeness?.budgetLines).toBeUndefined();
  });

  it('claims no complete expenditure where a year has no realisation, or the period is not known', async () => {
    const open = await importSheets([sharedFile('begrotingsstaten-2013-2021.csv')], { article: 'VI.36', period: { start: 2018, end: 2021 } });
    if (!open.ok) throw new Error(JSON.stringify(open.problems, null, 1));
    expect(open.review.completeness?.expenditure).toEqual({ status: 'partial', missing: 'De begrotingsstaten geven geen realisatie voor 2020, 2021.' });
    // 2020's commitments are not realised either: unknown, never 0.
    expect(lines(open.review)[0]!.expenditures.find((e) => e.year === 2020)!.commitments).toBeNull();
    const silent = await importSheets([sharedFile('begrotingsstaten-2013-2021.csv')], { article: 'VI.36' });
    if (!silent.ok) throw new Error(JSON.stringify(silent.problems, null, 1));
    expect(silent.review.completeness?.expenditure).toEqual({ status: 'partial', missing: 'De periode van de doorlichting is niet bekend; de begrotingsstaten geven de realisatie van 2013–2019.' });
  });

  it('is one chapter under both its names, and keeps unknown phases unknown', async () => {
    const r = await importSheets([sharedFile('begrotingsstaten-2013-2021.csv')], { article: 'VI.36' });
    if (!r.ok) throw new Error(JSON.stringify(r.problems, null, 1));
    const u = lines(r.review).filter((l) => l.kind === 'programme');
    expect(u).toHaveLength(1);
    expect(u[0]!.expenditures.map((e) => e.year)).toEqual([2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021]);
    expect((u[0] as unknown as { notes: string }).notes).toMatch(/Veiligheid en Justitie \(2013–2017\), Justitie en Veiligheid \(2018–2021\)/);
    const y2020 = u[0]!.expenditures.find((e) => e.year === 2020)!;
    expect(y2020.amount).toBeNull();
    expect(y2020.budgeted).toEqual({ draft: 266427, adopted: 266427, firstSupplementary: 266659, secondSupplementary: null });
  });

  it('imports the article total only as context when the review covers part 36.2: in articleContext, never a budget line', async () => {
    const before = exampleData();
    const r = await importSheets([sharedFile('begrotingsstaten-2013-2021.csv')], { review: before, article: 'VI.36' });
    if (!r.ok) throw new Error(JSON.stringify(r.problems, null, 1));
    const [context, ...others] = r.review.articleContext!;
    expect(others).toEqual([]);
    expect(context).toMatchObject({ article: '36', chapter: 'VI', name: 'Contraterrorisme en Nationaal Veiligheidsbeleid' });
    expect(context!.expenditures.map((e) => [e.year, e.amount, e.commitments])).toEqual([[2013, 210768, 284113], [2014, 250529, 248370], [2015, 262894, 277987]]);
    expect(context!.expenditures[0]!.budgeted).toEqual({ draft: 205242, adopted: 205242, firstSupplementary: 202301, secondSupplementary: 202800 });
    expect(context!.receipts.map((e) => e.amount)).toEqual([212, 351, 2589]);
    // No budget line was added or changed: the part's own lines are untouched, still unknown.
    expect(r.report.added).toEqual([]);
    expect(r.report.changed).toEqual([]);
    expect(r.report.reviewFields).toEqual(['articleContext[36]']);
    expect(lines(r.review).map((l) => l.id)).toEqual((before.budgetLines as { id: string }[]).map((l) => l.id));
    expect(lines(r.review).find((l) => l.id === 'bdur')!.expenditures.every((e) => e.amount === null)).toBe(true);
    // The analysis is the same as without it: the article's money is no money of the part.
    const { parseReview } = await import('@polev/core/load');
    const plain = parseReview(JSON.stringify(before));
    if (!plain.ok) throw new Error('the example does not load');
    expect(analyze(r.review)).toEqual(analyze(plain.review));
    // What the example states of its completeness is the review's, untouched.
    expect(r.review.completeness).toEqual(plain.review.completeness);
    expect(r.notices.map((n) => n.message).join('\n')).toMatch(/money of the whole article VI\.36 \(expenditure, receipts, commitments\) imported as its context \(articleContext\), never as the review's programme money: the review covers only part 36\.2/);
  });

  it("keeps the article's total out of a whole-article review that already has lines of its parts", async () => {
    const review = exampleData();
    review.budgetArticles = [{ number: '36' }];
    review.period = { start: 2013, end: 2015 };
    const r = await importSheets([sharedFile('begrotingsstaten-2013-2021.csv')], { review, article: 'VI.36' });
    if (!r.ok) throw new Error(JSON.stringify(r.problems, null, 1));
    expect(r.report.added).toEqual([]);
    expect(r.review.articleContext!.map((c) => c.article)).toEqual(['36']);
    expect(r.notices.map((n) => n.message).join('\n')).toMatch(/the review has lines of the article \(bdur, ifv, nl-alert/);
  });

  it("imports 36.2's lines from the 2020 detail without the .0.0 totals or the split main row's parts", async () => {
    const r = await importSheets([sharedFile('budget-detail-2020.json')], { article: 'VI.36.2' });
    if (!r.ok) throw new Error(JSON.stringify(r.problems, null, 1));
    const ls = lines(r.review);
    const names = ls.map((l) => l.name);
    for (const n of ['Brede Doeluitkering Rampenbestrijding', 'Instituut Fysieke Veiligheid', 'Project NL-Alert', 'Opdrachten NCSC', 'Nederlands Rode Kruis']) expect(names).toContain(n);
    expect(ls.every((l) => !l.index!.endsWith('.0.0'))).toBe(true);
    expect(ls).toHaveLength(10);
    expect(names).not.toContain('Onderzoeksraad voor Veiligheid'); // 36.3
    const sum = ls.reduce((s, l) => s + (l.expenditures[0]!.budgeted!.draft ?? 0), 0);
    // 36.2 of the 2020 draft budget: the article's 266,427 less 36.3's 12,880.
    expect(sum).toBe(253547);
    expect(ls.every((l) => l.expenditures[0]!.amount === null)).toBe(true);
    const bdur = ls.find((l) => l.index === 'VI.36.2.30')!;
    expect(bdur.expenditures).toEqual([{ year: 2020, amount: null, budgeted: { draft: 169693 } }]);
    const text = r.notices.map((n) => n.message).join('\n');
    expect(text).toMatch(/2 rows of totals/);
    expect(text).toMatch(/2 sub rows of 36\.2\.59 not counted/);
  });

  it('matches the detail lines to the lines a review already has, by name', async () => {
    const review = exampleData();
    review.period = { start: 2011, end: 2020 };
    const r = await importSheets([sharedFile('budget-detail-2020.json')], { review, article: 'VI.36.2' });
    if (!r.ok) throw new Error(JSON.stringify(r.problems, null, 1));
    expect(r.report.matched.map((m) => m.id).sort()).toEqual(['bdur', 'ifv', 'nl-alert']);
    const bdur = lines(r.review).find((l) => l.id === 'bdur')!;
    expect(bdur.index).toBe('VI.36.2.30');
    expect(bdur.expenditures.find((e) => e.year === 2020)!.budgeted!.draft).toBe(169693);
  });
});
