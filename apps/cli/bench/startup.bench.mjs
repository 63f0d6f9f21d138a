// Cold-start benchmark of the built `polev` binary, each figure as a ratio to `node -e 0` measured
// in the same run. Targets: --version ≤ 1.5×, validate on the bundled example ≤ 3×.
// Usage: node apps/cli/bench/startup.bench.mjs   (run `pnpm build` first)
//
// Every run is a new process. `polev validate` keeps V8's compiled code of its bundle in a code
// cache, which the warm-up rounds write (here into a temporary folder, not the user's); the last
// row shows a run without it, as the very first run after an install or upgrade is.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../dist/bin.js', import.meta.url));
const example = fileURLToPath(new URL('../../../examples/nctv-36-2/review.yaml', import.meta.url));
const RUNS = 21;
const WARMUP = 2; // rounds whose times are dropped: they warm the OS file cache and write the code cache

const cacheHome = mkdtempSync(join(tmpdir(), 'polev-bench-cache-'));
const env = { ...process.env, XDG_CACHE_HOME: cacheHome };
delete env.POLEV_NO_CODE_CACHE;
delete env.NODE_DEBUG;
const cases = {
  'node -e 0': { args: ['-e', '0'], env },
  'polev --version': { args: [bin, '--version'], env },
  'polev validate example': { args: [bin, 'validate', example], env },
  '  (without code cache)': { args: [bin, 'validate', example], env: { ...env, POLEV_NO_CODE_CACHE: '1' } },
};

function time({ args, env }) {
  const t = performance.now();
  const r = spawnSync(process.execPath, args, { stdio: 'ignore', env });
  const ms = performance.now() - t;
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited ${r.status}`);
  return ms;
}

// Round-robin (A, B, C, A, B, C, …) rather than all runs of one case in a row, so that a change in
// machine load during the run hits every case alike and the ratios stay fair.
const times = Object.fromEntries(Object.keys(cases).map((name) => [name, []]));
try {
  for (let round = 0; round < RUNS + WARMUP; round++) {
    for (const [name, c] of Object.entries(cases)) {
      const ms = time(c);
      if (round >= WARMUP) times[name].push(ms);
    }
  }
} finally {
  rmSync(cacheHome, { recursive: true, force: true });
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const results = Object.fromEntries(Object.entries(times).map(([name, xs]) => [name, median(xs)]));
const base = results['node -e 0'];
const targets = { 'polev --version': 1.5, 'polev validate example': 3 };
for (const [name, ms] of Object.entries(results)) {
  const ratio = ms / base;
  const target = targets[name];
  console.log(`${name.padEnd(24)} ${ms.toFixed(1).padStart(7)} ms  ${ratio.toFixed(2)}× node${target ? `  (target ≤ ${target}×: ${ratio <= target ? 'met' : 'NOT met'})` : ''}`);
}
console.log(`median of ${RUNS} interleaved runs each`);
