import type { Block, Cell, Inline, ListBlock, ReportDocument, Row, Run, Section, TableBlock } from '../model/document.js';
import { STRENGTH_COLOURS } from '../figures/gapmap.js';
import { referenceLabels } from '../labels/references.js';
import { fitColumns } from './columns.js';

/**
 * One self-contained HTML file: no scripts, no network requests (a Content-Security-Policy
 * forbids them, and there is nothing to load), inline CSS and inline SVG figures, and a print
 * stylesheet for A4. Every piece of review text is escaped.
 */
export function documentToHtml(doc: ReportDocument): string {
  const L = doc.labels;
  const out: string[] = [];
  out.push(
    '<!DOCTYPE html>',
    `<html lang="${esc(doc.lang)}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="polev">',
    ...(doc.properties.author ? [`<meta name="author" content="${esc(doc.properties.author)}">`] : []),
    `<meta name="description" content="${esc(doc.properties.subject)}">`,
    `<meta name="keywords" content="${esc(doc.properties.keywords.join(', '))}">`,
    '<meta name="referrer" content="no-referrer">',
    `<title>${esc(`${doc.title} — ${doc.subtitle}`)}</title>`,
    `<style>${CSS}</style>`,
    '</head>',
    `<body class="audience-${esc(doc.audience)}">`,
    '<header class="cover">',
    `<p class="doctype">${esc(L.docType)}</p>`,
    `<h1>${esc(doc.title)}</h1>`,
    `<p class="version">${esc(doc.subtitle)}</p>`,
    '<dl class="meta">',
    ...doc.meta.map((m) => `<dt>${esc(m.term)}</dt><dd>${esc(m.value)}</dd>`),
    '</dl>',
    `<p class="banner banner-${esc(doc.banner.tone)}" role="note">${esc(doc.banner.text)}</p>`,
    '</header>',
    `<nav class="toc" aria-label="${esc(L.contents)}">`,
    `<h2 class="toc-title">${esc(L.contents)}</h2>`,
    toc(doc.sections),
    '</nav>',
    '<main>',
  );
  for (const s of doc.sections) section(s, out, doc);
  out.push('</main>', '</body>', '</html>');
  return `${out.join('\n')}\n`;
}

const headingText = (s: Section) => (s.number ? (s.appendix ? `${s.number}: ${s.title}` : `${s.number} ${s.title}`) : s.title);

function toc(sections: Section[]): string {
  const items = sections.map((s) => {
    const children = s.level < 2 && s.sections.some((c) => c.number) ? toc(s.sections.filter((c) => c.number)) : '';
    return `<li><a href="#${esc(s.id)}">${esc(headingText(s))}</a>${children}</li>`;
  });
  return `<ol>${items.join('')}</ol>`;
}

function section(s: Section, out: string[], doc: ReportDocument) {
  const classes = [`level-${s.level}`, s.level === 1 ? 'chapter' : '', s.appendix ? 'appendix' : '', s.landscape ? 'landscape' : ''].filter(Boolean).join(' ');
  const h = `h${s.level + 1}`;
  out.push(`<section id="${esc(s.id)}" class="${classes}">`);
  const heading = `<${h}>${s.number ? `<span class="num">${esc(s.appendix ? `${s.number}:` : s.number)}</span> ` : ''}${esc(s.title)}</${h}>`;
  // Reference material is folded on screen; a link into it opens it, and print shows it whole.
  if (s.folded) out.push('<details class="fold">', `<summary>${heading}</summary>`);
  else out.push(heading);
  for (const b of s.blocks) block(b, out, doc);
  for (const c of s.sections) section(c, out, doc);
  if (s.folded) out.push('</details>');
  out.push('</section>');
}

/** The note that says a quote is in the review's language, and the quote's language attribute. */
function quoteOpen(lang: string, doc: ReportDocument): string {
  const R = referenceLabels(doc.lang);
  return `<div class="quote" lang="${esc(lang)}"><p class="quote-note" lang="${esc(doc.lang)}">${esc(R.quoted(R.languageName[lang] ?? lang))}</p>`;
}

function block(b: Block, out: string[], doc: ReportDocument) {
  const L = doc.labels;
  switch (b.kind) {
    case 'paragraph': {
      const cls = b.tone && b.tone !== 'normal' ? ` class="${esc(b.tone)}"` : '';
      out.push(b.quote ? `${quoteOpen(b.quote, doc)}<p${cls}>${inline(b.content)}</p></div>` : `<p${cls}>${inline(b.content)}</p>`);
      return;
    }
    case 'list':
      out.push(b.quote ? `${quoteOpen(b.quote, doc)}${list(b)}</div>` : list(b));
      return;
    case 'definitions':
      out.push(`<dl class="definitions">${b.items.map((i) => `<dt>${esc(i.term)}</dt><dd>${inline(i.value)}</dd>`).join('')}</dl>`);
      return;
    case 'table':
      out.push(table(b, `${L.tableLabel} ${b.number}`));
      return;
    case 'figure':
      out.push(
        `<figure id="${esc(b.id)}" class="figure${b.landscape ? ' wide' : ''}">`,
        `<div class="svg" role="img" aria-label="${esc(b.alt)}">${b.svg}</div>`,
        `<figcaption><span class="label">${esc(`${L.figureLabel} ${b.number}`)}</span> ${esc(b.caption)}</figcaption>`,
        '</figure>',
      );
      return;
  }
}

/** Nested lists from items with levels. */
function list(b: ListBlock): string {
  const tag = b.ordered ? 'ol' : 'ul';
  let html = '';
  let depth = -1;
  for (const item of b.items) {
    const level = Math.min(item.level, depth + 1);
    if (level > depth) {
      html += depth < 0 ? `<${tag}>` : `<ul>`;
      depth = level;
    } else {
      html += '</li>';
      while (depth > level) {
        html += '</ul></li>';
        depth--;
      }
    }
    html += `<li>${inline(item.content)}`;
  }
  while (depth > 0) {
    html += '</li></ul>';
    depth--;
  }
  if (depth === 0) html += `</li></${tag}>`;
  return html;
}

/**
 * Widths are laid out for the narrower of the two frames, in ems: A4 print (17 cm = 643 px at
 * 8.5 pt = 11.3 px type, 57 em) rather than the screen (900 px at 12.9 px, 70 em); as percentages
 * they serve both.
 */
const TABLE_WIDTH_PX = 643;
const TABLE_FONT_PX = 11.33;

function table(b: TableBlock, label: string): string {
  // Widths from the content; the table is laid out fixed to them, so it never outgrows its frame.
  // A table whose words need it is set smaller (to 82%) rather than broken inside a word.
  const { widths, fontSize } = fitColumns(b, { available: TABLE_WIDTH_PX, fontSizes: [1, 0.94, 0.88, 0.82].map((f) => f * TABLE_FONT_PX), padding: 11 });
  const cols = widths.map((w) => `<col style="width:${((100 * w) / TABLE_WIDTH_PX).toFixed(2)}%">`).join('');
  const dense = fontSize < TABLE_FONT_PX ? ` style="--shrink:${(fontSize / TABLE_FONT_PX).toFixed(2)}"` : '';
  const head = b.columns.map((c) => `<th scope="col"${c.align && c.align !== 'left' ? ` class="${c.align}"` : ''}>${esc(c.label)}</th>`).join('');
  const rows = b.rows.map((r) => row(r, b)).join('\n');
  const note = b.note ? `<p class="table-note">${esc(b.note)}</p>` : '';
  return `<div class="table-wrap" id="${esc(b.id)}"><table${dense}><caption><span class="label">${esc(label)}</span> ${esc(b.caption)}</caption><colgroup>${cols}</colgroup><thead><tr>${head}</tr></thead><tbody>\n${rows}\n</tbody></table>${note}</div>`;
}

function row(r: Row, b: TableBlock): string {
  const classes = [r.kind && r.kind !== 'normal' ? r.kind : '', r.classified ? 'classified-row' : ''].filter(Boolean).join(' ');
  let col = 0;
  const cells = r.cells.map((c) => {
    const align = r.kind === 'group' ? undefined : b.columns[col]?.align;
    col += c.colSpan ?? 1;
    return cell(c, align, r.kind === 'group' ? 'th' : 'td');
  });
  return `<tr${r.anchor ? ` id="${esc(r.anchor)}"` : ''}${classes ? ` class="${classes}"` : ''}>${cells.join('')}</tr>`;
}

function cell(c: Cell, align: string | undefined, tag: 'td' | 'th'): string {
  const classes = [align && align !== 'left' ? align : '', c.tone ? `tone-${c.tone}` : ''].filter(Boolean).join(' ');
  const attrs = `${classes ? ` class="${classes}"` : ''}${c.colSpan && c.colSpan > 1 ? ` colspan="${c.colSpan}"` : ''}${tag === 'th' ? ' scope="rowgroup"' : ''}`;
  const body = c.content.length <= 1 ? inline(c.content[0] ?? []) : c.content.map((p) => `<p>${inline(p)}</p>`).join('');
  return `<${tag}${attrs}>${body}</${tag}>`;
}

function inline(content: Inline): string {
  return content.map(run).join('');
}

function run(r: Run): string {
  if (r.classified) return `<span class="classified" data-classification="${esc(r.classified)}">${esc(r.text)}</span>`;
  if (r.lost) return `<span class="lost">${esc(r.text)}</span>`;
  let html = esc(r.text);
  if (r.italic) html = `<em>${html}</em>`;
  if (r.bold) html = `<strong>${html}</strong>`;
  if (r.lang) html = `<span lang="${esc(r.lang)}">${html}</span>`;
  if (r.ref) html = `<a class="ref" href="#${esc(r.ref)}"${r.refTitle ? ` title="${esc(r.refTitle)}"` : ''}>${html}</a>`;
  return html;
}

/** Escapes text for HTML element content and (quoted) attribute values. */
export function esc(text: string): string {
  return String(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const tones = Object.entries(STRENGTH_COLOURS)
  .map(([k, v]) => `td.tone-strength-${k}{background:${v.fill};color:${v.text}}`)
  .join('');

const CSS = `
:root{--ink:#1a1a1a;--muted:#5c6670;--rule:#c9d3dd;--brand:#154273;--brand2:#01689b;--classified:#b00020;--bg-soft:#f3f6f9}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0 auto;max-width:60rem;padding:2rem 2.5rem 4rem;font-family:"Noto Sans","DejaVu Sans","Segoe UI",Verdana,Arial,sans-serif;font-size:15px;line-height:1.5;color:var(--ink);background:#fff}
h1,h2,h3,h4{color:var(--brand);line-height:1.25;font-weight:700}
h1{font-size:2rem;margin:.5rem 0 .75rem}
h2{font-size:1.5rem;margin:2.5rem 0 1rem;padding-bottom:.3rem;border-bottom:2px solid var(--brand)}
h3{font-size:1.2rem;margin:1.75rem 0 .75rem}
h4{font-size:1.05rem;margin:1.25rem 0 .5rem}
h2 .num,h3 .num,h4 .num{color:var(--brand2);margin-right:.35rem}
p{margin:.5rem 0}
p.lead{font-size:1.08rem}
p.note{color:var(--muted);font-style:italic}
p.notice{border-left:4px solid var(--brand2);background:var(--bg-soft);padding:.5rem .75rem}
p.classified{border-left:4px solid var(--classified);background:#fdecee;padding:.5rem .75rem;color:#5a0010}
.cover{border-bottom:1px solid var(--rule);padding-bottom:1.5rem;margin-bottom:1.5rem}
.cover .doctype{text-transform:uppercase;letter-spacing:.08em;color:var(--brand2);font-weight:700;margin:0}
.cover .version{font-size:1.1rem;color:var(--muted);margin:0 0 1rem}
dl.meta,dl.definitions{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem;margin:.75rem 0}
dl.meta dt,dl.definitions dt{font-weight:700;color:var(--muted)}
dl.meta dd,dl.definitions dd{margin:0}
.banner{font-weight:700;padding:.6rem .9rem;border-radius:3px;margin:1rem 0 0}
.banner-public{background:var(--bg-soft);border:1px solid var(--rule);color:var(--brand)}
.banner-confidential{background:var(--classified);color:#fff}
nav.toc ol{list-style:none;padding-left:1.1rem;margin:.2rem 0}
nav.toc>ol{padding-left:0}
nav.toc a{color:var(--brand);text-decoration:none}
nav.toc a:hover{text-decoration:underline}
ul,ol{padding-left:1.5rem;margin:.4rem 0}
li{margin:.15rem 0}
.table-wrap{margin:1rem 0 1.25rem;overflow-x:auto}
table{border-collapse:collapse;width:100%;table-layout:fixed;font-size:calc(.86rem * var(--shrink,1));line-height:1.4}
caption{caption-side:top;text-align:left;font-weight:700;color:var(--brand);padding:0 0 .35rem}
caption .label,figcaption .label{font-weight:700}
th,td{border:1px solid var(--rule);padding:.3rem .45rem;vertical-align:top;text-align:left;overflow-wrap:break-word}
thead th{background:var(--brand);color:#fff;border-color:var(--brand)}
th.right,td.right{text-align:right}
th.center,td.center{text-align:center}
td p{margin:0 0 .3rem}
td p:last-child{margin-bottom:0}
tr.group th{background:#e3edf6;color:var(--brand);font-weight:600}
tr.total td{font-weight:700;background:var(--bg-soft)}
tr.classified-row td{background:#fdf2f3}
tr.classified-row td:first-child{box-shadow:inset 4px 0 0 var(--classified)}
td.tone-unknown{color:var(--classified);font-style:italic}
td.tone-muted{color:var(--muted)}
${tones}
.table-note{font-size:.8rem;color:var(--muted);margin:.3rem 0 0}
a.ref{color:var(--brand2);text-decoration:underline;text-decoration-thickness:1px;text-underline-offset:2px}
tr:target td,tr:target th{outline:2px solid var(--brand2);outline-offset:-2px}
span.lost{display:inline-block;font-size:.78rem;font-style:italic;color:var(--muted);border:1px dashed var(--muted);border-radius:3px;padding:0 .3rem;margin-right:.25rem;white-space:nowrap}
.quote{border-left:3px solid var(--rule);padding-left:.9rem;margin:.5rem 0}
.quote-note{font-size:.8rem;color:var(--muted);font-style:italic;margin:.2rem 0}
details.fold>summary{cursor:pointer;list-style:none}
details.fold>summary::-webkit-details-marker{display:none}
details.fold>summary>:is(h2,h3,h4)::after{content:" \\25B8";color:var(--brand2);font-size:1rem}
details.fold[open]>summary>:is(h2,h3,h4)::after{content:" \\25BE"}
span.classified{display:inline-block;font-size:.72rem;font-weight:700;text-transform:uppercase;letter-spacing:.04em;color:#fff;background:var(--classified);padding:0 .35rem;border-radius:2px;margin-right:.25rem;font-style:normal}
figure.figure{margin:1.25rem 0;text-align:center}
figure.figure .svg{overflow-x:auto}
figure.figure svg{max-width:100%;height:auto}
figcaption{font-size:.88rem;color:var(--brand);margin-top:.4rem}
@media screen and (max-width:40rem){body{padding:1rem}}
@page{size:A4;margin:2cm}
@page landscape{size:A4 landscape;margin:1.5cm 2cm}
@media print{
 html,body{-webkit-print-color-adjust:exact;print-color-adjust:exact}
 body{max-width:none;margin:0;padding:0;font-size:10pt;line-height:1.4}
 h2{font-size:16pt;margin-top:0}
 h3{font-size:12.5pt}
 h4{font-size:11pt}
 h2,h3,h4,caption{break-after:avoid}
 .cover{break-after:page;border:0;padding-top:6cm}
 .cover h1{font-size:24pt}
 nav.toc{break-after:page}
 nav.toc a{color:var(--ink);display:flex;gap:.5em}
 nav.toc a .toc-page{margin-left:auto;font-variant-numeric:tabular-nums}
 section.chapter{break-before:page}
 section.landscape{page:landscape}
 .table-wrap{overflow:visible}
 table{font-size:calc(8.5pt * var(--shrink,1))}
 thead{display:table-header-group}
 tr,figure.figure,dl{break-inside:avoid}
 figure.figure .svg{overflow:visible}
 figure.figure svg{max-height:17cm;width:auto}
 section.landscape figure.figure svg{width:100%;max-height:14.5cm}
 p,li{orphans:3;widows:3}
 a{color:inherit;text-decoration:none}
 details.fold::details-content{content-visibility:visible;display:contents}
 details.fold>summary>:is(h2,h3,h4)::after{content:none}
}
`.trim();
