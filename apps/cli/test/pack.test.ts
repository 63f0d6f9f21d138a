// Runs scripts/pack-smoke.mjs as a real process: the packages are packed with `pnpm pack`,
// installed from their tarballs into an empty folder with plain npm, and exercised there.
// It needs built dist/ folders, which `pnpm test` (scripts/test.mjs) builds first.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const script = fileURLToPath(new URL('../../../scripts/pack-smoke.mjs', import.meta.url));

function runSmoke(): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script], { cwd: root, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

describe('packed tarballs', () => {
  it('pack, install with plain npm into an empty folder, and work there', { timeout: 240_000 }, async () => {
    const { code, output } = await runSmoke();
    // The whole log in the failure message says which check failed and why.
    expect(code, output).toBe(0);
    for (const line of [
      /^ok {3}pack: /m,
      /^ok {3}install: npm installed @polev\/core@\S+, @polev\/report@\S+, @polev\/sheets@\S+, @polev\/cli@\S+, @polev\/api@\S+ into an empty folder/m,
      /^ok {3}\(a\) @polev\/core \+ @polev\/core\/node import and validate /m,
      /^ok {3}\(b\) polev validate \S+ exits 0; polev --version prints \S+; polev report writes HTML$/m,
      /^ok {3}\(c\) polev validate <broken copy> exits 1$/m,
      /^ok {3}\(d\) @polev\/api createApp\(\) answers GET \/health with 200 /m,
      /^ok {3}\(e\) publint packages\/core: no errors, no warnings$/m,
      /^ok {3}\(e\) publint packages\/report: no errors, no warnings$/m,
      /^ok {3}\(e\) publint packages\/sheets: no errors, no warnings$/m,
      /^ok {3}\(e\) publint apps\/cli: no errors, no warnings$/m,
      /^ok {3}\(e\) publint apps\/api: no errors, no warnings$/m,
      /^pack-smoke: all checks passed in \d+(\.\d+)? s$/m,
    ]) {
      expect(output, output).toMatch(line);
    }
    expect(output).not.toMatch(/^FAIL /m);
  });
});
