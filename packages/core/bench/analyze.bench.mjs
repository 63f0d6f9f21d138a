// Benchmark of load+validate and analyze on synthetic reviews of 1k, 10k and 100k instruments.
// Each measurement runs in a fresh process so that its peak memory is its own, and each timed phase
// starts from a collected heap: otherwise analyze would pay for collecting the hundreds of
// megabytes of garbage the loader leaves (at 100k a full collection of ~0.4 s lands in analyze).
// Usage: node packages/core/bench/analyze.bench.mjs [sizes…]   (run `pnpm build` first)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';

const here = fileURLToPath(new URL('.', import.meta.url));
const dist = (p) => new URL(`../dist/${p}`, import.meta.url).href;

if (process.argv[2] === '--child') {
  const [, , , phase, file] = process.argv;
  const { parseReview, analyze } = await import(dist('index.js'));
  const text = readFileSync(file, 'utf8');
  const rssBefore = process.memoryUsage().rss;
  globalThis.gc();
  let t = performance.now();
  const r = parseReview(text, { file });
  const load = performance.now() - t;
  if (!r.ok) {
    console.error(r.problems.slice(0, 5));
    process.exit(1);
  }
  let analyzeMs = null;
  if (phase === 'analyze') {
    globalThis.gc();
    t = performance.now();
    const a = analyze(r.review);
    analyzeMs = performance.now() - t;
    if (a.gapMap.length === 0) process.exit(1);
  }
  console.log(JSON.stringify({ load, analyze: analyzeMs, peakMB: process.resourceUsage().maxRSS / 1024, baseMB: rssBefore / 1048576 }));
  process.exit(0);
}

const { syntheticReview } = await import(dist('testing/index.js'));
const sizes = process.argv.slice(2).map(Number).filter(Boolean);
const dir = mkdtempSync(join(tmpdir(), 'polev-bench-'));
const child = (phase, file) => {
  const r = spawnSync(process.execPath, ['--max-old-space-size=8192', '--expose-gc', join(here, 'analyze.bench.mjs'), '--child', phase, file], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${phase} failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
};
const rows = [];
try {
  for (const n of sizes.length ? sizes : [1000, 10000, 100000]) {
    const file = join(dir, `review-${n}.yaml`);
    writeFileSync(file, stringify(syntheticReview({ instruments: n })));
    const size = readFileSync(file).length / 1048576;
    child('load', file); // warm the file cache
    const load = child('load', file);
    const an = child('analyze', file);
    rows.push({ n, size, load: load.load, loadPeak: load.peakMB, analyze: an.analyze, analyzePeak: an.peakMB });
    console.log(
      `${String(n).padStart(7)} instruments (${size.toFixed(1)} MB YAML): load+validate ${load.load.toFixed(0)} ms, peak ${load.peakMB.toFixed(0)} MB | analyze ${an.analyze.toFixed(0)} ms, peak ${an.peakMB.toFixed(0)} MB (load+analyze) | analyze/(load+validate) ${(an.analyze / load.load).toFixed(2)}×`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
const at = (n) => rows.find((r) => r.n === n);
if (at(10000) && at(100000)) {
  const l = at(100000).load / at(10000).load;
  const a = at(100000).analyze / at(10000).analyze;
  console.log(`scaling 10k → 100k: load+validate ${l.toFixed(1)}×, analyze ${a.toFixed(1)}× (target ≤ 12×: ${l <= 12 && a <= 12 ? 'met' : 'NOT met'})`);
}
const worst = Math.max(...rows.map((r) => r.analyze / r.load));
console.log(`analyze/(load+validate), worst: ${worst.toFixed(2)}× (target ≤ 1×: ${worst <= 1 ? 'met' : 'NOT met'})`);
