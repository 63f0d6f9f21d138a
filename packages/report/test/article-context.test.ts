import { analyze, type Review, type ReviewInput } from '@polev/core';
import { minimalReview } from '@polev/core/testing';
import { describe, expect, it } from 'vitest';
import { renderDocx, renderHtml, renderMarkdown } from '../src/index.js';
import { ARTICLE_36_CONTEXT, complete, readDocx } from './helpers.js';

/**
 * The whole article's money as context for a review of one part (issue 15), and commitments
 * (verplichtingen) beside the realisation: shown in every format, language and audience, labelled
 * as the article's totals, never counted in the part's money; unknown shown as unknown; a review
 * that records neither shows neither.
 */

const review = (over: Partial<ReviewInput> = {}): Review =>
  complete(minimalReview({
    id: 'part',
    title: 'Part review',
    language: 'nl',
    ministry: { name: 'Ministerie' },
    budgetArticles: [{ number: '36.2' }],
    period: { start: 2013, end: 2015 },
    policyTree: {
      mainGoal: { text: 'Main goal' },
      domains: [{ id: 'd1', name: 'Domain one' }],
      objectives: [{ id: 'o1', domain: 'd1', text: 'Reduce incidents by 10% by 2015 compared with 2012.' }],
    },
    instruments: [{ id: 'i1', name: 'Alpha grant', objective: 'o1', kind: 'financial', realisation: { status: 'realised', evidence: 'done' } }],
    budgetLines: [
      {
        id: 'l1',
        name: 'Alpha subsidies',
        kind: 'programme',
        instruments: ['i1'],
        expenditures: [
          { year: 2013, amount: 1111, commitments: 4441 },
          { year: 2014, amount: 2222, commitments: null },
          { year: 2015, amount: 3333 },
        ],
      },
    ],
    completeness: { budgetLines: { status: 'complete' }, expenditure: { status: 'complete' } },
    // The open data's figures, with the 2015 second supplementary budget and commitments and the
    // 2015 receipts taken out: the source then gives no figure for them.
    articleContext: [
      {
        ...ARTICLE_36_CONTEXT,
        expenditures: ARTICLE_36_CONTEXT.expenditures.map((e) => (e.year === 2015 ? { ...e, budgeted: { ...e.budgeted, secondSupplementary: null }, commitments: null } : e)),
        receipts: ARTICLE_36_CONTEXT.receipts.filter((e) => e.year !== 2015),
      },
    ],
    ...over,
  }));

type Lang = 'en' | 'nl';
const render = async (r: Review, lang: Lang, audience: 'public' | 'confidential') => {
  const a = analyze(r, { lang });
  const docx = await readDocx(await renderDocx(r, a, { lang, audience }));
  return { markdown: renderMarkdown(r, a, { lang, audience }), html: renderHtml(r, a, { lang, audience }), docx: docx.text };
};
const each = async (r: Review, check: (text: string, lang: Lang, where: string) => void) => {
  for (const lang of ['en', 'nl'] as const)
    for (const audience of ['public', 'confidential'] as const)
      for (const [format, text] of Object.entries(await render(r, lang, audience))) check(text, lang, `${lang} ${audience} ${format}`);
};
// The text without markup, so a check reads what a reader reads.
const plain = (s: string) => s.replace(/<[^>]+>/g, ' ').replace(/&nbsp;|\u00a0/g, ' ').replace(/[*|_\\]/g, ' ').replace(/\s+/g, ' ');
const num = (n: number, lang: Lang) => n.toLocaleString(lang === 'nl' ? 'nl-NL' : 'en-GB');

describe('the article as context, and commitments', () => {
  it("shows the whole article's totals, phases, commitments and receipts, labelled as context", async () => {
    await each(review(), (raw, lang, where) => {
      const text = plain(raw);
      expect(text, where).toContain(lang === 'en' ? 'Article 36 as a whole (context)' : 'Artikel 36 als geheel (context)');
      expect(text, where).toContain(lang === 'en' ? 'of which this review covers 36.2' : 'waarvan deze doorlichting 36.2 behandelt');
      expect(text, where).toContain(lang === 'en' ? 'not the programme money of the part under review' : 'niet het programmageld van het doorgelichte onderdeel');
      for (const n of [210768, 250529, 262894, 205242, 253813, 262333, 284113, 248370, 212, 351]) expect(text, `${where} ${n}`).toContain(num(n, lang));
      for (const head of lang === 'en' ? ['Draft budget', 'Second supplementary', 'Commitments', 'Receipts'] : ['Ontwerpbegroting', 'Tweede suppletoire', 'Verplichtingen', 'Ontvangsten'])
        expect(text, `${where} ${head}`).toContain(head);
      // Counted in nothing: the part's programme total is its own line's, 6,666.
      expect(text, where).toContain(num(6666, lang));
      for (const n of [210768 + 250529 + 262894, 6666 + 210768, 6666 + 4441]) expect(text, `${where} ${n}`).not.toContain(num(n, lang));
      expect(text, where).not.toMatch(/€\s?0\b|NaN|undefined|null/);
    });
  });

  it('tables the commitments beside the realisation, unknown where the source gives none', async () => {
    await each(review(), (raw, lang, where) => {
      const text = plain(raw);
      expect(text, where).toContain(lang === 'en' ? 'commitments beside the realisation' : 'verplichtingen naast de realisatie');
      expect(text, where).toContain(num(4441, lang));
      expect(text, where).toContain(lang === 'en' ? 'never added to it or to any total' : 'nooit daarbij of bij een totaal opgeteld');
    });
    // The unknown commitments of 2014 and 2015 (null and not given) and the unknown 2015 second
    // supplementary budget and commitments of the article: unknown, in the table cells themselves.
    for (const lang of ['en', 'nl'] as const) {
      const md = (await render(review(), lang, 'public')).markdown;
      const unknown = lang === 'en' ? 'unknown' : 'onbekend';
      const rows = md.split('\n');
      const commitmentRows = rows.filter((l) => l.startsWith('| Alpha subsidies |'));
      expect(commitmentRows.length, lang).toBeGreaterThanOrEqual(3);
      expect(commitmentRows.filter((l) => l.includes(unknown)).length, lang).toBe(2);
      const y2015 = rows.find((l) => /^\| 2015 \|/.test(l) && l.includes(num(262894, lang)));
      expect(y2015, lang).toBeDefined();
      expect(y2015!.split(unknown).length - 1, lang).toBe(3); // second supplementary, commitments, receipts
    }
  });

  it('shows no context section and no commitments where the review records none', async () => {
    const none = review({ articleContext: undefined, budgetLines: [{ id: 'l1', name: 'Alpha subsidies', kind: 'programme', instruments: ['i1'], expenditures: [{ year: 2013, amount: 1111 }] }] } as Partial<ReviewInput>);
    await each(none, (raw, _lang, where) => {
      const text = plain(raw);
      expect(text, where).not.toMatch(/as a whole \(context\)|als geheel \(context\)/);
      expect(text, where).not.toMatch(/Commitments|Verplichtingen|commitments beside|verplichtingen naast/);
    });
  });

  it('an article context with only receipts shows no realisation or commitments column', async () => {
    const receiptsOnly = review({ articleContext: [{ article: '36', receipts: [{ year: 2013, amount: 212 }] }] } as Partial<ReviewInput>);
    for (const lang of ['en', 'nl'] as const) {
      const md = (await render(receiptsOnly, lang, 'public')).markdown;
      const caption = md.split('\n').findIndex((l) => l.includes(lang === 'en' ? 'Article 36 as a whole:' : 'Artikel 36 als geheel:'));
      expect(caption, lang).toBeGreaterThan(-1);
      const header = md.split('\n').slice(caption).find((l) => l.startsWith('|'))!;
      expect(header, lang).toMatch(lang === 'en' ? /Year \| Receipts/ : /Jaar \| Ontvangsten/);
    }
  });
});
