import { describe, expect, it } from 'vitest';
import { formatSheetProblem, importSheets, type SheetProblem } from '../src/index.js';
import { file, miniReview, workbook } from './helpers.js';
import { zipBomb } from './zip.js';

const problemsOf = async (...files: { name: string; data: Uint8Array }[]): Promise<SheetProblem[]> => {
  const r = await importSheets(files, { review: miniReview() });
  expect(r.ok).toBe(false);
  return r.ok ? [] : r.problems;
};

describe('malformed files: clear problems, never a crash', () => {
  it('a file that is not a spreadsheet', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    const [asXlsx] = await problemsOf(file('plaatje.xlsx', png));
    expect(asXlsx).toMatchObject({ file: 'plaatje.xlsx', message: expect.stringMatching(/is not a readable spreadsheet: it is not a zip archive/) });
    const [asCsv] = await problemsOf(file('plaatje.csv', png));
    expect(asCsv!.message).toMatch(/is not a spreadsheet/);
    const [xls] = await problemsOf(file('oud.xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])));
    expect(xls!.hint).toMatch(/save it as \.xlsx/);
  });

  it('a truncated .xlsx', async () => {
    const data = await workbook({ Instrumenten: [['Instrument-id', 'Instrument', 'Doelstelling-id'], ['ct-i9', 'X', 'ct-1']] });
    for (const cut of [0.5, 0.95]) {
      const [p] = await problemsOf(file('afgebroken.xlsx', data.subarray(0, Math.floor(data.byteLength * cut))));
      expect(p!.message).toMatch(/is not a readable spreadsheet: .*truncated/);
    }
  });

  it('a zip bomb, refused before any zip library unpacks it', async () => {
    const [p] = await problemsOf(file('bom.xlsx', await zipBomb(150, 2048)));
    expect(p!.message).toMatch(/unpacks to more than 100 MiB/);
  });

  it('a missing required column, and text in an amount: every problem at once, named by file, sheet, row, column and value', async () => {
    const instruments = await workbook({ Instrumenten: [['Instrument-id', 'Instrument', 'Soort'], ['ct-i8', 'Nieuw instrument', 'overig'], ['ct-i9', 'Nog een', 'overig']] });
    const money = 'Regel-id;Begrotingsregel;Jaar;Bedrag\nbdur;BDUR;2014;twaalf\nbdur;BDUR;2015;€ 1.2.3\n';
    const noIds = 'Instrument;Doelstelling-id;Soort\nZonder id;ct-1;overig\n';
    const problems = await problemsOf(file('instrumenten.xlsx', instruments), file('uitgaven.csv', money), file('zonder-id.csv', noIds));
    const lines = problems.map(formatSheetProblem);
    expect(lines).toEqual([
      'instrumenten.xlsx [Instrumenten] row 2: error: "ct-i8": a new instrument needs objective id, and the table has no such column (add a column "Doelstelling-id" or "Objective id", or map one in a mapping file)',
      'instrumenten.xlsx [Instrumenten] row 3: error: "ct-i9": a new instrument needs objective id, and the table has no such column (add a column "Doelstelling-id" or "Objective id", or map one in a mapping file)',
      'uitgaven.csv row 2 column D (Bedrag): error: "twaalf": is not an amount (write a number in € x 1,000 such as 1.234,5 or 1234.5; leave the cell empty when the figure is unknown)',
      'uitgaven.csv row 3 column D (Bedrag): error: "€ 1.2.3": is not an amount (write a number in € x 1,000 such as 1.234,5 or 1234.5; leave the cell empty when the figure is unknown)',
      'zonder-id.csv row 1: error: the instruments table has no column "Instrument-id" / "Instrument id" (add the column, or map one in a mapping file (columns))',
      'zonder-id.csv row 2: error: the row has no instruments id (add a column "Instrument id" with each row\'s id)',
    ]);
  });

  it('a new entry without a required field names the missing column; a dangling reference names its cell', async () => {
    const instruments = await workbook({ Instrumenten: [['Instrument-id', 'Instrument', 'Soort'], ['ct-i8', 'Nieuw instrument', 'overig']] });
    const [missing] = await problemsOf(file('instrumenten.xlsx', instruments));
    expect(formatSheetProblem(missing!)).toBe('instrumenten.xlsx [Instrumenten] row 2: error: "ct-i8": a new instrument needs objective id, and the table has no such column (add a column "Doelstelling-id" or "Objective id", or map one in a mapping file)');
    const dangling = await workbook({ Instrumenten: [['Instrument-id', 'Instrument', 'Doelstelling-id'], ['ct-i8', 'Nieuw', 'ct-99']] });
    const [p] = await problemsOf(file('instrumenten.xlsx', dangling));
    expect(p).toMatchObject({ file: 'instrumenten.xlsx', sheet: 'Instrumenten', row: 2, column: 'C (Doelstelling-id)', value: 'ct-i8' });
    expect(p!.message).toMatch(/ct-99/);
  });

  it('an unknown word in a value column, and a header the import does not know', async () => {
    const bad = await workbook({ Instrumenten: [['Instrument-id', 'Instrument', 'Doelstelling-id', 'Realisatie'], ['ct-i1', 'X', 'ct-1', 'misschien']], Blad2: [['Foo', 'Bar'], [1, 2]] });
    const problems = await problemsOf(file('x.xlsx', bad), file('notes.csv', 'Foo;Bar\n1;2\n'));
    expect(problems.map(formatSheetProblem)).toEqual([
      expect.stringMatching(/^x\.xlsx \[Instrumenten\] row 2 column D \(Realisatie\): error: "misschien": is not a known realisation \(use one of: realised \(gerealiseerd\), partly/),
      expect.stringMatching(/^notes\.csv: error: is not a table polev recognises/),
    ]);
    // Blad2 is another sheet of a workbook with a table: reported, not a problem.
    const fine = await workbook({ Instrumenten: [['Instrument-id', 'Realisatie'], ['ct-i1', 'gerealiseerd']], Blad2: [['Foo', 'Bar'], [1, 2]] });
    const r = await importSheets([file('x.xlsx', fine)], { review: miniReview() });
    expect(r.ok && r.notices.map((n) => `${n.at.sheet}: ${n.message}`)).toEqual(['Blad2: not imported: its headers name no table polev reads']);
  });

  it('a CSV that ends inside a quote, and an empty file', async () => {
    const problems = await problemsOf(file('open.csv', 'Instrument-id;Instrument;Doelstelling-id\nct-i8;"Nieuw;ct-1\n'));
    expect(problems.map((p) => p.message)).toContain('ends inside a quoted field: a closing " is missing');
    const r = await importSheets([file('leeg.csv', '')], { review: miniReview() });
    expect(r.ok && r.notices.map((n) => n.message)).toEqual(['is empty: nothing imported from it']);
  });
});
