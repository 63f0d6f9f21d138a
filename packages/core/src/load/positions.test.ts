// Problems are located from the parser's events: these pin line:column for syntax errors, duplicate
// keys, anchors and aliases, and problems of a JSON text read through JSON.parse.
import { readFileSync } from 'node:fs';
import { dump, load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { parseReview } from './parse.js';

const mini = readFileSync(new URL('../__fixtures__/mini.yaml', import.meta.url), 'utf8');

/** 1-based line and column of the first occurrence of `needle` (plus `skip` characters into it). */
function at(text: string, needle: string, skip = 0): { line: number; column: number } {
  const offset = text.indexOf(needle);
  if (offset < 0) throw new Error(`no ${needle}`);
  const before = text.slice(0, offset + skip).split('\n');
  return { line: before.length, column: before.at(-1)!.length + 1 };
}

describe('parseReview: positions', () => {
  it('locates a syntax error at its line and column', () => {
    const text = 'schemaVersion: 1\ntitle: [unclosed\nid: x\n';
    const r = parseReview(text, { file: 's.yaml' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toEqual([expect.objectContaining({ file: 's.yaml', code: 'syntax', line: 3, column: 1 })]);
  });

  it('locates a duplicate key at the key', () => {
    const text = mini.replace('title: A small review', 'title: A small review\ntitle: Again');
    const r = parseReview(text, { file: 'd.yaml' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toEqual([expect.objectContaining({ code: 'syntax', ...at(text, 'title: Again'), message: expect.stringContaining('unique') })]);
  });

  it('locates schema problems in a file with anchors and aliases, the alias itself included', () => {
    const text = mini
      .replace('ministry: { name: Ministry of Examples, abbreviation: MinEx }', 'ministry: &m { name: Ministry of Examples, abbreviation: MinEx }\nextra: *m')
      .replace('kind: financial', 'kind: cash');
    const r = parseReview(text, { file: 'a.yaml' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => ({ path: p.path, line: p.line, column: p.column }))).toEqual([
      { path: 'extra', ...at(text, 'extra: *m') },
      { path: 'instruments[0].kind', ...at(text, 'kind: cash', 'kind: '.length) },
    ]);
  });

  it('locates schema and reference problems of an anchor-free file, found first by the fast path', () => {
    const text = mini.replace('kind: financial', 'kind: cash').replace('source: s1', 'source: s9');
    const r = parseReview(text, { file: 'm.yaml' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => [p.path, p.line, p.column])).toEqual([
      ['instruments[0].kind', at(text, 'kind: cash').line, at(text, 'kind: cash', 'kind: '.length).column],
      ['findings[0].sources[0].source', at(text, 'source: s9').line, at(text, 'source: s9', 'source: '.length).column],
    ]);
  });

  it('locates an empty value at its key, whichever reader reads the file', () => {
    // The fixture's flow mappings send it to js-yaml; the same review dumped as block YAML is block.ts's.
    const blockYaml = dump(load(mini), { lineWidth: -1 }).replace(/^title: .*$/m, 'title:');
    for (const text of [mini.replace('title: A small review', 'title:'), blockYaml]) {
      const r = parseReview(text, { file: 'e.yaml' });
      expect(r.ok).toBe(false);
      if (r.ok) continue;
      expect(r.problems.find((p) => p.path === 'title')).toMatchObject({ message: 'expected text, got null', ...at(text, 'title:') });
    }
  });

  it('locates a plain key the schema resolves (~ is the key "null")', () => {
    const text = mini.replace('title: A small review', 'title: A small review\n~: x');
    const r = parseReview(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.find((p) => p.path === 'null')).toMatchObject({ message: 'unknown field "null"', ...at(text, '~: x') });
  });
});
