import type { EvidenceStrength } from '@polev/core';
import { escapeXml, FONT_FAMILY, n, wrapText } from './text.js';

/**
 * The gap map as a heat table: one row per objective and instrument, one column per aspect
 * (effectiveness, efficiency, side effects), each cell coloured by the strength of the evidence.
 */

export interface GapMapRowInput {
  id: string;
  kind: 'objective' | 'instrument';
  label: string;
  depth: number;
  /** One entry per column. */
  cells: EvidenceStrength[];
  marker?: string | null;
  classification?: string | null;
}

export interface GapMapInput {
  title: string;
  description: string;
  columns: string[];
  rows: GapMapRowInput[];
  strengthLabels: Record<EvidenceStrength, string>;
  legendTitle: string;
}

export const STRENGTH_COLOURS: Record<EvidenceStrength, { fill: string; text: string }> = {
  none: { fill: '#f0f0f0', text: '#555555' },
  realisation: { fill: '#deebf7', text: '#08306b' },
  plausibility: { fill: '#9ecae1', text: '#08306b' },
  process: { fill: '#4292c6', text: '#ffffff' },
  effect: { fill: '#08519c', text: '#ffffff' },
};

const STRENGTHS: EvidenceStrength[] = ['none', 'realisation', 'plausibility', 'process', 'effect'];
const FONT = 11;
const LINE = 14;
const PAD = 5;
const HEAD_FONT = 10;
const LABEL_W = 340;
const CELL_W = 124;
const INDENT = 12;

interface RowGeometry {
  row: GapMapRowInput;
  lines: string[];
  markerLines: number;
  height: number;
}

function rowGeometry(row: GapMapRowInput): RowGeometry {
  const indent = Math.min(row.depth, 4) * INDENT;
  const bold = row.kind === 'objective';
  const marker = row.marker ? wrapText(row.marker, LABEL_W - 2 * PAD - indent, FONT, true) : [];
  const lines = [...marker, ...wrapText(row.label, LABEL_W - 2 * PAD - indent, FONT, bold)];
  return { row, lines, markerLines: marker.length, height: Math.max(lines.length * LINE + 2 * PAD, 22) };
}

/** Splits rows into pages whose figure stays under `maxHeight` px. */
export function paginateGapRows(rows: GapMapRowInput[], columns: string[], maxHeight: number): GapMapRowInput[][] {
  const fixed = headerHeight(columns) + 70;
  const pages: GapMapRowInput[][] = [];
  let current: GapMapRowInput[] = [];
  let used = fixed;
  for (const row of rows) {
    const h = rowGeometry(row).height;
    if (current.length > 0 && used + h > maxHeight) {
      pages.push(current);
      current = [];
      used = fixed;
    }
    current.push(row);
    used += h;
  }
  if (current.length > 0) pages.push(current);
  return pages;
}

function headerHeight(columns: string[]): number {
  const lines = Math.max(1, ...columns.map((c) => wrapText(c, CELL_W - 2 * PAD, HEAD_FONT, true).length));
  return lines * LINE + 2 * PAD;
}

export function renderGapMap(input: GapMapInput): { svg: string; width: number; height: number } {
  const margin = 10;
  const width = margin * 2 + LABEL_W + input.columns.length * CELL_W;
  const headH = headerHeight(input.columns);
  const geos = input.rows.map(rowGeometry);
  const bodyH = geos.reduce((s, g) => s + g.height, 0);
  const legendY = margin + headH + bodyH + 14;
  const height = legendY + 44;
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${n(width)}" height="${n(height)}" viewBox="0 0 ${n(width)} ${n(height)}" role="img" font-family="${escapeXml(FONT_FAMILY)}" font-size="${FONT}">`,
    `<title>${escapeXml(input.title)}</title><desc>${escapeXml(input.description)}</desc>`,
    '<rect width="100%" height="100%" fill="#ffffff"/>',
  );
  // Header.
  const x0 = margin + LABEL_W;
  out.push(`<rect x="${margin}" y="${margin}" width="${n(width - 2 * margin)}" height="${n(headH)}" fill="#154273"/>`);
  input.columns.forEach((c, ci) => {
    wrapText(c, CELL_W - 2 * PAD, HEAD_FONT, true).forEach((line, li) => {
      out.push(
        `<text x="${n(x0 + ci * CELL_W + CELL_W / 2)}" y="${n(margin + PAD + li * LINE + HEAD_FONT * 0.95)}" text-anchor="middle" fill="#ffffff" font-weight="bold" font-size="${HEAD_FONT}">${escapeXml(line)}</text>`,
      );
    });
  });
  // Rows.
  let y = margin + headH;
  geos.forEach((g, ri) => {
    const indent = Math.min(g.row.depth, 4) * INDENT;
    const bold = g.row.kind === 'objective';
    out.push(`<rect x="${margin}" y="${n(y)}" width="${LABEL_W}" height="${n(g.height)}" fill="${ri % 2 === 0 ? '#ffffff' : '#f7f9fb'}"/>`);
    g.lines.forEach((line, li) => {
      const marker = li < g.markerLines;
      const weight = bold || marker ? ' font-weight="bold"' : '';
      out.push(
        `<text x="${n(margin + PAD + indent)}" y="${n(y + PAD + li * LINE + FONT * 0.95)}" fill="${marker ? '#b00020' : '#1a1a1a'}"${weight}>${escapeXml(line)}</text>`,
      );
    });
    g.row.cells.forEach((strength, ci) => {
      const c = STRENGTH_COLOURS[strength];
      const cx = x0 + ci * CELL_W;
      out.push(
        `<rect x="${n(cx + 1)}" y="${n(y + 1)}" width="${CELL_W - 2}" height="${n(g.height - 2)}" fill="${c.fill}"/>`,
        `<text x="${n(cx + CELL_W / 2)}" y="${n(y + g.height / 2 + FONT * 0.35)}" text-anchor="middle" fill="${c.text}">${escapeXml(input.strengthLabels[strength])}</text>`,
      );
    });
    out.push(`<line x1="${margin}" y1="${n(y + g.height)}" x2="${n(width - margin)}" y2="${n(y + g.height)}" stroke="#d9d9d9"/>`);
    y += g.height;
  });
  out.push(`<rect x="${margin}" y="${margin}" width="${n(width - 2 * margin)}" height="${n(headH + bodyH)}" fill="none" stroke="#8c8c8c"/>`);
  // Legend.
  out.push(`<text x="${margin}" y="${n(legendY + 10)}" font-weight="bold" fill="#1a1a1a">${escapeXml(input.legendTitle)}</text>`);
  const legendW = (width - 2 * margin) / STRENGTHS.length;
  STRENGTHS.forEach((s, i) => {
    const lx = margin + i * legendW;
    const c = STRENGTH_COLOURS[s];
    out.push(
      `<rect x="${n(lx)}" y="${n(legendY + 18)}" width="${n(legendW - 4)}" height="20" fill="${c.fill}" stroke="#bdbdbd"/>`,
      `<text x="${n(lx + (legendW - 4) / 2)}" y="${n(legendY + 32)}" text-anchor="middle" fill="${c.text}">${escapeXml(input.strengthLabels[s])}</text>`,
    );
  });
  out.push('</svg>');
  return { svg: out.join('\n'), width, height };
}
