import { analyze, type Review, type ReviewInput } from '@polev/core';
import { minimalReview } from '@polev/core/testing';
import { describe, expect, it } from 'vitest';
import { buildReport, documentTexts, renderDocx, renderHtml, renderMarkdown } from '../src/index.js';
import { formatAmount, formatNumber } from '../src/labels/index.js';
import { complete, loadExample, readDocx } from './helpers.js';

/**
 * Money in the report (issue 11, and issue 9 point 1 for money): unknown money stays unknown in
 * Markdown, HTML and Word, in both languages; joint costs, staff time, budget phases, expenditure
 * on other articles and the savings variants side by side are shown.
 */

const base = (over: Partial<ReviewInput>): Review =>
  complete(
    minimalReview({
      id: 'money',
      title: 'Money review',
      policyTree: {
        mainGoal: { text: 'Main goal' },
        domains: [{ id: 'd1', name: 'Domain one' }, { id: 'd2', name: 'Domain two' }],
        objectives: [
          { id: 'o1', domain: 'd1', text: 'Reduce incidents by 10% by 2022 compared with 2019.' },
          { id: 'o2', domain: 'd2', text: 'Reduce fraud by 5% by 2022 compared with 2019.' },
        ],
      },
      instruments: [
        { id: 'i1', name: 'Alpha grant', objective: 'o1', kind: 'financial', realisation: { status: 'realised', evidence: 'done' } },
        { id: 'i2', name: 'Beta network', objective: 'o2', kind: 'network', realisation: { status: 'realised', evidence: 'done' } },
      ],
      ...over,
    }),
  );

const formats = async (review: Review, lang: 'en' | 'nl') => {
  const a = analyze(review, { lang });
  const docx = await readDocx(await renderDocx(review, a, { lang }));
  return { markdown: renderMarkdown(review, a, { lang }), html: renderHtml(review, a, { lang }), docx: docx.text };
};

describe('unknown money in every format and both languages', () => {
  it('a review that gives no expenditure shows unknown, never €0, and no savings figures', async () => {
    const silent = base({});
    for (const lang of ['en', 'nl'] as const) {
      const out = await formats(silent, lang);
      for (const [format, text] of Object.entries(out)) {
        const programme = lang === 'en' ? 'Programme expenditure over the period (x €1,000)' : null;
        if (programme && format === 'markdown') expect(text, format).toMatch(/Programme expenditure over the period \(x €1,000\)[^\n]*unknown/);
        expect(text, format).not.toMatch(/€\s?0\b|\b0 x €1[.,]000/);
        expect(text, format).toContain(lang === 'en' ? 'do not give the expenditure' : 'geven de uitgaven niet');
        expect(text, format).not.toMatch(/Infinity|NaN/);
      }
    }
  });

  it('all programme amounts unknown: the savings variant says its base, target and shortfall are unknown, and why', async () => {
    const lost = base({
      budgetLines: [{ id: 'p', name: 'Programme P', kind: 'programme', instruments: ['i1'], expenditures: [{ year: 2022, amount: null, citation: { location: 'tabel niet bewaard' } }] }],
    });
    for (const lang of ['en', 'nl'] as const) {
      const out = await formats(lost, lang);
      for (const [format, text] of Object.entries(out)) {
        expect(text, format).toContain(lang === 'en' ? 'its base, target and shortfall are unknown' : 'de basis, de taakstelling en het tekort zijn onbekend');
        expect(text, format).toContain('p: tabel niet bewaard');
        expect(text, format).not.toMatch(/Saved: 0|Bespaard: 0/);
      }
    }
  });
});

describe('sane amounts in print', () => {
  it('a non-finite number, should one ever reach a report, prints as unknown, never Infinity or NaN', () => {
    for (const x of [Infinity, -Infinity, NaN]) {
      expect(formatAmount(x, 'en')).toBe('unknown');
      expect(formatNumber(x, 'nl')).toBe('onbekend');
    }
    expect(formatAmount(1e12, 'nl')).toBe('1.000.000.000.000');
  });
});

describe('money shown as it adds up', () => {
  const shared = base({
    budgetLines: [
      { id: 'joint', name: 'Joint line', kind: 'programme', instruments: ['i1', 'i2'], expenditures: [{ year: 2022, amount: 3000, budgeted: { adopted: 3300 } }] },
      { id: 'staff', name: 'Staff NCTV', kind: 'apparatus', article: '91', instruments: ['i1'], expenditures: [{ year: 2022, amount: 500 }] },
      { id: 'elsewhere', name: 'Other article line', kind: 'programme', article: '7.4', expenditures: [{ year: 2022, amount: 99999 }] },
    ],
    savingsChapter: { percent: 20, base: 3300, options: [{ id: 'o-1', text: 'Halve the joint line', amount: 600, budgetLines: ['joint'] }] },
  });

  it('joint costs, staff time, budget against realisation, other articles and the variants side by side, in both languages', async () => {
    for (const lang of ['en', 'nl'] as const) {
      const doc = buildReport(shared, analyze(shared, { lang }), { lang });
      const text = [...documentTexts(doc)].join('\n');
      expect(text).toContain(lang === 'en' ? '3,000 on Joint line, with Beta network' : '3.000 op Joint line, met Beta network');
      expect(text).toContain(lang === 'en' ? 'Staff time (apparatus) linked to instruments: 500 of 500' : 'Personele inzet (apparaatsuitgaven) gekoppeld aan instrumenten: 500 van 500');
      expect(text).toContain(lang === 'en' ? 'Budget against realisation' : 'Begroting tegenover realisatie');
      expect(text).toContain('-300');
      expect(text).toContain('Other article line');
      expect(text).toContain(lang === 'en' ? 'Joint with other domains (not counted)' : 'Gedeeld met andere taakvelden (niet meegeteld)');
      expect(text).toContain(lang === 'en' ? "The review's own savings chapter" : 'Het eigen besparingshoofdstuk van de doorlichting');
      expect(text).toContain('Halve the joint line');
      // The other article's money enters no total.
      expect(text).not.toMatch(/103[.,]?499|102[.,]?999/);
    }
  });
});

describe('the bundled example', () => {
  it('keeps what the seed states and says why the savings variant cannot be computed', async () => {
    const { review, isExample } = loadExample();
    if (!isExample) return;
    for (const lang of ['nl', 'en'] as const) {
      const a = analyze(review, { lang });
      expect(a.expenditure.byKindAndYear.filter((k) => k.kind === 'apparatus').map((k) => k.total.amount)).toEqual([35125, 34117, 38002]);
      expect(a.costAttribution.withCost.count).toBe(0);
      expect(a.savings).toMatchObject({ base: null, target: null });
      const md = renderMarkdown(review, a, { lang });
      expect(md).toContain(lang === 'en' ? 'its base, target and shortfall are unknown' : 'de basis, de taakstelling en het tekort zijn onbekend');
      expect(md).toContain('tabel niet bewaard');
      expect(md).toContain('128,8 mln');
      expect(md).not.toMatch(/Infinity|NaN/);
    }
  });
});
