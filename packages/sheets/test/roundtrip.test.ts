import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseReview, type Review } from '@polev/core/load';
import { describe, expect, it } from 'vitest';
import { exportCsv, exportXlsx, importSheets } from '../src/index.js';
import { file, repoRoot } from './helpers.js';

type Any = Record<string, unknown>;

/**
 * The example, with budget phases added to one year (a known one, an unknown one, two not given),
 * commitments known in one year and unknown in another, and the whole article's money as context.
 */
const example = (): Review => {
  const r = parseReview(readFileSync(join(repoRoot, 'examples/nctv-36-2/review.yaml'), 'utf8'));
  if (!r.ok) throw new Error('the example does not load');
  const bdur = r.review.budgetLines.find((l) => l.id === 'bdur')!;
  bdur.expenditures[0]!.budgeted = { draft: 150123, secondSupplementary: null };
  bdur.expenditures[0]!.commitments = 151000;
  bdur.expenditures[1]!.commitments = null;
  r.review.articleContext = [
    {
      article: '36',
      chapter: 'VI',
      name: 'Contraterrorisme en Nationaal Veiligheidsbeleid',
      expenditures: [
        { year: 2013, amount: 210768, budgeted: { draft: 205242, adopted: 205242, firstSupplementary: 202301, secondSupplementary: 202800 }, commitments: 284113 },
        { year: 2014, amount: null, commitments: null },
      ],
      receipts: [{ year: 2013, amount: 212 }],
      notes: 'Begrotingsstaten (rijksfinancien.nl).',
    },
  ];
  return r.review;
};

/**
 * What a spreadsheet holds of a review: everything but the fields the package README lists as
 * beyond it (citations, stated shares, shares, fixed lines, the review's prose lists, …).
 */
const HELD_BY_REVIEW = ['schemaVersion', 'id', 'title', 'language', 'ministry', 'budgetChapter', 'budgetArticles', 'period', 'rpeVersion', 'method', 'performedBy', 'completeness', 'policyTree', 'instruments', 'budgetLines', 'articleContext', 'sources', 'findings'];
const NOT_HELD_IN_ITEMS = ['citation', 'statedShare', 'shares', 'fixed'];

function held(review: Review): Any {
  const strip = (x: unknown): unknown => {
    if (Array.isArray(x)) return x.map(strip);
    // An empty cell is both "not stated" and null: the two are the same to a spreadsheet.
    if (x && typeof x === 'object') return Object.fromEntries(Object.entries(x).filter(([k, v]) => !NOT_HELD_IN_ITEMS.includes(k) && v !== null).map(([k, v]) => [k, strip(v)]));
    return x;
  };
  const r = strip(Object.fromEntries(Object.entries(review).filter(([k]) => HELD_BY_REVIEW.includes(k)))) as Any;
  r.budgetArticles = (review.budgetArticles as Any[]).map((a) => a.number);
  return r;
}

describe('round trip of the bundled example', () => {
  it('export to .xlsx, import into an empty review: the same review, bar what a spreadsheet cannot hold', async () => {
    const original = example();
    const r = await importSheets([file('nctv.xlsx', await exportXlsx(original))]);
    if (!r.ok) throw new Error(JSON.stringify(r.problems.slice(0, 5), null, 1));
    expect(held(r.review)).toEqual(held(original));
    expect(r.review.budgetLines.find((l) => l.id === 'bdur')!.expenditures[0]!.budgeted).toEqual({ draft: 150123, secondSupplementary: null });
    // Unknown commitments and the context's unknown realisation stay unknown (null), never 0.
    expect(r.review.budgetLines.find((l) => l.id === 'bdur')!.expenditures.slice(0, 3).map((e) => e.commitments)).toEqual([151000, null, undefined]);
    expect(r.review.articleContext).toEqual(original.articleContext);
    expect(r.review.completeness).toEqual(original.completeness);
  });

  it('the same through CSV, one file per table, in English', async () => {
    const original = example();
    const files = exportCsv(original, { lang: 'en' }).map((t) => file(`nctv-${t.table}.csv`, t.text));
    const r = await importSheets(files);
    if (!r.ok) throw new Error(JSON.stringify(r.problems.slice(0, 5), null, 1));
    expect(held(r.review)).toEqual(held(original));
    // An unknown phase stays unknown (the word), a phase not given stays absent.
    expect(r.review.budgetLines.find((l) => l.id === 'bdur')!.expenditures[0]!.budgeted).toEqual({ draft: 150123, secondSupplementary: null });
    expect(r.review.articleContext).toEqual(original.articleContext);
  });
});
