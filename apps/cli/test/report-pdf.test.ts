import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/** `--format pdf` through the built binary, as a user types it: the format named, not told by the file name. */
const bin = fileURLToPath(new URL('../dist/bin.js', import.meta.url));
const mini = fileURLToPath(new URL('../../../packages/core/src/__fixtures__/mini.yaml', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'polev-cli-pdf-'));
const polev = (args: string[], env: Record<string, string> = {}) => {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', input: '', env: { ...process.env, NO_COLOR: '', ...env }, cwd: dir });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

describe('polev report --format pdf', () => {
  it('is one of the formats --help offers and --format accepts', () => {
    const help = polev(['report', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/--format <format>[\s\S]*"pdf"/);
    // A PDF cannot go to standard output: refused as a usage error, not as an unknown choice.
    const stdout = polev(['report', mini, '-o', '-', '--format', 'pdf']);
    expect(stdout.code).toBe(2);
    expect(stdout.stderr).toContain('a .pdf report cannot be written to standard output');
    expect(stdout.stderr).not.toContain('Allowed choices');
  });

  it.skipIf(!existsSync('/usr/bin/chromium'))('prints a PDF to a file whose name does not tell the format', () => {
    const r = polev(['report', mini, '-o', 'report.out', '--format', 'pdf', '--lang', 'en'], { POLEV_CHROMIUM: '/usr/bin/chromium' });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('(pdf, en, public)');
    expect(readFileSync(join(dir, 'report.out')).subarray(0, 5).toString()).toBe('%PDF-');
  }, 120_000);
});
