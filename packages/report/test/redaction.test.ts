import { analyze, type Review } from '@polev/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderDocx, renderHtml, renderMarkdown } from '../src/index.js';
import { readDocx, rich } from './helpers.js';

/**
 * Redaction without gaps: in reviews where random items are classified and every text of a
 * classified item carries a unique marker — titles of any length, names, authors, references,
 * statements, notes — and public findings quote classified titles and authors, no marker reaches
 * any public output: the analysis and the report as Markdown, HTML and Word, in both languages.
 */
const MARK = /zq[0-9]+zq/;

function classify(base: Review, picks: { kind: number; index: number; level: 'restricted' | 'secret'; quote: number }[]): Review {
  const r = structuredClone(base);
  let n = 0;
  const marker = () => `zq${++n}zq`;
  // An item is classified once: a second pick would replace its texts, leaving the first marker
  // quoted in a public finding as nobody's text — a leak of the generator, not of the redaction.
  const lengths = [r.sources.length, r.instruments.length, r.findings.length, r.policyTree.objectives.length];
  const seen = new Set<string>();
  for (const p of picks) {
    const key = `${p.kind}:${p.index % Math.max(1, lengths[p.kind] ?? 1)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (p.kind === 0 && r.sources.length) {
      const s = r.sources[p.index % r.sources.length]!;
      Object.assign(s, { classification: p.level, title: `${marker()}`, author: `Author ${marker()}`, reference: `Ref ${marker()}`, notes: `Note ${marker()}` });
      // A kept public finding quotes the classified title and author.
      const quoting = r.findings[p.quote % Math.max(1, r.findings.length)];
      if (quoting && quoting.classification === 'public') quoting.statement = `${quoting.statement} Zie "${s.title}" van ${s.author}.`;
    } else if (p.kind === 1 && r.instruments.length) {
      Object.assign(r.instruments[p.index % r.instruments.length]!, { classification: p.level, name: `Instrument ${marker()}`, intent: marker(), notes: marker() });
    } else if (p.kind === 2 && r.findings.length) {
      Object.assign(r.findings[p.index % r.findings.length]!, { classification: p.level, statement: `Bevinding ${marker()}`, notes: marker() });
    } else if (p.kind === 3 && r.policyTree.objectives.length) {
      Object.assign(r.policyTree.objectives[p.index % r.policyTree.objectives.length]!, { classification: p.level, text: `Doel ${marker()}` });
    }
  }
  return r;
}

const picksArb = fc.array(
  fc.record({ kind: fc.integer({ min: 0, max: 3 }), index: fc.nat(), level: fc.constantFrom('restricted' as const, 'secret' as const), quote: fc.nat() }),
  { minLength: 1, maxLength: 6 },
);

describe('redaction without gaps', () => {
  it('no marker of a classified item in the public analysis, Markdown or HTML, in either language', () => {
    fc.assert(
      fc.property(picksArb, (picks) => {
        const r = classify(rich(), picks);
        const full = analyze(r);
        for (const lang of ['nl', 'en'] as const) {
          expect(JSON.stringify(analyze(r, { audience: 'public', lang }))).not.toMatch(MARK);
          expect(renderMarkdown(r, full, { audience: 'public', lang })).not.toMatch(MARK);
          expect(renderHtml(r, full, { audience: 'public', lang })).not.toMatch(MARK);
        }
      }),
      { numRuns: 10 },
    );
  });

  it('no marker in the public Word document', async () => {
    await fc.assert(
      fc.asyncProperty(picksArb, async (picks) => {
        const r = classify(rich(), picks);
        const docx = await readDocx(await renderDocx(r, null, { audience: 'public', lang: 'nl' }));
        expect(docx.text).not.toMatch(MARK);
      }),
      { numRuns: 2 },
    );
  });

  it('the markers do reach the confidential version (the test can see a leak)', () => {
    const r = classify(rich(), [{ kind: 0, index: 0, level: 'secret', quote: 0 }, { kind: 1, index: 0, level: 'secret', quote: 0 }]);
    expect(renderMarkdown(r, analyze(r), { audience: 'confidential', lang: 'nl' })).toMatch(MARK);
  });
});
