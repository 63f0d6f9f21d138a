// A file with more problems than are listed: the summary gives the true total, as a real process,
// in text and in JSON.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../dist/bin.js', import.meta.url));
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'polev-count-'));
  // 120,000 instruments that are texts instead of mappings: one problem each, and a few more.
  writeFileSync(join(dir, 'many.yaml'), `instruments:\n${Array.from({ length: 120_000 }, (_, i) => `- x${i}`).join('\n')}\n`);
});

const polev = (args: string[]) => {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 1 << 28 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

describe('the count of problems when only the first are listed', () => {
  it('is the true total, in text and JSON', () => {
    const json = polev(['validate', 'many.yaml', '--format', 'json']);
    expect(json.code).toBe(1);
    const [file] = JSON.parse(json.stdout).files;
    expect(file.counts.listed).toBe(1000);
    expect(file.counts.errors).toBeGreaterThanOrEqual(120_000);
    expect(file.problems).toHaveLength(1001);

    const text = polev(['validate', 'many.yaml']);
    expect(text.code).toBe(1);
    expect(text.stdout.trim().split('\n')).toHaveLength(1001);
    const total = file.counts.errors.toLocaleString('en-GB');
    expect(text.stderr).toBe(`✗ many.yaml: ${total} problems (the first 1,000 listed)\n`);
  }, 120_000);

  it('is the true total where a command needs a valid review', () => {
    const r = polev(['analyze', 'many.yaml']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/error: many\.yaml has 12\d,\d{3} problems \(the first 1,000 listed\)\n/);
  }, 120_000);
});
