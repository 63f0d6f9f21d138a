import { escapeXml, FONT_FAMILY, n, textWidth, wrapText } from './text.js';

/**
 * Expenditure per year and budget line as grouped bars. An amount the source does not give
 * (`null`) is drawn as a low hatched stub on the baseline marked "?" — never a zero bar, and never
 * a column of any height, which would read as an amount; the scale comes from the known amounts
 * only. A year a line has no entry for at all is left empty. (Where no amount is known at all the
 * report shows a panel saying so instead of a chart.)
 */

export interface ExpenditureSeries {
  id: string;
  name: string;
  values: { year: number; amount: number | null }[];
}

export interface ExpenditureChartInput {
  /** Prefix for the ids inside the SVG (patterns), unique within the page. */
  idPrefix: string;
  title: string;
  description: string;
  years: number[];
  series: ExpenditureSeries[];
  unknownLegend: string;
  axisLabel: string;
  formatAmount: (value: number) => string;
}

export interface ChartBar {
  series: string;
  year: number;
  x: number;
  y: number;
  width: number;
  height: number;
  amount: number | null;
}

export interface ExpenditureChart {
  svg: string;
  width: number;
  height: number;
  bars: ChartBar[];
}

/** Colour-blind-safe palette (Okabe–Ito, then Tableau tones). */
export const PALETTE = ['#0072b2', '#e69f00', '#009e73', '#cc79a7', '#56b4e9', '#d55e00', '#f0e442', '#000000', '#4e79a7', '#b07aa1', '#9c755f', '#76b7b2'];

/** A "nice" axis maximum and step (1, 2, 2.5 or 5 times a power of ten) for about five ticks. */
export function niceScale(max: number): { max: number; step: number } {
  if (!(max > 0)) return { max: 1, step: 0.25 };
  const rough = max / 5;
  const pow = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * pow).find((s) => s >= rough) ?? 10 * pow;
  return { max: Math.ceil(max / step) * step, step };
}

/** Height of the stub that marks an unknown amount: a marker, not a quantity. */
const UNKNOWN_STUB = 14;

export function renderExpenditureChart(input: ExpenditureChartInput): ExpenditureChart {
  const fontSize = 11;
  const { years, series } = input;
  const known = series.flatMap((s) => s.values.map((v) => v.amount).filter((a): a is number => a !== null));
  const { max, step } = niceScale(Math.max(0, ...known));
  // Without any known amount there is no scale to show: only the baseline and the unknown columns.
  const tickLabels: string[] = [];
  if (known.length > 0) for (let i = 0; i * step <= max + step / 2; i++) tickLabels.push(input.formatAmount(i * step));
  const left = Math.max(14 + Math.max(0, ...tickLabels.map((t) => textWidth(t, fontSize))) + 8, 40);
  const top = 24;
  const plotH = 240;
  const barW = Math.max(6, Math.min(26, Math.floor(520 / Math.max(1, years.length * Math.max(1, series.length)))));
  const groupGap = Math.max(14, barW);
  const groupW = series.length * barW;
  const plotW = Math.max(320, years.length * (groupW + groupGap) + groupGap);
  const width = left + plotW + 16;

  // Legend: swatch + wrapped name, in as many columns as fit.
  const legendItems = [...series.map((s, i) => ({ kind: 'series' as const, name: s.name, color: PALETTE[i % PALETTE.length]! }))];
  const hasUnknown = series.some((s) => s.values.some((v) => v.amount === null));
  const itemW = 260;
  const cols = Math.max(1, Math.floor((width - 20) / itemW));
  const legendRows: { lines: string[]; color: string | null }[][] = [];
  const allItems: { lines: string[]; color: string | null }[] = legendItems.map((it) => ({ lines: wrapText(it.name, itemW - 30, fontSize), color: it.color }));
  if (hasUnknown) allItems.push({ lines: wrapText(input.unknownLegend, itemW - 30, fontSize), color: null });
  for (let i = 0; i < allItems.length; i += cols) legendRows.push(allItems.slice(i, i + cols));
  const lineH = 14;
  const legendTop = top + plotH + 34;
  const legendH = legendRows.reduce((h, row) => h + Math.max(...row.map((it) => it.lines.length)) * lineH + 6, 0);
  const height = legendTop + legendH + 8;

  const yOf = (v: number) => top + plotH - (v / max) * plotH;
  const out: string[] = [];
  const hatch = (i: number) => `${input.idPrefix}-hatch-${i}`;
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${n(width)}" height="${n(height)}" viewBox="0 0 ${n(width)} ${n(height)}" role="img" font-family="${escapeXml(FONT_FAMILY)}" font-size="${fontSize}">`,
    `<title>${escapeXml(input.title)}</title><desc>${escapeXml(input.description)}</desc>`,
    '<defs>',
  );
  series.forEach((_, i) => {
    const color = PALETTE[i % PALETTE.length]!;
    out.push(
      `<pattern id="${escapeXml(hatch(i))}" patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)"><rect width="6" height="6" fill="#ffffff"/><line x1="0" y1="0" x2="0" y2="6" stroke="${color}" stroke-width="2"/></pattern>`,
    );
  });
  out.push(
    `<pattern id="${escapeXml(input.idPrefix)}-hatch-legend" patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)"><rect width="6" height="6" fill="#ffffff"/><line x1="0" y1="0" x2="0" y2="6" stroke="#555555" stroke-width="2"/></pattern>`,
    '</defs>',
    '<rect width="100%" height="100%" fill="#ffffff"/>',
  );
  // Grid and y axis.
  tickLabels.forEach((label, i) => {
    const y = yOf(i * step);
    out.push(`<line x1="${n(left)}" y1="${n(y)}" x2="${n(left + plotW)}" y2="${n(y)}" stroke="${i === 0 ? '#333333' : '#e0e0e0'}" stroke-width="1"/>`);
    out.push(`<text x="${n(left - 6)}" y="${n(y + 4)}" text-anchor="end" fill="#333333">${escapeXml(label)}</text>`);
  });
  if (tickLabels.length === 0) out.push(`<line x1="${n(left)}" y1="${n(top + plotH)}" x2="${n(left + plotW)}" y2="${n(top + plotH)}" stroke="#333333" stroke-width="1"/>`);
  else out.push(`<text x="4" y="${n(top - 10)}" fill="#333333">${escapeXml(input.axisLabel)}</text>`);

  const bars: ChartBar[] = [];
  const slot = plotW / Math.max(1, years.length);
  years.forEach((year, yi) => {
    const gx = left + yi * slot + (slot - groupW) / 2;
    series.forEach((s, si) => {
      const entry = s.values.find((v) => v.year === year);
      if (!entry) return;
      const x = gx + si * barW;
      const color = PALETTE[si % PALETTE.length]!;
      if (entry.amount === null) {
        const y = top + plotH - UNKNOWN_STUB;
        bars.push({ series: s.id, year, x, y, width: barW - 2, height: UNKNOWN_STUB, amount: null });
        out.push(
          `<rect x="${n(x)}" y="${n(y)}" width="${n(barW - 2)}" height="${n(UNKNOWN_STUB)}" fill="url(#${escapeXml(hatch(si))})" stroke="${color}" stroke-dasharray="3 2"/>`,
          `<text x="${n(x + (barW - 2) / 2)}" y="${n(y - 4)}" text-anchor="middle" font-weight="bold" fill="${color}">?</text>`,
        );
        return;
      }
      const y = yOf(Math.max(0, entry.amount));
      const h = top + plotH - y;
      bars.push({ series: s.id, year, x, y, width: barW - 2, height: h, amount: entry.amount });
      out.push(`<rect x="${n(x)}" y="${n(y)}" width="${n(barW - 2)}" height="${n(Math.max(h, 0.5))}" fill="${color}"/>`);
    });
    out.push(`<text x="${n(gx + groupW / 2)}" y="${n(top + plotH + 18)}" text-anchor="middle" fill="#333333">${year}</text>`);
  });

  // Legend.
  let ly = legendTop;
  for (const row of legendRows) {
    row.forEach((item, ci) => {
      const lx = 14 + ci * itemW;
      const fill = item.color ?? `url(#${escapeXml(input.idPrefix)}-hatch-legend)`;
      out.push(`<rect x="${n(lx)}" y="${n(ly)}" width="14" height="11" fill="${fill}" stroke="${item.color ?? '#555555'}"/>`);
      item.lines.forEach((line, li) => {
        out.push(`<text x="${n(lx + 20)}" y="${n(ly + 10 + li * lineH)}" fill="#1a1a1a">${escapeXml(line)}</text>`);
      });
    });
    ly += Math.max(...row.map((it) => it.lines.length)) * lineH + 6;
  }
  out.push('</svg>');
  return { svg: out.join('\n'), width, height, bars };
}
