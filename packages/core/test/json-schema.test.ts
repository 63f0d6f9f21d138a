import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { Review, reviewJsonSchema } from '../src/index.js';
import { brokenCopies } from './broken-copies.js';
import { examplePath, readFixture } from './helpers.js';

const committed = JSON.parse(readFileSync(fileURLToPath(new URL('../schema/review.schema.json', import.meta.url)), 'utf8'));
// enumDescriptions: the editors' keyword for what each enum value means (VS Code, YAML language server).
const ajv = new Ajv2020({ allErrors: true, strict: true }).addKeyword('enumDescriptions');
const validate = ajv.compile(committed);
const schemaFile = (path: string) => JSON.parse(readFileSync(fileURLToPath(new URL(`../schema/${path}`, import.meta.url)), 'utf8'));
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

  it('agrees with zod on the fixtures of version 2: sparse, RPE 2013', () => {
    for (const name of ['sparse.yaml', 'rpe-2013.yaml']) {
      const data = parse(readFixture(name));
      expect(validate(data), `${name}: ${JSON.stringify(validate.errors?.slice(0, 3))}`).toBe(true);
      expect(Review.safeParse(data).success).toBe(true);
    }
  });

  it('documents every field and every enum value, for hover and completion in an editor', () => {
    const missing: string[] = [];
    const walk = (node: unknown, key: string) => {
      if (!node || typeof node !== 'object') return;
      const n = node as Record<string, unknown>;
      if (Array.isArray(n.enum)) {
        const docs = n.enumDescriptions as unknown[] | undefined;
        n.enum.forEach((v, i) => {
          if (typeof docs?.[i] !== 'string' || !(docs[i] as string).trim()) missing.push(`${key} = ${JSON.stringify(v)}`);
        });
      }
      for (const [k, v] of Object.entries((n.properties ?? {}) as Record<string, Record<string, unknown>>)) {
        if (typeof v.description !== 'string' || v.description.trim().length < 8) missing.push(`${key}.${k}`);
        walk(v, `${key}.${k}`);
      }
      walk(n.items, `${key}[]`);
      walk(n.additionalProperties, `${key}{}`);
      walk(n.propertyNames, `${key}{key}`);
      for (const alt of ['anyOf', 'oneOf', 'allOf']) for (const x of (n[alt] as unknown[] | undefined) ?? []) walk(x, key);
    };
    for (const [name, def] of Object.entries(committed.$defs as Record<string, Record<string, unknown>>)) {
      if (typeof def.description !== 'string') missing.push(name);
      walk(def, name);
    }
    expect(missing).toEqual([]);
    // The Dutch terms are there for the people who write the files.
    const text = JSON.stringify(committed);
    for (const term of ['beleidsinstrument', 'taakveld', 'besparingsvariant', 'onafhankelijk deskundige', 'peildatum', 'begeleidingscommissie']) expect(text).toContain(term);
  });

  it('publishes each version at a stable path: v2 is the current one, v1 still validates version 1 files', () => {
    expect(schemaFile('v2/review.schema.json')).toEqual(committed);
    expect(committed.$id).toBe('https://polev.dev/schema/v2/review.schema.json');
    const v1 = schemaFile('v1/review.schema.json');
    expect(v1.$id).toBe('https://polev.dev/schema/v1/review.schema.json');
    const validateV1 = new Ajv2020({ allErrors: true, strict: true }).compile(v1);
    const oldFile = parse(readFixture('mini.v1.yaml'));
    expect(validateV1(oldFile), JSON.stringify(validateV1.errors?.slice(0, 3))).toBe(true);
    // Each schema refuses the other version's files.
    expect(validate(oldFile)).toBe(false);
    expect(validateV1(parse(readFixture('mini.yaml')))).toBe(false);
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
