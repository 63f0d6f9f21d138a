import { existsSync } from 'node:fs';
import type { ReportDocument } from '../model/document.js';
import { documentToHtml, esc } from './html.js';
import { BrowserUnavailableError } from './pdf-errors.js';

export { BrowserUnavailableError };

/**
 * PDF: the HTML report printed by a locally installed Chromium (or Chrome), driven by
 * playwright-core, with the A4 print stylesheet, page numbers in the footer and a table of
 * contents whose page numbers are those of the printed pages: the report is printed once, the
 * page of every heading read from the PDF's named destinations, the numbers written into the
 * contents, and printed again. Nothing is downloaded: where no browser is found the error says what
 * to install. This is the one module of the package that touches the file system and starts a
 * process; it is loaded only when a PDF is asked for.
 */

export interface PdfRenderOptions {
  /** Path of the Chromium or Chrome executable; default `POLEV_CHROMIUM`, then the usual places. */
  chromium?: string;
  /** How long loading the page and starting the browser may take, in ms (default 120 000). */
  timeout?: number;
}

/** Where Chromium and Chrome are installed by Debian/Ubuntu, Fedora, snap, macOS and Windows. */
export const CHROMIUM_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/snap/bin/chromium',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
];

/** The flags the browser runs with: headless, and nothing that would reach the network. */
export const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** The Chromium to use, or an error naming what to install. */
export function findChromium(explicit?: string, candidates: readonly string[] = CHROMIUM_CANDIDATES): string {
  const wanted = explicit ?? process.env.POLEV_CHROMIUM;
  if (wanted) {
    if (existsSync(wanted)) return wanted;
    throw new BrowserUnavailableError(`no browser at ${wanted} (${explicit ? 'the chromium option' : 'POLEV_CHROMIUM'}): give the path of a Chromium or Chrome executable`);
  }
  const found = candidates.find((p) => existsSync(p));
  if (found) return found;
  throw new BrowserUnavailableError(
    `a PDF report is printed by Chromium, and none was found${candidates.length ? ` (looked in ${candidates.slice(0, 5).join(', ')}${candidates.length > 5 ? ', …' : ''})` : ''}. ` +
      'Install it — Debian/Ubuntu: `apt-get install chromium`; Fedora: `dnf install chromium`; macOS/Windows: Google Chrome — ' +
      'or set POLEV_CHROMIUM to its path. Nothing is downloaded.',
  );
}

type Playwright = typeof import('playwright-core');

async function loadPlaywright(): Promise<Playwright> {
  try {
    return await import('playwright-core');
  } catch {
    throw new BrowserUnavailableError('a PDF report needs the playwright-core package to drive Chromium: install it with `npm install playwright-core` (it downloads no browser)');
  }
}

/** Prints the report document as an A4 PDF. */
export async function documentToPdf(doc: ReportDocument, options: PdfRenderOptions = {}): Promise<Uint8Array> {
  const executablePath = findChromium(options.chromium);
  const { chromium } = await loadPlaywright();
  const timeout = options.timeout ?? 120_000;
  const html = documentToHtml(doc);
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_FLAGS, headless: true, timeout });
  try {
    const page = await browser.newPage();
    // The page is self-contained: any request would be a bug, and is refused.
    await page.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()));
    await page.setContent(html, { waitUntil: 'load', timeout });
    // Folded reference material is printed whole.
    await page.evaluate(OPEN_FOLDS);
    const footer = `<div style="width:100%;font:7pt 'DejaVu Sans',Verdana,sans-serif;color:#5c6670;text-align:center;padding:0 2cm"><span class="pageNumber"></span> | ${esc(doc.title)}</div>`;
    const header = `<div style="width:100%;font:7pt 'DejaVu Sans',Verdana,sans-serif;color:${doc.audience === 'confidential' ? '#b00020' : '#5c6670'};text-align:right;padding:0 2cm">${esc(doc.audience === 'confidential' ? doc.labels.confidentialBanner : doc.labels.publicVersion)}</div>`;
    const print = () =>
      page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true, displayHeaderFooter: true, headerTemplate: header, footerTemplate: footer, outline: true, tagged: true });
    let pdf = await print();
    // The contents get the pages their headings were printed on; numbers that change the layout
    // of the contents itself are settled by printing again (twice at most).
    for (let pass = 0; pass < 3; pass++) {
      const pages = namedDestinationPages(pdf);
      const changed = Number(await page.evaluate(`(${SET_TOC_PAGES})(${JSON.stringify([...pages])})`));
      if (changed === 0) break;
      pdf = await print();
    }
    return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  } finally {
    await browser.close();
  }
}

// Code run in the page (as source text: the package is compiled without the DOM's types).
const OPEN_FOLDS = `document.querySelectorAll('details').forEach((d) => { d.open = true; })`;
/** Writes the page of each contents entry's target into it; returns how many changed. */
const SET_TOC_PAGES = `(entries) => {
  const map = new Map(entries);
  let changes = 0;
  for (const a of document.querySelectorAll('nav.toc a[href^="#"]')) {
    const n = map.get(decodeURIComponent(a.getAttribute('href').slice(1)));
    if (n === undefined) continue;
    let span = a.querySelector('span.toc-page');
    if (!span) {
      span = document.createElement('span');
      span.className = 'toc-page';
      a.append(span);
    }
    if (span.textContent !== String(n)) {
      span.textContent = String(n);
      changes++;
    }
  }
  return changes;
}`;

/**
 * The page (1-based) of every named destination of a PDF Chromium wrote: its `/Dests` dictionary
 * names each anchor with the page object it is on, and the page tree gives the pages' order.
 * Chromium writes these dictionaries as plain objects, so no decompression is needed.
 */
export function namedDestinationPages(pdf: Uint8Array): Map<string, number> {
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1');
  const object = (n: string): string => {
    const m = new RegExp(`(?:^|[\\r\\n])${n} 0 obj\\b([\\s\\S]*?)endobj`).exec(text);
    return m ? m[1]! : '';
  };
  const order: string[] = [];
  const walk = (n: string, depth: number) => {
    const body = object(n);
    if (depth > 32) return;
    if (/\/Type\s*\/Page\b/.test(body)) {
      order.push(n);
      return;
    }
    const kids = /\/Kids\s*\[([^\]]*)\]/.exec(body)?.[1] ?? '';
    for (const k of kids.matchAll(/(\d+) 0 R/g)) walk(k[1]!, depth + 1);
  };
  const root = /\/Root\s+(\d+) 0 R/.exec(text)?.[1];
  const catalog = root ? object(root) : '';
  const pagesRef = /\/Pages\s+(\d+) 0 R/.exec(catalog)?.[1];
  if (pagesRef) walk(pagesRef, 0);
  const pageOf = new Map(order.map((n, i) => [n, i + 1]));
  const out = new Map<string, number>();
  const destsRef = /\/Dests\s+(\d+) 0 R/.exec(catalog)?.[1];
  const dests = destsRef ? object(destsRef) : '';
  for (const m of dests.matchAll(/\/([^\s/[\]()<>]+)\s*\[\s*(\d+) 0 R/g)) {
    const page = pageOf.get(m[2]!);
    if (page !== undefined) out.set(decodeName(m[1]!), page);
  }
  return out;
}

/** A PDF name with its #xx escapes decoded. */
const decodeName = (name: string) => name.replace(/#([0-9a-f]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
