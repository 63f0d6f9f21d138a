import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { mappingJsonSchema } from '../src/index.js';

describe('the JSON Schema of mapping files', () => {
  it('is the committed schema/mapping.schema.json', () => {
    const committed = JSON.parse(readFileSync(new URL('../schema/mapping.schema.json', import.meta.url), 'utf8'));
    expect(committed).toEqual(mappingJsonSchema());
  });

  it('accepts a mapping and refuses a misspelt one, as editors will', () => {
    const validate = new Ajv2020({ strict: false }).compile(mappingJsonSchema());
    expect(validate({ tables: [{ file: 'uitgaven-*.csv', table: 'expenditure', columns: { name: 'Omschrijving', amount: ['Bedrag', 'Realisatie'] }, defaults: { kind: 'programme' } }] })).toBe(true);
    expect(validate({ tables: [{ table: 'expenses' }] })).toBe(false);
    expect(validate({ tables: [{ table: 'sources', colums: {} }] })).toBe(false);
  });
});
