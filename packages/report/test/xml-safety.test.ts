// Characters XML 1.0 cannot hold (U+FFFE, U+FFFF, C0 controls, lone surrogates) may be in any
// text of a review; the .docx must stay well-formed wherever the text lands: runs, figure alt
// texts, core properties, the SVG of a figure.
import { describe, expect, it } from 'vitest';
import { strFromU8 } from 'fflate';
import { renderReport } from '../src/index.js';
import { loadReview, MINI_PATH, unzipDocx } from './helpers.js';
import { xmlFault } from './xml.js';

const BAD = 'x\ufffey\uffffz\u0001\u001f\ud800w\udc00v';

function poisoned() {
  const review = loadReview(MINI_PATH);
  review.title = `Title ${BAD}`;
  review.policyTree.mainGoal.text = `Goal ${BAD}`;
  for (const d of review.policyTree.domains) d.name = `Domain ${BAD}`;
  for (const o of review.policyTree.objectives) o.text = `Objective ${BAD}`;
  for (const i of review.instruments) i.name = `Instrument ${BAD}`;
  for (const s of review.sources) s.title = `Source ${BAD}`;
  for (const f of review.findings) f.statement = `Finding ${BAD}`;
  return review;
}

describe('.docx with characters XML does not allow', () => {
  it('keeps every XML part well-formed: document, alt texts, core properties, figures', async () => {
    for (const lang of ['nl', 'en'] as const) {
      const bytes = (await renderReport('docx', poisoned(), null, { lang, audience: 'confidential' })) as Uint8Array;
      const parts = Object.entries(unzipDocx(bytes)).filter(([name]) => /\.(xml|rels|svg)$/.test(name));
      expect(parts.map(([name]) => name)).toEqual(expect.arrayContaining(['word/document.xml', 'docProps/core.xml']));
      expect(parts.some(([name]) => name.endsWith('.svg'))).toBe(true);
      for (const [name, data] of parts) expect(xmlFault(strFromU8(data)), `${lang} ${name}`).toBeUndefined();
      const document = strFromU8(unzipDocx(bytes)['word/document.xml']!);
      expect(document).toContain('Instrument xyz');
      expect(document).toMatch(/descr="[^"]*"/);
    }
  });

  it('the checker finds what it must (so the test above can fail)', () => {
    expect(xmlFault('<a>x\ufffe</a>')).toMatch(/U\+FFFE/);
    expect(xmlFault('<a><b></a>')).toMatch(/closes/);
    expect(xmlFault('<a x="1" x="2"/>')).toMatch(/repeated/);
    expect(xmlFault('<a>&nbsp;</a>')).toMatch(/entity/);
    expect(xmlFault('<a>&#1;</a>')).toMatch(/character reference/);
    expect(xmlFault('<?xml version="1.0"?><a b="&amp;">t<!-- c --><![CDATA[<]]></a>')).toBeUndefined();
  });
});
