// Hostile and malformed inputs: each gives located problems, never a throw, a stall or a blow-up.
import { readFileSync } from 'node:fs';
import { dump, load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { parseReview, type ParseResult } from './parse.js';
import type { Problem } from './problem.js';
import { LIMITS } from './read.js';

const mini = readFileSync(new URL('../__fixtures__/mini.yaml', import.meta.url), 'utf8');

function problems(r: ParseResult): Problem[] {
  expect(r.ok).toBe(false);
  return r.ok ? [] : r.problems;
}

describe('parseReview: bounded loading', () => {
  it.each([
    ['block sequences', '- '.repeat(10_000) + 'x\n'],
    ['flow sequences', 'extra: ' + '['.repeat(10_000) + ']'.repeat(10_000) + '\n'],
    ['unclosed flow sequences', '['.repeat(20_000)],
    ['flow mappings', '{a: '.repeat(5_000) + '1' + '}'.repeat(5_000)],
    ['indented mappings', Array.from({ length: 300 }, (_, i) => `${' '.repeat(i)}a:`).join('\n') + ' x\n'],
    ['JSON arrays', '['.repeat(10_000) + ']'.repeat(10_000)],
  ])('refuses deeply nested %s with one located problem', (_, text) => {
    const [p, ...rest] = problems(parseReview(text, { file: 'deep.yaml' }));
    expect(rest).toEqual([]);
    expect(p).toMatchObject({ file: 'deep.yaml', code: 'limit', severity: 'error', message: expect.stringContaining(`more than ${LIMITS.depth} levels`) });
    expect(p!.line).toBeGreaterThan(0);
    expect(p!.message).not.toMatch(/call stack/i);
  });

  it('reads nesting up to the limit, as JSON and as YAML alike', () => {
    const nested = (levels: number) => `{"notes": ${'['.repeat(levels - 1)}${']'.repeat(levels - 1)}}`;
    for (const text of [nested(LIMITS.depth - 1), `# as YAML\n${nested(LIMITS.depth - 1)}`]) {
      expect(problems(parseReview(text)).map((p) => p.code)).not.toContain('limit');
    }
    for (const text of [nested(LIMITS.depth), `# as YAML\n${nested(LIMITS.depth)}`]) {
      expect(problems(parseReview(text)).map((p) => p.code)).toEqual(['limit']);
    }
  });

  it('refuses an alias that contains itself, at the alias', () => {
    for (const text of ['a: &a [*a]\n', 'a: &a {b: *a}\n', `${mini}extra: &x [1, *x]\n`]) {
      const [p, ...rest] = problems(parseReview(text));
      expect(rest).toEqual([]);
      expect(p).toMatchObject({ code: 'limit', message: expect.stringContaining('*') });
      expect(p!.line).toBe(text.split('\n').findIndex((l) => l.includes('*')) + 1);
    }
  });

  it('bounds what many aliases of a bad list cost: problems capped, not multiplied without end', () => {
    const bad = `bad: &bad [${Array.from({ length: 200 }, () => '{ x: 1 }').join(', ')}]\n`;
    const text = `${bad}instruments: [${Array.from({ length: 400 }, () => '*bad').join(', ')}]\n`;
    const ps = problems(parseReview(text));
    expect(ps.length).toBeLessThanOrEqual(LIMITS.problems + 1);
  });

  it('lists at most the first problems of a file with 120,000, and counts the rest', () => {
    const items = Array.from({ length: 120_000 }, (_, i) => `- x${i}`).join('\n');
    const r = parseReview(`instruments:\n${items}\n`, { file: 'many.yaml' });
    const ps = problems(r);
    expect(ps).toHaveLength(LIMITS.problems + 1);
    // The counts are of every problem, listed or not; the entry that counts the rest is none.
    expect(r.counts).toEqual({ errors: expect.any(Number), warnings: 0, listed: LIMITS.problems });
    expect(ps.at(-1)!.message).toContain(`${r.counts.errors.toLocaleString('en-GB')} in all`);
    expect(ps.at(-1)).toMatchObject({ code: 'limit', severity: 'error', message: expect.stringMatching(/^1(19|20),\d{3} more problems not listed/) });
    expect(problems(parseReview(`instruments:\n${items.slice(0, 20_000)}\n`, { maxProblems: 10 }))).toHaveLength(11);
  }, 120_000);

  it('refuses texts and ids beyond their length, at their place', () => {
    const long = 'x'.repeat(LIMITS.textLength + 1);
    // The fixture (flow mappings: js-yaml's) and the same review as block YAML (block.ts's), a
    // text and a key each just beyond the bound, and a text just within it.
    const block = dump(load(mini), { lineWidth: -1 });
    for (const source of [mini, block]) {
      const text = source.replace('title: A small review', `title: ${long}`);
      const [p] = problems(parseReview(text));
      expect(p).toMatchObject({ code: 'limit', path: 'title', line: text.split('\n').findIndex((l) => l.startsWith('title:')) + 1 });
      expect(p!.message.length).toBeLessThan(200);
      const key = problems(parseReview(source.replace('title: A small review', `title: A small review\n${long}: x`)));
      expect(key.map((q) => [q.code, q.message.slice(0, 14)])).toEqual([['limit', 'the key "xxxxx'], ['schema', 'unknown field ']]);
      expect(parseReview(source.replace('title: A small review', `title: ${long.slice(1)}`)).ok).toBe(true);
    }

    const id = 'a'.repeat(5000);
    const ids = problems(parseReview(mini.replace('id: s1', `id: ${id}`).replace('source: s1', `source: ${id}`)));
    expect(ids.map((q) => q.code)).toEqual(['limit']);
    expect(ids[0]!.message).toMatch(/is longer than 200 characters/);
  });

  it('gives "did you mean" for long ids and many near misses without stalling (once, bounded)', () => {
    // 10,000 characters and 40 near-miss references took 164 s with full edit distances, twice.
    const id = 'a'.repeat(10_000);
    let text = mini.replace('id: s1', `id: ${id}`);
    const near = Array.from({ length: 40 }, (_, i) => `${id.slice(0, id.length - 1 - (i % 5))}b`);
    text += `recommendations:\n${near.map((r, i) => `  - { id: r${i}, text: x, addresses: [${r}] }`).join('\n')}\n`;
    const started = performance.now();
    const ps = problems(parseReview(text));
    expect(performance.now() - started).toBeLessThan(15_000);
    expect(ps.filter((p) => p.code === 'dangling-reference')).toHaveLength(41);
    for (const p of ps) expect(p.message.length).toBeLessThan(300);
  });

  it('stays linear in long parent chains and in files with only CR line ends', () => {
    // Each objective's chain was walked to its root: quadratic, minutes for 60,000 objectives.
    const chain = Array.from({ length: 60_000 }, (_, i) => `    - { id: c${i}, domain: d1, text: x${i > 0 ? `, parent: c${i - 1}` : ''} }`).join('\n');
    const text = mini.replace('  objectives:\n', `  objectives:\n${chain}\n`);
    expect(text).not.toBe(mini);
    const started = performance.now();
    parseReview(text);
    // A CR-only file of 200,000 lines with a problem on its last line: the line index is linear.
    const cr = `${'# comment\r'.repeat(200_000)}schemaVersion: x\r`;
    const [p] = problems(parseReview(cr));
    expect(p).toMatchObject({ line: 200_001 });
    expect(performance.now() - started).toBeLessThan(40_000);
  }, 120_000);
});

describe('parseReview: messages', () => {
  const ofAmount = (value: string) => problems(parseReview(mini.replace('amount: 1200', `amount: ${value}`))).map((p) => p.message);

  it('names infinite and not-a-number values as such, in YAML and JSON', () => {
    for (const v of ['1e309', '.inf', '-1e309', '-.inf']) expect(ofAmount(v)).toEqual([expect.stringMatching(/got (minus )?infinity/)]);
    expect(ofAmount('.nan')).toEqual([expect.stringContaining('not a number')]);
    const json = JSON.stringify({ schemaVersion: 1, budgetLines: [{ expenditures: [{ amount: 1 }] }] }).replace('"amount":1', '"amount":1e309');
    expect(problems(parseReview(json)).find((p) => p.path.endsWith('amount'))?.message).toMatch(/got infinity/);
    for (const ps of [ofAmount('1e309'), ofAmount('.nan')]) for (const m of ps) expect(m).not.toMatch(/null|undefined|NaN/);
  });

  it('locates an unresolved alias at its line, as a reference to no anchor', () => {
    const text = mini.replace('title: A small review', 'title: *nowhere');
    const [p, ...rest] = problems(parseReview(text));
    expect(rest).toEqual([]);
    expect(p).toMatchObject({ code: 'syntax', line: text.split('\n').findIndex((l) => l.includes('*nowhere')) + 1, message: 'the alias *nowhere refers to no anchor &nowhere before it' });
  });

  it('never says "undefined" or "NaN" for a missing or odd value', () => {
    const noDomain = mini.replace(/(\n\s+- id: o1a\n)\s+domain: d1\n/, '$1');
    expect(noDomain).not.toBe(mini);
    const odd = noDomain.replace('{ question: 1,', '{ question: .nan,');
    expect(odd).not.toBe(noDomain);
    const ps = problems(parseReview(odd));
    expect(ps.map((p) => p.code)).not.toContain('syntax');
    expect(ps.map((p) => p.path)).toEqual(expect.arrayContaining(['policyTree.objectives[1].domain', 'rpeAnswers[0].question']));
    for (const p of ps) expect(`${p.message} ${p.hint ?? ''}`).not.toMatch(/undefined|NaN/);
  });

  it('reports a key named like an Object member as unknown, and leaves Object.prototype alone', () => {
    for (const key of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      const ps = problems(parseReview(mini.replace('ministry:', `${key}: { polluted: true }\nministry:`)));
      expect(ps.map((p) => p.path)).toEqual([key === '__proto__' ? '__proto__' : key]);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
