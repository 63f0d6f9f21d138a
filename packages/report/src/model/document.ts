import type { Classification } from '@polev/core';
import type { Labels, Lang } from '../labels/index.js';

/**
 * The format-neutral report document. `buildReport()` makes it once from the review, its
 * assessment and the options (audience filtering happens there and only there); the Markdown,
 * HTML and .docx renderers only walk it. All text in it is plain text: renderers escape it for
 * their format and never interpret it as markup.
 */

export type Audience = 'public' | 'confidential';

/** A piece of plain text with optional emphasis. `classified` renders as a visible marking. */
export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
  /** Marks the run as a classification badge (confidential version only). */
  classified?: Classification;
  /** An internal reference: the anchor id (of a section, table, figure or row) the run links to. */
  ref?: string;
  /** A tooltip for a reference: what it points to, in full. */
  refTitle?: string;
  /** The run is a marker for text the source did not preserve (the text is the translated marker). */
  lost?: boolean;
  /** The language of the run when it differs from the report's (a quote from the review). */
  lang?: string;
}

export type Inline = Run[];

export type ParagraphTone = 'normal' | 'lead' | 'note' | 'notice' | 'classified';

export interface ParagraphBlock {
  kind: 'paragraph';
  content: Inline;
  tone?: ParagraphTone;
  /** The paragraph quotes the review in this language (set when it differs from the report's). */
  quote?: string;
}

export interface ListItem {
  content: Inline;
  /** Nesting level, 0 for the top. */
  level: number;
}

export interface ListBlock {
  kind: 'list';
  ordered: boolean;
  items: ListItem[];
  /** The items quote the review in this language (set when it differs from the report's). */
  quote?: string;
}

export type CellTone =
  | 'strength-none'
  | 'strength-realisation'
  | 'strength-plausibility'
  | 'strength-process'
  | 'strength-effect'
  | 'unknown'
  | 'muted';

export interface Cell {
  /** Paragraphs in the cell (each an inline sequence). */
  content: Inline[];
  tone?: CellTone;
  colSpan?: number;
}

export type RowKind = 'normal' | 'group' | 'total';

export interface Row {
  kind?: RowKind;
  /** An anchor id for the row, for references to it (a finding, a source, an instrument). */
  anchor?: string;
  cells: Cell[];
  /** The row describes a classified item (confidential version): renderers mark it. */
  classified?: Classification;
}

export interface Column {
  label: string;
  align?: 'left' | 'right' | 'center';
  /** Relative width (the renderers normalise the sum). */
  width?: number;
}

export interface TableBlock {
  kind: 'table';
  id: string;
  /** Set by the numbering pass, in document order. */
  number: number;
  caption: string;
  columns: Column[];
  rows: Row[];
  note?: string;
}

export interface FigureBlock {
  kind: 'figure';
  /** What the figure shows: the .docx writes a gap map as a native shaded table (a heat table), the rest as images. */
  figure: 'tree' | 'chart' | 'gap-map';
  id: string;
  number: number;
  caption: string;
  /** A standalone SVG document (no scripts, no external references). */
  svg: string;
  width: number;
  height: number;
  alt: string;
  /** Print on a landscape page (wide policy trees). */
  landscape?: boolean;
  /**
   * The figure's content as text (a nested list for a tree, a table for the gap map), for
   * formats that show no images inline (Markdown). Fallback tables are not numbered.
   */
  fallback?: (ListBlock | TableBlock)[];
}

export interface DefinitionsBlock {
  kind: 'definitions';
  items: { term: string; value: Inline }[];
}

export type Block = ParagraphBlock | ListBlock | TableBlock | FigureBlock | DefinitionsBlock;

export interface Section {
  /** Stable anchor id, e.g. `scope-articles`, `appendix-tree-ct`. */
  id: string;
  /** "1", "2.3", "3.1.2", or "Bijlage 4"/"Appendix 4"; null for unnumbered sections (Summary). */
  number: string | null;
  title: string;
  level: 1 | 2 | 3;
  blocks: Block[];
  sections: Section[];
  appendix?: boolean;
  /** Start the section on a new page (chapters and appendices). */
  pageBreak?: boolean;
  /** Landscape pages (the policy tree appendices). */
  landscape?: boolean;
  /**
   * Reference material a reader looks up rather than reads through: the HTML shows it folded
   * (a `<details>` that opens when a link leads into it, and in print); other formats in full.
   */
  folded?: boolean;
}

export interface ReportDocument {
  lang: Lang;
  audience: Audience;
  labels: Labels;
  title: string;
  /** e.g. "Beleidsdoorlichting — Openbare versie". */
  subtitle: string;
  meta: { term: string; value: string }[];
  /** The version banner: the confidential warning or the public-version note. */
  banner: { tone: 'public' | 'confidential'; text: string };
  /** Main chapters, then appendices, in reading order. */
  sections: Section[];
  /** True when the public version left classified material out. */
  classifiedOmitted: boolean;
  generatedOn: string | null;
  /** Document properties (the .docx core properties, the PDF's metadata) from the review. */
  properties: {
    /** Who performed the review. */
    author: string | null;
    subject: string;
    /** When the review was completed (a partial ISO date). */
    date: string | null;
    keywords: string[];
  };
}

/** A run of plain text. */
export const t = (text: string, extra: Omit<Run, 'text'> = {}): Run => ({ text, ...extra });
/** One inline of plain text. */
export const txt = (text: string): Inline => [{ text }];
export const para = (content: Inline | string, tone?: ParagraphTone): ParagraphBlock => ({
  kind: 'paragraph',
  content: typeof content === 'string' ? txt(content) : content,
  ...(tone ? { tone } : {}),
});
/** Walks every section depth-first, in reading order. */
export function* walkSections(sections: Section[]): Generator<Section> {
  for (const s of sections) {
    yield s;
    yield* walkSections(s.sections);
  }
}

/** Every text run of the document, in order (for tests and needle searches). */
export function* documentTexts(doc: ReportDocument): Generator<string> {
  yield doc.title;
  yield doc.subtitle;
  for (const m of doc.meta) yield `${m.term} ${m.value}`;
  for (const s of walkSections(doc.sections)) {
    yield s.title;
    for (const b of s.blocks) {
      switch (b.kind) {
        case 'paragraph':
          for (const r of b.content) yield r.text;
          break;
        case 'list':
          for (const i of b.items) for (const r of i.content) yield r.text;
          break;
        case 'definitions':
          for (const i of b.items) {
            yield i.term;
            for (const r of i.value) yield r.text;
          }
          break;
        case 'table':
          yield b.caption;
          for (const c of b.columns) yield c.label;
          for (const row of b.rows) for (const c of row.cells) for (const p of c.content) for (const r of p) yield r.text;
          if (b.note) yield b.note;
          break;
        case 'figure':
          yield b.caption;
          yield b.alt;
          yield b.svg;
          for (const f of b.fallback ?? []) {
            if (f.kind === 'list') for (const i of f.items) for (const r of i.content) yield r.text;
            else for (const row of f.rows) for (const c of row.cells) for (const p of c.content) for (const r of p) yield r.text;
          }
          break;
      }
    }
  }
}
