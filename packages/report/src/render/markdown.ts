import { walkSections, type Block, type Cell, type Inline, type ListBlock, type ReportDocument, type Run, type Section, type TableBlock } from '../model/document.js';
import { referenceLabels } from '../labels/references.js';

/** Anchors some link of the document leads to: only those get an `<a id>` in the Markdown. */
function linkedAnchors(doc: ReportDocument): Set<string> {
  const out = new Set<string>();
  const visit = (content: Inline) => {
    for (const r of content) if (r.ref) out.add(r.ref);
  };
  const visitBlock = (b: Block) => {
    if (b.kind === 'paragraph') visit(b.content);
    else if (b.kind === 'list') b.items.forEach((i) => visit(i.content));
    else if (b.kind === 'definitions') b.items.forEach((i) => visit(i.value));
    else if (b.kind === 'table') b.rows.forEach((r) => r.cells.forEach((c) => c.content.forEach(visit)));
    else if (b.kind === 'figure') b.fallback?.forEach(visitBlock);
  };
  for (const s of walkSections(doc.sections)) s.blocks.forEach(visitBlock);
  return out;
}

/** An empty anchor element: the one piece of HTML the renderer writes itself (ids are [a-z0-9-]). */
const anchor = (id: string) => `<a id="${id.replace(/[^a-z0-9_-]/gi, '-')}"></a>`;

/**
 * Markdown (CommonMark + GFM tables), stable and diff-friendly: one line per paragraph, list item
 * and table row, no timestamps. All review text is escaped, so `<script>`, raw HTML and
 * `[x](javascript:...)` links render as literal text. Figures appear as their text form (the
 * policy tree as a nested list, the gap map as a table); the HTML and .docx versions carry the
 * images.
 */
export function documentToMarkdown(doc: ReportDocument): string {
  const L = doc.labels;
  const out: string[] = [];
  out.push(`# ${escapeInline(doc.title)}`, '', `*${escapeInline(doc.subtitle)}*`, '');
  out.push(`> **${escapeInline(doc.banner.text)}**`, '');
  for (const m of doc.meta) out.push(`- **${escapeInline(m.term)}:** ${escapeInline(m.value)}`);
  out.push('');
  out.push(`## ${escapeInline(L.contents)}`, '');
  const toc = (sections: Section[], depth: number) => {
    for (const s of sections) {
      out.push(`${'  '.repeat(depth)}- ${escapeInline(headingText(s))}`);
      if (s.level < 2) toc(s.sections, depth + 1);
    }
  };
  toc(doc.sections, 0);
  out.push('');
  const anchors = linkedAnchors(doc);
  for (const s of doc.sections) section(s, out, doc, anchors);
  // One trailing newline, no trailing blank lines.
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  return `${out.join('\n')}\n`;
}

const headingText = (s: Section) => (s.number ? (s.appendix ? `${s.number}: ${s.title}` : `${s.number} ${s.title}`) : s.title);

function section(s: Section, out: string[], doc: ReportDocument, anchors: Set<string>) {
  if (anchors.has(s.id)) out.push(anchor(s.id), '');
  out.push(`${'#'.repeat(s.level + 1)} ${escapeInline(headingText(s))}`, '');
  for (const b of s.blocks) block(b, out, doc, anchors);
  for (const c of s.sections) section(c, out, doc, anchors);
}

function block(b: Block, out: string[], doc: ReportDocument, anchors: Set<string>) {
  const L = doc.labels;
  switch (b.kind) {
    case 'paragraph': {
      // A note is italic as a whole: its runs' own italics are dropped, as `*` inside `*…*` would
      // close the emphasis (an italic run alone would come out as `**…**`, bold).
      const note = b.tone === 'note';
      const text = inline(note ? b.content.map((run) => (run.italic ? { ...run, italic: false } : run)) : b.content, true);
      if (!text) return;
      if (b.quote) {
        out.push(`> *${escapeInline(quoteNote(b.quote, doc))}*`, '>', `> ${text}`, '');
        return;
      }
      if (b.tone === 'notice' || b.tone === 'classified') out.push(`> ${text}`, '');
      else if (note) out.push(`*${text}*`, '');
      else out.push(text, '');
      return;
    }
    case 'list':
      if (b.quote) {
        const lines: string[] = [];
        list(b, lines);
        out.push(`> *${escapeInline(quoteNote(b.quote, doc))}*`, '>', ...lines.map((l) => (l ? `> ${l}` : '')));
        return;
      }
      list(b, out);
      return;
    case 'definitions':
      for (const item of b.items) out.push(`- **${escapeInline(item.term)}:** ${inline(item.value, false)}`);
      out.push('');
      return;
    case 'table':
      if (anchors.has(b.id)) out.push(anchor(b.id), '');
      out.push(`**${escapeInline(`${L.tableLabel} ${b.number}: ${b.caption}`)}**`, '');
      table(b, out, anchors);
      if (b.note) out.push(`*${escapeInline(b.note)}*`, '');
      return;
    case 'figure': {
      if (anchors.has(b.id)) out.push(anchor(b.id), '');
      out.push(`**${escapeInline(`${L.figureLabel} ${b.number}: ${b.caption}`)}**`, '');
      out.push(`*${escapeInline(b.alt)}*`, '');
      for (const f of b.fallback ?? []) {
        if (f.kind === 'list') list(f, out);
        else table(f, out, anchors);
      }
      return;
    }
  }
}

function list(b: ListBlock, out: string[]) {
  const counters: number[] = [];
  for (const item of b.items) {
    counters.length = item.level + 1;
    counters[item.level] = (counters[item.level] ?? 0) + 1;
    const marker = b.ordered && item.level === 0 ? `${counters[item.level]}.` : '-';
    const indent = b.ordered ? '   '.repeat(item.level) : '  '.repeat(item.level);
    out.push(`${indent}${marker} ${inline(item.content, true) || '\u00a0'}`);
  }
  out.push('');
}

const quoteNote = (lang: string, doc: ReportDocument) => {
  const R = referenceLabels(doc.lang);
  return R.quoted(R.languageName[lang] ?? lang);
};

function table(b: TableBlock, out: string[], anchors: Set<string>) {
  const cols = b.columns.length;
  out.push(`| ${b.columns.map((c) => cellEscape(escapeInline(c.label))).join(' | ')} |`);
  out.push(`| ${b.columns.map((c) => (c.align === 'right' ? '---:' : c.align === 'center' ? ':---:' : '---')).join(' | ')} |`);
  for (const row of b.rows) {
    const cells: string[] = [];
    for (const c of row.cells) {
      const text = cellText(c, row.kind === 'group' || row.kind === 'total');
      // A row others link to carries its anchor in its first cell.
      cells.push(cells.length === 0 && row.anchor && anchors.has(row.anchor) ? `${anchor(row.anchor)}${text}` : text);
      for (let i = 1; i < (c.colSpan ?? 1); i++) cells.push('');
    }
    while (cells.length < cols) cells.push('');
    out.push(`| ${cells.slice(0, cols).join(' | ')} |`);
  }
  out.push('');
}

function cellText(c: Cell, bold: boolean): string {
  const parts = c.content.map((p) => inline(p, false)).filter((p) => p.length > 0);
  const text = parts.join('<br>');
  if (!text) return '';
  return cellEscape(bold ? `**${text}**` : text);
}

/** `|` ends a cell even after other escapes: it needs its own backslash. */
const cellEscape = (s: string) => s.replace(/(?<!\\)\|/g, '\\|');

function inline(content: Inline, blockStart: boolean): string {
  let out = '';
  content.forEach((run, i) => {
    out += runText(run, blockStart && i === 0);
  });
  return out.trim();
}

function runText(run: Run, atStart: boolean): string {
  const raw = normalise(run.text);
  if (!raw) return '';
  if (run.classified) return `**\\[${escapeInline(raw)}\\]**`;
  if (run.lost) return `*\\[${escapeInline(raw)}\\]*`;
  const lead = raw.match(/^\s*/)![0];
  const trail = raw.match(/\s*$/)![0];
  const core = raw.trim();
  if (!core) return raw;
  let text = escapeInline(core);
  if (atStart && !lead) text = escapeLineStart(text);
  if (run.bold && run.italic) text = `***${text}***`;
  else if (run.bold) text = `**${text}**`;
  else if (run.italic) text = `*${text}*`;
  // The anchor ids are the renderer's own ([a-z0-9-]), never review text.
  if (run.ref) text = `[${text}](#${run.ref.replace(/[^a-z0-9_-]/gi, '-')})`;
  return lead.replace(/\s+/g, ' ') + text + trail.replace(/\s+/g, ' ');
}

/** Whitespace (newlines included) collapses to single spaces: one line per block. */
const normalise = (s: string) => s.replace(/[\r\n\t\f\v]+/g, ' ').replace(/ {2,}/g, ' ');

/**
 * Escapes every character that CommonMark/GFM give a meaning inline: emphasis (`*`, `_`), code
 * spans, link and image brackets (with `[` and `]` escaped, `(` and `!` cannot start a link or
 * an image), raw HTML and autolinks (`<`, `>`), entities (`&`), table pipes, strikethrough and
 * the closing `#` of a heading. A backslash escapes itself.
 */
export function escapeInline(text: string): string {
  return normalise(text).replace(/[\\`*_[\]<>#|~&]/g, (ch) => `\\${ch}`);
}

/** Characters that open a block at the start of a line: headings, lists, quotes, rules. */
function escapeLineStart(text: string): string {
  return text.replace(/^([-+=>])/, '\\$1').replace(/^(\d+)([.)])/, '$1\\$2');
}
