import { analyze, type Assessment } from '@polev/core';
import { describe, expect, it } from 'vitest';
import { buildReport, documentTexts, renderHtml, renderMarkdown } from '../src/index.js';
import { loadExample, rich } from './helpers.js';

/**
 * The report analyses in its own language: a Dutch report carries Dutch reasons and
 * recommendations, whether it analyses the review itself or is handed an assessment.
 */
const { review } = loadExample();

/** Sentences the English analysis writes about the example, which a Dutch report must not contain. */
const ENGLISH_REASONS = [
  'No evaluation resting on at least',
  'No cost is attributed to any of',
  'instruments were realised in the period',
  'Formulate the objectives SMART',
  'not determinable as a whole',
  'Only its realisation is documented',
  'No evaluation cited in the review covers this instrument',
];

describe('the language of the reasons in a report', () => {
  describe.each(['public', 'confidential'] as const)('the %s version of the bundled example', (audience) => {
    const given: [string, () => Assessment | null][] = [
      ['no assessment', () => null],
      ['an English assessment', () => analyze(review)],
      ['a Dutch assessment', () => analyze(review, { lang: 'nl' })],
    ];
    it.each(given)('in Dutch, given %s, has Dutch verdict reasons and no English reason sentence', (_, assessment) => {
      const html = renderHtml(review, assessment(), { lang: 'nl', audience });
      expect(html).toContain('Geen evaluatie die berust op ten minste');
      expect(html).toMatch(/Aan geen van ten minste \d+ instrumenten zijn uitgaven toe te rekenen; de begrotingsregels en hun bedragen zijn niet alle bekend/);
      expect(html).toContain('Formuleer de doelstellingen SMART');
      for (const sentence of ENGLISH_REASONS) expect(html, sentence).not.toContain(sentence);
    });

    it('in English keeps the English reasons, even given a Dutch assessment', () => {
      const html = renderHtml(review, analyze(review, { lang: 'nl' }), { lang: 'en', audience });
      expect(html).toContain('No evaluation resting on at least');
      expect(html).toMatch(/None of at least \d+ instruments has an attributed cost/);
      expect(html).not.toContain('Geen evaluatie die berust op ten minste');
    });
  });

  it('uses an assessment in the report’s language as it is', () => {
    const marked: Assessment = structuredClone(analyze(review, { lang: 'nl' }));
    marked.verdicts.domains[0]!.efficiency.reasons = ['Gemarkeerde onderbouwing uit de meegegeven beoordeling.'];
    const texts = [...documentTexts(buildReport(review, marked, { lang: 'nl', audience: 'confidential' }))].join('\n');
    expect(texts).toContain('Gemarkeerde onderbouwing uit de meegegeven beoordeling.');
  });

  it('analyses again in its language an assessment in the other one, keeping its savings variant', () => {
    const r = rich();
    const english = analyze(r, { savings: { percent: 10 } });
    expect(english.savings.baseYear).not.toBeNull();
    const md = renderMarkdown(r, english, { lang: 'nl', audience: 'confidential' });
    expect(md).toContain('De besparingsvariant zoekt 10% van het programmabudget');
    expect(md).toContain('Elke regel die niet ontzien of vastgelegd is en een bekend bedrag heeft, levert hetzelfde aandeel in.');
    expect(md).not.toContain('Every line that is not protected');
    // Savings options given to the report win over those of the assessment.
    const other = renderMarkdown(r, english, { lang: 'nl', audience: 'confidential', analyzeOptions: { savings: { percent: 30 } } });
    expect(other).toContain('De besparingsvariant zoekt 30% van het programmabudget');
  });

  it('takes the report’s language over a lang in analyzeOptions', () => {
    const md = renderMarkdown(review, null, { lang: 'nl', analyzeOptions: { lang: 'en' } });
    expect(md).toContain('Geen evaluatie die berust op ten minste');
    expect(md).not.toContain('No evaluation resting on at least');
  });
});
