/**
 * TrueType subsetting for the PNG renderer. resvg-js (2.6) reads the whole font file from disk
 * for every glyph it outlines, so with DejaVu Sans (760 kB) the fonts, not the drawing, were most
 * of a figure's time. A subset keeps every glyph id and every table the shaper reads as they are
 * (the same shaping, kerning and metrics) but empties the outlines no character of the figure can
 * reach and drops what nothing reads (glyph names, licence texts, hinting): DejaVu Sans shrinks
 * from 760 to about 110 kB and the pixels stay the same.
 *
 * Which glyphs a text can reach: those its characters map to (in NFC and NFD, as the shaper
 * composes and decomposes), the ones GSUB can substitute for them (closed over every lookup), and
 * the components of composite glyphs. Parsing is defensive: anything unexpected gives null, and
 * the caller renders with the full fonts.
 */

interface TableRecord {
  tag: string;
  offset: number;
  length: number;
}

/** A parsed source font: its bytes, tables, character map, outline offsets and GSUB lookups. */
export interface SourceFont {
  readonly bytes: Uint8Array;
  readonly tables: TableRecord[];
  /** Unicode code point → glyph id, from every Unicode subtable of cmap. */
  readonly cmap: Map<number, number>;
  readonly numGlyphs: number;
  /** Outline of glyph g: glyf bytes [loca[g], loca[g + 1]). */
  readonly loca: number[];
  readonly glyf: TableRecord;
  readonly substitutions: Substitution[];
}

/** One GSUB subtable: when `input` is reachable, `outputs` are. */
interface Substitution {
  input: number[];
  outputs: number[];
}

class View {
  readonly dv: DataView;
  constructor(readonly bytes: Uint8Array) {
    this.dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  u16(o: number): number {
    return this.dv.getUint16(o);
  }
  i16(o: number): number {
    return this.dv.getInt16(o);
  }
  u32(o: number): number {
    return this.dv.getUint32(o);
  }
}

/** Parses a TrueType font (glyf outlines); null for anything else (CFF, collections, damaged files). */
export function parseFont(bytes: Uint8Array): SourceFont | null {
  try {
    // A plain view: Buffer's own subarray is several times slower.
    return parse(new View(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength)));
  } catch {
    return null;
  }
}

function parse(v: View): SourceFont | null {
  if (v.u32(0) !== 0x00010000 && v.u32(0) !== 0x74727565 /* 'true' */) return null;
  const tables: TableRecord[] = [];
  for (let i = 0, n = v.u16(4); i < n; i++) {
    const r = 12 + 16 * i;
    const rec = { tag: String.fromCharCode(...v.bytes.subarray(r, r + 4)), offset: v.u32(r + 8), length: v.u32(r + 12) };
    if (rec.offset + rec.length > v.bytes.length) return null;
    tables.push(rec);
  }
  const table = (tag: string) => tables.find((t) => t.tag === tag);
  const head = table('head');
  const maxp = table('maxp');
  const loca = table('loca');
  const glyf = table('glyf');
  const cmap = table('cmap');
  if (!head || !maxp || !loca || !glyf || !cmap) return null;
  const numGlyphs = v.u16(maxp.offset + 4);
  const longLoca = v.i16(head.offset + 50) === 1;
  const offsets: number[] = [];
  for (let g = 0; g <= numGlyphs; g++) offsets.push(longLoca ? v.u32(loca.offset + 4 * g) : 2 * v.u16(loca.offset + 2 * g));
  if (offsets[numGlyphs]! > glyf.length) return null;
  const gsub = table('GSUB');
  return { bytes: v.bytes, tables, cmap: readCmap(v, cmap.offset), numGlyphs, loca: offsets, glyf, substitutions: gsub ? readGsub(v, gsub.offset) : [] };
}

function readCmap(v: View, base: number): Map<number, number> {
  const map = new Map<number, number>();
  for (let i = 0, n = v.u16(base + 2); i < n; i++) {
    const platform = v.u16(base + 4 + 8 * i);
    const encoding = v.u16(base + 6 + 8 * i);
    if (!(platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10)))) continue;
    const st = base + v.u32(base + 8 + 8 * i);
    const format = v.u16(st);
    if (format === 4) {
      const segs = v.u16(st + 6) / 2;
      const ends = st + 14;
      const starts = ends + 2 * segs + 2;
      const deltas = starts + 2 * segs;
      const rangeOffsets = deltas + 2 * segs;
      for (let s = 0; s < segs; s++) {
        const end = v.u16(ends + 2 * s);
        const start = v.u16(starts + 2 * s);
        const delta = v.u16(deltas + 2 * s);
        const ro = v.u16(rangeOffsets + 2 * s);
        for (let c = start; c <= end && c !== 0xffff; c++) {
          let g: number;
          if (ro === 0) g = (c + delta) & 0xffff;
          else {
            g = v.u16(rangeOffsets + 2 * s + ro + 2 * (c - start));
            if (g !== 0) g = (g + delta) & 0xffff;
          }
          if (g !== 0 && !map.has(c)) map.set(c, g);
        }
      }
    } else if (format === 12) {
      for (let gi = 0, groups = v.u32(st + 12); gi < groups; gi++) {
        const r = st + 16 + 12 * gi;
        const start = v.u32(r);
        const end = v.u32(r + 4);
        const first = v.u32(r + 8);
        for (let c = start; c <= end; c++) if (!map.has(c)) map.set(c, first + c - start);
      }
    }
  }
  return map;
}

function coverage(v: View, o: number): number[] {
  const format = v.u16(o);
  const out: number[] = [];
  if (format === 1) for (let i = 0, n = v.u16(o + 2); i < n; i++) out.push(v.u16(o + 4 + 2 * i));
  else if (format === 2)
    for (let i = 0, n = v.u16(o + 2); i < n; i++) {
      const r = o + 4 + 6 * i;
      for (let g = v.u16(r); g <= v.u16(r + 2); g++) out.push(g);
    }
  else throw new Error(`coverage format ${format}`);
  return out;
}

function glyphArray(v: View, o: number): number[] {
  const out: number[] = [];
  for (let i = 0, n = v.u16(o); i < n; i++) out.push(v.u16(o + 2 + 2 * i));
  return out;
}

/** Every substitution of every GSUB lookup (types 1–4 and 8; 5–7 only call other lookups or wrap them). */
function readGsub(v: View, base: number): Substitution[] {
  const out: Substitution[] = [];
  const lookups = base + v.u16(base + 8);
  for (let l = 0, n = v.u16(lookups); l < n; l++) {
    const lookup = lookups + v.u16(lookups + 2 + 2 * l);
    const lookupType = v.u16(lookup);
    for (let s = 0, count = v.u16(lookup + 4); s < count; s++) {
      const st = lookup + v.u16(lookup + 6 + 2 * s);
      // Type 7 wraps a subtable of another type at a 32-bit offset.
      if (lookupType === 7) readSubstitution(v, v.u16(st + 2), st + v.u32(st + 4), out);
      else readSubstitution(v, lookupType, st, out);
    }
  }
  return out;
}

function readSubstitution(v: View, type: number, st: number, out: Substitution[]): void {
  const format = v.u16(st);
  if (type === 1) {
    const cov = coverage(v, st + v.u16(st + 2));
    if (format === 1) {
      const delta = v.u16(st + 4);
      cov.forEach((g) => out.push({ input: [g], outputs: [(g + delta) & 0xffff] }));
    } else {
      const subs = glyphArray(v, st + 4);
      cov.forEach((g, i) => out.push({ input: [g], outputs: [subs[i]!] }));
    }
  } else if (type === 2 || type === 3) {
    // Multiple and alternate substitution: the same layout, a list of glyphs per covered glyph.
    const cov = coverage(v, st + v.u16(st + 2));
    cov.forEach((g, i) => out.push({ input: [g], outputs: glyphArray(v, st + v.u16(st + 6 + 2 * i)) }));
  } else if (type === 4) {
    const cov = coverage(v, st + v.u16(st + 2));
    cov.forEach((g, i) => {
      const set = st + v.u16(st + 6 + 2 * i);
      for (let k = 0, n = v.u16(set); k < n; k++) {
        const lig = set + v.u16(set + 2 + 2 * k);
        const components = [g];
        for (let c = 1, cn = v.u16(lig + 2); c < cn; c++) components.push(v.u16(lig + 4 + 2 * (c - 1)));
        out.push({ input: components, outputs: [v.u16(lig)] });
      }
    });
  } else if (type === 8) {
    const cov = coverage(v, st + v.u16(st + 2));
    const backtrack = v.u16(st + 4);
    const lookahead = v.u16(st + 6 + 2 * backtrack);
    const subs = glyphArray(v, st + 8 + 2 * backtrack + 2 * lookahead);
    cov.forEach((g, i) => out.push({ input: [g], outputs: [subs[i]!] }));
  }
}

/** The code points a figure's text can make the shaper look up: as written, composed and decomposed. */
export function textCodePoints(text: string): Set<number> {
  const points = new Set<number>();
  for (const s of [text, text.normalize('NFC'), text.normalize('NFD')])
    for (let i = 0; i < s.length; i++) {
      const c = s.codePointAt(i)!;
      if (c > 0xffff) i++;
      points.add(c);
    }
  return points;
}

/**
 * The subset of `font` for `codePoints`, as TrueType bytes; null when the font lacks one of them
 * (then another font would draw it, so the caller keeps the full fonts) or cannot be subset.
 */
export function subsetFont(font: SourceFont, codePoints: Iterable<number>): Uint8Array | null {
  try {
    const glyphs = reachableGlyphs(font, codePoints);
    return glyphs ? assemble(font, glyphs) : null;
  } catch {
    return null;
  }
}

/** Tab and line ends: SVG turns them into spaces before shaping. */
const isLineSpace = (c: number) => c === 0x09 || c === 0x0a || c === 0x0d;

/** Whether the font has a glyph of its own for every one of the code points (else another font would draw it). */
export function coversAll(font: SourceFont, codePoints: Iterable<number>): boolean {
  for (const c of codePoints) if (!font.cmap.has(c) && !isLineSpace(c)) return false;
  return true;
}

function reachableGlyphs(font: SourceFont, codePoints: Iterable<number>): Set<number> | null {
  if (!coversAll(font, codePoints)) return null;
  const glyphs = new Set<number>([0]);
  for (const c of codePoints) {
    const g = font.cmap.get(c);
    if (g !== undefined) glyphs.add(g);
  }
  // The shaper's fallbacks: dotted circle for a lone mark, the plain space and hyphen for their variants.
  for (const c of [0x20, 0xa0, 0x2d, 0x2010, 0x25cc]) {
    const g = font.cmap.get(c);
    if (g !== undefined) glyphs.add(g);
  }
  const v = new View(font.bytes);
  for (let grew = true; grew; ) {
    grew = false;
    for (const s of font.substitutions)
      if (s.input.every((g) => glyphs.has(g)))
        for (const g of s.outputs)
          if (!glyphs.has(g)) {
            glyphs.add(g);
            grew = true;
          }
    for (const g of [...glyphs])
      for (const c of components(v, font, g))
        if (!glyphs.has(c)) {
          glyphs.add(c);
          grew = true;
        }
  }
  for (const g of glyphs) if (g >= font.numGlyphs) return null;
  return glyphs;
}

/** The glyphs a composite glyph is built from (none for a simple one). */
function components(v: View, font: SourceFont, g: number): number[] {
  const start = font.loca[g]!;
  if (font.loca[g + 1]! <= start) return [];
  let o = font.glyf.offset + start;
  if (v.i16(o) >= 0) return [];
  o += 10;
  const out: number[] = [];
  for (;;) {
    const flags = v.u16(o);
    out.push(v.u16(o + 2));
    o += 4 + (flags & 0x1 ? 4 : 2) + (flags & 0x8 ? 2 : flags & 0x40 ? 4 : flags & 0x80 ? 8 : 0);
    if (!(flags & 0x20)) return out;
  }
}

const pad4 = (n: number) => (n + 3) & ~3;

/**
 * Tables the shaper and the outliner never read, dropped: hinting (resvg does not hint), the math
 * layout, FontForge's timestamp, and the legacy kerning table, which shapers skip when GPOS is
 * there (the font's kerning is in GPOS).
 */
const UNREAD = new Set(['fpgm', 'prep', 'cvt ', 'hdmx', 'LTSH', 'VDMX', 'MATH', 'FFTM', 'DSIG']);

function assemble(font: SourceFont, glyphs: Set<number>): Uint8Array {
  const src = font.bytes;
  const drop = (tag: string) => UNREAD.has(tag) || (tag === 'kern' && font.tables.some((t) => t.tag === 'GPOS'));
  // glyf: the reachable outlines, each padded to 4 bytes, so every offset is even and loca can
  // stay in the short format when they fit.
  const offsets = new Uint32Array(font.numGlyphs + 1);
  let size = 0;
  for (let g = 0; g < font.numGlyphs; g++) {
    offsets[g] = size;
    if (glyphs.has(g)) size += pad4(font.loca[g + 1]! - font.loca[g]!);
  }
  offsets[font.numGlyphs] = size;
  const glyf = new Uint8Array(size);
  for (const g of glyphs) {
    const from = font.glyf.offset + font.loca[g]!;
    glyf.set(src.subarray(from, from + font.loca[g + 1]! - font.loca[g]!), offsets[g]!);
  }
  const shortLoca = size <= 0x1fffe;
  const loca = new Uint8Array((shortLoca ? 2 : 4) * (font.numGlyphs + 1));
  const locaView = new DataView(loca.buffer);
  for (let g = 0; g <= font.numGlyphs; g++) {
    if (shortLoca) locaView.setUint16(2 * g, offsets[g]! / 2);
    else locaView.setUint32(4 * g, offsets[g]!);
  }

  const parts = font.tables.filter((t) => !drop(t.tag)).map((t) => {
    const table = src.subarray(t.offset, t.offset + t.length);
    if (t.tag === 'glyf') return { tag: t.tag, data: glyf };
    if (t.tag === 'loca') return { tag: t.tag, data: loca };
    if (t.tag === 'head') {
      const data = table.slice();
      const dv = new DataView(data.buffer);
      dv.setUint32(8, 0); // checkSumAdjustment, set below
      dv.setInt16(50, shortLoca ? 0 : 1); // indexToLocFormat
      return { tag: t.tag, data };
    }
    if (t.tag === 'post' && table.length >= 32) {
      // Format 3: the same header, no glyph names (a third of what is left otherwise).
      const data = table.slice(0, 32);
      new DataView(data.buffer).setUint32(0, 0x00030000);
      return { tag: t.tag, data };
    }
    if (t.tag === 'name') return { tag: t.tag, data: namesForMatching(table) };
    return { tag: t.tag, data: table };
  });
  parts.sort((a, b) => (a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : 0));

  const n = parts.length;
  const headerSize = 12 + 16 * n;
  const total = parts.reduce((sum, p) => sum + pad4(p.data.length), headerSize);
  const out = new Uint8Array(total);
  const dv = new DataView(out.buffer);
  let searchRange = 1;
  let entrySelector = 0;
  while (searchRange * 2 <= n) {
    searchRange *= 2;
    entrySelector++;
  }
  dv.setUint32(0, 0x00010000);
  dv.setUint16(4, n);
  dv.setUint16(6, searchRange * 16);
  dv.setUint16(8, entrySelector);
  dv.setUint16(10, n * 16 - searchRange * 16);
  let offset = headerSize;
  let headOffset = -1;
  parts.forEach((p, i) => {
    const r = 12 + 16 * i;
    for (let k = 0; k < 4; k++) out[r + k] = p.tag.charCodeAt(k);
    out.set(p.data, offset);
    dv.setUint32(r + 4, checksum(out, offset, p.data.length));
    dv.setUint32(r + 8, offset);
    dv.setUint32(r + 12, p.data.length);
    if (p.tag === 'head') headOffset = offset;
    offset += pad4(p.data.length);
  });
  if (headOffset >= 0) dv.setUint32(headOffset + 8, (0xb1b0afba - checksum(out, 0, out.length)) >>> 0);
  return out;
}

/** The name table with only the names fonts are matched and identified by (no licence or description texts). */
function namesForMatching(table: Uint8Array): Uint8Array {
  const v = new View(table);
  if (v.u16(0) !== 0) return table;
  const count = v.u16(2);
  const strings = v.u16(4);
  const keep: number[] = [];
  for (let i = 0; i < count; i++) if ([0, 1, 2, 3, 4, 5, 6, 16, 17].includes(v.u16(6 + 12 * i + 6))) keep.push(i);
  const storage = keep.reduce((n, i) => n + v.u16(6 + 12 * i + 8), 0);
  const head = 6 + 12 * keep.length;
  const out = new Uint8Array(head + storage);
  const dv = new DataView(out.buffer);
  dv.setUint16(2, keep.length);
  dv.setUint16(4, head);
  let at = 0;
  keep.forEach((i, k) => {
    const r = 6 + 12 * i;
    const length = v.u16(r + 8);
    out.set(table.subarray(r, r + 8), 6 + 12 * k);
    dv.setUint16(6 + 12 * k + 8, length);
    dv.setUint16(6 + 12 * k + 10, at);
    out.set(table.subarray(strings + v.u16(r + 10), strings + v.u16(r + 10) + length), head + at);
    at += length;
  });
  return out;
}

function checksum(bytes: Uint8Array, offset: number, length: number): number {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let sum = 0;
  const end = offset + pad4(length);
  for (let o = offset; o < end; o += 4) sum = (sum + dv.getUint32(o)) >>> 0;
  return sum;
}
