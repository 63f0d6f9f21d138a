// Render benchmark of @polev/report: times per format for the bundled example, after warm-up.
//
//   pnpm exec turbo run build --filter=@polev/report... && node packages/report/bench/render.bench.mjs [review.yaml] [--check] [--json]
//
// It runs the built dist/ (build first). For each format it renders a few times to warm up (JIT,
// the lazily loaded PNG renderer, the system fonts), then times RUNS renders and prints the median
// and the slowest, with the targets: HTML < 200 ms, .docx < 1 s, and .docx at most 10 times the
// HTML of the same variant (the two side by side). Markdown has no target. PDF is not timed here:
// it is a browser's print, not polev's rendering.
// --check exits 1 when a target is missed; --json prints one JSON object instead of the table.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..', '..');
const args = process.argv.slice(2);
const check = args.includes('--check');
const json = args.includes('--json');
const fileArg = args.find((a) => !a.startsWith('--'));
const example = join(root, 'examples', 'nctv-36-2', 'review.yaml');
const fallback = join(here, '..', 'test', 'fixtures', 'rich.yaml');
const file = fileArg ? resolve(fileArg) : existsSync(example) ? example : fallback;

const dist = join(here, '..', 'dist', 'index.js');
if (!existsSync(dist)) {
  console.error('render.bench: packages/report/dist is missing: run `pnpm exec turbo run build --filter=@polev/report...` first');
  process.exit(1);
}
const { parseReview, analyze } = await import('@polev/core');
const { renderMarkdown, renderHtml, renderDocx } = await import(dist);

const parsed = parseReview(readFileSync(file, 'utf8'), { file });
if (!parsed.ok) {
  console.error(`render.bench: ${file} does not parse:\n${parsed.problems.map((p) => `  ${p.line}:${p.column} ${p.message}`).join('\n')}`);
  process.exit(1);
}
const review = parsed.review;
const assessment = analyze(review);

const WARMUP = Number(process.env.BENCH_WARMUP ?? 3);
const RUNS = Number(process.env.BENCH_RUNS ?? 10);
const FORMATS = [
  { name: 'markdown', target: null, run: (o) => renderMarkdown(review, assessment, o) },
  { name: 'html', target: 200, run: (o) => renderHtml(review, assessment, o) },
  { name: 'docx', target: 1000, run: (o) => renderDocx(review, assessment, o) },
];
const VARIANTS = [
  { lang: 'nl', audience: 'public' },
  { lang: 'en', audience: 'confidential' },
];

const results = [];
for (const variant of VARIANTS) {
  for (const f of FORMATS) {
    let size = 0;
    // The first render of a variant is timed apart: it includes what later renders reuse (the
    // PNG fallbacks of the .docx figures, cached by their SVG).
    let first = null;
    for (let i = 0; i < Math.max(1, WARMUP); i++) {
      const t0 = performance.now();
      await f.run(variant);
      if (i === 0) first = performance.now() - t0;
    }
    const times = [];
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      const out = await f.run(variant);
      times.push(performance.now() - t0);
      size = typeof out === 'string' ? Buffer.byteLength(out) : out.byteLength;
    }
    times.sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)];
    const max = times[times.length - 1];
    results.push({ ...variant, format: f.name, first, median, max, target: f.target, ok: f.target === null || median < f.target, bytes: size });
  }
}

const fmt = (ms) => `${ms.toFixed(ms < 100 ? 1 : 0)} ms`.padStart(9);
// .docx beside HTML, per variant: the Word renderer may cost at most ten HTML renders.
const RATIO_TARGET = 10;
const ratios = VARIANTS.map((v) => {
  const of = (format) => results.find((r) => r.lang === v.lang && r.audience === v.audience && r.format === format);
  const ratio = of('docx').median / of('html').median;
  return { ...v, html: of('html').median, docx: of('docx').median, docxFirst: of('docx').first, ratio, target: RATIO_TARGET, ok: ratio <= RATIO_TARGET };
});
if (json) {
  console.log(JSON.stringify({ file: relative(root, file), instruments: review.instruments.length, warmup: WARMUP, runs: RUNS, results, ratios }, null, 2));
} else {
  console.log(`@polev/report render bench: ${relative(root, file)} (${review.instruments.length} instruments, ${review.sources.length} sources), ${WARMUP} warm-up + ${RUNS} timed renders each`);
  console.log(`${'variant'.padEnd(18)}${'format'.padEnd(10)}${'median'.padStart(9)}${'slowest'.padStart(10)}  ${'size'.padStart(9)}  target`);
  for (const r of results) {
    const target = r.target === null ? '—' : `< ${r.target} ms ${r.ok ? 'ok' : 'MISSED'}`;
    console.log(`${`${r.lang}/${r.audience}`.padEnd(18)}${r.format.padEnd(10)}${fmt(r.median)} ${fmt(r.max)}  ${`${Math.round(r.bytes / 1024)} KiB`.padStart(9)}  ${target}`);
  }
  for (const r of ratios) console.log(`${`${r.lang}/${r.audience}`.padEnd(18)}html ${fmt(r.html).trim()} · docx ${fmt(r.docx).trim()} (first ${fmt(r.docxFirst).trim()}) · docx/html ${r.ratio.toFixed(1)}×  target ≤ ${r.target}× ${r.ok ? 'ok' : 'MISSED'}`);
}
for (const r of ratios) if (!r.ok) results.push({ ...r, format: 'docx/html', ok: false });
const missed = results.filter((r) => !r.ok);
if (missed.length > 0 && !json) console.log(`render.bench: ${missed.length} target(s) missed`);
process.exit(check && missed.length > 0 ? 1 : 0);
