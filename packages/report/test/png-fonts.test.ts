import { analyze } from '@polev/core';
import { existsSync, readFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { parseFont, subsetFont, textCodePoints } from '../src/figures/font-subset.js';
import { FONT_FAMILY } from '../src/figures/text.js';
import { buildReport, svgToPng, walkSections, type FigureBlock } from '../src/index.js';
import { loadExample } from './helpers.js';

/**
 * The PNG fallbacks are drawn with a subset of DejaVu Sans holding only each figure's glyphs, and
 * encoded by polev, not resvg (see figures/png.ts). Both are tricks for speed only: every pixel
 * must be the one resvg draws with the system fonts.
 */
const DEJAVU = '/usr/share/fonts/truetype/dejavu';
const haveDejaVu = existsSync(`${DEJAVU}/DejaVuSans.ttf`) && existsSync(`${DEJAVU}/DejaVuSans-Bold.ttf`);

type Resvg = typeof import('@resvg/resvg-js');
const resvg = async (): Promise<Resvg | null> => {
  try {
    const m = await import('@resvg/resvg-js');
    return ((m as unknown as { default?: Resvg }).default ?? m) as Resvg;
  } catch {
    return null;
  }
};

/** The RGBA pixels of a PNG polev wrote (8-bit RGBA, every row unfiltered). */
function pixelsOf(png: Uint8Array): { width: number; height: number; rgba: Buffer } {
  const b = Buffer.from(png.buffer, png.byteOffset, png.byteLength);
  expect([...b.subarray(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
  let at = 8;
  let width = 0;
  let height = 0;
  const idat: Buffer[] = [];
  while (at < b.length) {
    const len = b.readUInt32BE(at);
    const type = b.toString('latin1', at + 4, at + 8);
    const data = b.subarray(at + 8, at + 8 + len);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      expect([...data.subarray(8, 13)]).toEqual([8, 6, 0, 0, 0]);
    } else if (type === 'IDAT') idat.push(data);
    at += 12 + len;
  }
  const rows = inflateSync(Buffer.concat(idat));
  const stride = width * 4;
  expect(rows.length).toBe((stride + 1) * height);
  const rgba = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    expect(rows[y * (stride + 1)]).toBe(0);
    rows.copy(rgba, y * stride, y * (stride + 1) + 1, (y + 1) * (stride + 1));
  }
  return { width, height, rgba };
}

/** What resvg draws with the system fonts (the renderer before the subset). */
function systemFontsPixels(r: Resvg, svg: string, width: number) {
  const image = new r.Resvg(svg, { fitTo: { mode: 'width', value: Math.round(width) }, background: '#ffffff', font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' } }).render();
  return { width: image.width, height: image.height, rgba: image.pixels };
}

const label = (text: string, bold = false) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="900" height="40" font-family="${FONT_FAMILY.replace(/'/g, '&#39;')}" font-size="14"><text x="4" y="26"${bold ? ' font-weight="bold"' : ''}>${text}</text></svg>`;

describe('PNG fallbacks drawn with a DejaVu Sans subset', () => {
  it.skipIf(!haveDejaVu)('keeps every glyph a text can reach and shrinks the font', () => {
    const font = parseFont(readFileSync(`${DEJAVU}/DejaVuSans.ttf`))!;
    expect(font).not.toBeNull();
    const subset = subsetFont(font, textCodePoints('Beleidsboom € 128,8 mln — fijn'))!;
    expect(subset).not.toBeNull();
    expect(subset.byteLength).toBeLessThan(font.bytes.byteLength / 3);
    // The subset is a font of its own: parsed again, its character map is the source's.
    const again = parseFont(subset)!;
    expect(again.cmap.get('B'.codePointAt(0)!)).toBe(font.cmap.get('B'.codePointAt(0)!));
    expect(again.numGlyphs).toBe(font.numGlyphs);
    // A character DejaVu Sans lacks: another font draws it, so no subset.
    expect(subsetFont(font, textCodePoints('漢字'))).toBeNull();
    expect(parseFont(new Uint8Array([0, 1, 2, 3]))).toBeNull();
  });

  it('draws the example\'s figures pixel for pixel as resvg does with the system fonts', async () => {
    const r = await resvg();
    if (!r) return console.warn('skipped: resvg unavailable');
    const { review } = loadExample();
    const assessment = analyze(review);
    const figures = (['nl'] as const).flatMap((lang) =>
      [...walkSections(buildReport(review, assessment, { lang }).sections)].flatMap((s) => s.blocks).filter((b): b is FigureBlock => b.kind === 'figure'),
    );
    expect(figures.length).toBeGreaterThan(10);
    const svgs = [...new Set(figures.map((f) => f.svg))];
    const pngs = await Promise.all(svgs.map((svg) => svgToPng(svg, 900)));
    svgs.forEach((svg, i) => {
      const ours = pixelsOf(pngs[i]!);
      const theirs = systemFontsPixels(r, svg, 900);
      expect([ours.width, ours.height]).toEqual([theirs.width, theirs.height]);
      expect(ours.rgba.equals(theirs.rgba), `figure ${i}`).toBe(true);
    });
  });

  it('draws ligatures, accents, combining marks, other scripts and missing characters as the system fonts do', async () => {
    const r = await resvg();
    if (!r) return console.warn('skipped: resvg unavailable');
    const texts = [
      'fi fl ffi ffl — Officiële ﬁnanciën, coöperatie, reünie',
      'AV Ta Te To Wa Yo LT P. F, “Ay” — kerning pairs',
      'e\u0301 n\u0303 a\u0308 o\u0302\u0323 A\u030a i\u0307 — é ñ ä ộ Å',
      'Ωμέγα Ελληνικά · Привет, мир · Ðð Þþ ß Œœ Łł Şş Ğğ İı',
      'مرحبا بالعالم · שלום',
      '€ 1.234,5 – 10 % … ‘quote’ “quote” • × ° § ½ ≤ ≥ → ✓',
      '漢字 mixed with Latin',
      '&amp; &lt;tag&gt; &#39;apos&#39; &#x20AC; &#8364;',
    ];
    for (const [i, t] of texts.entries())
      for (const bold of [false, true]) {
        const svg = label(t, bold);
        const ours = pixelsOf(await svgToPng(svg, 900));
        const theirs = systemFontsPixels(r, svg, 900);
        expect(ours.rgba.equals(theirs.rgba), `text ${i}${bold ? ' bold' : ''}`).toBe(true);
      }
  });

});
