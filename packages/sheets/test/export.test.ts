import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { parseReview, type Review } from '@polev/core/load';
import { describe, expect, it } from 'vitest';
import { exportCsv, exportXlsx, importSheets } from '../src/index.js';
import { file, readCsvRows, repoRoot } from './helpers.js';

const example = (): Review => {
  const r = parseReview(readFileSync(join(repoRoot, 'examples/nctv-36-2/review.yaml'), 'utf8'));
  if (!r.ok) throw new Error('the example does not load');
  return r.review;
};

async function load(data: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(data) as unknown as ExcelJS.Buffer);
  return wb;
}

describe('export to .xlsx', () => {
  it('writes a sheet per table, instruments per domain, with styled, frozen, filtered headers', async () => {
    const wb = await load(await exportXlsx(example()));
    const names = wb.worksheets.map((w) => w.name);
    expect(names).toEqual(['Doorlichting', 'Volledigheid', 'Taakvelden', 'Doelstellingen', 'Instrumenten Contraterrorisme', expect.stringMatching(/^Instrumenten Nationale veiligh/), 'Instrumenten Cybersecurity', 'Uitgaven', 'Bronnen', 'Bevindingen', 'Hiatenkaart', 'Oordelen']);
    for (const ws of wb.worksheets) {
      expect(ws.views[0], ws.name).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(ws.autoFilter, ws.name).toBeTruthy();
      expect(ws.getRow(1).getCell(1).font?.bold, ws.name).toBe(true);
    }
    const verdicts = wb.getWorksheet('Oordelen')!;
    expect(verdicts.getRow(1).values).toEqual([undefined, 'Niveau', 'Id', 'Naam', 'Stap', 'Oordeel', 'Redenen', 'Bewijs (ids)']);
    expect(verdicts.rowCount).toBeGreaterThan(10);
  });

  it('writes amounts in € x 1,000 formats, and unknown amounts as empty cells marked unknown, never 0', async () => {
    const wb = await load(await exportXlsx(example()));
    const ws = wb.getWorksheet('Uitgaven')!;
    const header = (ws.getRow(1).values as string[]).slice(1);
    const col = header.indexOf('Realisatie (x € 1.000)') + 1;
    expect(col).toBeGreaterThan(0);
    const rows = ws.getRows(2, ws.rowCount - 1)!;
    const bdur2013 = rows.find((r) => r.getCell(1).value === 'bdur' && r.getCell(header.indexOf('Jaar') + 1).value === 2013)!;
    const cell = bdur2013.getCell(col);
    expect(cell.value).toBeNull();
    expect(String(cell.note)).toMatch(/^onbekend/);
    const apparatus = rows.find((r) => r.getCell(1).value === 'app-eigen-personeel')!.getCell(col);
    expect(apparatus.value).toBe(24550);
    expect(apparatus.numFmt).toBe('#,##0;-#,##0');
    // No cell of the review's unknown amounts became a 0.
    expect(rows.filter((r) => r.getCell(col).value === 0)).toHaveLength(0);
  });

  it('writes commitments in a column of their own: known, unknown marked unknown, not given empty; never 0, never in the realisation', async () => {
    const review = example();
    const bdur = review.budgetLines.find((l) => l.id === 'bdur')!;
    bdur.expenditures[0]!.commitments = 151000;
    bdur.expenditures[1]!.commitments = null;
    const ws = (await load(await exportXlsx(review))).getWorksheet('Uitgaven')!;
    const header = (ws.getRow(1).values as string[]).slice(1);
    const col = header.indexOf('Verplichtingen (x € 1.000)') + 1;
    const year = header.indexOf('Jaar') + 1;
    expect(col).toBeGreaterThan(header.indexOf('Tweede suppletoire (x € 1.000)') + 1);
    const bdurRows = ws.getRows(2, ws.rowCount - 1)!.filter((r) => r.getCell(1).value === 'bdur');
    const cells = bdurRows.slice(0, 3).map((r) => r.getCell(col));
    expect(cells.map((c) => c.value)).toEqual([151000, null, null]);
    expect(cells[0]!.numFmt).toBe('#,##0;-#,##0');
    expect(String(cells[1]!.note)).toMatch(/^onbekend/);
    expect(cells[2]!.note).toBeUndefined();
    // The realisation of the same year stays unknown: the commitments are not it.
    expect(bdurRows[0]!.getCell(year).value).toBe(bdur.expenditures[0]!.year);
    expect(bdurRows[0]!.getCell(header.indexOf('Realisatie (x € 1.000)') + 1).value).toBeNull();
    const csv = exportCsv(review, { lang: 'en' }).find((t) => t.table === 'expenditure')!;
    const rows = readCsvRows(csv.text.replace(/^\uFEFF/, ''));
    const c = rows[0]!.indexOf('Commitments (x €1,000)');
    expect(rows.filter((r) => r[0] === 'bdur').slice(0, 3).map((r) => r[c])).toEqual(['151000', 'unknown', null]);
  });

  it('writes the whole article\'s money on a sheet of its own, never among the expenditure', async () => {
    const review = example();
    review.articleContext = [{ article: '36', chapter: 'VI', name: 'Contraterrorisme', expenditures: [{ year: 2013, amount: 210768, commitments: 284113 }, { year: 2014, amount: null }], receipts: [{ year: 2013, amount: 212 }] }];
    const wb = await load(await exportXlsx(review));
    expect(wb.worksheets.map((w) => w.name)).toContain('Artikel (context)');
    const ws = wb.getWorksheet('Artikel (context)')!;
    expect((ws.getRow(1).values as string[]).slice(1, 7)).toEqual(['Artikel', 'Hoofdstuk', 'Naam artikel', 'Uitgaven of ontvangsten', 'Jaar', 'Realisatie (x € 1.000)']);
    expect(ws.getRows(2, 3)!.map((r) => [r.getCell(4).value, r.getCell(5).value, r.getCell(6).value])).toEqual([['uitgaven', 2013, 210768], ['uitgaven', 2014, null], ['ontvangsten', 2013, 212]]);
    expect(String(ws.getRow(3).getCell(6).note)).toMatch(/^onbekend/);
    const expenditure = exportCsv(review).find((t) => t.table === 'expenditure')!.text;
    expect(expenditure).not.toContain('210768');
  });

  it('makes text a spreadsheet would evaluate inert, in .xlsx and CSV, and the import reads it back as it was', async () => {
    const review = example();
    const nasty = ['=HYPERLINK("http://x","klik")', '+1+1', '-2+3', '@SUM(A1)', '\tTab', '\rCR'];
    nasty.forEach((s, i) => (review.instruments[i]!.name = s));
    const data = await exportXlsx(review);
    const ws = (await load(data)).getWorksheet('Instrumenten Contraterrorisme')!;
    const names = ws.getRows(2, nasty.length)!.map((r) => r.getCell(3).value);
    // XML turns a carriage return into a line break; the cell still starts with the apostrophe.
    const inXlsx = nasty.map((s) => s.replace(/\r/g, '\n'));
    expect(names).toEqual(inXlsx.map((s) => `'${s}`));
    for (const r of ws.getRows(2, ws.rowCount - 1)!) for (const c of (r.values as unknown[]).slice(1)) expect(typeof c === 'object' && c !== null && 'formula' in c).toBe(false);
    const csv = exportCsv(review).find((t) => t.table === 'instruments')!.text;
    const cells = readCsvRows(csv).flat();
    for (const s of nasty) expect(cells).toContain(`'${s}`);
    expect(cells.some((c) => c !== null && /^[=+\-@\t\r]/.test(c))).toBe(false);
    // Read back, the names are the names again.
    const r = await importSheets([file('x.xlsx', data)], { review: review as unknown as Record<string, unknown> });
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.review.instruments.slice(0, nasty.length).map((i) => i.name)).toEqual(inXlsx);
    const back = await importSheets([file('instruments.csv', csv)], { review: review as unknown as Record<string, unknown> });
    if (!back.ok) throw new Error(JSON.stringify(back.problems));
    expect(back.review.instruments.slice(0, nasty.length).map((i) => i.name)).toEqual(nasty);
  });
});

describe('export to CSV', () => {
  it('writes one file per table, ; and decimal commas in Dutch, , in English, unknown amounts said so', () => {
    const nl = exportCsv(example());
    expect(nl.map((t) => t.table)).toEqual(['review', 'completeness', 'domains', 'objectives', 'instruments', 'expenditure', 'sources', 'findings', 'hiatenkaart', 'oordelen']);
    const exp = nl.find((t) => t.table === 'expenditure')!.text;
    expect(exp.startsWith('\uFEFFRegel-id;Begrotingsregel;')).toBe(true);
    expect(exp).toMatch(/\r\nbdur;Brede Doeluitkering Rampenbestrijding \(BDUR\);programma;36\.2;;nvc-i11;;2013;onbekend;/);
    expect(exp).toMatch(/app-eigen-personeel;[^\r]*;2013;24550;/);
    const en = exportCsv(example(), { lang: 'en' }).find((t) => t.table === 'expenditure')!.text;
    expect(en).toMatch(/^\uFEFFLine id,Budget line,Kind,/);
    expect(en).toMatch(/bdur,Brede Doeluitkering Rampenbestrijding \(BDUR\),programme,36\.2,,nvc-i11,,2013,unknown,/);
  });
});
