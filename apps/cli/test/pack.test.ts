// Runs scripts/pack-smoke.mjs as a real process: the packages are packed with `pnpm pack`,
// installed from their tarballs into an empty folder with `npm install --engine-strict`, and used
// there from ES modules, CommonJS and a TypeScript consumer (scripts/pack-smoke.mjs lists the checks).
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
  // The timeout only stops a hung install (npm may have to reach the registry); the run takes 1-2 min.
  it('pack, install with npm --engine-strict into an empty folder, and work there from ESM, CommonJS and TypeScript', { timeout: 600_000 }, async () => {
    const { code, output } = await runSmoke();
    // The whole log in the failure message says which check failed and why.
    expect(code, output).toBe(0);
    for (const line of [
      /^ok {3}pack: /m,
      /^ok {3}\(p\) every tarball holds the LICENSE, says MIT, its repository with directory, homepage and bugs; caret ranges$/m,
      /^ok {3}install: npm --engine-strict installed @polev\/core@\S+, @polev\/report@\S+, @polev\/sheets@\S+, @polev\/cli@\S+, @polev\/api@\S+ into an empty folder on Node v20\S*, beside hono@\S+ and zod@\S+, one copy of each/m,
      /^ok {3}\(a\) @polev\/core \+ @polev\/core\/node import and validate /m,
      /^ok {3}\(r\) require\(\) of @polev\/core, @polev\/core\/node, @polev\/report and @polev\/api works from a CommonJS file$/m,
      /^ok {3}\(b\) polev validate \S+ exits 0; polev --version prints \S+; polev report writes HTML$/m,
      /^ok {3}\(c\) polev validate <broken copy> exits 1$/m,
      /^ok {3}\(d\) @polev\/api createApp\(\) answers GET \/health with 200, also mounted in the consumer's own Hono app/m,
      /^ok {3}\(t\) a strict TypeScript consumer type-checks with node16 and bundler resolution, mounting createApp\(\) in its own Hono app$/m,
      ...['packages/core', 'packages/report', 'packages/sheets', 'apps/cli', 'apps/api'].map((dir) => new RegExp(`^ok {3}\\(e\\) publint ${dir}: no errors, no warnings$`, 'm')),
      ...['core', 'report', 'sheets', 'cli', 'api'].map((name) => new RegExp(`^ok {3}\\(e\\) attw @polev/${name}: no problems$`, 'm')),
      /^pack-smoke: all checks passed in \d+(\.\d+)? s$/m,
    ]) {
      expect(output, output).toMatch(line);
    }
    expect(output).not.toMatch(/^FAIL /m);
  });
});
