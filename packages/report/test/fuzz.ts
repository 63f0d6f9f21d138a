/**
 * The fuzz generator of `fuzz.test.ts` and `pnpm fuzz`: seeded mutations of the bundled example,
 * of the mini fixture and of generated reviews, at three levels.
 *
 * - text: cut, repeat or swap slices and lines; insert YAML indicators, anchors, aliases, tabs,
 *   lone CRs, a BOM, control, bidi and non-characters, lone surrogates, deep brackets;
 * - data, keeping the file valid (so analysis and every renderer see it): other enum values,
 *   unknown and extreme amounts, hostile text in free-text fields, items removed with what refers
 *   to them, items duplicated under new ids;
 * - data, breaking it: special numbers (1e309, .nan), wrong types, dangling and near-miss
 *   references, duplicate ids, `__proto__` and `constructor` keys, long texts.
 *
 * Each input is written as YAML or JSON. The same seed always gives the same inputs.
 */
import { readFileSync } from 'node:fs';
import { syntheticReview } from '@polev/core/testing';
import { parse, stringify } from 'yaml';
import { EXAMPLE_PATH, MINI_PATH } from './helpers.js';

export interface FuzzInput {
  /** How the input was made, to reproduce and understand a failure. */
  recipe: string;
  text: string;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Rnd = () => number;

function xorshift(seed: number): Rnd {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

const HOSTILE = ['\u001b[2J\u001b[31m', '\u009b0m', '\u202egnp.exe', '\u2066x\u2069', '\ufffe\uffff', '\ud800', '\udfff', '\u0000', '\u0007', '<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', '[x](javascript:alert(1))', '| pipe | `tick` *em* _u_ &amp; #', '\r\n', '\t', '€ ë 😀 𝌆', '%s %d {0}', '${process.exit()}'];
const TEXT_INSERTS = ['[', ']', '{', '}', ':', ': ', '- ', '&a ', '*a', '!!str ', '!x ', '|\n', '>\n', '? ', '#', '"', "'", '\t', '\r', '\n', '\uFEFF', '---\n', '...\n', '<<: *a\n', '\u0000', '\u001b', '\u202e', '\ufffe', '\ud800', '1e309', '.nan', '.inf', '0x1F', '-0', '~', 'null', 'true', '__proto__: ', 'constructor: '];
const SPECIALS: Json[] = [null, true, false, 0, -1, -0.5, 1e12, 1e12 + 1, -1e12 - 1, 2 ** 53 + 1, 1e-300, '', ' ', 'x'.repeat(300), [], {}, [null], '__proto__', 'constructor'];
const FREE_TEXT = new Set(['title', 'name', 'text', 'statement', 'description', 'reason', 'evidence', 'intent', 'goal', 'notes', 'author', 'location', 'outOfScopeReason', 'verdict', 'missing', 'centralQuestion', 'role', 'abbreviation']);

/** Every place in the data: its container, key and value. */
function places(data: Json): { parent: Json[] | { [key: string]: Json }; key: string | number; value: Json; path: string }[] {
  const out: ReturnType<typeof places> = [];
  const walk = (v: Json, path: string) => {
    if (Array.isArray(v)) v.forEach((x, i) => (out.push({ parent: v, key: i, value: x, path: `${path}[${i}]` }), walk(x, `${path}[${i}]`)));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) out.push({ parent: v, key: k, value: x, path: `${path}.${k}` }), walk(x, `${path}.${k}`);
  };
  walk(data, '');
  return out;
}

/** Values of the same field elsewhere in the data: plausible replacements (enum values, ids). */
function siblingsOf(data: Json, key: string | number): Json[] {
  return places(data)
    .filter((p) => p.key === key && (typeof p.value === 'string' || typeof p.value === 'number' || p.value === null))
    .map((p) => p.value);
}

export function fuzzInputs(seed: number, count: number): FuzzInput[] {
  const rnd = xorshift(seed);
  const int = (n: number) => Math.floor(rnd() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!;
  const example = readFileSync(EXAMPLE_PATH, 'utf8');
  const mini = readFileSync(MINI_PATH, 'utf8');
  const bases: { name: string; data: () => Json }[] = [
    { name: 'example', data: () => parse(example) as Json },
    { name: 'mini', data: () => parse(mini) as Json },
    ...[1, 2, 3].map((s) => ({ name: `synthetic-${s}`, data: () => JSON.parse(JSON.stringify(syntheticReview({ instruments: 4 + s * 4, seed: seed + s }))) as Json })),
  ];
  const parsedBases = bases.map((b) => ({ name: b.name, data: b.data() }));
  const clone = (x: Json): Json => JSON.parse(JSON.stringify(x)) as Json;

  const keepValid = (data: Json, steps: string[]) => {
    const ps = places(data);
    if (!ps.length) return;
    const p = pick(ps);
    switch (int(5)) {
      case 0: {
        // Another value this field has elsewhere (often another enum value or id).
        const sibs = siblingsOf(data, p.key);
        if (sibs.length) (p.parent as Record<string, Json>)[p.key as string] = pick(sibs);
        steps.push(`sibling value at ${p.path}`);
        break;
      }
      case 1:
        if (typeof p.value === 'string' && typeof p.key === 'string' && FREE_TEXT.has(p.key)) {
          (p.parent as Record<string, Json>)[p.key] = `${p.value}${pick(HOSTILE)}`;
          steps.push(`hostile text at ${p.path}`);
        }
        break;
      case 2:
        if (p.key === 'amount' || p.key === 'percent') {
          (p.parent as Record<string, Json>)[p.key] = pick([null, 0, 1e12, -1e12, 0.001, 123456.789]);
          steps.push(`amount at ${p.path}`);
        }
        break;
      case 3:
        // An item removed from a list (references to it may dangle: then the input is invalid).
        if (Array.isArray(p.value) && p.value.length) {
          p.value.splice(int(p.value.length), 1);
          steps.push(`item removed from ${p.path}`);
        }
        break;
      default:
        if (Array.isArray(p.value) && p.value.length) {
          const item = clone(pick(p.value));
          if (item && typeof item === 'object' && !Array.isArray(item) && typeof item.id === 'string') item.id = `${item.id}-copy${int(1000)}`;
          p.value.push(item);
          steps.push(`item copied in ${p.path}`);
        }
    }
  };
  const breakIt = (data: Json, steps: string[]) => {
    const ps = places(data);
    if (!ps.length) return;
    const p = pick(ps);
    const parent = p.parent as Record<string, Json>;
    switch (int(4)) {
      case 0:
        parent[p.key as string] = pick(SPECIALS);
        steps.push(`special value at ${p.path}`);
        break;
      case 1:
        if (!Array.isArray(p.parent)) {
          delete parent[p.key as string];
          steps.push(`deleted ${p.path}`);
        }
        break;
      case 2:
        if (typeof p.value === 'string') {
          parent[p.key as string] = `${p.value.slice(0, -1)}${pick(['x', '', '-', '9'])}`;
          steps.push(`near miss at ${p.path}`);
        }
        break;
      default:
        if (p.value && typeof p.value === 'object' && !Array.isArray(p.value)) {
          p.value[pick(['__proto__', 'constructor', 'toString', 'unknownField', 'x'.repeat(80)])] = pick(SPECIALS);
          steps.push(`odd key in ${p.path}`);
        }
    }
  };
  const write = (data: Json, steps: string[]): string => {
    const form = int(4);
    steps.push(['yaml', 'json', 'json compact', 'yaml crlf'][form]!);
    if (form === 1) return JSON.stringify(data, null, 2);
    if (form === 2) return JSON.stringify(data);
    const yaml = stringify(data, { lineWidth: 0, aliasDuplicateObjects: false });
    return form === 3 ? yaml.replace(/\n/g, '\r\n') : yaml;
  };
  const mutateText = (text: string, steps: string[]): string => {
    const at = int(text.length + 1);
    switch (int(6)) {
      case 0:
        steps.push(`text cut at ${at}`);
        return text.slice(0, at) + text.slice(at + 1 + int(40));
      case 1:
        steps.push(`text repeated at ${at}`);
        return text.slice(0, at) + text.slice(at, at + int(200)) + text.slice(at);
      case 2: {
        const lines = text.split('\n');
        const a = int(lines.length);
        const b = int(lines.length);
        [lines[a], lines[b]] = [lines[b]!, lines[a]!];
        steps.push(`lines ${a} and ${b} swapped`);
        return lines.join('\n');
      }
      case 3: {
        const n = 20 + int(200);
        steps.push(`${n} brackets at ${at}`);
        return text.slice(0, at) + pick(['[', '{', '- ', '[{a: ']).repeat(n) + text.slice(at);
      }
      default: {
        const insert = pick(TEXT_INSERTS);
        steps.push(`inserted ${JSON.stringify(insert)} at ${at}`);
        return text.slice(0, at) + insert + text.slice(at);
      }
    }
  };

  const out: FuzzInput[] = [];
  for (let n = 0; n < count; n++) {
    // The example is a hundred times the size of the others: one input in twenty starts from it.
    const base = int(20) === 0 ? parsedBases[0]! : pick(parsedBases.slice(1));
    const data = clone(base.data);
    const steps = [base.name];
    const kind = int(10);
    // Half keep the file valid, so that analysis and the renderers get to see the mutations.
    const valid = kind < 5;
    for (let k = 1 + int(3); k > 0; k--) (valid ? keepValid : breakIt)(data, steps);
    let text = write(data, steps);
    if (kind >= 8) for (let k = 1 + int(3); k > 0; k--) text = mutateText(text, steps);
    out.push({ recipe: `#${n} ${steps.join(', ')}`, text });
  }
  return out;
}
