import {
  AlignmentType,
  Bookmark,
  BorderStyle,
  BuilderElement,
  Document,
  Footer,
  Header,
  HeadingLevel,
  ImageRun,
  InternalHyperlink,
  LevelFormat,
  LineRuleType,
  PageNumber,
  PageOrientation,
  PageReference,
  Paragraph,
  SectionType,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  Tab,
  TabStopType,
  TextRun,
  WidthType,
  XmlAttributeComponent,
  XmlComponent,
  type FileChild,
  type ISectionOptions,
  type ParagraphChild,
} from 'docx';
import { STRENGTH_COLOURS } from '../figures/gapmap.js';
import { svgsToPng } from '../figures/png.js';
import { referenceLabels } from '../labels/references.js';
import { collectAnchors } from '../model/references.js';
import { walkSections, type Block, type Cell, type CellTone, type FigureBlock, type Inline, type ListBlock, type ReportDocument, type Row, type Run, type Section, type TableBlock } from '../model/document.js';
import { fitColumns } from './columns.js';
import { packDocx } from './docx-package.js';

/**
 * Word (.docx), the format ministries send to parliament: real Heading 1–3 styles (the
 * navigation pane and the table of contents use them), a TOC field, numbered captions (SEQ
 * fields "Tabel"/"Figuur"), tables with repeating header rows, figures as images (SVG with a
 * PNG fallback rendered by resvg), landscape pages for the policy trees, and every piece of
 * review text written as plain text runs.
 */

export interface DocxRenderOptions {
  /** Rasterises a figure for the PNG fallback; default resvg at 1.5 times the figure's size (PNG_SCALE). */
  rasterize?: (svg: string, width: number, height: number) => Promise<Uint8Array> | Uint8Array;
}

const BRAND = '154273';
const BRAND2 = '01689B';
const CLASSIFIED = 'B00020';
const MUTED = '5C6670';
const RULE = 'C9D3DD';
const FONT = 'Verdana';
/** PNG fallbacks at 1.5 px per figure px: 144 dpi for a figure printed at its own size, about 200 dpi for the wide ones scaled to the page. */
const PNG_SCALE = 1.5;

/** Twips (1/20 pt) of the A4 page: 21 x 29.7 cm, margins 2 cm. */
const CM = 567;
const PAGE_W = Math.round(21 * CM);
const PAGE_H = Math.round(29.7 * CM);
const MARGIN = 2 * CM;
/** Usable width in px at 96 dpi (for image sizes). */
const PX_PER_CM = 96 / 2.54;
const PORTRAIT_PX = (21 - 4) * PX_PER_CM;
const LANDSCAPE_PX = (29.7 - 4) * PX_PER_CM;
const LANDSCAPE_MAX_H_PX = (21 - 4 - 3) * PX_PER_CM;
const PORTRAIT_MAX_H_PX = (29.7 - 4 - 3) * PX_PER_CM;

const TONE_FILL: Record<CellTone, { fill: string; color?: string; italic?: boolean }> = {
  'strength-none': { fill: STRENGTH_COLOURS.none.fill.slice(1), color: STRENGTH_COLOURS.none.text.slice(1) },
  'strength-realisation': { fill: STRENGTH_COLOURS.realisation.fill.slice(1), color: STRENGTH_COLOURS.realisation.text.slice(1) },
  'strength-plausibility': { fill: STRENGTH_COLOURS.plausibility.fill.slice(1), color: STRENGTH_COLOURS.plausibility.text.slice(1) },
  'strength-process': { fill: STRENGTH_COLOURS.process.fill.slice(1), color: STRENGTH_COLOURS.process.text.slice(1) },
  'strength-effect': { fill: STRENGTH_COLOURS.effect.fill.slice(1), color: STRENGTH_COLOURS.effect.text.slice(1) },
  unknown: { fill: 'FFFFFF', color: CLASSIFIED, italic: true },
  muted: { fill: 'FFFFFF', color: MUTED },
};

/**
 * PNG fallbacks of recent figures, by their SVG: rendering the same report again (a server, the
 * other audience, a re-export) reuses them. A hit costs nothing; the figures not cached are drawn
 * together (svgsToPng). Bounded, oldest first out.
 */
const PNG_CACHE = new Map<string, Promise<Uint8Array>>();
const PNG_CACHE_SIZE = 48;
function cachedPngs(figures: readonly { svg: string; width: number }[]): Promise<Uint8Array[]> {
  const keys = figures.map((f) => `${Math.round(f.width * PNG_SCALE)}:${f.svg}`);
  const missing = [...new Map(keys.map((k, i) => [k, figures[i]!] as const))].filter(([k]) => !PNG_CACHE.has(k));
  const drawn = missing.length > 0 ? svgsToPng(missing.map(([, f]) => ({ svg: f.svg, width: f.width * PNG_SCALE }))) : null;
  const pngs = keys.map((key) => {
    let png = PNG_CACHE.get(key);
    if (png) PNG_CACHE.delete(key);
    else {
      const at = missing.findIndex(([k]) => k === key);
      png = drawn!.then((all) => all[at]!);
      // A failed rendering is not kept: the next call tries again (and reports its own error).
      png.catch(() => PNG_CACHE.delete(key));
    }
    PNG_CACHE.set(key, png);
    return png;
  });
  while (PNG_CACHE.size > PNG_CACHE_SIZE) PNG_CACHE.delete(PNG_CACHE.keys().next().value!);
  return Promise.all(pngs);
}

export async function documentToDocx(doc: ReportDocument, options: DocxRenderOptions = {}): Promise<Uint8Array> {
  const L = doc.labels;

  // The PNG fallbacks render in libuv's thread pool while the document is built here; the
  // figures go in as slots, filled once their PNGs are done.
  const allFigures: FigureBlock[] = [];
  const collect = (s: Section) => {
    for (const b of s.blocks) if (b.kind === 'figure' && !asTable(b)) allFigures.push(b);
    s.sections.forEach(collect);
  };
  doc.sections.forEach(collect);
  const rasterize = options.rasterize;
  const rendering = (rasterize ? Promise.all(allFigures.map((f) => rasterize(f.svg, f.width, f.height))) : cachedPngs(allFigures)).then((pngs) =>
    allFigures.map((f, i) => [f.id, pngs[i]!] as const),
  );

  // Word bookmark names are short and plain: every anchor a link (or the contents) leads to gets
  // one ("r1", "r2", …); anchors nothing leads to get none.
  const bookmarks = new Map<string, string>();
  const linked = linkedAnchors(doc.sections);
  for (const a of collectAnchors(doc.sections)) if (linked.has(a)) bookmarks.set(a, `r${bookmarks.size + 1}`);
  const ctx: Ctx = { doc, listInstance: 0, bookmarks };
  const front: FileChild[] = [
    new Paragraph({ spacing: { before: 3000 }, children: [text(L.docType.toUpperCase(), { bold: true, color: BRAND2, size: 22 })] }),
    new Paragraph({ heading: HeadingLevel.TITLE, children: [text(doc.title)] }),
    new Paragraph({ spacing: { after: 400 }, children: [text(doc.subtitle, { color: MUTED, size: 24 })] }),
    ...doc.meta.map((m) => new Paragraph({ spacing: { after: 60 }, children: [text(`${m.term}: `, { bold: true, color: MUTED }), text(m.value)] })),
    new Paragraph({
      spacing: { before: 400 },
      shading: { type: ShadingType.CLEAR, fill: doc.banner.tone === 'confidential' ? CLASSIFIED : 'F3F6F9', color: 'auto' },
      border: { left: { style: BorderStyle.SINGLE, size: 24, color: doc.banner.tone === 'confidential' ? CLASSIFIED : BRAND2, space: 6 } },
      children: [text(doc.banner.text, { bold: true, color: doc.banner.tone === 'confidential' ? 'FFFFFF' : BRAND })],
    }),
    new Paragraph({ pageBreakBefore: true, children: [text(L.contents, { bold: true, size: 32, color: BRAND })] }),
    ...contents(doc.sections, ctx),
  ];

  // docx sections: a new one wherever the orientation changes (the policy-tree appendices).
  const groups: { landscape: boolean; sections: Section[] }[] = [];
  for (const s of doc.sections) {
    const landscape = Boolean(s.landscape);
    const last = groups[groups.length - 1];
    if (last && last.landscape === landscape) last.sections.push(s);
    else groups.push({ landscape, sections: [s] });
  }
  const header = new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        children: [text(doc.audience === 'confidential' ? L.confidentialBanner : L.publicVersion, { size: 14, bold: doc.audience === 'confidential', color: doc.audience === 'confidential' ? CLASSIFIED : MUTED })],
      }),
    ],
  });
  const footer = new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: [PageNumber.CURRENT], size: 16, color: MUTED, font: FONT }), text(`  |  ${doc.title}`, { size: 16, color: MUTED })],
      }),
    ],
  });
  const page = (landscape: boolean) => ({
    size: landscape ? { width: PAGE_W, height: PAGE_H, orientation: PageOrientation.LANDSCAPE } : { width: PAGE_W, height: PAGE_H, orientation: PageOrientation.PORTRAIT },
    margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN, header: CM, footer: CM },
  });
  const bodies = groups.map((g, gi) => {
    const children: Child[] = gi === 0 ? [...front] : [];
    g.sections.forEach((s, si) => children.push(...section(s, ctx, { landscape: g.landscape, breakBefore: !(si === 0 && gi > 0) })));
    // The paragraph after a table keeps two tables apart; before anything else it is dropped, as
    // at the foot of a page it would start a page of its own (before a chapter's page break: a blank page).
    return children.filter((c, i) => !(c instanceof TableSpacer) || children[i + 1] instanceof Table);
  });
  const pngs = new Map(await rendering);
  const sections: ISectionOptions[] = groups.map((g, gi) => {
    const children = bodies[gi]!.map((c) => (c instanceof FigureSlot ? figureParagraph(c.block, c.landscape, pngs.get(c.block.id)!) : c));
    return {
      properties: { page: page(g.landscape), ...(gi > 0 ? { type: SectionType.NEXT_PAGE } : {}) },
      headers: { default: header },
      footers: { default: footer },
      children,
    };
  });

  const document = new Document({
    title: clean(doc.title),
    subject: clean(doc.properties.subject),
    creator: clean(doc.properties.author ?? doc.title),
    keywords: clean(doc.properties.keywords.join(', ')),
    description: clean(doc.subtitle),
    // Word fills in the page numbers of the contents (PAGEREF fields) when it opens the document.
    features: { updateFields: true },
    numbering: { config: [ORDERED_NUMBERING] },
    styles: {
      default: {
        document: { run: { font: FONT, size: 18, language: { value: L.locale } }, paragraph: { spacing: { after: 120, line: LINE, lineRule: LineRuleType.AUTO } } },
        title: { run: { font: FONT, size: 48, bold: true, color: BRAND }, paragraph: { spacing: { after: 200 } } },
        heading1: { run: { font: FONT, size: 30, bold: true, color: BRAND }, paragraph: { spacing: { before: 240, after: 200 }, keepNext: true } },
        heading2: { run: { font: FONT, size: 24, bold: true, color: BRAND }, paragraph: { spacing: { before: 280, after: 120 }, keepNext: true } },
        heading3: { run: { font: FONT, size: 20, bold: true, color: BRAND2 }, paragraph: { spacing: { before: 200, after: 100 }, keepNext: true } },
        caption: { run: { font: FONT, size: 17, bold: true, italics: false, color: BRAND }, paragraph: { spacing: { before: 160, after: 80 } } },
      },
      paragraphStyles: TABLE_TEXT_STYLES,
    },
    sections,
  });
  const core = coreXml(doc);
  return packDocx(document, [{ path: 'docProps/core.xml', data: core }], documentDate(doc));
}

interface Ctx {
  doc: ReportDocument;
  listInstance: number;
  /** Anchor id → Word bookmark name. */
  bookmarks: Map<string, string>;
}

/**
 * The table of contents: one paragraph per heading, a link to the heading's bookmark with its page
 * number as a PAGEREF field. Every application that lays out pages computes those itself — Word on
 * a field update (it offers one when it opens the document), LibreOffice when it renders or prints
 * — where the cached entries of a TOC field keep the numbers they were written with (none).
 */
function contents(sections: Section[], ctx: Ctx): Paragraph[] {
  const out: Paragraph[] = [];
  const right = PAGE_W - 2 * MARGIN;
  const visit = (s: Section) => {
    const name = ctx.bookmarks.get(s.id);
    if (!name) return;
    out.push(
      new Paragraph({
        indent: { left: (s.level - 1) * 280 },
        spacing: { before: s.level === 1 ? 100 : 0, after: 20 },
        tabStops: [{ type: TabStopType.RIGHT, position: right, leader: 'dot' }],
        children: [
          new InternalHyperlink({
            anchor: name,
            children: [text(headingText(s), { size: s.level === 1 ? 18 : 17, ...(s.level === 1 ? { bold: true } : {}) }), new TextRun({ children: [new Tab()] }), new PageReference(name, { hyperlink: true })],
          }),
        ],
      }),
    );
    if (s.level < 3) s.sections.forEach(visit);
  };
  sections.forEach(visit);
  return out;
}

/** The anchors of the headings in the contents (levels 1–3) and of every reference. */
function linkedAnchors(sections: Section[]): Set<string> {
  const out = new Set<string>();
  const inline = (content: Inline) => {
    for (const r of content) if (r.ref) out.add(r.ref);
  };
  const visit = (b: Block) => {
    if (b.kind === 'paragraph') inline(b.content);
    else if (b.kind === 'list') b.items.forEach((i) => inline(i.content));
    else if (b.kind === 'definitions') b.items.forEach((i) => inline(i.value));
    else if (b.kind === 'table') b.rows.forEach((r) => r.cells.forEach((c) => c.content.forEach(inline)));
    else if (b.kind === 'figure') b.fallback?.forEach(visit);
  };
  for (const s of walkSections(sections)) {
    out.add(s.id);
    s.blocks.forEach(visit);
  }
  return out;
}

/** The empty paragraph after a table (see `bodies`). */
class TableSpacer extends Paragraph {}

/** Children wrapped in the bookmark of an anchor, when links lead to it. */
function bookmarked(anchor: string | undefined, ctx: Ctx, children: ParagraphChild[]): ParagraphChild[] {
  const name = anchor ? ctx.bookmarks.get(anchor) : undefined;
  return name ? [new Bookmark({ id: name, children }) as unknown as ParagraphChild] : children;
}

/** Where a figure goes, until its PNG is rendered. */
class FigureSlot {
  constructor(
    readonly block: FigureBlock,
    readonly landscape: boolean,
  ) {}
}
type Child = FileChild | FigureSlot;

function figureParagraph(b: FigureBlock, landscape: boolean, png: Uint8Array): Paragraph {
  const maxW = landscape || b.landscape ? LANDSCAPE_PX : PORTRAIT_PX;
  const maxH = landscape || b.landscape ? LANDSCAPE_MAX_H_PX : PORTRAIT_MAX_H_PX;
  const scale = Math.min(1, maxW / b.width, maxH / b.height);
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    keepNext: true,
    children: [
      new ImageRun({
        type: 'svg',
        data: new TextEncoder().encode(xmlSafe(b.svg)),
        fallback: { type: 'png', data: png },
        transformation: { width: Math.round(b.width * scale), height: Math.round(b.height * scale) },
        altText: { name: clean(b.caption), description: xmlSafe(b.alt), title: clean(b.caption) },
      }),
    ],
  });
}

const headingText = (s: Section) => (s.number ? (s.appendix ? `${s.number}: ${s.title}` : `${s.number} ${s.title}`) : s.title);
const HEADINGS = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;

function section(s: Section, ctx: Ctx, where: { landscape: boolean; breakBefore: boolean }): Child[] {
  const out: Child[] = [
    new Paragraph({
      heading: HEADINGS[s.level],
      ...(s.level === 1 && s.pageBreak && where.breakBefore ? { pageBreakBefore: true } : {}),
      children: bookmarked(s.id, ctx, [text(headingText(s))]),
    }),
  ];
  for (const b of s.blocks) out.push(...block(b, ctx, where.landscape));
  for (const c of s.sections) out.push(...section(c, ctx, { landscape: where.landscape, breakBefore: true }));
  return out;
}

function block(b: Block, ctx: Ctx, landscape: boolean): Child[] {
  const L = ctx.doc.labels;
  switch (b.kind) {
    case 'paragraph': {
      if (b.quote) {
        const lang = b.quote;
        const content = b.content.map((r) => (r.lang || r.classified ? r : { ...r, lang }));
        return [quoteNote(lang, ctx), ...block({ kind: 'paragraph', content, ...(b.tone ? { tone: b.tone } : {}) }, ctx, landscape)];
      }
      const tone = b.tone ?? 'normal';
      if (tone === 'notice' || tone === 'classified') {
        const colour = tone === 'classified' ? CLASSIFIED : BRAND2;
        return [
          new Paragraph({
            shading: { type: ShadingType.CLEAR, fill: tone === 'classified' ? 'FDECEE' : 'F3F6F9', color: 'auto' },
            border: { left: { style: BorderStyle.SINGLE, size: 24, color: colour, space: 6 } },
            children: runs(b.content, {}, ctx),
          }),
        ];
      }
      if (tone === 'note') return [new Paragraph({ children: runs(b.content, { italics: true, color: MUTED }, ctx) })];
      if (tone === 'lead') return [new Paragraph({ children: runs(b.content, { size: 20 }, ctx) })];
      return [new Paragraph({ children: runs(b.content, {}, ctx) })];
    }
    case 'list':
      return b.quote ? [quoteNote(b.quote, ctx), ...list(b, ctx, b.quote)] : list(b, ctx);
    case 'definitions':
      return b.items.map((i) => new Paragraph({ spacing: { after: 60 }, children: [text(`${i.term}: `, { bold: true, color: MUTED }), ...runs(i.value, {}, ctx)] }));
    case 'table':
      return table(b, ctx, landscape, L.tableLabel);
    case 'figure': {
      const heat = asTable(b);
      if (heat) {
        // The gap map is a heat table: a native shaded Word table, captioned as the figure it is elsewhere.
        return [caption(L.figureLabel, b.number, b.caption, true, ctx, b.id), ...table(heat, ctx, landscape, null)];
      }
      return [new FigureSlot(b, landscape), caption(L.figureLabel, b.number, b.caption, false, ctx, b.id)];
    }
  }
}

/**
 * "Tabel 3: ..." with the number as a SEQ field (as Word's Insert Caption writes it), its result
 * already filled in with the number the report gives it, which is the one Word counts.
 */
function caption(label: string, number: number, captionText: string, keepNext: boolean, ctx: Ctx, anchor: string): Paragraph {
  return new Paragraph({
    style: 'Caption',
    keepNext,
    children: bookmarked(anchor, ctx, [
      text(`${label} `, { bold: true, color: BRAND }),
      ...seqField(label, number),
      text(`: ${clean(captionText)}`, { bold: true, color: BRAND }),
    ]),
  });
}

/** The line over a quote in the review's language, in the report's language. */
function quoteNote(lang: string, ctx: Ctx): Paragraph {
  const R = referenceLabels(ctx.doc.lang);
  return new Paragraph({ keepNext: true, spacing: { after: 40 }, indent: { left: 280 }, children: [text(R.quoted(R.languageName[lang] ?? lang), { italics: true, color: MUTED, size: 16 })] });
}

function list(b: ListBlock, ctx: Ctx, quoteLang?: string): Paragraph[] {
  const instance = ++ctx.listInstance;
  const lang = quoteLang ? { lang: quoteLang } : {};
  const quoteBorder = quoteLang ? { border: { left: { style: BorderStyle.SINGLE, size: 12, color: RULE, space: 8 } } } : {};
  return b.items.map((item) => {
    const level = Math.min(item.level, 8);
    const content = item.content.map((r) => (quoteLang && !r.lang && !r.classified ? { ...r, ...lang } : r));
    if (b.ordered && level === 0) {
      return new Paragraph({ numbering: { reference: 'polev-ordered', level: 0, instance }, spacing: { after: 60 }, ...quoteBorder, children: runs(content, {}, ctx) });
    }
    return new Paragraph({ bullet: { level }, spacing: { after: 60 }, ...quoteBorder, children: runs(content, {}, ctx) });
  });
}

/** The table a figure is written as in Word, if any (the gap map). */
const asTable = (b: FigureBlock): TableBlock | undefined => (b.figure === 'gap-map' ? b.fallback?.find((f): f is TableBlock => f.kind === 'table') : undefined);

/** Table text: 8 pt, or down to 6 pt where the columns' words need it (half-points); cell margins left and right, with room for rounding. */
const TABLE_SIZES = [16, 15, 14, 13, 12];
/** Line spacing, 1.15 lines (240ths of a line). A style that sets spacing restates it: LibreOffice reads a style's spacing without a line as single. */
const LINE = 276;
/** The paragraph style of table cells whose text is `size` half-points. */
const tableTextStyle = (size: number) => `TableText${size}`;
const TABLE_TEXT_STYLES = TABLE_SIZES.map((size) => ({ id: tableTextStyle(size), name: `Table text ${size / 2} pt`, basedOn: 'Normal', run: { size }, paragraph: { spacing: { after: 40, line: LINE, lineRule: LineRuleType.AUTO } } }));
const CELL_PADDING = 80 + 80 + 40;

function table(b: TableBlock, ctx: Ctx, landscape: boolean, label: string | null): FileChild[] {
  const width = (landscape ? PAGE_H : PAGE_W) - 2 * MARGIN;
  // Widths from the content: no short cell wraps inside a word, headers break between words.
  // (Half-points × 10 = twips per em.)
  const fit = fitColumns(b, { available: width, fontSizes: TABLE_SIZES.map((s) => s * 10), padding: CELL_PADDING });
  const size = fit.fontSize / 10;
  const widths = fit.widths.map((w) => Math.floor(w));
  const border = { style: BorderStyle.SINGLE, size: 4, color: RULE };
  const borders = { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border };
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: b.columns.map(
      (c, i) =>
        new TableCell({
          width: { size: widths[i]!, type: WidthType.DXA },
          shading: { type: ShadingType.CLEAR, fill: BRAND, color: 'auto' },
          children: [new Paragraph({ alignment: align(c.align), spacing: { after: 0 }, children: [text(c.label, { bold: true, color: 'FFFFFF', size })] })],
        }),
    ),
  });
  const rows = b.rows.map((r) => row(r, b, widths, ctx, size));
  const note = b.note ? [new Paragraph({ spacing: { before: 60 }, children: [text(b.note, { italics: true, color: MUTED, size: 15 })] })] : [];
  return [
    ...(label ? [caption(label, b.number, b.caption, true, ctx, b.id)] : []),
    new Table({
      width: { size: width, type: WidthType.DXA },
      columnWidths: widths,
      borders,
      margins: { top: 40, bottom: 40, left: 80, right: 80 },
      rows: [header, ...rows],
    }),
    ...note,
    new TableSpacer({ spacing: { after: 60 }, children: [] }),
  ];
}

function row(r: Row, b: TableBlock, widths: number[], ctx: Ctx, size: number): TableRow {
  let col = 0;
  const group = r.kind === 'group';
  const totalRow = r.kind === 'total';
  const cells = r.cells.map((c) => {
    const span = c.colSpan ?? 1;
    const w = widths.slice(col, col + span).reduce((s, x) => s + x, 0);
    const colAlign = group ? undefined : b.columns[col]?.align;
    col += span;
    const first = col === span;
    return cell(c, { width: w, span, align: colAlign, group, total: totalRow, classified: Boolean(r.classified) && first, anchor: first ? r.anchor : undefined, size }, ctx);
  });
  return new TableRow({ cantSplit: true, children: cells });
}

function cell(c: Cell, o: { width: number; span: number; align: string | undefined; group: boolean; total: boolean; classified: boolean; anchor: string | undefined; size: number }, ctx: Ctx): TableCell {
  const tone = c.tone ? TONE_FILL[c.tone] : undefined;
  const fill = o.group ? 'E3EDF6' : o.total ? 'F3F6F9' : o.classified ? 'FDF2F3' : tone?.fill;
  const style: RunStyle = { styleSize: o.size, ...(o.group || o.total ? { bold: true } : {}), ...(tone?.color ? { color: tone.color } : {}), ...(tone?.italic ? { italics: true } : {}), ...(o.group ? { color: BRAND } : {}) };
  // The size and spacing come from the table text style, not from every run and paragraph: with
  // the example's 3,600 cells a first .docx took 11% less CPU time, a warm one 20%. (The paragraph
  // marks are now 8 pt like their text, so rows are about a point lower than with direct formatting.)
  const paragraphs = (c.content.length ? c.content : [[]]).map(
    (p, i) =>
      new Paragraph({
        style: tableTextStyle(o.size),
        ...(o.align === 'right' || o.align === 'center' ? { alignment: align(o.align) } : {}),
        children: i === 0 ? bookmarked(o.anchor, ctx, runs(p, style, ctx)) : runs(p, style, ctx),
      }),
  );
  return new TableCell({
    width: { size: o.width, type: WidthType.DXA },
    ...(o.span > 1 ? { columnSpan: o.span } : {}),
    ...(fill ? { shading: { type: ShadingType.CLEAR, fill, color: 'auto' } } : {}),
    ...(o.classified ? { borders: { left: { style: BorderStyle.SINGLE, size: 24, color: CLASSIFIED } } } : {}),
    children: paragraphs,
  });
}

class SpacePreserve extends XmlAttributeComponent<{ space: 'preserve' }> {
  protected override readonly xmlKeys = { space: 'xml:space' };
}

/** A field's code (`w:instrText`). */
class InstrText extends XmlComponent {
  constructor(code: string) {
    super('w:instrText');
    this.root.push(new SpacePreserve({ space: 'preserve' }));
    this.root.push(code);
  }
}

const fldChar = (type: 'begin' | 'separate' | 'end') =>
  new BuilderElement<{ type: string }>({ name: 'w:fldChar', attributes: { type: { key: 'w:fldCharType', value: type } } });

/** A complex SEQ field with its result (the number) written in, so every reader shows the number. */
function seqField(label: string, number: number): TextRun[] {
  return [
    new TextRun({ children: [fldChar('begin'), new InstrText(` SEQ ${label} \\* ARABIC `), fldChar('separate')] }),
    new TextRun({ text: String(number), bold: true, color: BRAND }),
    new TextRun({ children: [fldChar('end')] }),
  ];
}

const align = (a: string | undefined) => (a === 'right' ? AlignmentType.RIGHT : a === 'center' ? AlignmentType.CENTER : AlignmentType.LEFT);

interface RunStyle {
  bold?: boolean;
  italics?: boolean;
  color?: string;
  size?: number;
  /** The size the paragraph's style gives the text (not written on the run; markers are sized from it). */
  styleSize?: number;
  underline?: boolean;
  language?: { value: string };
}

function runs(content: Inline, base: RunStyle = {}, ctx?: Ctx): ParagraphChild[] {
  return content.map((r) => {
    const one = run(r, base);
    // A reference is an internal hyperlink to the bookmark of what it refers to.
    const target = r.ref && ctx ? ctx.bookmarks.get(r.ref) : undefined;
    return target ? new InternalHyperlink({ anchor: target, children: [run(r, { ...base, color: BRAND2, underline: true })] }) : one;
  });
}

const LOCALES: Record<string, string> = { nl: 'nl-NL', en: 'en-GB' };

function run(r: Run, base: RunStyle): TextRun {
  if (r.classified) {
    return new TextRun({ text: ` ${clean(r.text).toUpperCase()} `, bold: true, color: 'FFFFFF', size: base.size ?? base.styleSize ?? 16, shading: { type: ShadingType.CLEAR, fill: CLASSIFIED, color: 'auto' } });
  }
  if (r.lost) {
    // Text the source did not preserve: a bracketed, italic, muted marker on a grey ground.
    return new TextRun({ text: `[${clean(r.text)}]`, italics: true, color: MUTED, size: Math.max(12, (base.size ?? base.styleSize ?? 18) - 2), shading: { type: ShadingType.CLEAR, fill: 'EDEFF2', color: 'auto' } });
  }
  return text(r.text, { ...base, ...(r.bold ? { bold: true } : {}), ...(r.italic ? { italics: true } : {}), ...(r.lang ? { language: { value: LOCALES[r.lang] ?? r.lang } } : {}) });
}

/** A plain text run: the text is written as character data, never interpreted. */
function text(value: string, style: RunStyle = {}): TextRun {
  const { underline, styleSize: _styleSize, ...rest } = style;
  return new TextRun({ text: clean(value), ...rest, ...(underline ? { underline: {} } : {}) });
}

/** Text as a run holds it: line breaks and tabs become spaces, and it is XML-safe (see xmlSafe). */
function clean(value: string): string {
  return xmlSafe(value.replace(/[\r\n\t\f\v]+/g, ' '));
}

// Characters outside XML 1.0's Char production: C0 controls but tab, LF and CR, U+FFFE and U+FFFF,
// and surrogates that are not part of a pair (which would not even encode as UTF-8).
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * Text XML 1.0 can hold: every string from the review that reaches a part of the package (runs,
 * alt texts, core properties, the SVG of a figure) goes through here, or Word and LibreOffice
 * refuse the whole file. A lone surrogate becomes U+FFFD, as a UTF-8 encoder would make it; the
 * other characters are dropped.
 */
export function xmlSafe(value: string): string {
  return value.replace(NOT_XML, (ch) => (ch.length === 1 && ch >= '\ud800' && ch <= '\udfff' ? '\ufffd' : ''));
}

const xmlEsc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Core properties without the clock: the package reads no time; a generation date is used when given. */
function coreXml(doc: ReportDocument): string {
  const date = isoDate(documentDate(doc));
  return [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
    `<dc:title>${xmlEsc(clean(doc.title))}</dc:title>`,
    `<dc:subject>${xmlEsc(clean(doc.properties.subject))}</dc:subject>`,
    `<dc:creator>${xmlEsc(clean(doc.properties.author ?? doc.title))}</dc:creator>`,
    `<cp:keywords>${xmlEsc(clean(doc.properties.keywords.join(', ')))}</cp:keywords>`,
    `<dc:description>${xmlEsc(clean(doc.subtitle))}</dc:description>`,
    '<cp:lastModifiedBy>polev</cp:lastModifiedBy>',
    `<dc:language>${xmlEsc(doc.labels.locale)}</dc:language>`,
    ...(date ? [`<dcterms:created xsi:type="dcterms:W3CDTF">${date}</dcterms:created>`, `<dcterms:modified xsi:type="dcterms:W3CDTF">${date}</dcterms:modified>`] : []),
    '</cp:coreProperties>',
  ].join('');
}

/** The review's own date (completed), else the generation date when one is given; never the clock. */
const documentDate = (doc: ReportDocument): string | null => (isoDate(doc.properties.date) ? doc.properties.date : isoDate(doc.generatedOn) ? doc.generatedOn : null);

/** A partial ISO date as a W3CDTF timestamp (a year alone as 1 January). */
function isoDate(d: string | null | undefined): string | null {
  const m = d ? /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(d) : null;
  return m ? `${m[1]}-${m[2] ?? '01'}-${m[3] ?? '01'}T00:00:00Z` : null;
}

/** The ordered-list numbering definition the renderer's lists use. */
export const ORDERED_NUMBERING = {
  reference: 'polev-ordered',
  levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START, style: { paragraph: { indent: { left: 400, hanging: 300 } } } }],
};
