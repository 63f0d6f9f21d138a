import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { Review, reviewJsonSchema } from '../src/index.js';
import { brokenCopies } from './broken-copies.js';
import { examplePath, readFixture } from './helpers.js';

const committed = JSON.parse(readFileSync(fileURLToPath(new URL('../schema/review.schema.json', import.meta.url)), 'utf8'));
const ajv = new Ajv2020({ allErrors: true, strict: true });
const validate = ajv.compile(committed);
const example = readFileSync(examplePath, 'utf8');

describe('the published JSON Schema', () => {
  it('is the one generated from the zod model (fresh)', () => {
    expect(committed).toEqual(reviewJsonSchema());
  });

  it('accepts the bundled example and the fixtures, as zod does', () => {
    for (const text of [example, readFixture('mini.yaml')]) {
      const data = parse(text);
      expect(validate(data), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
      expect(Review.safeParse(data).success).toBe(true);
    }
  });

  it('agrees with zod on the broken copies', () => {
    for (const copy of brokenCopies(example)) {
      const data = parse(copy.text);
      const structural = copy.expected.some((e) => e.code === 'schema');
      // References and periods are checked by polev's loader, not by any schema; types are checked by both.
      expect(validate(data), copy.name).toBe(!structural);
      expect(Review.safeParse(data).success, copy.name).toBe(!structural);
      if (structural) {
        // ajv reports every failing branch of an anyOf (a nullable field) and the anyOf itself at
        // the parent: the deepest distinct paths are the problems.
        const all = [...new Set(validate.errors!.map((e) => e.instancePath))];
        const ajvPaths = all.filter((p) => !all.some((q) => q !== p && q.startsWith(`${p}/`))).sort();
        const zodPaths = Review.safeParse(data).error!.issues.map((i) => `/${i.path.join('/')}`).sort();
        expect(ajvPaths).toEqual(zodPaths);
      }
    }
  });

  it('agrees with zod on typos, enums and missing fields', () => {
    const base = parse(example);
    const variants = [
      { ...base, instruments: [{ ...base.instruments[0], objectve: 'x' }] },
      { ...base, rpeVersion: 2019 },
      { ...base, title: undefined },
      { ...base, instruments: [{ ...base.instruments[0], realisation: { status: 'done' } }] },
      { ...base, budgetLines: [{ ...base.budgetLines[0], expenditures: [{ year: 2013.5, amount: 1 }] }] },
    ].map((v) => JSON.parse(JSON.stringify(v)));
    for (const v of variants) {
      expect(validate(v)).toBe(false);
      expect(Review.safeParse(v).success).toBe(false);
    }
  });
});
