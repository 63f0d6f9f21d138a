import { describe, expect, it } from 'vitest';
import { buildReport, documentTexts, labelsFor, walkSections } from '../src/index.js';
import { formatAmount, formatNumber, formatShare } from '../src/labels/index.js';
import { formatDate, formatSum } from '../src/model/format.js';
import { rich } from './helpers.js';

/** Every path of a label tree, with the value at it (functions are called with sample arguments). */
function flatten(value: unknown, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) for (const [p, x] of flatten(v, prefix ? `${prefix}.${k}` : k)) out.set(p, x);
  } else out.set(prefix, value);
  return out;
}

describe('labels', () => {
  const nl = flatten(labelsFor('nl'));
  const en = flatten(labelsFor('en'));

  it('has the same keys in Dutch and English, none empty', () => {
    expect([...nl.keys()].sort()).toEqual([...en.keys()].sort());
    for (const [k, v] of [...nl, ...en]) {
      if (typeof v === 'string') expect(v.trim(), k).not.toBe('');
      if (typeof v === 'function') expect((v as (...a: unknown[]) => string)('x', 2, 3), k).toBeTypeOf('string');
    }
  });

  it('translates every heading: no Dutch heading appears in the English report and vice versa', () => {
    const review = rich();
    const headings = (lang: 'nl' | 'en') => [...walkSections(buildReport(review, null, { lang, audience: 'confidential' }).sections)].map((s) => s.title);
    const nlH = headings('nl');
    const enH = headings('en');
    expect(nlH).toHaveLength(enH.length);
    // Headings that name a domain contain the review's own text in both; the rest differ.
    const reviewText = new Set(review.policyTree.domains.map((d) => d.name));
    const differing = nlH.filter((h, i) => h !== enH[i]);
    expect(differing.length).toBeGreaterThan(nlH.length * 0.9);
    for (const [i, h] of nlH.entries()) if (h === enH[i]) expect(reviewText.has(h) || /^\d/.test(h), h).toBe(true);
  });

  it('keeps the review text as written in both languages', () => {
    const review = rich();
    for (const lang of ['nl', 'en'] as const) {
      const texts = [...documentTexts(buildReport(review, null, { lang }))].join('\n');
      expect(texts).toContain(review.policyTree.objectives[0]!.text);
      expect(texts).toContain(review.recommendations[0]!.text);
    }
  });

  it('formats numbers, shares, dates and unknown sums per language', () => {
    expect(formatAmount(1234567, 'nl')).toBe('1.234.567');
    expect(formatAmount(1234567, 'en')).toBe('1,234,567');
    expect(formatNumber(7.1, 'nl')).toBe('7,1');
    expect(formatNumber(-0.5, 'en')).toBe('-0.5');
    expect(formatShare(0.4912, 'nl')).toBe('49,1%');
    expect(formatShare(null, 'en')).toBe('unknown');
    expect(formatDate('2015-12-07', 'nl')).toBe('7 december 2015');
    expect(formatDate('2016-04', 'en')).toBe('April 2016');
    expect(formatDate('2017', 'nl')).toBe('2017');
    expect(formatSum({ amount: null, known: 1200, unknownParts: 1 }, 'nl')).toBe('≥ 1.200 (1 onbekend)');
    expect(formatSum({ amount: null, known: 0, unknownParts: 2 }, 'en')).toBe('unknown');
  });
});
