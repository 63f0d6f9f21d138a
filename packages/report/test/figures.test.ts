import { describe, expect, it } from 'vitest';
import { niceScale, paginateGapRows, renderExpenditureChart, renderGapMap, svgToPng, textWidth, wrapText, type GapMapRowInput } from '../src/index.js';

const chart = (series: { id: string; name: string; values: { year: number; amount: number | null }[] }[]) =>
  renderExpenditureChart({
    idPrefix: 'fig',
    title: 'Uitgaven <test>',
    description: 'desc',
    years: [2013, 2014, 2015],
    series,
    unknownLegend: 'bedrag onbekend',
    axisLabel: 'x €1.000',
    formatAmount: (v) => String(v),
  });

describe('expenditure chart', () => {
  it('draws an unknown amount as a low hatched stub marked "?", never as a zero bar nor a column that reads as an amount, and leaves a missing year empty', () => {
    const c = chart([
      { id: 'a', name: 'BDuR', values: [{ year: 2013, amount: 100 }, { year: 2014, amount: null }, { year: 2015, amount: 0 }] },
      { id: 'b', name: 'NL-Alert <x>', values: [{ year: 2014, amount: 50 }] },
    ]);
    const unknown = c.bars.filter((b) => b.amount === null);
    expect(unknown).toHaveLength(1);
    // The stub is lower than the smallest known positive bar here, and does not set the scale.
    const known = c.bars.filter((b) => b.amount !== null && b.amount > 0);
    expect(unknown[0]!.height).toBeLessThan(Math.min(...known.map((b) => b.height)));
    expect(unknown[0]!.height).toBeGreaterThan(0);
    expect(c.svg).toMatch(/fill="url\(#fig-hatch-0\)"/);
    expect(c.svg).toContain('bedrag onbekend');
    // A real zero is a (flat) bar; the missing years of line b have no bar at all.
    expect(c.bars.find((b) => b.series === 'a' && b.year === 2015)!.amount).toBe(0);
    expect(c.bars.filter((b) => b.series === 'b').map((b) => b.year)).toEqual([2014]);
    // Known bars are proportional.
    const a2013 = c.bars.find((b) => b.series === 'a' && b.year === 2013)!;
    const b2014 = c.bars.find((b) => b.series === 'b' && b.year === 2014)!;
    expect(a2013.height / b2014.height).toBeCloseTo(2, 1);
    expect(c.svg).toContain('NL-Alert &lt;x&gt;');
    expect(c.svg).not.toContain('<x>');
  });

  it('shows no scale when every amount is unknown', () => {
    const c = chart([{ id: 'a', name: 'A', values: [{ year: 2013, amount: null }, { year: 2014, amount: null }] }]);
    expect(c.bars.every((b) => b.amount === null)).toBe(true);
    expect(c.svg).not.toContain('x €1.000');
  });

  it('picks nice axis steps', () => {
    expect(niceScale(141500)).toEqual({ max: 150000, step: 50000 });
    expect(niceScale(38002)).toEqual({ max: 40000, step: 10000 });
    expect(niceScale(0).max).toBeGreaterThan(0);
  });
});

describe('gap map', () => {
  const rows: GapMapRowInput[] = [
    { id: 'o1', kind: 'objective', label: 'Doel met een heel lange omschrijving die over meerdere regels moet worden verdeeld', depth: 0, cells: ['plausibility', 'none', 'none'] },
    { id: 'i1', kind: 'instrument', label: '1. Instrument <b>', depth: 1, cells: ['effect', 'process', 'realisation'], marker: 'Stg. Geheim' },
  ];
  const labels = { none: 'geen', realisation: 'alleen realisatie', plausibility: 'plausibiliteit', process: 'procesevaluatie', effect: 'effectevaluatie' } as const;

  it('colours each cell by evidence strength and escapes labels', () => {
    const g = renderGapMap({ title: 'Lacunekaart', description: 'd', columns: ['Doeltreffendheid', 'Doelmatigheid', 'Neveneffecten'], rows, strengthLabels: labels, legendTitle: 'Bewijskracht' });
    expect(g.svg).toContain('#08519c'); // effect
    expect(g.svg).toContain('#4292c6'); // process
    expect(g.svg).toContain('1. Instrument &lt;b&gt;');
    expect(g.svg).toContain('Stg. Geheim');
    for (const l of Object.values(labels)) expect(g.svg).toContain(l);
  });

  it('paginates long maps', () => {
    const many = Array.from({ length: 200 }, (_, i): GapMapRowInput => ({ id: `i${i}`, kind: 'instrument', label: `Instrument ${i}`, depth: 1, cells: ['none', 'none', 'none'] }));
    const pages = paginateGapRows(many, ['a', 'b', 'c'], 860);
    expect(pages.length).toBeGreaterThan(3);
    expect(pages.flat()).toHaveLength(200);
    for (const p of pages) expect(renderGapMap({ title: 't', description: 'd', columns: ['a', 'b', 'c'], rows: p, strengthLabels: labels, legendTitle: 'l' }).height).toBeLessThanOrEqual(860 + 1);
  });
});

describe('text measurement', () => {
  it('wraps text into lines that fit and keeps every word', () => {
    const text = 'Versterken van de weerbaarheid tegen ICT-verstoringen en cyberaanvallen door publiek-private samenwerking';
    const lines = wrapText(text, 150, 11);
    for (const l of lines) expect(textWidth(l, 11)).toBeLessThanOrEqual(150);
    expect(lines.join(' ')).toBe(text);
    const long = wrapText('x'.repeat(200), 100, 11);
    expect(long.join('')).toBe('x'.repeat(200));
    for (const l of long) expect(textWidth(l, 11)).toBeLessThanOrEqual(100);
  });

  it('estimates no less than the rendered width (resvg, DejaVu Sans)', async () => {
    // The PNG of a label in a box of exactly the estimated width has no ink past the box.
    const label = 'Wijziging Wet veiligheidsregio’s — MWMW iiii ÉÀÇ €128,8 mln';
    const w = Math.ceil(textWidth(label, 20, true));
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${w + 40}" height="40"><rect width="100%" height="100%" fill="#fff"/><text x="0" y="28" font-family="DejaVu Sans" font-size="20" font-weight="bold">${label}</text></svg>`;
    let png: Uint8Array;
    try {
      png = await svgToPng(svg, w + 40);
    } catch (err) {
      console.warn(`skipped: resvg unavailable (${String(err)})`);
      return;
    }
    expect(png.byteLength).toBeGreaterThan(100);
    const { Resvg } = (await import('@resvg/resvg-js')).default;
    const inkOnly = svg.replace('<rect width="100%" height="100%" fill="#fff"/>', '');
    const bbox = new Resvg(inkOnly, { font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' } }).getBBox();
    if (!bbox) return; // no fonts on this machine: nothing was drawn
    expect(bbox.x + bbox.width).toBeLessThanOrEqual(w);
    // ... and not wildly more: the estimate is within 10% of the ink.
    expect(w).toBeLessThan((bbox.x + bbox.width) * 1.1);
  });
});
