// The main job on the bundled example, as the README's Quick start gives it: build the CLI, then
// `polev analyze` and `polev report` on examples/nctv-36-2/review.yaml, leaving the reports in out/.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';

const env = { ...process.env, TURBO_TELEMETRY_DISABLED: '1' };
const sh = (cmd, args) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit', env });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
const polev = (...args) => sh(process.execPath, ['apps/cli/dist/bin.js', ...args]);
const review = 'examples/nctv-36-2/review.yaml';

sh('pnpm', ['exec', 'turbo', 'run', 'build', '--filter=@polev/cli...', '--output-logs=errors-only']);
mkdirSync('out', { recursive: true });
polev('validate', review);
polev('analyze', review);
polev('report', review, '-o', 'out/nctv-36-2.html', '--lang', 'en', '--force');
polev('report', review, '-o', 'out/nctv-36-2.docx', '--lang', 'nl', '--force');
polev('report', review, '-o', 'out/nctv-36-2.md', '--lang', 'en', '--force');
console.log('\nOpen out/nctv-36-2.html in a browser (or out/nctv-36-2.docx in Word).');
