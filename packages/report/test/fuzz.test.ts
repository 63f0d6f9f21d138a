// Seeded, bounded fuzzing of the whole pipeline: load, analyze (both languages), and every
// renderer for both audiences. No input may make anything throw, no output may carry Infinity,
// NaN or "undefined", every .docx part must be well-formed XML, and Object.prototype must stay
// untouched. The suite runs a few hundred inputs of a fixed seed; `pnpm fuzz [runs] [seed]` runs
// the same generator for longer (POLEV_FUZZ_RUNS, POLEV_FUZZ_SEED) and writes what fails to
// packages/report/test-output/fuzz/.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, parseReview, type Review } from '@polev/core';
import { strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { renderReport } from '../src/index.js';
import { fuzzInputs } from './fuzz.js';
import { OUTPUT_DIR, unzipDocx } from './helpers.js';
import { xmlFault } from './xml.js';

const RUNS = Number(process.env.POLEV_FUZZ_RUNS ?? 240);
const SEED = Number(process.env.POLEV_FUZZ_SEED ?? 20261201);
/** Renderers are slow next to the loader: every so many valid inputs is rendered in each format. */
const RENDER_EVERY = Number(process.env.POLEV_FUZZ_RENDER_EVERY ?? 10);
const DOCX_EVERY = RENDER_EVERY * 6;
// A 1×1 PNG: the figures' PNG fallback is rasterised for real in the report's own tests.
const PNG = Uint8Array.from(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64'));

/** The first non-finite number, or string saying "undefined", "NaN" or "Infinity", in a value. */
function badValue(value: unknown, path = ''): string | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? undefined : `${path} is ${value}`;
  if (typeof value === 'string') return BAD_WORDS.test(value) ? `${path} says ${JSON.stringify(value.slice(0, 120))}` : undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const bad = badValue(value[i], `${path}[${i}]`);
      if (bad) return bad;
    }
    return undefined;
  }
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const bad = badValue(v, `${path}.${k}`);
      if (bad) return bad;
    }
  }
  return undefined;
}
const BAD_WORDS = /\bundefined\b|\bNaN\b|\bInfinity\b/;

/** Words the generator never writes into a file, so they can only come from polev. */
function badText(text: string): string | undefined {
  const m = BAD_WORDS.exec(text);
  return m ? `says ${JSON.stringify(text.slice(Math.max(0, m.index - 60), m.index + 40))}` : undefined;
}

describe(`fuzzing load, analyze and the renderers (${RUNS} inputs, seed ${SEED})`, () => {
  it('never throws, never shows Infinity, NaN or undefined, writes well-formed .docx, leaves Object.prototype alone', async () => {
    const prototypeBefore = Object.getOwnPropertyNames(Object.prototype).sort().join();
    const failures: string[] = [];
    let valid = 0;
    let rendered = 0;
    let docx = 0;
    for (const input of fuzzInputs(SEED, RUNS)) {
      const fail = (what: string) => failures.push(`${input.recipe}: ${what}`);
      try {
        const r = parseReview(input.text, { file: 'fuzz.yaml' });
        const problems = r.ok ? r.warnings : r.problems;
        for (const p of problems) {
          const bad = badText(`${p.message} ${p.hint ?? ''}`) ?? (Number.isInteger(p.line) && Number.isInteger(p.column) ? undefined : `position ${p.line}:${p.column}`);
          if (bad) fail(`problem ${p.path}: ${bad}`);
        }
        if (!r.ok) continue;
        valid++;
        await pipeline(r.review, valid, fail);
        if (valid % RENDER_EVERY === 0) rendered++;
        if (valid % DOCX_EVERY === 0) docx++;
      } catch (err) {
        fail(`threw ${err instanceof Error ? `${err.name}: ${err.message}\n${err.stack}` : String(err)}`);
      }
      if (failures.length >= 10) break;
    }
    expect(Object.getOwnPropertyNames(Object.prototype).sort().join()).toBe(prototypeBefore);
    expect(({} as Record<string, unknown>).polluted ?? ({} as Record<string, unknown>).x).toBeUndefined();
    if (failures.length) {
      const dir = join(OUTPUT_DIR, 'fuzz');
      mkdirSync(dir, { recursive: true });
      const inputs = fuzzInputs(SEED, RUNS);
      failures.forEach((f, i) => {
        const n = Number(/^#(\d+)/.exec(f)?.[1]);
        if (inputs[n]) writeFileSync(join(dir, `failure-${SEED}-${i}.txt`), `${f}\n\n${inputs[n].text}`);
      });
    }
    expect(failures, `seed ${SEED}`).toEqual([]);
    // The generator must reach every stage, or the checks above prove little.
    expect(valid).toBeGreaterThan(RUNS / 5);
    expect(rendered).toBeGreaterThan(0);
    expect(docx).toBeGreaterThan(0);
    // Seconds on an idle machine; a shared one may be ten times slower.
  }, 300_000);
});

async function pipeline(review: Review, n: number, fail: (what: string) => void): Promise<void> {
  // Languages and audiences alternate over the inputs, so each meets every combination.
  const lang = n % 2 ? 'nl' : 'en';
  const audience = (n >> 1) % 2 ? 'public' : 'confidential';
  const a = analyze(review, { lang });
  const bad = badValue(a, 'assessment');
  if (bad) fail(`analyze (${lang}): ${bad}`);
  if (n % RENDER_EVERY !== 0) return;
  for (const format of ['md', 'html'] as const) {
    const out = (await renderReport(format, review, null, { lang, audience })) as string;
    const bad = badText(out.replace(/<script[\s\S]*?<\/script>/g, ''));
    if (bad) fail(`${format} (${lang}, ${audience}): ${bad}`);
  }
  if (n % DOCX_EVERY !== 0) return;
  const bytes = (await renderReport('docx', review, null, { lang, audience, rasterize: () => PNG })) as Uint8Array;
  for (const [name, data] of Object.entries(unzipDocx(bytes))) {
    if (!/\.(xml|rels|svg)$/.test(name)) continue;
    const text = strFromU8(data);
    const fault = xmlFault(text);
    if (fault) fail(`docx ${name}: ${fault}`);
    else if (name === 'word/document.xml') {
      const bad = badText(text);
      if (bad) fail(`docx ${name}: ${bad}`);
    }
  }
}
