import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseReview, type Review } from '@polev/core/load';
import { describe, expect, it } from 'vitest';
import { exportXlsx, importSheets } from '../src/index.js';
import { exampleData, file, readCsvRows, repoRoot } from './helpers.js';

// A real spreadsheet: LibreOffice Calc (Debian's libreoffice-calc-nogui) opens the exported workbook
// and writes every sheet as CSV, as a person's "Save as CSV" would.
// Missing, the check says so and skips; in CI (CI set, as .ci/run does) it is required and fails.
const calc = existsSync('/usr/lib/libreoffice/program/libsclo.so') && spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;
if (!calc) {
  const message = `LibreOffice Calc not found: the check of the exported workbook in a real spreadsheet ${process.env.CI ? 'is required in CI and fails' : 'is skipped'}. Install it with \`apt-get install libreoffice-calc-nogui\`.`;
  console.warn(message);
  if (process.env.CI) {
    describe('libreoffice calc', () => {
      it('is installed', () => {
        throw new Error(message);
      });
    });
  }
}

describe.skipIf(!calc)('the exported workbook in LibreOffice Calc', () => {
  it('opens with every sheet, evaluates none of the text as a formula, and its own CSV reads back unchanged', { timeout: 180_000 }, async () => {
    const parsed = parseReview(readFileSync(join(repoRoot, 'examples/nctv-36-2/review.yaml'), 'utf8'));
    if (!parsed.ok) throw new Error('the example does not load');
    const review: Review = parsed.review;
    const nasty = ['=1+1', '=HYPERLINK("http://example.org","klik")', '+2+3', '-4+5', '@SUM(1,2)'];
    nasty.forEach((s, i) => (review.instruments[i]!.intent = s));
    const dir = mkdtempSync(join(tmpdir(), 'polev-calc-'));
    writeFileSync(join(dir, 'review.xlsx'), await exportXlsx(review));
    const r = spawnSync(
      'soffice',
      ['--headless', '--norestore', `-env:UserInstallation=file://${join(dir, 'profile')}`, '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1', '--outdir', join(dir, 'out'), join(dir, 'review.xlsx')],
      { encoding: 'utf8', timeout: 150_000 },
    );
    expect(r.status, r.stderr).toBe(0);
    const sheets = readdirSync(join(dir, 'out')).sort();
    expect(sheets).toHaveLength(12);
    const instruments = readFileSync(join(dir, 'out', 'review-Instrumenten Contraterrorisme.csv'), 'utf8');
    const intents = readCsvRows(instruments).slice(1, 1 + nasty.length).map((row) => row[3]);
    // Shown as the text it is, apostrophe and all: not 2, 5, 1 or a link.
    expect(intents).toEqual(nasty.map((s) => `'${s}`));
    const expenditure = readFileSync(join(dir, 'out', 'review-Uitgaven.csv'), 'utf8');
    const back = await importSheets([file('Uitgaven.csv', expenditure)], { review: exampleData() });
    if (!back.ok) throw new Error(JSON.stringify(back.problems.slice(0, 3)));
    expect(back.report.added).toEqual([]);
    expect(back.report.changed).toEqual([]);
    expect(back.report.unchanged.map((u) => u.id)).toContain('app-eigen-personeel');
  });
});
