/**
 * Text measurement without a browser: advance widths of DejaVu Sans (the font the figures ask
 * for first, and the one Debian's chromium and resvg fall back to), in em. Other fonts in the
 * stack (Verdana, Arial, Helvetica) are as wide or narrower, so an estimate made with these
 * widths is an upper bound and wrapped labels fit their boxes.
 */

const WIDTHS: Record<string, number> = {
  ' ': 0.318, '!': 0.401, '"': 0.46, '#': 0.838, $: 0.636, '%': 0.95, '&': 0.78, "'": 0.275, '(': 0.39, ')': 0.39,
  '*': 0.5, '+': 0.838, ',': 0.318, '-': 0.361, '.': 0.318, '/': 0.337, ':': 0.337, ';': 0.337, '<': 0.838,
  '=': 0.838, '>': 0.838, '?': 0.531, '@': 1.0, '[': 0.39, '\\': 0.337, ']': 0.39, '^': 0.838, _: 0.5, '`': 0.5,
  '{': 0.636, '|': 0.337, '}': 0.636, '~': 0.838, '€': 0.636, '–': 0.5, '—': 1.0, '‘': 0.318, '’': 0.318,
  '“': 0.518, '”': 0.518, '•': 0.59, '…': 1.0, '§': 0.5, '×': 0.838, '°': 0.5,
  a: 0.613, b: 0.635, c: 0.55, d: 0.635, e: 0.615, f: 0.352, g: 0.635, h: 0.634, i: 0.278, j: 0.278, k: 0.579,
  l: 0.278, m: 0.974, n: 0.634, o: 0.612, p: 0.635, q: 0.635, r: 0.411, s: 0.521, t: 0.392, u: 0.634, v: 0.592,
  w: 0.818, x: 0.592, y: 0.592, z: 0.525,
  A: 0.684, B: 0.686, C: 0.698, D: 0.77, E: 0.632, F: 0.575, G: 0.775, H: 0.752, I: 0.295, J: 0.295, K: 0.656,
  L: 0.557, M: 0.863, N: 0.748, O: 0.787, P: 0.603, Q: 0.787, R: 0.695, S: 0.635, T: 0.611, U: 0.732, V: 0.684,
  W: 0.989, X: 0.685, Y: 0.611, Z: 0.685,
};
for (const d of '0123456789') WIDTHS[d] = 0.636;

/** Width of a character not in the table: generous, so the estimate stays an upper bound. */
const FALLBACK = 1.0;
/** Bold glyphs of DejaVu Sans are about 13% wider, narrow ones relatively more (measured with resvg). */
const bolden = (w: number): number => Math.max(w * 1.14, w + 0.075);
/** Safety margin over the table, for kerning-free shaping differences between renderers. */
const MARGIN = 1.04;

const charWidth = (ch: string): number => {
  const w = WIDTHS[ch];
  if (w !== undefined) return w;
  // Accented letters: the width of the base letter.
  const base = ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  if (base !== ch && base.length === 1 && WIDTHS[base] !== undefined) return WIDTHS[base]!;
  return FALLBACK;
};

/** Estimated advance width of a single line of text, in px, at `fontSize` px. */
export function textWidth(text: string, fontSize: number, bold = false): number {
  let em = 0;
  for (const ch of text) em += bold ? bolden(charWidth(ch)) : charWidth(ch);
  return em * fontSize * MARGIN;
}

/**
 * Greedy word wrap into lines no wider than `maxWidth` (estimated). Words longer than a line are
 * broken between characters. Whitespace runs collapse to one space; an empty text gives one
 * empty line.
 */
export function wrapText(text: string, maxWidth: number, fontSize: number, bold = false): string[] {
  const words = text.split(/\s+/).filter((w) => w.length > 0);
  if (words.length === 0) return [''];
  const lines: string[] = [];
  let line = '';
  const fits = (s: string) => textWidth(s, fontSize, bold) <= maxWidth;
  for (const word of words) {
    const candidate = line ? `${line} ${word}` : word;
    if (fits(candidate)) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    line = '';
    if (fits(word)) {
      line = word;
      continue;
    }
    // Break an over-long word (a URL, a long compound) into pieces that fit.
    let piece = '';
    for (const ch of word) {
      if (piece && !fits(piece + ch)) {
        lines.push(piece);
        piece = '';
      }
      piece += ch;
    }
    line = piece;
  }
  if (line) lines.push(line);
  return lines;
}

/** Escapes text for SVG/XML character data and attribute values. */
export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
    // Characters XML 1.0 does not allow at all.
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');
}

/** The font stack of every figure. DejaVu Sans first: its metrics are the table above. */
export const FONT_FAMILY = "'DejaVu Sans', Verdana, Arial, Helvetica, sans-serif";

/** A number for SVG coordinates: at most two decimals, no trailing zeros. */
export const n = (v: number): string => String(Math.round(v * 100) / 100);
