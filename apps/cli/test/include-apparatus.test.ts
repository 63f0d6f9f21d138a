import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// `--include-apparatus` through the built binary as a real process: analyze (JSON and summary),
// report, and the help that offers it.
const bin = fileURLToPath(new URL('../dist/bin.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'polev-apparatus-'));
const cacheHome = mkdtempSync(join(tmpdir(), 'polev-apparatus-cache-'));

function polev(args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '', XDG_CACHE_HOME: cacheHome }, cwd: dir });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

// Programme money on the article (2,000 in 2021) and staff time on the apparatus article 91 (500).
const file = fileURLToPath(new URL('../../../packages/core/src/__fixtures__/staff-time.yaml', import.meta.url));

interface Savings {
  includesApparatus: boolean;
  base: number;
  target: number;
  options: { method: string; cuts: { line: string }[] }[];
}

describe('polev --include-apparatus', () => {
  it('analyze: staff lines enter the savings base and the cuts only when asked', () => {
    const plain = polev(['analyze', file, '--format', 'json']);
    expect(plain.code, plain.stderr).toBe(0);
    expect(JSON.parse(plain.stdout).savings as Savings).toMatchObject({ includesApparatus: false, base: 2000, target: 400 });
    const asked = polev(['analyze', file, '--format', 'json', '--include-apparatus']);
    expect(asked.code, asked.stderr).toBe(0);
    const s = JSON.parse(asked.stdout).savings as Savings;
    expect(s).toMatchObject({ includesApparatus: true, base: 2500, target: 500 });
    expect(s.options.find((o) => o.method === 'across-the-board')!.cuts.map((c) => c.line)).toEqual(['grants', 'staff']);
    // A staff line may then be protected.
    const text = polev(['analyze', file, '--include-apparatus', '--protect', 'staff']);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain('Base year 2021: programme and apparatus expenditure €2,500k; 20% of it is €500k');
    expect(text.stdout).toContain('Protected lines: staff');
  });

  it('report: the savings chapter says its base holds apparatus', () => {
    const r = polev(['report', file, '-o', '-', '--format', 'md', '--lang', 'en', '--include-apparatus']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('The savings variant looks for 20% of the programme and apparatus budget of 2021 (2,500 x €1,000)');
    expect(polev(['report', file, '-o', '-', '--format', 'md', '--lang', 'en']).stdout).toContain('20% of the programme budget of 2021 (2,000 x €1,000)');
  });

  it('is offered by the help of analyze and report', () => {
    for (const cmd of ['analyze', 'report']) expect(polev([cmd, '--help']).stdout, cmd).toMatch(/--include-apparatus\s+savings variant: count and cut staff/);
  });
});
