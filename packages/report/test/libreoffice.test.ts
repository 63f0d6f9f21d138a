import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReport, documentToDocx, walkSections, type ReportDocument, type TableBlock } from '../src/index.js';
import { SHORT_CELL } from '../src/render/columns.js';
import { loadExample, outputDir } from './helpers.js';

/**
 * The .docx as a person sees it: LibreOffice renders the example to PDF and each page is checked —
 * no blank page, no word broken inside a short table cell or a header, and the contents' page
 * numbers are the pages the headings are on. Where LibreOffice or poppler-utils is missing these
 * tests say so and skip; in CI (CI set, as .ci/run does) they are required.
 */
const has = (cmd: string, arg = '--version') => spawnSync(cmd, [arg], { stdio: 'ignore' }).status === 0;
const soffice = ['soffice', 'libreoffice'].find((c) => has(c));
const poppler = has('pdftotext', '-v') && has('pdfinfo', '-v') && has('pdfimages', '-v');
const required = Boolean(process.env.CI);
const missing = [!soffice && 'LibreOffice (apt-get install libreoffice-writer-nogui)', !poppler && 'poppler-utils (apt-get install poppler-utils)'].filter(Boolean);

if (missing.length > 0) {
  const message = `${missing.join(' and ')} not found: the LibreOffice checks of the .docx ${required ? 'are required in CI and fail' : 'are skipped'}.`;
  console.warn(message);
  if (required) {
    describe('libreoffice', () => {
      it('has LibreOffice and poppler-utils', () => {
        throw new Error(message);
      });
    });
  }
}

interface Word {
  text: string;
  x: number;
  y: number;
}

/** Lines of words per block of one page, from `pdftotext -bbox-layout`. */
function blocksOf(xhtml: string): Word[][][] {
  return [...xhtml.matchAll(/<block[^>]*>([\s\S]*?)<\/block>/g)].map((b) =>
    [...b[1]!.matchAll(/<line[^>]*>([\s\S]*?)<\/line>/g)].map((l) =>
      [...l[1]!.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)<\/word>/g)].map((w) => ({ text: decode(w[3]!), x: Number(w[1]), y: Number(w[2]) })),
    ),
  );
}
const decode = (s: string) => s.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'");

/** Words that must never break: those of table headers and of short cells. */
function unbreakable(doc: ReportDocument): Set<string> {
  const words = new Set<string>();
  const add = (text: string) => text.split(/[\s\u2003]+/).forEach((w) => w.length >= 3 && words.add(w.replace(/[.,;:]$/, '')));
  for (const s of walkSections(doc.sections)) {
    const tables = s.blocks.flatMap((b) => (b.kind === 'table' ? [b] : b.kind === 'figure' ? (b.fallback ?? []).filter((f): f is TableBlock => f.kind === 'table') : []));
    for (const t of tables) {
      t.columns.forEach((c) => add(c.label));
      for (const r of t.rows) for (const c of r.cells) for (const p of c.content) {
        const text = p.map((x) => x.text).join('').trim();
        if (text.length <= SHORT_CELL && (c.colSpan ?? 1) === 1) add(text);
      }
    }
  }
  return words;
}

describe.skipIf(missing.length > 0)('the .docx of the bundled example, rendered by LibreOffice', () => {
  const { review } = loadExample();
  const doc = buildReport(review, null, { lang: 'nl' });
  let dir: string;
  let pdf: string;
  let pages: string[];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'polev-lo-'));
    const docx = join(dir, 'example-nl.docx');
    writeFileSync(docx, await documentToDocx(doc));
    // A profile of its own: LibreOffice instances sharing one wait for each other or fail.
    const profile = pathToFileURL(join(dir, 'profile')).href;
    execFileSync(soffice!, [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, docx], { stdio: 'ignore', timeout: 240_000 });
    pdf = join(dir, 'example-nl.pdf');
    writeFileSync(join(outputDir(), 'example-nl-libreoffice.pdf'), readFileSync(pdf));
    const count = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);
    // One pdftotext for all pages, which it ends with a form feed each: the same text per page as one
    // run per page (checked on the 116 pages of the example), without 116 processes (CPU 1.8 s → 0.3 s).
    pages = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 }).split('\f').slice(0, -1);
    expect(pages).toHaveLength(count);
  }, 300_000);
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('has no blank page: every page has text besides its header and footer, or a figure', () => {
    const images = new Set(
      execFileSync('pdfimages', ['-list', pdf], { encoding: 'utf8' })
        .split('\n')
        .slice(2)
        .map((l) => Number(l.trim().split(/\s+/)[0]))
        .filter((n) => n > 0),
    );
    const blank = pages
      .map((text, i) => ({ page: i + 1, body: text.split('\n').filter((l) => !l.includes(doc.labels.publicVersion) && !/^\s*\d+\s+\|/.test(l)).join('').replace(/\s+/g, '') }))
      .filter((p) => p.body.length < 20 && !images.has(p.page));
    expect(blank.map((p) => p.page)).toEqual([]);
    expect(pages.length).toBeGreaterThan(40);
  });

  it('breaks no word inside a short table cell or a table header', () => {
    const words = unbreakable(doc);
    const broken: string[] = [];
    const xhtml = execFileSync('pdftotext', ['-bbox-layout', pdf, '-'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    for (const page of xhtml.split('<page ').slice(1)) {
      for (const lines of blocksOf(page)) {
        for (let i = 0; i + 1 < lines.length; i++) {
          const a = lines[i]!.at(-1);
          const b = lines[i + 1]![0];
          if (!a || !b) continue;
          // A break in running text after a hyphen ("NL-" / "Alert") is a line break, not a broken
          // word; a cell or header whose word broke leaves a fragment alone on its line.
          if (lines[i]!.length > 1 && lines[i + 1]!.length > 1) continue;
          const joined = a.text + b.text;
          const dehyphenated = a.text.endsWith('-') ? a.text.slice(0, -1) + b.text : null;
          if ((words.has(joined) && !words.has(a.text)) || (dehyphenated && words.has(dehyphenated) && !words.has(a.text))) broken.push(`${a.text}/${b.text}`);
        }
      }
    }
    expect(broken).toEqual([]);
  });

  it('numbers the contents with the pages the headings are on', () => {
    const entries = pages.slice(0, 6).flatMap((p) => [...p.matchAll(/^\s*(\S.*?)\s*\.{3,}\s*(\d+)\s*$/gm)].map((m) => ({ title: m[1]!, page: Number(m[2]) })));
    expect(entries.length).toBeGreaterThan(40);
    const wrong = entries.filter((e) => !pages[e.page - 1]!.split('\n').some((l) => l.trim().startsWith(e.title.slice(0, 40))));
    expect(wrong).toEqual([]);
  });
});
