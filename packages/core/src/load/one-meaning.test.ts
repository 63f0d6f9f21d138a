// One meaning of a file: the same review written as JSON (read by JSON.parse), as JSON the YAML
// parser reads (a comment line first), and as YAML with LF, CRLF or lone-CR line ends, a byte
// order mark or tabs after the colons, gives the same review or the same problems at the same
// places. Special numbers, duplicate keys and merge keys mean the same in every form.
import { readFileSync } from 'node:fs';
import { constructFromEvents, dump, load, parseEvents } from 'js-yaml';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { syntheticReview } from '../testing/index.js';
import { parseReview, type ParseResult } from './parse.js';
import { construct, GENERAL, LIMITS, SCHEMA } from './read.js';
import { readBlockYaml } from './block.js';
import { jsonNodes, locateInOrder, locatePaths } from './locate.js';
import { LineIndex } from '../util/lines.js';

const mini = readFileSync(new URL('../__fixtures__/mini.yaml', import.meta.url), 'utf8');

/** Where every offset of a text is, by the line starts a reader recorded, or by LineIndex's own. */
const positions = (text: string, starts?: Int32Array) => {
  const lines = new LineIndex(text, starts);
  return Array.from({ length: text.length + 1 }, (_, i) => lines.position(i));
};

/** What a result means: the review, or each problem's path, code, message and line. */
function meaning(r: ParseResult, lineShift = 0) {
  return r.ok ? { review: r.review } : { problems: r.problems.map((p) => ({ path: p.path, code: p.code, message: p.message, line: p.line > 0 ? p.line - lineShift : 0 })) };
}

/**
 * The forms of one data, in two layouts (JSON and YAML), each with how many lines it adds before
 * the content. Lines are compared within a layout, everything else across both.
 */
function forms(data: unknown): { name: string; layout: string; text: string; shift: number }[] {
  const json = JSON.stringify(data, null, 2);
  const yaml = stringify(data, { lineWidth: 0 });
  // Tabs as separation after a key, before a plain or quoted scalar (YAML 1.2 allows them there).
  const tabbed = yaml.replace(/^(\s*(?:- )?[A-Za-z]+):[ ](?=[^\s{[])/gm, '$1:\t');
  return [
    { name: 'JSON', layout: 'json', text: json, shift: 0 },
    { name: 'JSON read as YAML', layout: 'json', text: `# not JSON.parse\n${json}`, shift: 1 },
    { name: 'YAML', layout: 'yaml', text: yaml, shift: 0 },
    { name: 'YAML, CRLF', layout: 'yaml', text: yaml.replace(/\n/g, '\r\n'), shift: 0 },
    { name: 'YAML, lone CR', layout: 'yaml', text: yaml.replace(/\n/g, '\r'), shift: 0 },
    { name: 'YAML with a BOM', layout: 'yaml', text: `\uFEFF${yaml}`, shift: 0 },
    { name: 'YAML, tabs after colons', layout: 'yaml', text: tabbed, shift: 0 },
  ];
}

const withoutLines = (m: ReturnType<typeof meaning>) => ('problems' in m ? { problems: m.problems!.map(({ line: _, ...p }) => p) } : m);

/** Seeded variations of a review's data: valid ones and ones with problems of many kinds. */
function variants(seed: number): unknown[] {
  const base = seed === 0 ? (load(mini) as Record<string, unknown>) : (JSON.parse(JSON.stringify(syntheticReview({ instruments: 3 + (seed % 7), seed }))) as Record<string, unknown>);
  const copy = () => JSON.parse(JSON.stringify(base)) as Record<string, any>;
  const out: unknown[] = [base];
  let v = copy();
  v.instruments[0].objective = 'nowhere';
  out.push(v);
  v = copy();
  v.instruments[0].kind = 'cash';
  v.instruments[0].extra = { nested: [1, 'two', null] };
  out.push(v);
  v = copy();
  v.budgetLines[0].expenditures[0].amount = 'lots';
  v.period = { start: 2020, end: 2010 };
  out.push(v);
  v = copy();
  delete v.title;
  v['<<'] = { title: 'merged' };
  out.push(v);
  return out;
}

describe('one meaning of a review file', () => {
  it.each([0, 1, 2, 3, 4, 5])('gives the same result in every form (data set %i)', (seed) => {
    for (const data of variants(seed)) {
      const byLayout = new Map<string, ReturnType<typeof meaning>>();
      for (const f of forms(data)) {
        const m = meaning(parseReview(f.text), f.shift);
        const first = byLayout.get(f.layout);
        if (first) expect(m, f.name).toEqual(first);
        else byLayout.set(f.layout, m);
      }
      expect(withoutLines(byLayout.get('yaml')!)).toEqual(withoutLines(byLayout.get('json')!));
    }
  });

  // [YAML scalar, JSON number of the same meaning (or undefined where JSON has none)]
  it.each([
    ['1e309', '1e309'],
    ['-1e309', '-1e309'],
    ['.inf', '1e309'],
    ['-.Inf', '-1e309'],
    ['12345678901234567890', '12345678901234567890'],
    ['1e-400', '0'],
    ['-0', '0'],
    ['1.5e3', '1500'],
    ['0x1F', '31'],
    ['0o17', '15'],
    ['+12', '12'],
    ['1_000', '"1_000"'],
    ['.nan', undefined],
  ])('reads the number %s the same in block YAML, flow YAML and JSON', (yaml, json) => {
    const block = mini.replace('amount: 1200', `amount: ${yaml}`);
    const flow = mini.replace('{ year: 2021, amount: null }', `{ year: 2021, amount: ${yaml} }`).replace('amount: 1200', 'amount: null');
    expect(block).not.toBe(mini);
    expect(flow).not.toBe(mini);
    const m = (text: string) => {
      const r = parseReview(text);
      // Sorted: the two YAML texts put the value in different rows.
      return r.ok ? r.review.budgetLines[0]!.expenditures.map((e) => String(e.amount)).sort() : r.problems.map((p) => `${p.path}: ${p.message}`);
    };
    const b = m(block);
    expect(JSON.stringify(m(flow)).replace('expenditures[1]', 'expenditures[0]')).toBe(JSON.stringify(b).replace('expenditures[1]', 'expenditures[0]'));
    if (json !== undefined) {
      const data = load(mini) as { budgetLines: { expenditures: { amount: unknown }[] }[] };
      data.budgetLines[0]!.expenditures[0]!.amount = '@@';
      const text = JSON.stringify(data, null, 2).replace('"@@"', json);
      expect(m(text)).toEqual(b);
      expect(m(`# via YAML\n${text}`)).toEqual(b);
    }
  });

  it('refuses a duplicate key the same way in JSON and YAML, at the second key', () => {
    const data = load(mini) as Record<string, unknown>;
    const json = JSON.stringify(data, null, 2).replace('"title": ', '"title": "first",\n  "title": ');
    const yaml = stringify(data, { lineWidth: 0 }).replace(/^title: /m, 'title: first\ntitle: ');
    for (const text of [json, yaml, yaml.replace(/\n/g, '\r')]) {
      const r = parseReview(text);
      expect(meaning(r)).toEqual({ problems: [{ path: '', code: 'syntax', message: expect.stringContaining('given twice'), line: text.startsWith('{') ? 5 : 4 }] });
    }
  });

  it('treats merge keys as the plain key "<<" (YAML 1.2 has none), in YAML and JSON', () => {
    const yaml = mini.replace('ministry: { name: Ministry of Examples, abbreviation: MinEx }', 'base: &m { name: Ministry of Examples, abbreviation: MinEx }\nministry:\n  <<: *m');
    const r = parseReview(yaml);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.find((p) => p.path === 'ministry["<<"]')).toMatchObject({ message: 'unknown field "<<"', hint: expect.stringContaining('merge keys') });
    const json = JSON.stringify({ ...(load(mini) as object), ministry: { '<<': { name: 'x' } } });
    const j = parseReview(json);
    expect(j.ok).toBe(false);
    if (!j.ok) expect(j.problems.map((p) => p.message)).toContain('unknown field "<<"');
  });

  it('locates problems on the right line whatever the line ends', () => {
    const text = mini.replace('kind: financial', 'kind: cash');
    const line = text.split('\n').findIndex((l) => l.includes('kind: cash')) + 1;
    for (const t of [text, text.replace(/\n/g, '\r\n'), text.replace(/\n/g, '\r'), `\uFEFF${text}`]) {
      const r = parseReview(t);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.problems.map((p) => [p.path, p.line, p.column])).toEqual([['instruments[0].kind', line, 11]]);
    }
  });
});

describe('the fast constructor of plain files', () => {
  // Built from the same events as js-yaml's constructFromEvents, it must give the same data, or
  // hand the file over (GENERAL).
  const texts = [
    mini,
    mini.replace(/\n/g, '\r'),
    stringify(syntheticReview({ instruments: 12, seed: 3 }), { lineWidth: 0 }),
    'a: &x {b: [1, 2.5, -0, 0x1F, 0o17, 1e309, .inf, -.inf, .nan, ~, null, Null, true, False, "q", \'s\', 1_000]}\nc: *x\nd: [*x, *x]\n',
    '1: one\n~: tilde\ntrue: yes\n1.5: x\n"__proto__": {polluted: 1}\nconstructor: 2\n',
    'lit: |\n  line one\n  line two\nfold: >-\n  folded\n  text\nkeep: |+\n  kept\n\nplain: a b\n  c\n',
    'a: &a [*a]\n',
    '---\n',
    '',
    '- x\n- [y, {z: w}]\n- {}\n- []\n- ? k\n  : v\n',
  ];
  it.each(texts.map((t, i) => [i, t]))('agrees with constructFromEvents (text %i)', (_, text) => {
    const events = parseEvents(text, { maxDepth: LIMITS.depth });
    const fast = construct(events, text);
    const general = constructFromEvents(events, { source: text, schema: SCHEMA });
    expect(fast).not.toBe(GENERAL);
    if (fast === GENERAL) return;
    // Compared as JSON with the numbers JSON has no form for spelled out (and cycles apart).
    const spelled = (x: unknown) => JSON.stringify(x, (_, v) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v));
    if (text.includes('*a]')) expect((fast[0] as { a: unknown[] }).a[0]).toBe((fast[0] as { a: unknown }).a);
    else expect(spelled(fast)).toBe(spelled(general));
    if (text.includes('*x')) expect((fast[0] as Record<string, unknown>).c).toBe((fast[0] as Record<string, unknown>).a);
    if (text.includes('__proto__')) expect(Object.getPrototypeOf(fast[0])).toBe(Object.prototype);
  });

  it('hands over what it does not build: tags, complex keys, several documents, unknown aliases, duplicate keys', () => {
    for (const text of ['a: !!str 1\n', '? [a]\n: 1\n', 'a: 1\n---\nb: 2\n', 'a: 1\na: 2\n', '*x : 1\n', 'a: !!seq []\n']) {
      expect(construct(parseEvents(text, { maxDepth: LIMITS.depth }), text), text).toBe(GENERAL);
    }
  });
});

describe('the block reader (block.ts)', () => {
  type Path = (string | number)[];
  /** Every path of the data, each at its value and (for a mapping's entry) at its key. */
  const pathsOf = (data: unknown): { path: Path; atKey?: boolean }[] => {
    const out: { path: Path; atKey?: boolean }[] = [];
    const walk = (v: unknown, path: Path) => {
      out.push({ path });
      if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, i]));
      else if (typeof v === 'object' && v !== null)
        for (const k of Object.keys(v)) {
          out.push({ path: [...path, k], atKey: true });
          walk((v as Record<string, unknown>)[k], [...path, k]);
        }
    };
    walk(data, []);
    return out;
  };
  const spelled = (x: unknown) => JSON.stringify(x, (_, v) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v));

  /** Reads `text` with both readers: the block reader's data and offsets must be js-yaml's, or it hands the text over. */
  function agree(text: string): 'read' | 'handed over' {
    const block = readBlockYaml(text);
    if (!block) return 'handed over';
    let events: ReturnType<typeof parseEvents>;
    let general: unknown[];
    try {
      events = parseEvents(text, { maxDepth: LIMITS.depth });
      general = constructFromEvents(events, { source: text, schema: SCHEMA });
    } catch (err) {
      throw new Error(`the block reader accepted what js-yaml refuses (${String(err)}):\n${text}`);
    }
    expect(general, text).toHaveLength(1);
    expect(spelled(block.data), text).toBe(spelled(general[0]));
    expect(Object.getPrototypeOf(block.data)).toBe(Object.getPrototypeOf(general[0]));
    const paths = pathsOf(block.data);
    expect(locateInOrder(block.data, block.nodes, paths), text).toEqual(locatePaths(events, text, paths));
    expect(positions(text, block.nodes.lineStarts), text).toEqual(positions(text));
    return 'read';
  }

  const generated = [
    dump(syntheticReview({ instruments: 15, seed: 4 }), { lineWidth: -1 }),
    stringify(syntheticReview({ instruments: 9, seed: 8 }), { lineWidth: 0 }),
    dump(load(mini), { lineWidth: -1 }),
    stringify(load(readFileSync(new URL('../__fixtures__/sparse.yaml', import.meta.url), 'utf8')), { lineWidth: 0 }),
  ];

  it('reads the block YAML dumpers write, as js-yaml reads it', () => {
    for (const text of generated) {
      expect(agree(text)).toBe('read');
      expect(agree(`---\n# a comment\n${text.replace(/\n/g, '\r\n')}`)).toBe('read');
    }
  });

  it.each([
    ['scalars of every kind', 'a: 1\nb: -2.5\nc: 0x1F\nd: 1e309\ne: -.inf\nf: .nan\ng: ~\nh: null\ni: True\nj: "q: #x"\nk: \'it\'\'s\'\nl: "esc \\" \\\\ \\n \\t \\u00e9 \\x41"\nm: a:b\nn: a#b\no: -x\np: ?y\nq: :z\nr: http://x.y/z\ns: FALSE\nt: False\nu: NULL\nv: Null\nw: TRUE\nx: falsehood\ny: Finding 12\nz: nullable\naa: ~x\nab: f12\nac: true1\n'],
    ['comments and blank lines', '# top\na: 1 # after\n\n   # indented\nb:\n  # inside\n  c: x   \n'],
    ['empty values and collections', 'a:\nb: []\nc: {}\nd:\n  -\n  - x\n  - []\ne: [] # c\n'],
    ['sequences at the column of their key', 'a:\n- 1\n- b: 2\n  c:\n  - 3\n  d: 4\ne: 5\n'],
    ['compact mappings in sequences', '- a: 1\n  b:\n    - x\n-   c: 2\n    d: 3\n'],
    ['keys the schema resolves', 'true: 1\n~: 2\n"quoted key": 3\n\'single\': 4\n1.5: 5\n__proto__: {}\nconstructor: 6\nkey with spaces : 7\n'],
    ['four-space indentation', 'a:\n    b:\n        - 1\n        - 2\n    c: 3\n'],
  ])('reads %s as js-yaml reads them', (_, text) => {
    expect(agree(text)).toBe('read');
  });

  it.each([
    ['flow collections', 'a: [1, 2]\n'],
    ['block scalars', 'a: |\n  x\n'],
    ['multi-line plain scalars', 'a: x\n  y\n'],
    ['multi-line quoted scalars', 'a: "x\n  y"\n'],
    ['anchors and aliases', 'a: &x 1\nb: *x\n'],
    ['tags', 'a: !!str 1\n'],
    ['tabs', 'a:\t1\n'],
    ['lone CRs', 'a: 1\rb: 2\r'],
    ['duplicate keys', 'a: 1\na: 2\n'],
    ['whole-number keys', '2020: x\n'],
    ['a second document', 'a: 1\n---\nb: 2\n'],
    ['bad indentation', 'a:\n    b: 1\n  c: 2\n'],
    ['a value and a mapping on one line', 'a: b: c\n'],
    ['a sequence after a scalar', 'a: 1\n- b\n'],
    ['unknown escapes', 'a: "\\q"\n'],
    ['C1 and non-characters', 'a: "\x85"\nb: "\uFFFE"\n'],
  ])('hands %s over to js-yaml', (_, text) => {
    expect(agree(text)).toBe('handed over');
  });

  it('never reads a mutated file differently from js-yaml (seeded)', () => {
    let seed = 7;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648) % n);
    const pieces = [' ', '  ', ':', ': ', ' #', '#', '-', '- ', '"', "'", '\\', '\n', '\r\n', '[]', '{}', '~', '1', '.inf', 'x', '---', '? ', '&a ', '*a', '!', '|', '>'];
    const base = dump(syntheticReview({ instruments: 3, seed: 2 }), { lineWidth: -1 }).slice(0, 1500);
    let read = 0;
    for (let i = 0; i < 600; i++) {
      let text = base;
      for (let k = 1 + rand(3); k > 0; k--) {
        const at = rand(text.length);
        const cut = rand(4);
        text = text.slice(0, at) + (rand(3) === 0 ? '' : pieces[rand(pieces.length)]) + text.slice(at + cut);
      }
      if (agree(text) === 'read') read++;
    }
    // Most mutations leave a file the reader reads: the property is not tested on hand-overs alone.
    expect(read).toBeGreaterThan(150);
  });
});

describe('the JSON scan (jsonNodes)', () => {
  const keysOf = (v: unknown): number =>
    Array.isArray(v) ? v.reduce((n: number, x) => n + keysOf(x), 0) : typeof v === 'object' && v !== null ? Object.entries(v).reduce((n, [, x]) => n + 1 + keysOf(x), 0) : 0;
  const data = { a: 'x: "y"', 'b\\': ['c\\"', 1.5e3, true, null, { ':': '\\\\', '': [] }], 'd"e': { f: -0.25, g: {} } };
  const layouts = [JSON.stringify(data), JSON.stringify(data, null, 2), JSON.stringify(data, null, '\t').replace(/\n/g, '\r\n'), JSON.stringify(data, null, 1).replace(/": /g, '" \n : ').replace(/\n/g, '\r')];

  it.each(layouts.map((t, i) => [i, t]))('counts the keys, and gives the nodes and lines js-yaml gives (layout %i)', (_, text) => {
    const { nodes, keys } = jsonNodes(text);
    expect(keys).toBe(keysOf(JSON.parse(text)));
    const parsed = JSON.parse(text);
    const paths: { path: (string | number)[]; atKey?: boolean }[] = [{ path: [] }, { path: ['a'] }, { path: ['b\\', 1] }, { path: ['b\\', 4, ':'], atKey: true }, { path: ['b\\', 4, ''] }, { path: ['d"e', 'g'] }, { path: ['d"e', 'f'], atKey: true }];
    expect(locateInOrder(parsed, nodes, paths)).toEqual(locatePaths(parseEvents(text, { maxDepth: LIMITS.depth }), text, paths));
    expect(positions(text, nodes.lineStarts)).toEqual(positions(text));
  });

  it('counts a repeated key twice, so the reader hands the text to js-yaml', () => {
    expect(jsonNodes('{"a": 1, "b": {"a": 2, "a": 3}}').keys).toBe(4);
  });
});
