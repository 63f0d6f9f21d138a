import { plainLostText } from '../src/model/references.js';
import { referenceLabels } from '../src/labels/references.js';
import { analyze } from '@polev/core';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildReport, renderDocx, renderHtml, renderMarkdown, svgToPng, walkSections, type FigureBlock } from '../src/index.js';
import { docxXml, loadExample, outputDir, readDocx } from './helpers.js';

/**
 * The bundled example (examples/nctv-36-2/review.yaml) in all three formats, in both languages.
 * The rendered files are written to test-output/ for a person to look at.
 */
const { review, isExample, path } = loadExample();
if (!isExample) console.warn(`note: ${path} stands in for the bundled example, which does not exist yet`);

describe.each(['nl', 'en'] as const)('the bundled example in %s', (lang) => {
  const headings = {
    nl: { summary: 'Samenvatting', scope: '1 Afbakening van de beleidsdoorlichting', tree: 'Beleidsboom', sources: 'Bronnen', index: 'Index van de RPE-vragen' },
    en: { summary: 'Summary', scope: '1 Scope of the policy review', tree: 'Policy tree', sources: 'Sources', index: 'Index of the RPE questions' },
  }[lang];
  const assessment = analyze(review);
  let md: string;
  let html: string;
  let docx: Uint8Array;
  beforeAll(async () => {
    md = renderMarkdown(review, assessment, { lang });
    html = renderHtml(review, assessment, { lang });
    docx = await renderDocx(review, assessment, { lang });
    const dir = outputDir();
    writeFileSync(join(dir, `example-${lang}.md`), md);
    writeFileSync(join(dir, `example-${lang}.html`), html);
    writeFileSync(join(dir, `example-${lang}.docx`), docx);
  });

  it('renders Markdown with the chapters and appendices of the seed', () => {
    expect(md).toContain(`# ${review.title.replace(/[\\`*_[\]<>#|~&]/g, (c) => `\\${c}`)}`);
    expect(md).toContain(`## ${headings.summary}`);
    expect(md).toContain(`## ${headings.scope}`);
    expect(md).toMatch(new RegExp(`## (Bijlage|Appendix) \\d+: ${headings.tree}`));
    for (const d of review.policyTree.domains) expect(md).toContain(d.name.replace(/[\\`*_[\]<>#|~&]/g, (c) => `\\${c}`));
  });

  it("shows the review's own savings chapter beside polev's variants, its unknown base as unknown", () => {
    const words = {
      nl: { intro: 'zoekt 20% van een basis die het niet geeft (onbekend).', row: '| Het eigen besparingshoofdstuk van de doorlichting | onbekend | onbekend | onbekend |', unknown: 'onbekend' },
      en: { intro: 'looks for 20% of a base it does not give (unknown).', row: "| The review's own savings chapter | unknown | unknown | unknown |", unknown: 'unknown' },
    }[lang];
    const savings = md.slice(md.indexOf('### 6.3'), md.indexOf('\n## ', md.indexOf('### 6.3')));
    expect(savings).toContain(words.intro);
    expect(savings).toContain(words.row);
    expect(savings).toContain('-/- circa 20% van de middelen op het (de) beleidsartikel(en)');
    expect(savings).not.toMatch(/\| 0 \||€ ?0\b/);
    expect(html).toContain(words.intro);
    expect(docxXml(docx)).toContain(words.intro);
  });

  it('renders HTML with headings, tables and figures', () => {
    expect(html).toContain(`<html lang="${lang}">`);
    expect(html.match(/<h2>/g)!.length).toBeGreaterThanOrEqual(8 + review.policyTree.domains.length * 2 + 3);
    expect(html.match(/<table>/g)!.length).toBeGreaterThan(15);
    expect(html.match(/<figure /g)!.length).toBeGreaterThanOrEqual(1 + 2 * review.policyTree.domains.length);
  });

  it('renders a .docx whose headings and appendix rows an independent reader finds', async () => {
    const read = await readDocx(docx);
    expect(read.html).toMatch(new RegExp(`<h1>(<a id="[^"]*"></a>)*${headings.summary}</h1>`));
    expect(read.html).toMatch(new RegExp(`<h1>(<a id="[^"]*"></a>)*(Bijlage|Appendix) \\d+: ${headings.sources}</h1>`));
    expect(read.html).toMatch(new RegExp(`<h1>(<a id="[^"]*"></a>)*(Bijlage|Appendix) \\d+: ${headings.index}</h1>`));
    // Every public instrument has its row in its domain's appendix table.
    // (The source's lost-text markers are shown as markers, in the report's language.)
    for (const i of review.instruments.filter((x) => x.classification === 'public')) expect(read.text).toContain(plainLostText(i.name, referenceLabels(lang)).replace(/\s+/g, ' ').trim());
    expect(docxXml(docx)).toContain('w:orient="landscape"');
  });

  it('rasterises the policy tree to a PNG (as in the .docx) for a person to look at', async () => {
    const doc = buildReport(review, assessment, { lang });
    const tree = [...walkSections(doc.sections)].flatMap((s) => s.blocks).find((b): b is FigureBlock => b.kind === 'figure' && b.figure === 'tree' && b.id.startsWith('figure-tree-') && !b.id.startsWith('figure-tree-overview'))!;
    const png = await svgToPng(tree.svg, tree.width * 1.5);
    expect([...png.slice(0, 4)]).toEqual([137, 80, 78, 71]);
    writeFileSync(join(outputDir(), `example-${lang}-tree-resvg.png`), png);
  });
});
