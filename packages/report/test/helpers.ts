import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseReview, Review as ReviewSchema, type Review, type ReviewInput } from '@polev/core';
import { strFromU8, unzipSync } from 'fflate';
import mammoth from 'mammoth';

const here = dirname(fileURLToPath(import.meta.url));
export const PACKAGE_DIR = join(here, '..');
export const REPO_ROOT = join(PACKAGE_DIR, '..', '..');
export const EXAMPLE_PATH = join(REPO_ROOT, 'examples', 'nctv-36-2', 'review.yaml');
export const RICH_PATH = join(here, 'fixtures', 'rich.yaml');
export const MINI_PATH = join(REPO_ROOT, 'packages', 'core', 'src', '__fixtures__', 'mini.yaml');

/** Screenshots and rendered files land here (git-ignored). */
export const OUTPUT_DIR = join(PACKAGE_DIR, 'test-output');
export function outputDir(): string {
  mkdirSync(OUTPUT_DIR, { recursive: true });
  return OUTPUT_DIR;
}

export function loadReview(path: string): Review {
  const result = parseReview(readFileSync(path, 'utf8'), { file: path });
  if (!result.ok) throw new Error(`${path} does not parse:\n${result.problems.map((p) => `${p.line}:${p.column} ${p.path} ${p.message}`).join('\n')}`);
  return result.review;
}

/**
 * The bundled example (examples/nctv-36-2/review.yaml). Until it exists the rich fixture stands
 * in, and `isExample` says so.
 */
export function loadExample(): { review: Review; path: string; isExample: boolean } {
  if (existsSync(EXAMPLE_PATH)) return { review: loadReview(EXAMPLE_PATH), path: EXAMPLE_PATH, isExample: true };
  return { review: loadReview(RICH_PATH), path: RICH_PATH, isExample: false };
}

export const rich = (): Review => loadReview(RICH_PATH);

/** Validates and completes (defaults) a review given as input data. */
export function complete(input: ReviewInput): Review {
  return ReviewSchema.parse(input);
}

/** Deterministic pseudo-random numbers (xorshift32). */
export function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

const WORDS = [
  'versterken', 'weerbaarheid', 'vitale', 'infrastructuur', 'crisisbeheersing', 'samenwerking', 'informatie-uitwisseling',
  'radicalisering', 'ketenpartners', 'cybersecurity', 'dreigingsanalyse', 'veiligheidsregio', 'bewustwording', 'oefenen',
  'Nationaal', 'Crisiscentrum', 'lokale', 'aanpak', 'handreiking', 'internationale', 'afspraken', 'over', 'de', 'en', 'van',
  'het', 'met', 'Wet', 'bestuurlijke', 'maatregelen', 'NL-Alert', 'risicoprofiel', 'Rijksoverheid', 'Wmmmmmmmmmmmmmmmmmmmmmm',
];

/** A generated review of `n` instruments with long, varied labels, sub-objectives three deep and several domains. */
export function generatedReview(n: number, seed = 7): Review {
  const rnd = rng(seed);
  const words = (lo: number, hi: number) =>
    Array.from({ length: lo + Math.floor(rnd() * (hi - lo + 1)) }, () => WORDS[Math.floor(rnd() * WORDS.length)]!).join(' ');
  const domains = Array.from({ length: 4 }, (_, d) => ({ id: `d${d + 1}`, name: `Taakveld ${d + 1} ${words(1, 4)}` }));
  const objectives: NonNullable<ReviewInput['policyTree']['objectives']> = [];
  let o = 0;
  for (const d of domains) {
    for (let top = 0; top < 5; top++) {
      const id = `o${++o}`;
      objectives.push({ id, domain: d.id, text: `Doel ${o}: ${words(3, 18)}` });
      for (let sub = 0; sub < 2; sub++) {
        const sid = `o${++o}`;
        objectives.push({ id: sid, domain: d.id, parent: id, text: `Subdoel ${o}: ${words(2, 12)}` });
        if (rnd() < 0.5) {
          const ssid = `o${++o}`;
          objectives.push({ id: ssid, domain: d.id, parent: sid, text: `Sub-subdoel ${o}: ${words(2, 9)}` });
        }
      }
    }
  }
  const instruments = Array.from({ length: n }, (_, i) => ({
    id: `i${i + 1}`,
    number: String(i + 1),
    name: `${words(1, 22)}${rnd() < 0.05 ? ` ${'x'.repeat(60)}` : ''}`,
    objective: objectives[Math.floor(rnd() * objectives.length)]!.id,
    kind: 'other' as const,
    realisation: { status: 'realised' as const },
    ...(rnd() < 0.02 ? { classification: 'secret' as const } : {}),
  }));
  return complete({
    schemaVersion: 2,
    id: 'generated',
    title: `Gegenereerde doorlichting met ${n} instrumenten`,
    language: 'nl',
    ministry: { name: 'Ministerie van Voorbeelden' },
    budgetArticles: [{ number: '99.1' }],
    period: { start: 2016, end: 2020 },
    rpeVersion: '2015',
    method: 'synthesis',
    policyTree: { mainGoal: { text: 'Een veilig land' }, domains, objectives },
    instruments,
    budgetLines: [
      { id: 'b1', name: 'Subsidies', kind: 'programme', instruments: ['i1', 'i2'], expenditures: [{ year: 2016, amount: 100 }, { year: 2017, amount: null }] },
    ],
  });
}

/** Attack strings that must render literally, never as markup or script. */
export const PAYLOADS = [
  '<script>window.__xss = 1; alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '[klik hier](javascript:alert(1))',
  "'><svg onload=alert(1)>",
  '![x](https://evil.example/track.png)',
  '<a href="https://evil.example">link</a> | pipe `code` *nadruk* _onderstreept_ &amp; #kop',
];

/**
 * A review whose every free-text field carries the attack strings: ids, enums, dates and numbers
 * stay valid, names, titles, statements, notes and reasons do not.
 */
export function maliciousReview(base: Review): Review {
  let i = 0;
  const evil = (s: string) => `${s} ${PAYLOADS[i++ % PAYLOADS.length]}`;
  const TEXT_KEYS = new Set(['title', 'name', 'text', 'statement', 'description', 'reason', 'evidence', 'intent', 'goal', 'notes', 'note', 'author', 'reference', 'location', 'organisation', 'affiliation', 'outOfScopeReason', 'unit', 'performedBy', 'budgetChapter', 'abbreviation']);
  const walk = (v: unknown, key: string | null): unknown => {
    if (typeof v === 'string') return key && TEXT_KEYS.has(key) ? evil(v) : v;
    if (Array.isArray(v)) return v.map((x) => (typeof x === 'string' && key === 'notes' ? evil(x) : walk(x, null)));
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x, k)]));
    return v;
  };
  const out = walk(structuredClone(base), null) as Review;
  // The committee's role is free text, not an enum.
  out.supervisoryCommittee = base.supervisoryCommittee.map((m) => ({ ...m, role: evil(m.role ?? 'lid') }));
  return ReviewSchema.parse(out);
}

/** The files of a .docx (a zip). */
export function unzipDocx(bytes: Uint8Array): Record<string, Uint8Array> {
  return unzipSync(bytes);
}

export function docxXml(bytes: Uint8Array, path = 'word/document.xml'): string {
  const file = unzipDocx(bytes)[path];
  if (!file) throw new Error(`${path} is not in the .docx`);
  return strFromU8(file);
}

/** Every XML part of the .docx, concatenated (for needle searches). */
export function allDocxText(bytes: Uint8Array): string {
  return Object.entries(unzipDocx(bytes))
    .filter(([name]) => name.endsWith('.xml') || name.endsWith('.rels') || name.endsWith('.svg'))
    .map(([, data]) => strFromU8(data))
    .join('\n');
}

/** The .docx read back by an independent reader (mammoth): its HTML and raw text. */
export async function readDocx(bytes: Uint8Array): Promise<{ html: string; text: string; messages: string[] }> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const [html, raw] = await Promise.all([
    mammoth.convertToHtml({ buffer }, { convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })) }),
    mammoth.extractRawText({ buffer }),
  ]);
  return { html: html.value, text: raw.value, messages: html.messages.map((m) => m.message) };
}

/**
 * Article VI.36 as a whole, 2013–2015, as `polev import --article VI.36.2` takes it from the
 * begrotingsstaten in ../shared/data/rijksfinancien/ (U with its phases and commitments, O).
 */
export const ARTICLE_36_CONTEXT = {
  article: '36',
  chapter: 'VI',
  name: 'Contraterrorisme en Nationaal Veiligheidsbeleid',
  expenditures: [
    { year: 2013, amount: 210768, budgeted: { draft: 205242, adopted: 205242, firstSupplementary: 202301, secondSupplementary: 202800 }, commitments: 284113 },
    { year: 2014, amount: 250529, budgeted: { draft: 253413, adopted: 253413, firstSupplementary: 253813, secondSupplementary: 253081 }, commitments: 248370 },
    { year: 2015, amount: 262894, budgeted: { draft: 248052, adopted: 248052, firstSupplementary: 262333, secondSupplementary: 261799 }, commitments: 277987 },
  ],
  receipts: [
    { year: 2013, amount: 212, budgeted: { draft: 0, adopted: 0, firstSupplementary: 0, secondSupplementary: 0 } },
    { year: 2014, amount: 351, budgeted: { draft: 0, adopted: 0, firstSupplementary: 0, secondSupplementary: 0 } },
    { year: 2015, amount: 2589, budgeted: { draft: 0, adopted: 0, firstSupplementary: 0, secondSupplementary: 0 } },
  ],
};

/**
 * A review with article 36's context and, for layout checks only, commitments on its first budget
 * line with expenditure (the figures are the realisation's: the source gives the part's none).
 */
export function withArticleContext(review: Review): Review {
  const copy = structuredClone(review);
  copy.articleContext = [structuredClone(ARTICLE_36_CONTEXT)] as Review['articleContext'];
  const line = copy.budgetLines.find((l) => l.expenditures.length > 0);
  if (line) line.expenditures = line.expenditures.map((e) => ({ ...e, commitments: e.amount }));
  return copy;
}
