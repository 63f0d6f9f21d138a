import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BrowserUnavailableError, buildReport, renderPdf, renderReport, walkSections } from '../src/index.js';
import { findChromium, namedDestinationPages } from '../src/render/pdf.js';
import { loadExample, outputDir, rich } from './helpers.js';

/**
 * `renderPdf`: the HTML printed by the local Chromium the browser tests use. Where it is missing
 * these tests skip saying so (POLEV_REQUIRE_BROWSER=1, as in CI, makes them fail instead); the
 * error for a missing browser is tested everywhere.
 */
const CANDIDATES = [process.env.POLEV_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter((p): p is string => Boolean(p));
const chromium = CANDIDATES.find((p) => existsSync(p));
const required = process.env.POLEV_REQUIRE_BROWSER === '1';
if (!chromium) console.warn(`chromium not found: the PDF tests of @polev/report ${required ? 'fail (POLEV_REQUIRE_BROWSER=1)' : 'are skipped'}. Install it with \`apt-get install chromium\`.`);
const poppler = spawnSync('pdftotext', ['-v'], { stdio: 'ignore' }).status === 0;

describe('a missing browser', () => {
  it('is a BrowserUnavailableError that names what to install', async () => {
    expect(() => findChromium(undefined, [])).toThrow(BrowserUnavailableError);
    expect(() => findChromium(undefined, [])).toThrow(/apt-get install chromium/);
    expect(() => findChromium(undefined, ['/nowhere/chromium'])).toThrow(/looked in \/nowhere\/chromium/);
    await expect(renderPdf(rich(), null, { chromium: '/nowhere/chrome' })).rejects.toThrow(/no browser at \/nowhere\/chrome/);
  });
});

describe.runIf(chromium || required)('the PDF of the bundled example', () => {
  const { review } = loadExample();

  it('is A4 with page numbers and a contents list whose numbers are the pages of the headings', async () => {
    const pdf = await renderReport('pdf', review, null, { lang: 'nl', ...(chromium ? { chromium } : {}) });
    writeFileSync(join(outputDir(), 'example-nl.pdf'), pdf);
    expect(Buffer.from(pdf.slice(0, 5)).toString()).toBe('%PDF-');
    const dests = namedDestinationPages(pdf);
    const doc = buildReport(review, null, { lang: 'nl' });
    const chapters = doc.sections.filter((s) => s.level === 1);
    for (const s of chapters) expect(dests.get(s.id), s.id).toBeGreaterThan(1);
    // Chapters start on a new page, in order.
    const starts = chapters.map((s) => dests.get(s.id)!);
    expect([...starts].sort((a, b) => a - b)).toEqual(starts);
    if (!poppler) return;
    const file = join(outputDir(), 'example-nl.pdf');
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
    expect(pages).toBeGreaterThan(30);
    const text = (p: number) => execFileSync('pdftotext', ['-f', String(p), '-l', String(p), '-layout', file, '-'], { encoding: 'utf8' });
    // Footer page numbers.
    expect(text(5)).toMatch(/^\s*5 \| /m);
    // The contents list: every numbered chapter with the page it starts on.
    const contents = [text(2), text(3)].join('\n');
    for (const s of chapters.filter((c) => c.number && !c.appendix)) {
      const line = contents.split('\n').find((l) => l.trim().startsWith(`${s.number} ${s.title.slice(0, 30)}`));
      expect(line, s.title).toBeDefined();
      expect(Number(/(\d+)\s*$/.exec(line!)![1])).toBe(dests.get(s.id));
    }
    void walkSections;
  }, 180_000);
});
