import { analyze } from '@polev/core';
import MarkdownIt from 'markdown-it';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildReport, renderDocx, renderHtml, renderMarkdown, renderReport, REPORT_FORMATS, walkSections } from '../src/index.js';
import { docxXml, loadReview, maliciousReview, MINI_PATH, PAYLOADS, readDocx, rich, unzipDocx } from './helpers.js';

const review = rich();
const assessment = analyze(review);

describe('markdown', () => {
  const md = renderMarkdown(review, assessment, { lang: 'nl', audience: 'public' });

  it('follows the seed: summary, seven chapters, appendices with trees, instrument tables, sources and the RPE index', () => {
    const h2 = md.split('\n').filter((l) => l.startsWith('## ')).map((l) => l.slice(3));
    expect(h2.slice(0, 9)).toEqual([
      'Inhoud',
      'Samenvatting',
      '1 Afbakening van de beleidsdoorlichting',
      '2 Motivering van het gevoerde beleid: aanleiding, doel en legitimiteit',
      '3 Aard en samenhang van ingezette instrumenten en samenhangende uitgaven',
      '4 Evaluaties en dekking van het onderzoek',
      '5 Doeltreffendheid en doelmatigheid van het gevoerde beleid',
      '6 Aanbevelingen en besparingsvariant',
      '7 Verantwoording onderzoek',
    ]);
    expect(h2).toContain('Bijlage 2: Beleidsboom Contraterrorisme');
    expect(h2).toContain('Bijlage 5: Lacunekaarten');
    expect(h2).toContain('Bijlage 6: Overzicht beleidsinstrumenten Contraterrorisme');
    expect(h2).toContain('Bijlage 10: Bevindingen');
    expect(h2).toContain('Bijlage 11: Bronnen');
    expect(h2).toContain('Bijlage 12: Index van de RPE\\-vragen'.replace('\\', ''));
    expect(md).toContain('| Doelstelling en instrument | Realisatie en werkbaarheid | Evaluaties die iets zeggen over doeltreffendheid en doelmatigheid |');
  });

  it('is stable: the same input gives byte-identical output, with no date unless one is passed', () => {
    expect(renderMarkdown(review, assessment, { lang: 'nl' })).toBe(md);
    expect(md).not.toMatch(/20(2\d|3\d)-\d\d-\d\d/);
    expect(renderMarkdown(review, assessment, { generatedOn: '2030-01-02' })).toContain('2030-01-02');
    expect(md.endsWith('\n')).toBe(true);
    expect(md).not.toMatch(/\n\n\n/);
  });

  it('is valid Markdown: every table row has its columns', () => {
    const tokens = new MarkdownIt().parse(md, {});
    const tables = tokens.filter((t) => t.type === 'table_open');
    const captions = md.split('\n').filter((l) => /^\*\*Tabel \d+:/.test(l));
    expect(tables.length).toBeGreaterThanOrEqual(captions.length);
    for (const line of md.split('\n').filter((l) => l.startsWith('|'))) expect(line.endsWith('|')).toBe(true);
  });
});

describe('html', () => {
  const html = renderHtml(review, assessment, { lang: 'en', audience: 'public' });

  it('is one self-contained file: a CSP that forbids loading anything, inline CSS and SVG, no scripts, no external references', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<link\b/i);
    expect(html).not.toMatch(/\b(src|href)="(?!#)/i);
    expect(html).not.toMatch(/url\((?!#)/i);
    expect(html).not.toMatch(/@import/i);
    expect(html.match(/<svg /g)!.length).toBeGreaterThan(5);
    expect(html).toContain('<html lang="en">');
  });

  it('has a print stylesheet for A4, with landscape pages for the trees', () => {
    expect(html).toContain('@page{size:A4;margin:2cm}');
    expect(html).toContain('@page landscape{size:A4 landscape');
    expect(html).toContain('@media print');
    expect(html).toContain('thead{display:table-header-group}');
  });

  it('numbers tables and figures in reading order', () => {
    const tables = [...html.matchAll(/<caption><span class="label">Table (\d+)<\/span>/g)].map((m) => Number(m[1]));
    const figures = [...html.matchAll(/<figcaption><span class="label">Figure (\d+)<\/span>/g)].map((m) => Number(m[1]));
    expect(tables).toEqual(tables.map((_, i) => i + 1));
    expect(figures).toEqual(figures.map((_, i) => i + 1));
    expect(figures.length).toBeGreaterThan(5);
  });

  it('links every table-of-contents entry to a section that exists', () => {
    const ids = new Set([...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]));
    const links = [...html.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]);
    expect(links.length).toBeGreaterThan(20);
    for (const l of links) expect(ids.has(l), l).toBe(true);
  });
});

describe('docx', () => {
  let bytes: Uint8Array;
  let renderedWithoutDate: Uint8Array;
  let xml: string;
  let read: Awaited<ReturnType<typeof readDocx>>;
  beforeAll(async () => {
    bytes = await renderDocx(review, assessment, { lang: 'nl', audience: 'public' });
    renderedWithoutDate = await renderDocx({ ...review, dates: {} }, assessment, { lang: 'nl', rasterize: () => new Uint8Array([0]) });
    xml = docxXml(bytes);
    read = await readDocx(bytes);
  });

  it('uses real heading styles, which an independent reader (mammoth) maps to headings', () => {
    expect(xml).toContain('<w:pStyle w:val="Heading1"/>');
    expect(xml).toContain('<w:pStyle w:val="Heading2"/>');
    expect(xml).toContain('<w:pStyle w:val="Heading3"/>');
    const headings = (level: number) => [...read.html.matchAll(new RegExp(`<h${level}>(?:<a id="[^"]*"></a>)*([^<]*)</h${level}>`, 'g'))].map((m) => m[1]);
    const h1 = headings(1);
    expect(h1.slice(0, 8)).toEqual([
      'Samenvatting',
      '1 Afbakening van de beleidsdoorlichting',
      '2 Motivering van het gevoerde beleid: aanleiding, doel en legitimiteit',
      '3 Aard en samenhang van ingezette instrumenten en samenhangende uitgaven',
      '4 Evaluaties en dekking van het onderzoek',
      '5 Doeltreffendheid en doelmatigheid van het gevoerde beleid',
      '6 Aanbevelingen en besparingsvariant',
      '7 Verantwoording onderzoek',
    ]);
    expect(h1).toContain('Bijlage 6: Overzicht beleidsinstrumenten Contraterrorisme');
    expect(h1).toContain('Bijlage 12: Index van de RPE-vragen');
    expect(headings(2)).toContain('1.1 Behandelde begrotingsartikelen');
    expect(headings(3)).toContain('2.3.1 Beleidsdoelstellingen Contraterrorisme');
  });

  it('has a table of contents with page references and numbered captions (SEQ fields)', () => {
    // Links to the headings' bookmarks, with PAGEREF fields Word and LibreOffice fill in.
    expect(xml).toMatch(/PAGEREF r\d+ \\h/);
    expect(read.html).toMatch(/<a href="#r\d+">(<strong>)?1 Afbakening van de beleidsdoorlichting/);
    expect(xml).toMatch(/SEQ Tabel/);
    expect(xml).toMatch(/SEQ Figuur/);
    expect(read.text).toMatch(/Tabel 1: Getrapte oordelen per taakveld/);
    expect(read.text).toMatch(/Figuur 1: Programma-uitgaven per jaar/);
    const settings = docxXml(bytes, 'word/settings.xml');
    expect(settings).toContain('<w:updateFields/>');
  });

  it('has the appendix rows of every instrument table, readable by mammoth', () => {
    for (const i of review.instruments.filter((x) => x.classification === 'public')) expect(read.text, i.name).toContain(`${i.number}. ${i.name}`);
    expect(read.html).toContain('Realisatie en werkbaarheid');
    expect(read.text).toContain('Sinds november 2013 zijn circa 95 uitkeringen stopgezet');
    expect(read.text).toContain('NL-Alert bereikte op 7 december 2015 ongeveer 7,1 miljoen mensen.');
  });

  it('embeds the figures as images (SVG with a PNG fallback), and repeats table header rows', () => {
    const files = Object.keys(unzipDocx(bytes));
    const png = files.filter((f) => f.startsWith('word/media/') && f.endsWith('.png'));
    const svg = files.filter((f) => f.startsWith('word/media/') && f.endsWith('.svg'));
    expect(png.length).toBeGreaterThan(4);
    expect(svg.length).toBe(png.length);
    const first = unzipDocx(bytes)[png[0]!]!;
    expect([...first.slice(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
    expect(read.html.match(/<img /g)!.length).toBe(png.length);
    expect(xml).toContain('<w:tblHeader/>');
    expect(xml).toContain('w:orient="landscape"');
  });

  it('writes no clock time into the document properties: the date is the review’s', () => {
    const core = docxXml(bytes, 'docProps/core.xml');
    expect(core).toContain(`<dcterms:created xsi:type="dcterms:W3CDTF">${review.dates.completed}T00:00:00Z</dcterms:created>`);
    expect(docxXml(renderedWithoutDate, 'docProps/core.xml')).not.toContain('dcterms:created');
    expect(core).toContain('<dc:language>nl-NL</dc:language>');
  });
});

describe('safety: review text is text, in every format', () => {
  const evil = maliciousReview(rich());

  it('escapes script, event-handler and javascript: payloads in HTML', () => {
    for (const audience of ['public', 'confidential'] as const) {
      const html = renderHtml(evil, null, { audience });
      expect(html).not.toMatch(/<script/i);
      expect(html).not.toMatch(/<img/i);
      expect(html).not.toMatch(/<a\s+href="(?!#)/i);
      expect(html).not.toMatch(/<svg onload/i);
      expect(html).not.toMatch(/href="javascript:/i);
      expect(html).toContain('&lt;script&gt;window.__xss = 1; alert(1)&lt;/script&gt;');
      expect(html).toContain('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;');
    }
  });

  it('escapes them in Markdown so that a Markdown renderer shows them literally', () => {
    const md = renderMarkdown(evil, null, { audience: 'confidential' });
    const rendered = new MarkdownIt({ html: true, linkify: true }).render(md);
    expect(rendered).not.toMatch(/<script/i);
    expect(rendered).not.toMatch(/<img/i);
    // Bare https addresses may be autolinked (as GitHub does); nothing else becomes a link.
    // The only links are the report's own references (#anchors) and linkified plain URLs.
    expect(rendered).not.toMatch(/<a\s+href="(?!https:\/\/|#ref-|#table-|#appendix-|#expenditure-|#effects|#options-)/i);
    expect(rendered).not.toMatch(/javascript:alert\(1\)"/);
    expect(rendered).not.toMatch(/<svg/i);
    expect(rendered).not.toMatch(/<code>/i);
    expect(rendered).toContain('[klik hier](javascript:alert(1))');
    expect(rendered).toContain('&lt;script&gt;');
    // Pipes in review text do not break the table structure: every body row has as many cells as its header.
    const tokens = new MarkdownIt().parse(md, {});
    let header = 0;
    let cells = 0;
    let inHead = false;
    for (const t of tokens) {
      if (t.type === 'thead_open') [inHead, header] = [true, 0];
      if (t.type === 'thead_close') inHead = false;
      if (t.type === 'th_open' && inHead) header++;
      if (t.type === 'tr_open') cells = 0;
      if (t.type === 'td_open') cells++;
      if (t.type === 'tr_close' && !inHead) expect(cells).toBe(header);
    }
    expect(rendered).toContain('| pipe');
  });

  it('writes them as plain text in .docx', async () => {
    const bytes = await renderDocx(evil, null, { audience: 'confidential' });
    const xml = docxXml(bytes);
    expect(xml).not.toContain('<script');
    expect(xml).toContain('&lt;script&gt;window.__xss = 1; alert(1)&lt;/script&gt;');
    const read = await readDocx(bytes);
    expect(read.html).not.toMatch(/<script|<img src="x"|href="javascript/i);
    for (const p of PAYLOADS.slice(0, 3)) expect(read.text).toContain(p);
  });

  it('keeps control characters from corrupting the .docx', async () => {
    const withControl = { ...rich(), title: 'Titel met \u0001 stuurteken\u000b en tab\t' };
    const bytes = await renderDocx(withControl, null, {});
    const read = await readDocx(bytes);
    expect(read.text).toMatch(/Titel met +stuurteken +en tab/);
  });
});

describe('API', () => {
  it('renders every format through renderReport, for the mini fixture too', async () => {
    const mini = loadReview(MINI_PATH);
    expect(await renderReport('markdown', mini)).toContain('# A small review');
    expect(await renderReport('md', mini, null, { lang: 'en' })).toContain('## Summary');
    expect(await renderReport('html', mini)).toContain('<h1>A small review</h1>');
    expect((await renderReport('docx', mini)).byteLength).toBeGreaterThan(5000);
    await expect(renderReport('odt' as 'html', mini)).rejects.toThrow(/unknown report format/);
    expect(REPORT_FORMATS.docx.extension).toBe('.docx');
  });

  it('rejects unknown options', () => {
    expect(() => buildReport(review, assessment, { lang: 'de' as 'nl' })).toThrow(/lang/);
    expect(() => buildReport(review, assessment, { audience: 'everyone' as 'public' })).toThrow(/audience/);
  });

  it('defaults to Dutch and the public audience', () => {
    const doc = buildReport(review);
    expect(doc.lang).toBe('nl');
    expect(doc.audience).toBe('public');
    expect([...walkSections(doc.sections)][0]!.title).toBe('Samenvatting');
  });
});
