// Render benchmark of @polev/report: times per format for the bundled example, first and warm.
//
//   pnpm exec turbo run build --filter=@polev/report... && node packages/report/bench/render.bench.mjs [review.yaml] [--check] [--json]
//
// It runs the built dist/ (build first). Two figures per variant, .docx beside HTML, each with the
// target .docx ≤ 10 × HTML:
// - first: the first render in a fresh process, which is what a one-shot `polev report` pays (JIT,
//   the lazily loaded PNG renderer, its fonts). Each repetition starts one process for HTML and
//   then one for .docx, so the two of a pair share the machine's load; the ratio is the median of
//   the pairs' ratios, in CPU time (load moves it less than wall time; both are printed).
// - warm: in one process per variant, after a few warm-up renders, RUNS rounds of Markdown, HTML
//   and .docx renders in turn (a server; the .docx reuses the PNGs of figures it drew before).
//   Medians of wall time, with the absolute targets HTML < 200 ms and .docx < 1 s; the ratio in
//   CPU time, as for the first render.
// Markdown is timed warm, without a target. PDF is not timed: it is a browser's print.
// --check exits 1 when a target is missed; --json prints one JSON object instead of the tables.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..', '..');
const self = fileURLToPath(import.meta.url);
const args = process.argv.slice(2);
const check = args.includes('--check');
const json = args.includes('--json');
const childIndex = args.indexOf('--child');
const fileArg = args.find((a, i) => !a.startsWith('--') && (childIndex < 0 || i > childIndex + 3));
const example = join(root, 'examples', 'nctv-36-2', 'review.yaml');
const fallback = join(here, '..', 'test', 'fixtures', 'rich.yaml');
const file = fileArg ? resolve(fileArg) : existsSync(example) ? example : fallback;

const dist = join(here, '..', 'dist', 'index.js');
if (!existsSync(dist)) {
  console.error('render.bench: packages/report/dist is missing: run `pnpm exec turbo run build --filter=@polev/report...` first');
  process.exit(1);
}

const WARMUP = Number(process.env.BENCH_WARMUP ?? 3);
const RUNS = Number(process.env.BENCH_RUNS ?? 10);
/** Fresh-process pairs (HTML, then .docx) per variant. */
const FIRST_RUNS = Number(process.env.BENCH_FIRST_RUNS ?? 3);
const VARIANTS = [
  { lang: 'nl', audience: 'public' },
  { lang: 'en', audience: 'confidential' },
];
const TARGET = { html: 200, docx: 1000, markdown: null };
const RATIO_TARGET = 10;

if (childIndex >= 0) {
  // One process: `--child <format|all> <lang>/<audience> <first|warm>`; prints its timings as JSON.
  const [format, variantArg, mode] = [args[childIndex + 1], args[childIndex + 2], args[childIndex + 3]];
  const [lang, audience] = variantArg.split('/');
  const { parseReview, analyze } = await import('@polev/core');
  const report = await import(dist);
  const parsed = parseReview(readFileSync(file, 'utf8'), { file });
  if (!parsed.ok) {
    console.error(`render.bench: ${file} does not parse:\n${parsed.problems.map((p) => `  ${p.line}:${p.column} ${p.message}`).join('\n')}`);
    process.exit(1);
  }
  const review = parsed.review;
  const assessment = analyze(review);
  const renderers = { markdown: report.renderMarkdown, html: report.renderHtml, docx: report.renderDocx };
  const once = async (render) => {
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const out = await render(review, assessment, { lang, audience });
    const wall = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    return { wall, cpu: (cpu.user + cpu.system) / 1000, bytes: typeof out === 'string' ? Buffer.byteLength(out) : out.byteLength };
  };
  const info = { instruments: review.instruments.length, sources: review.sources.length };
  if (mode === 'first') {
    console.log(JSON.stringify({ ...info, first: await once(renderers[format]) }));
    process.exit(0);
  }
  // Warm: every format, in turn, so the formats of a round share the machine's load.
  const formats = Object.keys(renderers);
  const runs = Object.fromEntries(formats.map((f) => [f, []]));
  for (let i = 0; i < WARMUP; i++) for (const f of formats) await once(renderers[f]);
  for (let i = 0; i < RUNS; i++) for (const f of formats) runs[f].push(await once(renderers[f]));
  console.log(JSON.stringify({ ...info, runs }));
  process.exit(0);
}

function child(format, variant, mode) {
  const r = spawnSync(process.execPath, [self, '--child', format, `${variant.lang}/${variant.audience}`, mode, file], { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (r.status !== 0) {
    console.error(`render.bench: the ${format} child process failed:\n${r.stderr}`);
    process.exit(1);
  }
  return JSON.parse(r.stdout.trim().split('\n').pop());
}
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

let info = null;
const warm = [];
const first = [];
for (const variant of VARIANTS) {
  const r = child('all', variant, 'warm');
  info = r;
  for (const format of ['markdown', 'html', 'docx']) {
    const walls = r.runs[format].map((x) => x.wall);
    const med = median(walls);
    const target = TARGET[format];
    warm.push({ ...variant, format, median: med, max: Math.max(...walls), cpu: median(r.runs[format].map((x) => x.cpu)), bytes: r.runs[format][0].bytes, target, ok: target === null || med < target });
  }
  const pairs = [];
  for (let i = 0; i < FIRST_RUNS; i++) {
    const html = child('html', variant, 'first').first;
    const docx = child('docx', variant, 'first').first;
    pairs.push({ html, docx, cpuRatio: docx.cpu / html.cpu, wallRatio: docx.wall / html.wall });
  }
  const ratio = median(pairs.map((p) => p.cpuRatio));
  first.push({
    ...variant,
    pairs,
    html: { cpu: median(pairs.map((p) => p.html.cpu)), wall: median(pairs.map((p) => p.html.wall)) },
    docx: { cpu: median(pairs.map((p) => p.docx.cpu)), wall: median(pairs.map((p) => p.docx.wall)) },
    ratio,
    ratioMin: Math.min(...pairs.map((p) => p.cpuRatio)),
    ratioMax: Math.max(...pairs.map((p) => p.cpuRatio)),
    wallRatio: median(pairs.map((p) => p.wallRatio)),
    target: RATIO_TARGET,
    ok: ratio <= RATIO_TARGET,
  });
}
const warmRatios = VARIANTS.map((v) => {
  const of = (format) => warm.find((r) => r.lang === v.lang && r.audience === v.audience && r.format === format);
  const ratio = of('docx').cpu / of('html').cpu;
  return { ...v, html: of('html').median, docx: of('docx').median, htmlCpu: of('html').cpu, docxCpu: of('docx').cpu, ratio, wallRatio: of('docx').median / of('html').median, target: RATIO_TARGET, ok: ratio <= RATIO_TARGET };
});

const missed = [...warm, ...first, ...warmRatios].filter((r) => !r.ok);
if (json) {
  console.log(JSON.stringify({ file: relative(root, file), instruments: info.instruments, warmup: WARMUP, runs: RUNS, firstRuns: FIRST_RUNS, warm, warmRatios, first }, null, 2));
} else {
  const fmt = (ms) => `${ms.toFixed(ms < 100 ? 1 : 0)} ms`;
  console.log(`@polev/report render bench: ${relative(root, file)} (${info.instruments} instruments, ${info.sources} sources)`);
  console.log(`warm: ${WARMUP} warm-up + ${RUNS} timed rounds of the three formats in one process per variant`);
  console.log(`${'variant'.padEnd(18)}${'format'.padEnd(10)}${'median'.padStart(9)}${'slowest'.padStart(10)}  ${'size'.padStart(9)}  target`);
  for (const r of warm) {
    const target = r.target === null ? '—' : `< ${r.target} ms ${r.ok ? 'ok' : 'MISSED'}`;
    console.log(`${`${r.lang}/${r.audience}`.padEnd(18)}${r.format.padEnd(10)}${fmt(r.median).padStart(9)} ${fmt(r.max).padStart(9)}  ${`${Math.round(r.bytes / 1024)} KiB`.padStart(9)}  ${target}`);
  }
  for (const r of warmRatios)
    console.log(
      `${`${r.lang}/${r.audience}`.padEnd(18)}warm   html ${fmt(r.htmlCpu)} CPU · docx ${fmt(r.docxCpu)} CPU · docx/html ${r.ratio.toFixed(1)}× (wall ${r.wallRatio.toFixed(1)}×)  target ≤ ${r.target}× ${r.ok ? 'ok' : 'MISSED'}`,
    );
  console.log(`first: the first render in a fresh process, ${FIRST_RUNS} pairs (HTML, then .docx) per variant, medians; ratio in CPU time`);
  for (const r of first)
    console.log(
      `${`${r.lang}/${r.audience}`.padEnd(18)}first  html ${fmt(r.html.cpu)} CPU (${fmt(r.html.wall)} wall) · docx ${fmt(r.docx.cpu)} CPU (${fmt(r.docx.wall)} wall) · ` +
        `docx/html ${r.ratio.toFixed(1)}× (pairs ${r.ratioMin.toFixed(1)}–${r.ratioMax.toFixed(1)}×, wall ${r.wallRatio.toFixed(1)}×)  target ≤ ${r.target}× ${r.ok ? 'ok' : 'MISSED'}`,
    );
  if (missed.length > 0) console.log(`render.bench: ${missed.length} target(s) missed`);
}
process.exit(check && missed.length > 0 ? 1 : 0);
