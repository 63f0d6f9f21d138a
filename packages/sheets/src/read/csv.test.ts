import { describe, expect, it } from 'vitest';
import { readCsv } from './csv.js';

describe('readCsv', () => {
  it('reads ; with a BOM, CRLF, quotes with doubled quotes and line breaks, and empty fields as empty', () => {
    const g = readCsv('\uFEFFNaam;Bedrag;Opmerking\r\n"BDUR; lumpsum";1.234,5;"zei ""ja""\nen nee"\r\n;;\r\n', 'x.csv');
    expect(g.rows).toEqual([
      ['Naam', 'Bedrag', 'Opmerking'],
      ['BDUR; lumpsum', '1.234,5', 'zei "ja"\nen nee'],
      [null, null, null],
    ]);
    expect(g.unterminatedQuote).toBe(false);
  });

  it('takes , when the header has more commas than semicolons, and tells an unterminated quote', () => {
    const g = readCsv('a,b;c,d\n"open,1\n', 'x.csv');
    expect(g.rows[0]).toEqual(['a', 'b;c', 'd']);
    expect(g.unterminatedQuote).toBe(true);
  });
});
