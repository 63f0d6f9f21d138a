// `pnpm fuzz [runs] [seed]`: the fuzz test of packages/report/test/fuzz.test.ts for longer (default
// 5,000 inputs and a fresh seed, printed so that a failure can be reproduced), rendering every
// fourth valid input. Failing inputs are written to packages/report/test-output/fuzz/.
import { spawnSync } from 'node:child_process';

const [runs = '5000', seed = String(Math.floor(Math.random() * 2 ** 31))] = process.argv.slice(2);
console.log(`pnpm fuzz: ${runs} inputs, seed ${seed} (reproduce with: pnpm fuzz ${runs} ${seed})`);
const env = { ...process.env, POLEV_FUZZ_RUNS: runs, POLEV_FUZZ_SEED: seed, POLEV_FUZZ_RENDER_EVERY: process.env.POLEV_FUZZ_RENDER_EVERY ?? '4' };
const r = spawnSync('pnpm', ['exec', 'vitest', 'run', '--project', 'report', 'packages/report/test/fuzz.test.ts', '--testTimeout=0'], { stdio: 'inherit', env });
process.exit(r.status ?? 1);
