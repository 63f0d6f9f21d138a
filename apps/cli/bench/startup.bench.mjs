// Cold-start benchmark of the built `polev` binary, each figure as a ratio to `node -e 0` measured
// in the same run. Targets: --version ≤ 1.5×, validate on the bundled example ≤ 3×.
// Usage: node apps/cli/bench/startup.bench.mjs   (run `pnpm build` first)
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../dist/bin.js', import.meta.url));
const example = fileURLToPath(new URL('../../../examples/nctv-36-2/review.yaml', import.meta.url));
const RUNS = 21;

function median(args) {
  const times = [];
  for (let i = 0; i < RUNS + 2; i++) {
    const t = performance.now();
    const r = spawnSync(process.execPath, args, { stdio: 'ignore' });
    const ms = performance.now() - t;
    if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited ${r.status}`);
    if (i >= 2) times.push(ms); // the first two warm the OS file cache
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

// Interleave so that a change in machine load hits every command alike.
const cases = { 'node -e 0': ['-e', '0'], 'polev --version': [bin, '--version'], 'polev validate example': [bin, 'validate', example] };
const results = Object.fromEntries(Object.entries(cases).map(([name, args]) => [name, median(args)]));
const base = results['node -e 0'];
const targets = { 'polev --version': 1.5, 'polev validate example': 3 };
for (const [name, ms] of Object.entries(results)) {
  const ratio = ms / base;
  const target = targets[name];
  console.log(`${name.padEnd(24)} ${ms.toFixed(1).padStart(7)} ms  ${ratio.toFixed(2)}× node${target ? `  (target ≤ ${target}×: ${ratio <= target ? 'met' : 'NOT met'})` : ''}`);
}
console.log(`median of ${RUNS} runs each`);
