import { analyze, Review, type ReviewInput } from '@polev/core';
import { minimalReview } from '@polev/core/testing';
import { describe, expect, it } from 'vitest';
import { plainStyle } from './io.js';
import { summary } from './summary.js';

/** Money in the `polev analyze` summary: unknown stays unknown, in both languages (issues 9 and 11). */
const review = (budgetLines: ReviewInput['budgetLines']) =>
  Review.parse(
    minimalReview({
      title: 'Money review',
      instruments: [
        { id: 'i1', name: 'I1', objective: 'o1', kind: 'other', realisation: { status: 'realised', evidence: 'x' } },
        { id: 'i2', name: 'I2', objective: 'o1', kind: 'other', realisation: { status: 'realised', evidence: 'x' } },
      ],
      budgetLines,
    }),
  );

describe('the analyze summary shows money as far as it is known', () => {
  it('no expenditure given: programme unknown, never €0; no savings figures', () => {
    const r = review(undefined);
    for (const lang of ['en', 'nl'] as const) {
      const out = summary(r, analyze(r, { lang }), 'text', plainStyle);
      expect(out).toContain(lang === 'en' ? 'Programme: unknown' : 'Programma-uitgaven: onbekend');
      expect(out).not.toMatch(/€\s?0\b|: 0\b|saves 0|bespaart 0/);
    }
  });

  it('all amounts unknown: the base, target and shortfall are unknown', () => {
    const r = review([{ id: 'p', name: 'P', kind: 'programme', instruments: ['i1'], expenditures: [{ year: 2022, amount: null }] }]);
    for (const lang of ['en', 'nl'] as const) {
      const out = summary(r, analyze(r, { lang }), 'text', plainStyle);
      expect(out).toContain(lang === 'en' ? 'the base, the target and the shortfall of the 20% savings variant are unknown' : 'de basis, de taakstelling en het tekort van de besparingsvariant van 20% zijn onbekend');
    }
  });

  it('joint costs, staff time and lines on other articles are said', () => {
    const r = review([
      { id: 'p', name: 'P', kind: 'programme', instruments: ['i1', 'i2'], expenditures: [{ year: 2022, amount: 100 }] },
      { id: 's', name: 'Staff', kind: 'apparatus', article: '91', instruments: ['i1'], expenditures: [{ year: 2022, amount: 40 }] },
      { id: 'x', name: 'Elsewhere', kind: 'programme', article: '9.9', expenditures: [{ year: 2022, amount: 7 }] },
    ]);
    const en = summary(r, analyze(r), 'text', plainStyle);
    expect(en).toContain('1 instrument has only joint costs');
    expect(en).toContain('Staff time (apparatus) linked to instruments');
    expect(en).toContain('Booked on article 9.9, which the review does not cover (kept out of every total): Elsewhere');
    const nl = summary(r, analyze(r, { lang: 'nl' }), 'text', plainStyle);
    expect(nl).toContain('1 instrument heeft alleen gezamenlijke kosten');
    expect(nl).toContain('Geboekt op artikel 9.9');
  });
});
