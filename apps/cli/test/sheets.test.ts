import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../dist/bin.js', import.meta.url));
const example = fileURLToPath(new URL('../../../examples/nctv-36-2/review.yaml', import.meta.url));
const shared = fileURLToPath(new URL('../../../../shared/data/rijksfinancien/', import.meta.url));
const cacheHome = mkdtempSync(join(tmpdir(), 'polev-cli-cache-'));

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'polev-sheets-'));
});

function polev(args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', input: '', env: { ...process.env, NO_COLOR: '', XDG_CACHE_HOME: cacheHome }, cwd: dir });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
const noStack = (s: string) => expect(s).not.toMatch(/\n\s+at .+:\d+:\d+/);

describe('polev import and export as a process', () => {
  it.skipIf(!existsSync(shared))('merges article VI.36 of the budget open data into the example, says what it did, and the result validates', () => {
    const r = polev(['import', join(shared, 'begrotingsstaten-2013-2021.csv'), '--article', 'VI.36', '--into', example, '-o', 'merged.yaml']);
    expect(r.code, r.stderr).toBe(0);
    // The example covers part 36.2: the article's money is its context, no budget line of the part.
    expect(r.stderr).not.toMatch(/^ *added /m);
    expect(r.stderr).toMatch(/changed {2}the review's articleContext\[36\]/);
    expect(r.stderr).toMatch(/left alone 9 budget lines the files do not mention/);
    expect(r.stderr).toMatch(/note: .*money of the whole article VI\.36 \(expenditure, receipts, commitments\) imported as its context/);
    expect(r.stderr).toMatch(/note: .*years outside the review's period not imported: 2016, 2017, 2018, 2019, 2020, 2021/);
    const merged = readFileSync(join(dir, 'merged.yaml'), 'utf8');
    expect(merged).toMatch(/amount: 210768/);
    const v = polev(['validate', 'merged.yaml']);
    expect(v.code, v.stdout + v.stderr).toBe(0);
  });

  it('writes nothing when the files have problems, and lists every one of them', () => {
    writeFileSync(join(dir, 'uitgaven.csv'), 'Regel-id;Begrotingsregel;Jaar;Bedrag\nbdur;BDUR;2014;twaalf\nbdur;BDUR;2015;veel\n');
    const r = polev(['import', 'uitgaven.csv', '--into', example, '-o', 'never.yaml']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('uitgaven.csv row 2 column D (Bedrag): error: "twaalf": is not an amount');
    expect(r.stderr).toContain('uitgaven.csv row 3 column D (Bedrag): error: "veel": is not an amount');
    expect(r.stderr).toMatch(/error: 2 problems; nothing was written/);
    expect(existsSync(join(dir, 'never.yaml'))).toBe(false);
    noStack(r.stderr);
    const notXlsx = polev(['import', example, '-o', 'never.yaml']);
    expect(notXlsx.code).toBe(1);
    expect(notXlsx.stderr).toMatch(/is not a table polev recognises/);
    const missing = polev(['import', 'no-such.xlsx', '-o', 'never.yaml']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/no-such\.xlsx: no such file/);
  });

  it('exports .xlsx and CSV per table, refuses to overwrite without --force, and imports its own export', () => {
    const x = polev(['export', example, '-o', 'review.xlsx', '--audience', 'confidential']);
    expect(x.code, x.stderr).toBe(0);
    expect(readFileSync(join(dir, 'review.xlsx')).subarray(0, 2).toString()).toBe('PK');
    expect(polev(['export', example, '-o', 'review.xlsx']).code).toBe(2);
    const c = polev(['export', example, '-o', 'tabellen.csv', '--lang', 'en']);
    expect(c.code, c.stderr).toBe(0);
    expect(c.stderr).toMatch(/wrote 10 CSV files: tabellen-review\.csv, tabellen-completeness\.csv, tabellen-domains\.csv, .*tabellen-expenditure\.csv/);
    expect(readFileSync(join(dir, 'tabellen-expenditure.csv'), 'utf8')).toMatch(/^\uFEFFLine id,Budget line,/);
    const back = polev(['import', 'review.xlsx', '-o', 'back.yaml']);
    expect(back.code, back.stderr).toBe(0);
    expect(back.stderr).toMatch(/added {4}\d+ instruments/);
    expect(polev(['validate', 'back.yaml']).code).toBe(0);
  });

  it('merges into the review file itself when -o names it', () => {
    copyFileSync(example, join(dir, 'self.yaml'));
    writeFileSync(join(dir, 'status.csv'), 'Instrument-id;Realisatie\nct-i3;gerealiseerd\n');
    const r = polev(['import', 'status.csv', '--into', 'self.yaml', '-o', 'self.yaml']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/changed {2}instrument ct-i3: realisation\.status/);
    expect(readFileSync(join(dir, 'self.yaml'), 'utf8')).toMatch(/id: ct-i3[\s\S]*?status: realised\n/);
  });

  it('has help with examples; the exit codes are listed once, in the main help', () => {
    for (const cmd of ['import', 'export']) {
      const h = polev([cmd, '--help']);
      expect(h.code, cmd).toBe(0);
      expect(h.stdout).toContain('Examples:');
      expect(h.stdout).not.toContain('Exit codes');
    }
    expect(polev(['--help']).stdout).toContain('Exit codes');
  });
});
