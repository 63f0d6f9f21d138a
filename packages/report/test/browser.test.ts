/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderHtml } from '../src/index.js';
import { loadExample, maliciousReview, outputDir, rich, withArticleContext } from './helpers.js';

/**
 * The HTML report in a real browser: Debian's chromium, driven by playwright-core. Where chromium
 * is missing these tests say so and skip; with POLEV_REQUIRE_BROWSER=1 (as .ci/run sets) a missing
 * browser fails them instead.
 */
const CANDIDATES = [process.env.POLEV_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter((p): p is string => Boolean(p));
const executablePath = CANDIDATES.find((p) => existsSync(p));
const required = process.env.POLEV_REQUIRE_BROWSER === '1';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

if (!executablePath) {
  const message = `chromium not found (looked for ${CANDIDATES.join(', ')}): the browser tests of @polev/report ${required ? 'are required (POLEV_REQUIRE_BROWSER=1) and fail' : 'are skipped'}. Install it with \`apt-get install chromium\`.`;
  console.warn(message);
  if (required) {
    describe('browser', () => {
      it('has chromium', () => {
        throw new Error(message);
      });
    });
  }
}

describe.skipIf(!executablePath)('the HTML report in headless chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: executablePath!, args: FLAGS, headless: true });
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function open(html: string, name: string) {
    const file = join(outputDir(), `${name}.html`);
    writeFileSync(file, html);
    const url = pathToFileURL(file).href;
    const page = await browser.newPage({ viewport: { width: 1200, height: 1500 } });
    const problems: string[] = [];
    const requests: string[] = [];
    const dialogs: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('request', (r) => {
      if (r.url() !== url) requests.push(r.url());
    });
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(url, { waitUntil: 'load' });
    return { page, problems, requests, dialogs, file };
  }

  /** Every table fits its frame on screen at 1280 px and on A4 (17 cm between the margins), every section open. */
  async function expectTablesFit(page: Page) {
    const overflow = async () =>
      page.evaluate(() => {
        document.querySelectorAll('details').forEach((d) => (d.open = true));
        return [...document.querySelectorAll('table')]
          .filter((t) => t.getBoundingClientRect().width > t.parentElement!.getBoundingClientRect().width + 0.5)
          .map((t) => `${t.querySelector('caption')?.textContent ?? '?'}: ${Math.round(t.getBoundingClientRect().width - t.parentElement!.getBoundingClientRect().width)} px`);
      });
    await page.setViewportSize({ width: 1280, height: 1000 });
    expect(await overflow()).toEqual([]);
    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: Math.round((17 / 2.54) * 96), height: 1000 });
    expect(await overflow()).toEqual([]);
  }

  const { review, isExample } = loadExample();

  it.each(['nl', 'en'] as const)('fits the article-context and commitments tables of a review of one part in their frame (%s)', async (lang) => {
    const { page, problems, requests } = await open(renderHtml(withArticleContext(review), null, { lang }), `article-context-${lang}`);
    expect(await page.locator('[id^="table-article-context-"], [id^="table-commitments-"]').count()).toBeGreaterThanOrEqual(2);
    await expectTablesFit(page);
    expect(problems).toEqual([]);
    expect(requests).toEqual([]);
    await page.close();
  });

  it.each(['nl', 'en'] as const)('opens the bundled example (%s) with no console error and no network request; headings, tables and figures are there', async (lang) => {
    const { page, problems, requests } = await open(renderHtml(review, null, { lang }), `example-${lang}`);
    expect(problems).toEqual([]);
    expect(requests).toEqual([]);
    const counts = await page.evaluate(() => ({
      h1: document.querySelectorAll('h1').length,
      h2: document.querySelectorAll('main h2').length,
      tables: document.querySelectorAll('table').length,
      figures: document.querySelectorAll('figure svg').length,
      scripts: document.querySelectorAll('script').length,
      captions: [...document.querySelectorAll('caption')].map((c) => c.textContent ?? ''),
      treeBoxes: document.querySelectorAll('section.appendix figure svg rect').length,
      firstH2: document.querySelector('main h2')?.textContent ?? '',
    }));
    expect(counts.h1).toBe(1);
    expect(counts.h2).toBeGreaterThanOrEqual(8 + 2 * review.policyTree.domains.length);
    expect(counts.tables).toBeGreaterThan(15);
    expect(counts.figures).toBeGreaterThanOrEqual(1 + 2 * review.policyTree.domains.length);
    expect(counts.scripts).toBe(0);
    expect(counts.treeBoxes).toBeGreaterThan(review.instruments.length / 2);
    expect(counts.firstH2).toBe(lang === 'nl' ? 'Samenvatting' : 'Summary');
    expect(counts.captions[0]).toMatch(lang === 'nl' ? /^Tabel 1 / : /^Table 1 /);
    // Every SVG figure has a size, i.e. it rendered.
    const sizes = await page.$$eval('figure svg', (svgs) => svgs.map((s) => s.getBoundingClientRect().width));
    for (const w of sizes) expect(w).toBeGreaterThan(100);
    await page.screenshot({ path: join(outputDir(), `example-${lang}.png`) });
    // The appendices are folded on screen: open them as a reader (or the print) does.
    await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
    await page.locator('section.appendix figure').first().screenshot({ path: join(outputDir(), `example-${lang}-tree.png`) });
    // The print stylesheet gives A4 pages.
    const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    expect(pdf.byteLength).toBeGreaterThan(10_000);
    await page.close();
    if (!isExample) console.warn('note: the rich fixture stood in for the bundled example');
  });

  it.each(['nl', 'en'] as const)('reads as a publication (%s): no bare id in the text, every link resolves, no table wider than its frame at 1280 px or on A4, under 40,000 px', async (lang) => {
    const { page, problems, requests } = await open(renderHtml(review, null, { lang }), `publication-${lang}`);
    await page.setViewportSize({ width: 1280, height: 1000 });
    const ids = [...review.findings, ...review.sources, ...review.instruments, ...review.policyTree.objectives, ...review.budgetLines, ...review.indicators].map((x) => x.id).filter((id) => /[0-9._-]/.test(id));
    const state = await page.evaluate((ids) => {
      const idSet = new Set(ids);
      const words = document.body.innerText.match(/[a-z0-9][a-z0-9._-]*[a-z0-9]/g) ?? [];
      const links = [...document.querySelectorAll<HTMLAnchorElement>('a[href^="#"]')].map((a) => decodeURIComponent(a.getAttribute('href')!.slice(1)));
      return {
        height: document.documentElement.scrollHeight,
        bare: [...new Set(words.filter((w) => idSet.has(w)))],
        links: links.length,
        broken: links.filter((id) => !document.getElementById(id)),
        otherLinks: [...document.querySelectorAll('a[href]')].filter((a) => !a.getAttribute('href')!.startsWith('#')).length,
      };
    }, ids);
    expect(state.bare).toEqual([]);
    expect(state.links).toBeGreaterThan(200);
    expect(state.broken).toEqual([]);
    expect(state.otherLinks).toBe(0);
    expect(state.height).toBeLessThan(40_000);
    // A link into a folded appendix opens it at the row it names.
    await page.goto(`${page.url().split('#')[0]}#ref-finding-1`);
    expect(await page.evaluate(() => (document.getElementById('ref-finding-1')!.closest('details') as HTMLDetailsElement).open)).toBe(true);
    await expectTablesFit(page);
    expect(problems).toEqual([]);
    expect(requests).toEqual([]);
    await page.close();
  });

  it('runs nothing from a review full of script, event handlers and javascript: links', async () => {
    const { page, problems, requests, dialogs } = await open(renderHtml(maliciousReview(rich()), null, { audience: 'confidential' }), 'malicious');
    expect(dialogs).toEqual([]);
    expect(requests).toEqual([]);
    expect(problems).toEqual([]);
    const state = await page.evaluate(() => ({
      xss: (window as unknown as { __xss?: number }).__xss,
      scripts: document.querySelectorAll('script').length,
      images: document.querySelectorAll('img').length,
      handlers: [...document.querySelectorAll('*')].filter((el) => [...el.attributes].some((a) => a.name.startsWith('on'))).length,
      javascriptLinks: [...document.querySelectorAll('a')].filter((a) => !a.getAttribute('href')?.startsWith('#')).length,
      text: document.body.innerText,
    }));
    expect(state.xss).toBeUndefined();
    expect(state.scripts).toBe(0);
    expect(state.images).toBe(0);
    expect(state.handlers).toBe(0);
    expect(state.javascriptLinks).toBe(0);
    // The payloads are shown as the text they are.
    expect(state.text).toContain('<script>window.__xss = 1; alert(1)</script>');
    expect(state.text).toContain('"><img src=x onerror=alert(1)>');
    expect(state.text).toContain('[klik hier](javascript:alert(1))');
    await page.screenshot({ path: join(outputDir(), 'malicious.png') });
    await page.close();
  });
});
