// Benchmark of loading: parseReview (load + validate) of the same synthetic review as JSON and as
// YAML, beside the limit of what loading can cost here: JSON.parse + the zod schema alone. At 1k,
// 10k and 100k instruments; targets at 10k and 100k: JSON ≤ 2× the limit, YAML ≤ 3×.
// Each measurement runs in a fresh process from a collected heap and takes the best of a few
// runs, in CPU time (user + system, all threads): the machine is shared, and CPU time is what a
// busy neighbour disturbs least.
// Usage: node packages/core/bench/load.bench.mjs [sizes…]   (run `pnpm build` first)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const dist = (p) => new URL(`../dist/${p}`, import.meta.url).href;

if (process.argv[2] === '--child') {
  const [, , , mode, file, runs] = process.argv;
  const { parseReview, Review } = await import(dist('index.js'));
  const text = readFileSync(file, 'utf8');
  const once = mode === 'limit' ? () => Review.safeParse(JSON.parse(text)).success : () => parseReview(text, { file }).ok;
  const times = [];
  for (let i = 0; i < Number(runs); i++) {
    globalThis.gc();
    const t = process.cpuUsage();
    if (!once()) {
      console.error(`${mode} of ${file} did not validate`);
      process.exit(1);
    }
    const used = process.cpuUsage(t);
    times.push((used.user + used.system) / 1000);
  }
  console.log(JSON.stringify({ best: Math.min(...times), peakMB: process.resourceUsage().maxRSS / 1024 }));
  process.exit(0);
}

const { syntheticReview } = await import(dist('testing/index.js'));
// js-yaml (core's own dependency) writes the YAML: the `yaml` library takes minutes at 100k.
const { dump } = await import(createRequire(import.meta.url).resolve('js-yaml'));
const sizes = process.argv.slice(2).map(Number).filter(Boolean);
const dir = mkdtempSync(join(tmpdir(), 'polev-load-bench-'));
const child = (mode, file, runs) => {
  const r = spawnSync(process.execPath, ['--max-old-space-size=8192', '--expose-gc', join(here, 'load.bench.mjs'), '--child', mode, file, String(runs)], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${mode} failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
};
const rows = [];
try {
  for (const n of sizes.length ? sizes : [1000, 10000, 100000]) {
    const review = syntheticReview({ instruments: n });
    const json = join(dir, `review-${n}.json`);
    const yaml = join(dir, `review-${n}.yaml`);
    writeFileSync(json, JSON.stringify(review, null, 2));
    writeFileSync(yaml, dump(review, { lineWidth: -1 }));
    const runs = n >= 100000 ? 3 : n >= 10000 ? 5 : 15;
    const limit = child('limit', json, runs);
    const j = child('json', json, runs);
    const y = child('yaml', yaml, runs);
    rows.push({ n, limit: limit.best, json: j.best, yaml: y.best });
    const mb = (f) => (statSync(f).size / 1048576).toFixed(1);
    console.log(
      `${String(n).padStart(7)} instruments: limit (JSON.parse + zod) ${limit.best.toFixed(0)} ms CPU | JSON (${mb(json)} MB) ${j.best.toFixed(0)} ms = ${(j.best / limit.best).toFixed(2)}×, peak ${j.peakMB.toFixed(0)} MB | YAML (${mb(yaml)} MB) ${y.best.toFixed(0)} ms = ${(y.best / limit.best).toFixed(2)}×, peak ${y.peakMB.toFixed(0)} MB`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
const judged = rows.filter((r) => r.n >= 10000);
if (judged.length) {
  const json = Math.max(...judged.map((r) => r.json / r.limit));
  const yaml = Math.max(...judged.map((r) => r.yaml / r.limit));
  console.log(`worst at 10k+: JSON ${json.toFixed(2)}× the limit (target ≤ 2×: ${json <= 2 ? 'met' : 'NOT met'}), YAML ${yaml.toFixed(2)}× (target ≤ 3×: ${yaml <= 3 ? 'met' : 'NOT met'})`);
}
