// The main job on the bundled example, as the README's Quick start gives it: build every package
// and app (so `pnpm polev …`, the library and `polev-api` all work afterwards), then `polev
// validate`, `polev analyze` and `polev report` on examples/nctv-36-2/review.yaml, leaving the
// reports in out/. Everything is in the review's own language (Dutch for this review), as every
// polev command does without --lang.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';

const env = { ...process.env, TURBO_TELEMETRY_DISABLED: '1' };
const sh = (cmd, args) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit', env });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
const polev = (...args) => sh(process.execPath, ['apps/cli/dist/bin.js', ...args]);
const review = 'examples/nctv-36-2/review.yaml';

sh('pnpm', ['exec', 'turbo', 'run', 'build', '--output-logs=errors-only']);
mkdirSync('out', { recursive: true });
polev('validate', review);
polev('analyze', review);
for (const ext of ['html', 'docx', 'md']) polev('report', review, '-o', `out/nctv-36-2.${ext}`, '--force');
console.log('\nOpen out/nctv-36-2.html in a browser (or out/nctv-36-2.docx in Word). `pnpm polev --help` lists the commands.');
