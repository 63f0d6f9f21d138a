import { PolevError } from '@polev/core';
import { FONT_FAMILY } from './text.js';

/**
 * PNG renderings of the SVG figures, for the .docx (Word versions without SVG support show the
 * PNG). resvg is a native module, loaded on first use, so Markdown and HTML rendering never need
 * it. It uses the system fonts (DejaVu Sans on Debian); without any font, text is left out.
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
  const { renderAsync } = await load();
  const defaultFontFamily = FONT_FAMILY.split(',')[0]!.replace(/'/g, '').trim();
  // renderAsync runs in libuv's thread pool, so several figures render in parallel.
  const image = await renderAsync(svg, {
    fitTo: { mode: 'width', value: Math.max(1, Math.round(width)) },
    background: '#ffffff',
    font: { loadSystemFonts: true, defaultFontFamily },
  });
  const png = image.asPng();
  return new Uint8Array(png.buffer, png.byteOffset, png.byteLength);
}
