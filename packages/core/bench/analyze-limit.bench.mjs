// Benchmark of analyze beside the physical limit of its input: JSON.parse + zod validation of the
// same review as JSON (nothing can analyse a review faster than it can be read and checked). At
// 1k, 10k and 100k instruments, in three fresh processes per size of five runs each, each phase from
// a collected heap. Each phase's figure is its best of those fifteen runs: the machine is shared, and
// the minimum is the least disturbed. One process is not enough: on an idle machine the limit alone
// moved by a third from one process to the next, so the ratio of one process's bests swung between
// 1.96x and 2.82x over eleven processes. Each process's own ratio is printed beside the pooled one.
// Target: analyze <= 2.5x the limit at 100k, peak memory of a process that loads and analyses under 1 GiB.
// Usage: node packages/core/bench/analyze-limit.bench.mjs [sizes…]   (run `pnpm build` first)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const dist = (p) => new URL(`../dist/${p}`, import.meta.url).href;

if (process.argv[2] === '--child') {
  const [, , , file, count] = process.argv;
  const { Review, analyze } = await import(dist('index.js'));
  const text = readFileSync(file, 'utf8');
  // Wall and CPU time (all threads, the collector's helpers included) of each phase. On a loaded
  // machine the wall time also counts the time other processes had the cores; CPU time does not.
  const runs = { limit: [], analyze: [], limitCpu: [], analyzeCpu: [] };
  const cpuMs = (c) => (c.user + c.system) / 1000;
  let review;
  for (let k = 0; k < Number(count); k++) {
    review = undefined;
    globalThis.gc();
    let c = process.cpuUsage();
    let t = performance.now();
    review = Review.parse(JSON.parse(text));
    runs.limit.push(performance.now() - t);
    runs.limitCpu.push(cpuMs(process.cpuUsage(c)));
    globalThis.gc();
    c = process.cpuUsage();
    t = performance.now();
    const a = analyze(review);
    runs.analyze.push(performance.now() - t);
    runs.analyzeCpu.push(cpuMs(process.cpuUsage(c)));
    if (a.verdicts.instruments.length !== review.instruments.length) process.exit(1);
  }
  console.log(JSON.stringify({ runs, peakMB: process.resourceUsage().maxRSS / 1024 }));
  process.exit(0);
}

const { syntheticReview } = await import(dist('testing/index.js'));
const { Review } = await import(dist('index.js'));
const sizes = process.argv.slice(2).map(Number).filter(Boolean);
const dir = mkdtempSync(join(tmpdir(), 'polev-bench-limit-'));
const rows = [];
const min = (xs) => Math.min(...xs);
const PROCESSES = 3;
const RUNS = 5;
try {
  for (const n of sizes.length ? sizes : [1000, 10000, 100000]) {
    const file = join(dir, `review-${n}.json`);
    writeFileSync(file, JSON.stringify(Review.parse(syntheticReview({ instruments: n }))));
    const processes = [];
    for (let p = 0; p < PROCESSES; p++) {
      const r = spawnSync(process.execPath, ['--max-old-space-size=4096', '--expose-gc', join(here, 'analyze-limit.bench.mjs'), '--child', file, String(RUNS)], { encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`analyze at ${n} failed: ${r.stderr}`);
      processes.push(JSON.parse(r.stdout));
    }
    const all = (k) => processes.flatMap((p) => p.runs[k]);
    const m = { limit: min(all('limit')), analyze: min(all('analyze')), limitCpu: min(all('limitCpu')), analyzeCpu: min(all('analyzeCpu')), peakMB: Math.max(...processes.map((p) => p.peakMB)) };
    // Each process's ratio of its own bests shows how far the machine moved the figures.
    const paired = processes.map((p) => min(p.runs.analyze) / min(p.runs.limit)).sort((a, b) => a - b);
    rows.push({ n, ...m });
    console.log(
      `${String(n).padStart(7)} instruments: limit (JSON.parse + zod) ${m.limit.toFixed(0)} ms | analyze ${m.analyze.toFixed(0)} ms = ${(m.analyze / m.limit).toFixed(2)}× the limit (per process ${paired.map((r) => r.toFixed(2)).join(', ')}×; CPU time ${m.limitCpu.toFixed(0)} / ${m.analyzeCpu.toFixed(0)} ms = ${(m.analyzeCpu / m.limitCpu).toFixed(2)}×) | peak ${m.peakMB.toFixed(0)} MB`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
const top = rows.find((r) => r.n === 100000);
if (top) {
  const ratio = top.analyze / top.limit;
  const cpuRatio = top.analyzeCpu / top.limitCpu;
  console.log(
    `at 100k: analyze ${ratio.toFixed(2)}× the limit in wall time, ${cpuRatio.toFixed(2)}× in CPU time (target ≤ 2.5×: ${ratio <= 2.5 ? 'met' : 'NOT met'}); peak ${top.peakMB.toFixed(0)} MB (target < 1024 MB: ${top.peakMB < 1024 ? 'met' : 'NOT met'})`,
  );
}
