/**
 * Text measurement without a browser: advance widths of DejaVu Sans (the font the figures ask
 * for first, and the one Debian's chromium and resvg fall back to), in em. Other fonts in the
 * stack (Verdana, Arial, Helvetica) are as wide or narrower, so an estimate made with these
 * widths is an upper bound and wrapped labels fit their boxes.
 */

/** Advance widths in em, measured with resvg on DejaVu Sans Book (regular) and Bold. */
const REGULAR: Record<string, number> = {
  "0": 0.636, "1": 0.636, "2": 0.636, "3": 0.636, "4": 0.636, "5": 0.636, "6": 0.636, "7": 0.636, "8": 0.636,
  "9": 0.636, " ": 0.318, "!": 0.401, "\"": 0.46, "#": 0.838, "$": 0.636, "%": 0.95, "&": 0.78, "'": 0.275,
  "(": 0.39, ")": 0.39, "*": 0.5, "+": 0.838, ",": 0.318, "-": 0.361, ".": 0.316, "/": 0.337, ":": 0.337,
  ";": 0.337, "<": 0.838, "=": 0.838, ">": 0.838, "?": 0.531, "@": 1, "A": 0.709, "B": 0.686, "C": 0.698,
  "D": 0.77, "E": 0.632, "F": 0.575, "G": 0.775, "H": 0.752, "I": 0.295, "J": 0.295, "K": 0.656, "L": 0.557,
  "M": 0.863, "N": 0.748, "O": 0.787, "P": 0.603, "Q": 0.787, "R": 0.695, "S": 0.635, "T": 0.595, "U": 0.732,
  "V": 0.684, "W": 0.989, "X": 0.685, "Y": 0.611, "Z": 0.685, "[": 0.39, "\\": 0.337, "]": 0.39, "^": 0.838,
  "_": 0.5, "`": 0.5, "a": 0.613, "b": 0.635, "c": 0.55, "d": 0.635, "e": 0.615, "f": 0.344, "g": 0.635,
  "h": 0.634, "i": 0.278, "j": 0.278, "k": 0.579, "l": 0.278, "m": 0.974, "n": 0.634, "o": 0.612, "p": 0.635,
  "q": 0.635, "r": 0.395, "s": 0.521, "t": 0.392, "u": 0.634, "v": 0.592, "w": 0.818, "x": 0.592, "y": 0.592,
  "z": 0.525, "{": 0.636, "|": 0.337, "}": 0.636, "~": 0.838, "€": 0.636, "–": 0.5, "—": 1, "‘": 0.318,
  "’": 0.318, "“": 0.511, "”": 0.515, "•": 0.59, "…": 1, "§": 0.5, "×": 0.838, "°": 0.5,
};
const BOLD: Record<string, number> = {
  "0": 0.696, "1": 0.696, "2": 0.696, "3": 0.696, "4": 0.696, "5": 0.696, "6": 0.696, "7": 0.696, "8": 0.696,
  "9": 0.696, " ": 0.348, "!": 0.456, "\"": 0.521, "#": 0.838, "$": 0.696, "%": 1.002, "&": 0.872, "'": 0.306,
  "(": 0.457, ")": 0.457, "*": 0.523, "+": 0.838, ",": 0.38, "-": 0.415, ".": 0.38, "/": 0.365, ":": 0.4,
  ";": 0.4, "<": 0.838, "=": 0.838, ">": 0.838, "?": 0.58, "@": 1, "A": 0.774, "B": 0.762, "C": 0.734,
  "D": 0.83, "E": 0.683, "F": 0.683, "G": 0.821, "H": 0.837, "I": 0.372, "J": 0.372, "K": 0.775, "L": 0.637,
  "M": 0.995, "N": 0.837, "O": 0.85, "P": 0.733, "Q": 0.85, "R": 0.77, "S": 0.68, "T": 0.703, "U": 0.812,
  "V": 0.774, "W": 1.103, "X": 0.771, "Y": 0.724, "Z": 0.725, "[": 0.457, "\\": 0.365, "]": 0.457, "^": 0.838,
  "_": 0.5, "`": 0.5, "a": 0.675, "b": 0.716, "c": 0.593, "d": 0.716, "e": 0.678, "f": 0.405, "g": 0.716,
  "h": 0.712, "i": 0.343, "j": 0.343, "k": 0.665, "l": 0.343, "m": 1.042, "n": 0.712, "o": 0.687, "p": 0.716,
  "q": 0.716, "r": 0.493, "s": 0.595, "t": 0.478, "u": 0.712, "v": 0.652, "w": 0.924, "x": 0.645, "y": 0.652,
  "z": 0.582, "{": 0.712, "|": 0.365, "}": 0.712, "~": 0.838, "€": 0.696, "–": 0.5, "—": 1, "‘": 0.38,
  "’": 0.38, "“": 0.657, "”": 0.657, "•": 0.639, "…": 1, "§": 0.5, "×": 0.838, "°": 0.5,
};

/** Width of a character not in the tables (CJK, symbols): a full em, so the estimate stays an upper bound. */
const FALLBACK = 1.0;
/** Safety margin over the tables, for shaping differences between renderers. */
const MARGIN = 1.04;

const charWidth = (ch: string, table: Record<string, number>): number => {
  const w = table[ch];
  if (w !== undefined) return w;
  // Accented letters: the width of the base letter (DejaVu draws them on the same advance).
  const base = ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  if (base !== ch && base.length === 1 && table[base] !== undefined) return table[base]!;
  return FALLBACK;
};

/** Estimated advance width of a single line of text, in px, at `fontSize` px. */
export function textWidth(text: string, fontSize: number, bold = false): number {
  const table = bold ? BOLD : REGULAR;
  let em = 0;
  for (const ch of text) em += charWidth(ch, table);
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
