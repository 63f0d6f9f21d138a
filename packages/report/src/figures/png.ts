import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { deflate } from 'node:zlib';
import { PolevError } from '@polev/core';
import { crc32 } from '../crc32.js';
import { coversAll, parseFont, subsetFont, textCodePoints, type SourceFont } from './font-subset.js';
import { FONT_FAMILY } from './text.js';

/**
 * PNG renderings of the SVG figures, for the .docx (Word versions without SVG support show the
 * PNG). resvg is a native module, loaded on first use, so Markdown and HTML rendering never need
 * it. It draws with a subset of DejaVu Sans where that is installed (see svgsToPng), else with
 * the system fonts; without any font, text is left out.
 */

type ResvgModule = typeof import('@resvg/resvg-js');
let resvg: Promise<ResvgModule> | undefined;

/**
 * The PNG renderer could not be loaded (no prebuilt @resvg/resvg-js binary for this platform, or
 * it failed to load). A typed polev error: `code` is `RASTERIZER_UNAVAILABLE`, the message says
 * what to do, `cause` holds the original error.
 */
export class RasterizerUnavailableError extends PolevError {
  declare readonly code: 'RASTERIZER_UNAVAILABLE';
  constructor(cause: unknown) {
    super(
      'RASTERIZER_UNAVAILABLE',
      `the PNG renderer for the figures of the .docx (@resvg/resvg-js) could not be loaded: ${cause instanceof Error ? cause.message : String(cause)}. ` +
        'Install the @resvg/resvg-js package for this platform (reinstall with optional dependencies enabled) and a font such as DejaVu Sans (fonts-dejavu-core), ' +
        'pass your own `rasterize`, or choose the .html or .md format, which need no PNG renderer.',
    );
    this.name = 'RasterizerUnavailableError';
    this.cause = cause;
  }
}

async function load(): Promise<ResvgModule> {
  resvg ??= import('@resvg/resvg-js')
    .then((m) => ((m as unknown as { default?: ResvgModule }).default ?? m) as ResvgModule)
    .catch((err: unknown) => {
      resvg = undefined;
      throw new RasterizerUnavailableError(err);
    });
  return resvg;
}

/** Renders an SVG document to PNG bytes, `width` px wide. */
export async function svgToPng(svg: string, width: number): Promise<Uint8Array> {
  return (await svgsToPng([{ svg, width }]))[0]!;
}

/**
 * Renders several SVG documents to PNG bytes, each `width` px wide: in parallel in libuv's thread
 * pool, with one font subset for all of them.
 */
export async function svgsToPng(figures: readonly { svg: string; width: number }[]): Promise<Uint8Array[]> {
  const { renderAsync } = await load();
  const defaultFontFamily = DEJAVU_SANS;
  // resvg-js reads a font file whole for every glyph it draws: with a subset of DejaVu Sans that
  // holds only these figures' glyphs (the same pixels), parsing the example's 19 figures took
  // 200–220 ms of CPU instead of 860–900 ms. One subset for the batch rather than one per figure
  // saved another ~90 ms of the first render. Anything the subset cannot draw the same way gets
  // the system fonts.
  const subset = await dejaVuSubset(figures.map((f) => f.svg)).catch(() => null);
  const rendered = await Promise.allSettled(
    figures.map(async ({ svg, width }, i) => {
      const image = await renderAsync(svg, {
        fitTo: { mode: 'width', value: Math.max(1, Math.round(width)) },
        background: '#ffffff',
        font: subset?.covers[i] ? { loadSystemFonts: false, fontFiles: subset.files, defaultFontFamily } : { loadSystemFonts: true, defaultFontFamily },
      });
      // Encoded here, not by asPng, which deflates on the main thread (220 ms of CPU for the
      // example's 19 figures): zlib's deflate at level 3 runs in the thread pool, took 80 ms and
      // gave 15% smaller files (the same pixels).
      return encodePng(image.pixels, image.width, image.height);
    }),
  );
  // The subset's files are removed only once no rendering reads them any more.
  await subset?.dispose();
  return rendered.map((r) => {
    if (r.status === 'rejected') throw r.reason;
    return r.value;
  });
}

const DEJAVU_SANS = FONT_FAMILY.split(',')[0]!.replace(/'/g, '').trim();

/** Where Linux distributions, Homebrew and macOS users keep DejaVu Sans. */
const DEJAVU_DIRS = [
  '/usr/share/fonts/truetype/dejavu',
  '/usr/share/fonts/dejavu',
  '/usr/share/fonts/dejavu-sans-fonts',
  '/usr/share/fonts/TTF',
  '/usr/share/fonts/truetype/ttf-dejavu',
  '/usr/local/share/fonts',
  '/opt/homebrew/share/fonts',
  join(homedir(), '.local', 'share', 'fonts'),
  join(homedir(), '.fonts'),
  join(homedir(), 'Library', 'Fonts'),
  '/Library/Fonts',
];

let dejaVu: Promise<SourceFont[] | null> | undefined;
/** DejaVu Sans Book and Bold, read and parsed once per process; null where they are not found. */
function dejaVuFonts(): Promise<SourceFont[] | null> {
  dejaVu ??= (async () => {
    for (const dir of DEJAVU_DIRS) {
      const bytes = await Promise.all(['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'].map((f) => readFile(join(dir, f)))).catch(() => null);
      if (!bytes) continue;
      const fonts = bytes.map(parseFont);
      return fonts.every((f) => f !== null) ? (fonts as SourceFont[]) : null;
    }
    return null;
  })();
  return dejaVu;
}

/**
 * A figure the subset draws exactly as the system fonts would: text only in DejaVu Sans (first in
 * every font-family), upright, in its normal or bold weight.
 */
function drawsInDejaVu(svg: string): boolean {
  if (/<style|\sstyle=|font-style|font-stretch|font-variant|font=/.test(svg)) return false;
  for (const m of svg.matchAll(/font-family="([^"]*)"/g)) if (m[1]!.replace(/&#39;|&quot;|['"]/g, '').split(',')[0]!.trim() !== DEJAVU_SANS) return false;
  for (const m of svg.matchAll(/font-weight="([^"]*)"/g)) if (!['normal', 'bold', '400', '700'].includes(m[1]!)) return false;
  return true;
}

/** The text an SVG can draw: its character data, entities decoded (a superset: titles count too). */
function svgText(svg: string): string {
  return svg
    .replace(/<[^>]*>/g, ' ')
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&(lt|gt|amp|quot|apos);/g, (_, name: string) => ({ lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" })[name]!);
}

/**
 * Subset font files of DejaVu Sans Book and Bold for the figures the subset draws as the system
 * fonts would (`covers`), in a folder of their own; null to use the system fonts for all.
 */
async function dejaVuSubset(svgs: readonly string[]): Promise<{ files: string[]; covers: boolean[]; dispose: () => Promise<void> } | null> {
  const fonts = await dejaVuFonts();
  if (!fonts) return null;
  const points = new Set<number>();
  const covers = svgs.map((svg) => {
    if (!drawsInDejaVu(svg)) return false;
    const own = textCodePoints(svgText(svg));
    if (!fonts.every((f) => coversAll(f, own))) return false;
    for (const c of own) points.add(c);
    return true;
  });
  if (!covers.some(Boolean)) return null;
  const subsets = fonts.map((f) => subsetFont(f, points));
  if (subsets.some((s) => s === null)) return null;
  const dir = await mkdtemp(join(tmpdir(), 'polev-fonts-'));
  const dispose = () => rm(dir, { recursive: true, force: true });
  try {
    const files = await Promise.all(
      subsets.map(async (s, i) => {
        const file = join(dir, `dejavu-${i}.ttf`);
        await writeFile(file, s!);
        return file;
      }),
    );
    return { files, covers, dispose };
  } catch (err) {
    await dispose();
    throw err;
  }
}

const deflateAsync = promisify(deflate);

/** An opaque RGBA image as PNG: 8-bit RGBA, no row filters (flat colours deflate well as they are). */
async function encodePng(rgba: Uint8Array, width: number, height: number): Promise<Uint8Array> {
  const stride = width * 4;
  const rows = new Uint8Array((stride + 1) * height);
  for (let y = 0; y < height; y++) rows.set(rgba.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
  const ihdr = new Uint8Array(13);
  const dv = new DataView(ihdr.buffer);
  dv.setUint32(0, width);
  dv.setUint32(4, height);
  ihdr.set([8, 6, 0, 0, 0], 8); // bit depth 8, RGBA, deflate, adaptive filtering (all rows None), no interlace
  const idat = await deflateAsync(rows, { level: 3 });
  const parts = [PNG_SIGNATURE, chunk('IHDR', ihdr), chunk('IDAT', idat), chunk('IEND', new Uint8Array(0))];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

const PNG_SIGNATURE = new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10]);

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const dv = new DataView(out.buffer);
  dv.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  dv.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}
