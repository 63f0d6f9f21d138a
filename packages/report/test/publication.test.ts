import { strFromU8 } from 'fflate';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { buildReport, documentTexts, filterReviewForAudience, renderDocx, renderHtml, renderMarkdown, walkSections, type TableBlock } from '../src/index.js';
import { layoutColumns } from '../src/render/columns.js';
import { textWidth } from '../src/figures/text.js';
import { complete, docxXml, loadExample, rich, unzipDocx } from './helpers.js';

/**
 * What stands between the report and publication (issue 16): evidence the reader can follow, only
 * what readers should read, honest figures, reasons said once, quotes marked as quotes.
 */

const { review } = loadExample();

/** Every id of the review a reader could meet in running text. */
function reviewIds(r = review): Set<string> {
  const ids = new Set<string>();
  const add = (xs: { id: string }[]) => xs.forEach((x) => ids.add(x.id));
  add(r.findings);
  add(r.sources);
  add(r.instruments);
  add(r.policyTree.objectives);
  add(r.budgetLines);
  add(r.indicators);
  add(r.conclusions);
  add(r.recommendations);
  return ids;
}

/** The ids standing as words in a text (an id with a digit, dot or hyphen: never a Dutch or English word). */
export function bareIds(text: string, ids: Set<string>): string[] {
  const found = new Set<string>();
  for (const m of text.matchAll(/(?<![\p{L}\p{N}._-])[a-z0-9][a-z0-9._-]*[a-z0-9](?![\p{L}\p{N}_-])/gu)) if (ids.has(m[0]) && /[0-9._-]/.test(m[0])) found.add(m[0]);
  return [...found];
}

/** Markdown as a reader sees it: the text of the rendered HTML, without link targets and anchors. */
function markdownText(md: string): string {
  return new MarkdownIt({ html: true })
    .render(md)
    .replace(/<[^>]+>/g, ' ')
    .replace(/&[a-z#0-9]+;/g, ' ');
}

describe.each(['nl', 'en'] as const)('the bundled example (%s)', (lang) => {
  const doc = buildReport(review, null, { lang });
  const md = renderMarkdown(review, null, { lang });
  const html = renderHtml(review, null, { lang });

  it('names no record by its id: the text of every format has none', () => {
    const ids = reviewIds();
    expect(bareIds([...documentTexts(doc)].filter((t) => !t.startsWith('<svg')).join('\n'), ids)).toEqual([]);
    expect(bareIds(markdownText(md), ids)).toEqual([]);
    expect(bareIds(html.replace(/<[^>]+>/g, ' '), ids)).toEqual([]);
  });

  it('numbers every finding in an appendix with its statement, source, strength, design and subjects, and links the text to it', () => {
    const findings = [...walkSections(doc.sections)].flatMap((s) => s.blocks).find((b): b is TableBlock => b.kind === 'table' && b.id === 'table-findings')!;
    // The public version: the classified findings are left out (and so not numbered).
    const publicFindings = filterReviewForAudience(review, 'public').review.findings;
    expect(findings.rows).toHaveLength(publicFindings.length);
    expect(findings.columns).toHaveLength(5);
    findings.rows.forEach((r, i) => {
      expect(r.anchor).toBe(`ref-finding-${i + 1}`);
      const text = r.cells.map((c) => c.content.map((p) => p.map((x) => x.text).join('')).join(' '));
      expect(text[0]).toBe(String(i + 1));
      expect(text[1]).toContain(publicFindings[i]!.statement.replace(/\[[^\]]*bewaard\]/g, '').replace(/\s+/g, ' ').trim().slice(0, 20));
      expect(text[3]).toMatch(/\S/);
      expect(text[4]).toMatch(/\S/);
    });
    // A verdict's reasons cite findings as "finding 12", linked to row 12.
    const word = lang === 'nl' ? 'bevinding' : 'finding';
    const links = [...html.matchAll(/<a class="ref" href="#(ref-finding-(\d+))"[^>]*>([^<]+)<\/a>/g)];
    expect(links.length).toBeGreaterThan(publicFindings.length);
    for (const [, anchor, n, text] of links) {
      expect(text).toBe(`${word} ${n}`);
      expect(html).toContain(`<tr id="${anchor}"`);
    }
  });

  it('resolves every link of the HTML and the Markdown to an anchor that exists', () => {
    const ids = new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));
    const hrefs = [...html.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]!);
    expect(hrefs.length).toBeGreaterThan(200);
    expect(hrefs.filter((h) => !ids.has(h))).toEqual([]);
    const mdIds = new Set([...md.matchAll(/<a id="([^"]+)"><\/a>/g)].map((m) => m[1]));
    const mdLinks = [...md.matchAll(/\]\(#([^)]+)\)/g)].map((m) => m[1]!);
    expect(mdLinks.length).toBeGreaterThan(200);
    expect(mdLinks.filter((h) => !mdIds.has(h))).toEqual([]);
  });

  it('prints none of the encoders’ notes and no schema field names', () => {
    const text = [...documentTexts(doc)].join('\n');
    for (const note of review.notes) expect(text).not.toContain(note.slice(0, 60));
    for (const a of review.rpeAnswers) if (a.note) expect(text).not.toContain(a.note.slice(0, 60));
    for (const f of review.findings) if (f.notes) expect(text).not.toContain(f.notes.slice(0, 60));
    for (const i of review.instruments) if (i.notes) expect(text).not.toContain(i.notes.slice(0, 60));
    expect(text).not.toMatch(/scopeExclusions|`smart`|gemapt op secret|rpeAnswers|budgetLines/);
  });

  it('shows the source’s lost-text markers as translated, styled markers, never as names', () => {
    expect(md).not.toMatch(/\\\[(Kop|Naam|Begin|Titel|rest) niet bewaard\\\]/);
    const marker = lang === 'nl' ? 'Kop niet bewaard in de bron' : 'Heading not preserved in the source';
    expect(html).toContain(`<span class="lost">${marker}</span>`);
    expect(md).toContain(`*\\[${marker}\\]*`);
  });

  it('says each distinct reason of a SMART table once, with the rows it applies to', () => {
    const tables = [...walkSections(doc.sections)].flatMap((s) => s.blocks).filter((b): b is TableBlock => b.kind === 'table');
    const smart = tables.filter((t) => /^table-smart-[^-]+$/.test(t.id) || /^table-smart-.*(?<!-reasons)$/.test(t.id)).filter((t) => !t.id.endsWith('-reasons'));
    expect(smart.length).toBe(review.policyTree.domains.length);
    for (const t of smart) {
      const reasons = tables.find((x) => x.id === `${t.id}-reasons`)!;
      expect(reasons).toBeDefined();
      const texts = reasons.rows.map((r) => r.cells[0]!.content.flat().map((x) => x.text).join(''));
      expect(new Set(texts).size).toBe(texts.length);
      // Every row number it names is a row of the table, linked.
      for (const r of reasons.rows) for (const run of r.cells[1]!.content.flat()) if (run.ref) expect(t.rows.some((x) => x.anchor === run.ref)).toBe(true);
      expect(t.caption.length).toBeGreaterThan(0);
      expect(reasons.caption).toContain(String(t.number));
    }
  });
});

describe('quotes in the review’s language', () => {
  it('marks the review’s Dutch conclusions and recommendations as quotes in the English report', async () => {
    const html = renderHtml(review, null, { lang: 'en' });
    expect(html).toContain('<div class="quote" lang="nl"><p class="quote-note" lang="en">Quoted from the review in its original language (Dutch).</p>');
    expect(renderHtml(review, null, { lang: 'nl' })).not.toContain('class="quote"');
    const md = renderMarkdown(review, null, { lang: 'en' });
    expect(md).toContain('> *Quoted from the review in its original language (Dutch).*');
    const xml = docxXml(await renderDocx(review, null, { lang: 'en', rasterize: () => new Uint8Array([0]) }));
    expect(xml).toContain('Quoted from the review in its original language (Dutch).');
    expect(xml).toMatch(/<w:lang w:val="nl-NL"\/>/);
  });
});

describe('remarks for readers', () => {
  it('prints the review’s remarks and an answer’s remarks, and never their notes', () => {
    const base = rich();
    const r = complete({ ...base, notes: ['ENCODER-NOTE-1'], remarks: ['Voor de lezer: de tabellen zijn overgenomen.'], rpeAnswers: [{ question: 1, status: 'report', location: '§1.1', note: 'ENCODER-NOTE-2', remarks: 'Zie ook de inleiding.' }] } as never);
    const md = renderMarkdown(r, null, { lang: 'nl' });
    expect(md).not.toContain('ENCODER-NOTE');
    expect(md).toContain('Voor de lezer: de tabellen zijn overgenomen.');
    expect(md).toContain('Zie ook de inleiding.');
  });
});

describe('expenditure without any known amount', () => {
  it('is a panel saying the source has no figures, and why, not a chart of unknown bars', () => {
    const base = rich();
    const r = complete({
      ...base,
      completeness: { expenditure: { status: 'unknown', missing: 'de tabel met programma-uitgaven staat op een ontbrekende pagina' } },
      budgetLines: base.budgetLines.map((l) => ({ ...l, kind: 'programme', expenditures: l.expenditures.map((e) => ({ ...e, amount: null })) })),
    } as never);
    const doc = buildReport(r, null, { lang: 'en' });
    const blocks = [...walkSections(doc.sections)].find((s) => s.id === 'expenditure-overview')!.blocks;
    expect(blocks.some((b) => b.kind === 'figure')).toBe(false);
    const panel = blocks.find((b) => b.kind === 'paragraph' && b.tone === 'notice' && b.content.some((x) => x.text.startsWith('No figures in the source')));
    expect(panel).toBeDefined();
    expect(panel!.kind === 'paragraph' && panel!.content.map((x) => x.text).join('')).toContain('de tabel met programma-uitgaven staat op een ontbrekende pagina');
  });
});

describe('Word layout', () => {
  it('gives every column at least its longest word in short cells and headers, and fills the width', () => {
    const doc = buildReport(review, null, { lang: 'nl' });
    const tables = [...walkSections(doc.sections)].flatMap((s) => s.blocks).filter((b): b is TableBlock => b.kind === 'table');
    const available = 9638;
    let checked = 0;
    for (const t of tables) {
      const { widths, fits } = layoutColumns(t, { available, fontSize: 160, padding: 200 });
      expect(widths.reduce((s, x) => s + x, 0)).toBeCloseTo(available, 0);
      if (!fits) continue;
      t.columns.forEach((c, j) => {
        for (const w of c.label.split(/\s+/)) expect(widths[j]! + 0.5).toBeGreaterThanOrEqual(textWidth(w, 160, true) + 200);
      });
      for (const r of t.rows) {
        if (r.kind === 'group') continue;
        r.cells.forEach((cell, j) => {
          for (const p of cell.content) {
            const text = p.map((x) => x.text).join('').trim();
            if (text.length > 0 && text.length <= 24 && (cell.colSpan ?? 1) === 1) for (const w of text.split(/\s+/)) expect(widths[j]! + 0.5).toBeGreaterThanOrEqual(textWidth(w, 160) + 200);
          }
        });
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(300);
  });

  it('takes its core properties from the review: title, who performed it, subject and date', async () => {
    const bytes = await renderDocx(review, null, { lang: 'nl', rasterize: () => new Uint8Array([0]) });
    const core = strFromU8(unzipDocx(bytes)['docProps/core.xml']!);
    expect(core).toContain(`<dc:title>${review.title}</dc:title>`);
    expect(core).toContain(`<dc:creator>${review.performedBy}</dc:creator>`);
    expect(core).not.toContain('<dc:creator>polev</dc:creator>');
    expect(core).toMatch(/<dc:subject>Beleidsdoorlichting · 36\.2/);
    expect(core).toContain(`<dcterms:created xsi:type="dcterms:W3CDTF">${review.dates.completed}T00:00:00Z</dcterms:created>`);
  });

  it('has a contents list of links to the headings with their page numbers as PAGEREF fields', async () => {
    const xml = docxXml(await renderDocx(review, null, { lang: 'nl', rasterize: () => new Uint8Array([0]) }));
    const refs = [...xml.matchAll(/PAGEREF (r\d+) \\h/g)].map((m) => m[1]!);
    expect(refs.length).toBeGreaterThan(40);
    for (const name of refs) expect(xml).toContain(`<w:bookmarkStart w:name="${name}"`);
  });
});
