import { analyze, Review as ReviewSchema } from '@polev/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildReport, documentTexts, filterReviewForAudience, renderDocx, renderHtml, renderMarkdown, walkSections } from '../src/index.js';
import { allDocxText, docxXml, readDocx, rich } from './helpers.js';

/**
 * The rich fixture holds a classified evaluation ("Geheime evaluatie Operatie Nachtegaal"), its
 * findings (one public-classified but resting on it), a classified instrument ("Kraai"), a
 * classified indicator and conclusion. None of it may reach the public version.
 */
const NEEDLES = [
  'Geheime evaluatie Operatie Nachtegaal',
  'Nachtegaal',
  'Stg. Geheim nr. 4711',
  'Naald-bevinding',
  'observatieteam',
  'Doelmatigheidsbevinding',
  'Kraai',
  'geheime jaarverslag',
  'Conclusie over Kraai',
  // ids of the dropped records
  's-geheim',
  'f-geheim',
  'ct-i7',
  'ind-geheim',
  'c-geheim',
];

describe('audience filtering', () => {
  const review = rich();

  it('drops every classified record and everything that references one, leaving a consistent review', () => {
    const { review: pub, dropped } = filterReviewForAudience(review, 'public');
    expect(dropped.map((d) => d.id).sort()).toEqual(['c-geheim', 'ct-i7', 'f-geheim-1', 'f-geheim-2', 'ind-geheim'].concat('s-geheim').sort());
    expect(pub.sources.some((s) => s.classification !== 'public')).toBe(false);
    expect(pub.instruments.some((i) => i.classification !== 'public')).toBe(false);
    // f-geheim-2 is not classified itself, but rests on the classified source.
    expect(pub.findings.find((f) => f.id === 'f-geheim-2')).toBeUndefined();
    expect(pub.budgetLines.find((l) => l.id === 'bl-kraai')!.instruments).toEqual([]);
    // Still a valid review: the analysis runs on it.
    expect(ReviewSchema.safeParse(pub).success).toBe(true);
    expect(() => analyze(pub)).not.toThrow();
    const json = JSON.stringify(pub);
    for (const n of NEEDLES) expect(json, n).not.toContain(n);
  });

  it('keeps everything for the confidential audience', () => {
    const { review: conf, dropped } = filterReviewForAudience(review, 'confidential');
    expect(dropped).toEqual([]);
    expect(conf).toBe(review);
  });

  it('never prints an assessment made on the full review in the public version', () => {
    // The caller passes the assessment of the full review, which names the classified records.
    const full = analyze(review);
    expect(JSON.stringify(full)).toContain('ct-i7');
    const doc = buildReport(review, full, { audience: 'public' });
    const text = [...documentTexts(doc)].join('\n');
    for (const n of NEEDLES) expect(text, n).not.toContain(n);
    expect(doc.classifiedOmitted).toBe(true);
  });

  describe('outputs', () => {
    const outputs: Record<string, { md: string; html: string; docx: Uint8Array; docxText: string; docxRead: string }> = {};
    beforeAll(async () => {
      for (const audience of ['public', 'confidential'] as const) {
        for (const lang of ['nl', 'en'] as const) {
          const full = analyze(review);
          const docx = await renderDocx(review, full, { lang, audience });
          const read = await readDocx(docx);
          outputs[`${audience}-${lang}`] = {
            md: renderMarkdown(review, full, { lang, audience }),
            html: renderHtml(review, full, { lang, audience }),
            docx,
            docxText: allDocxText(docx),
            docxRead: `${read.text}\n${read.html}`,
          };
        }
      }
    });

    it.each(['nl', 'en'])('the public version (%s) contains no trace of the classified evaluation, its findings or the classified instrument, in any format', (lang) => {
      const o = outputs[`public-${lang}`]!;
      for (const n of NEEDLES) {
        expect(o.md, `markdown: ${n}`).not.toContain(n);
        expect(o.html, `html: ${n}`).not.toContain(n);
        expect(o.docxText, `docx xml: ${n}`).not.toContain(n);
        expect(o.docxRead, `docx via mammoth: ${n}`).not.toContain(n);
      }
      // Case-insensitive too, in the readable forms.
      for (const n of ['nachtegaal', 'kraai']) {
        expect(o.md.toLowerCase()).not.toContain(n);
        expect(o.html.toLowerCase()).not.toContain(n);
        expect(o.docxRead.toLowerCase()).not.toContain(n);
      }
    });

    it('the public version states that a classified annex exists, in every format', () => {
      const nl = outputs['public-nl']!;
      const en = outputs['public-en']!;
      for (const s of [nl.md, nl.html, nl.docxRead]) expect(s).toContain('gerubriceerde bijlage');
      for (const s of [en.md, en.html, en.docxRead]) expect(s).toContain('classified annex');
      expect(docxXml(nl.docx)).toContain('gerubriceerde bijlage');
    });

    it('the public version counts what it left out, per kind, in every format and both languages; never names, and the confidential version has no such count', () => {
      const expected = {
        en: { sentence: 'Left out of this public version, with everything that rests on it: 1 instrument, 1 source, 2 findings, 1 indicator and 1 conclusion (counts only).', caption: 'What this public version leaves out', row: /Findings[\s|*]*2/ },
        nl: { sentence: 'Weggelaten uit deze openbare versie, met alles wat erop rust: 1 instrument, 1 bron, 2 bevindingen, 1 indicator en 1 conclusie (alleen aantallen).', caption: 'Wat deze openbare versie weglaat', row: /Bevindingen[\s|*]*2/ },
      };
      for (const lang of ['nl', 'en'] as const) {
        const e = expected[lang];
        const o = outputs[`public-${lang}`]!;
        // The same counts as `polev analyze --audience public`.
        expect(analyze(review, { audience: 'public' }).audience.leftOut).toMatchObject({ instrument: 1, source: 1, finding: 2, indicator: 1, conclusion: 1, domain: 0, objective: 0 });
        const texts = { md: o.md.replace(/\\([-.()[\]*_#+!|])/g, '$1'), html: o.html.replace(/<[^>]+>/g, ' '), docx: o.docxRead.replace(/<[^>]+>/g, ' ') };
        for (const [format, text] of Object.entries(texts)) {
          const squashed = text.replace(/\s+/g, ' ');
          expect(squashed, `${lang} ${format}`).toContain(e.sentence);
          expect(squashed, `${lang} ${format}`).toContain(e.caption);
          expect(squashed, `${lang} ${format}`).toMatch(e.row);
        }
        const conf = outputs[`confidential-${lang}`]!;
        for (const text of [conf.md, conf.html, conf.docxRead]) expect(text).not.toContain(e.caption);
      }
    });

    it('the confidential version includes the classified material, visibly marked', () => {
      const o = outputs['confidential-nl']!;
      for (const n of ['Geheime evaluatie Operatie Nachtegaal', 'Naald-bevinding', 'Kraai']) {
        expect(o.md).toContain(n);
        expect(o.html).toContain(n);
        expect(o.docxRead).toContain(n);
      }
      expect(o.html).toContain('VERTROUWELIJK');
      expect(o.html).toMatch(/<span class="classified" data-classification="secret">Stg\. Geheim<\/span>/);
      expect(o.html).toContain('classified-row');
      expect(o.md).toContain('**\\[Stg. Geheim\\]**');
      expect(o.docxRead).toContain('STG. GEHEIM');
      expect(docxXml(o.docx, 'word/header1.xml')).toContain('VERTROUWELIJK');
      const en = outputs['confidential-en']!;
      expect(en.html).toContain('CONFIDENTIAL');
      expect(en.html).toContain('>secret</span>');
    });
  });

  it('does not mention a classified annex when nothing is classified', () => {
    const plain = { ...review, sources: review.sources.filter((s) => s.classification === 'public'), instruments: review.instruments.filter((i) => i.classification === 'public') };
    const cleaned = filterReviewForAudience(plain, 'public').review;
    const onlyPublic = { ...cleaned, findings: cleaned.findings, indicators: cleaned.indicators.filter((x) => x.classification === 'public'), conclusions: cleaned.conclusions.filter((x) => x.classification === 'public') };
    const doc = buildReport(onlyPublic, null, { audience: 'public' });
    expect(doc.classifiedOmitted).toBe(false);
    expect([...walkSections(doc.sections)].some((s) => s.id === 'appendix-classified')).toBe(false);
  });
});
