import { constructFromEvents, EVENT_ID, getScalarValue, parseEvents, YAMLException, type Event } from 'js-yaml';
import type { PathSegment } from './problem.js';
import { count, quote } from '../util/text.js';
import { readBlockYaml } from './block.js';
import { jsonNodes, locateInOrder, locatePaths, nodeOffset, type Wanted } from './locate.js';
import { resolvePlain, SCHEMA } from './schema.js';

export { SCHEMA };

/**
 * Reading a review file's text into plain data, with bounded time and memory whatever the text.
 *
 * There is one meaning of a file: YAML 1.2 with the core schema, read by js-yaml (JSON is a subset
 * of it). Two fast paths give the same data where they read a file at all, and hand the rest to
 * js-yaml: a JSON text goes through `JSON.parse`, which gives the same data for every JSON text
 * without duplicate keys; a YAML text of block mappings and sequences through block.ts. A text
 * with duplicate keys, or anything the bounds below refuse, goes through js-yaml, which locates
 * the problem. Each path also locates problems of the data later (locate.ts): from the offsets
 * of the nodes the fast paths record or compute, or from js-yaml's events.
 */
export const LIMITS = {
  /** Lists and mappings inside each other. A review needs about eight; the parser refuses the 64th. */
  depth: 64,
  /** Characters of one text value or key: a chapter of a review fits many times over. */
  textLength: 100_000,
  /** Values that aliases may expand a file to, beyond one per character of it. */
  aliasSlack: 10_000,
  /** Problems reported by default; the rest are counted. */
  problems: 1000,
} as const;

/** A problem found while reading, at an offset of the text. */
export interface ReadProblem {
  offset: number;
  message: string;
  hint: string;
  code: 'syntax' | 'limit';
}

/** A text or key beyond its length, at its path in the data. */
export interface BoundProblem {
  path: PathSegment[];
  atKey?: boolean;
  message: string;
  hint: string;
}

export type ReadResult =
  | {
      ok: true;
      data: unknown;
      bounds: BoundProblem[];
      /** Where the text's lines start, when the reader found them on its way (else LineIndex finds them). */
      lineStarts?: Int32Array;
      locate: (paths: readonly Wanted[]) => (number | undefined)[];
    }
  | { ok: false; problems: ReadProblem[] };


export function readDocument(text: string): ReadResult {
  const json = readJson(text);
  if (json) return json;
  const block = readBlockYaml(text);
  if (block) {
    // Without aliases and deeper than the reader goes, only a line as long as the bound can hold a
    // text beyond it: the walk over every value (a tenth of the limit at 10k instruments) is saved.
    const { data, nodes, longestLine } = block;
    const check = longestLine > LIMITS.textLength ? checkBounds(data, text.length) : undefined;
    if (!check?.fatal) return { ok: true, data, bounds: check?.problems ?? [], lineStarts: nodes.lineStarts, locate: (paths) => locateInOrder(data, nodes, paths) ?? locatePaths(eventsOf(text), text, paths) };
  }
  let events: Event[];
  try {
    events = parseEvents(text, { maxDepth: LIMITS.depth });
  } catch (err) {
    return { ok: false, problems: [fromParserError(err)] };
  }
  let documents: unknown[];
  try {
    const fast = construct(events, text);
    documents = fast === GENERAL ? constructFromEvents(events, { source: text, schema: SCHEMA }) : fast;
  } catch (err) {
    const problem = fromParserError(err);
    // js-yaml notices a duplicate key after its value; the events say where the key is.
    if (problem.message.includes('given twice')) problem.offset = duplicateKey(events, text) ?? problem.offset;
    return { ok: false, problems: [problem] };
  }
  if (documents.length === 0) return { ok: true, data: undefined, bounds: [], locate: (paths) => paths.map(() => undefined) };
  if (documents.length > 1) {
    return { ok: false, problems: [{ offset: secondDocument(events), code: 'syntax', message: 'the file holds more than one YAML document', hint: 'a review is one document: remove the second "---" and what follows, or split the file' }] };
  }
  const data = documents[0];
  const check = checkBounds(data, text.length);
  if (check.fatal) return { ok: false, problems: [aliasProblem(events, text, check.fatal)] };
  // The events are not kept for locating problems: holding them while the schema runs costs a
  // valid file more (memory and collection time) than parsing again costs a file with problems.
  return { ok: true, data, bounds: check.problems, locate: (paths) => locatePaths(eventsOf(text), text, paths) };
}

export const GENERAL = Symbol('general');

/**
 * The data of the events of a plain review file, built as js-yaml's constructFromEvents builds it
 * (plain scalars resolved by the same schema, keys as strings, `__proto__` an own key, anchors
 * shared), in a loop made for this one case: about twice as fast (110 → 50 ms of CPU at 10k
 * instruments). Anything else — a tag, a key that is not a scalar, a duplicate key, an alias to
 * an unknown anchor, more than one document — is left to constructFromEvents (GENERAL), which
 * also gives the errors.
 */
export function construct(events: Event[], text: string): unknown[] | typeof GENERAL {
  type Frame = { map: Record<string, unknown> | undefined; seq: unknown[] | undefined; key: string | undefined };
  const frames: Frame[] = [];
  const anchors = new Map<string, unknown>();
  let root: unknown = undefined;
  let docs = 0;
  let top: Frame | undefined;
  const add = (value: unknown): boolean => {
    if (!top) {
      root = value;
      return true;
    }
    if (top.seq) {
      top.seq.push(value);
      return true;
    }
    const map = top.map!;
    if (top.key === undefined) {
      if (typeof value === 'object' && value !== null) return false;
      const key = String(value);
      if (Object.prototype.hasOwnProperty.call(map, key)) return false;
      top.key = key;
      return true;
    }
    if (top.key === '__proto__') Object.defineProperty(map, top.key, { value, enumerable: true, configurable: true, writable: true });
    else map[top.key] = value;
    top.key = undefined;
    return true;
  };
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    switch (e.type) {
      case EVENT_ID.DOCUMENT:
        if (++docs > 1) return GENERAL;
        break;
      case EVENT_ID.SCALAR: {
        if (e.tagStart >= 0) return GENERAL;
        const source = getScalarValue(text, e);
        const value = e.style === 1 ? resolvePlain(source) : source;
        if (e.anchorStart >= 0) anchors.set(text.slice(e.anchorStart, e.anchorEnd), value);
        if (!add(value)) return GENERAL;
        break;
      }
      case EVENT_ID.SEQUENCE:
      case EVENT_ID.MAPPING: {
        if (e.tagStart >= 0 || (top?.map && top.key === undefined)) return GENERAL;
        const value = e.type === EVENT_ID.SEQUENCE ? [] : {};
        if (e.anchorStart >= 0) anchors.set(text.slice(e.anchorStart, e.anchorEnd), value);
        if (!add(value)) return GENERAL;
        top = e.type === EVENT_ID.SEQUENCE ? { map: undefined, seq: value as unknown[], key: undefined } : { map: value as Record<string, unknown>, seq: undefined, key: undefined };
        frames.push(top);
        break;
      }
      case EVENT_ID.ALIAS: {
        const name = text.slice(e.anchorStart, e.anchorEnd);
        if (!anchors.has(name) || (top?.map && top.key === undefined) || !add(anchors.get(name))) return GENERAL;
        break;
      }
      case EVENT_ID.POP:
        if (frames.length === 0) continue;
        frames.pop();
        top = frames[frames.length - 1];
        break;
    }
  }
  return docs === 0 ? [] : [root === undefined ? null : root];
}

/** The events of a text, for locating problems; only for a text readDocument accepted. */
export function eventsOf(text: string): Event[] {
  return parseEvents(text, { maxDepth: LIMITS.depth });
}

/**
 * JSON.parse and js-yaml agree on every JSON text but one with duplicate keys, which JSON.parse
 * accepts (the last wins) and YAML refuses: the keys of the text are counted and compared with
 * the keys of the data. Anything else unusual (too deep, an invalid text) is left to js-yaml,
 * which says where it is.
 */
function readJson(text: string): ReadResult | undefined {
  if (!/^[\s]*[{[]/.test(text.slice(0, 64))) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return undefined;
  }
  const check = checkBounds(data, text.length);
  if (check.fatal) return undefined;
  const { nodes, keys } = jsonNodes(text);
  if (check.keys !== keys) return undefined;
  return { ok: true, data, bounds: check.problems, lineStarts: nodes.lineStarts, locate: (paths) => locateInOrder(data, nodes, paths) ?? locatePaths(eventsOf(text), text, paths) };
}

type Fatal = 'depth' | 'expansion';

/**
 * One walk over the data: text values and keys longer than the limit (each a problem at its
 * path), nesting deeper than the parser allows (only reachable through aliases, which may even
 * form a cycle), and more values than the text could hold without aliases (an alias bomb). The
 * walk stops at the first of the last two, so it is linear in the size of the text, however far
 * the aliases would expand.
 */
function checkBounds(data: unknown, textLength: number): { problems: BoundProblem[]; keys: number; fatal?: Fatal } {
  const problems: BoundProblem[] = [];
  const path: PathSegment[] = [];
  let budget = textLength + LIMITS.aliasSlack;
  let keys = 0;
  let fatal: Fatal | undefined;
  // No text of the file can be longer than the file (an alias repeats a text, it does not grow it).
  const checkLength = textLength > LIMITS.textLength;
  const long = (s: string, atKey: boolean, last: PathSegment) =>
    problems.push({
      path: [...path, last],
      ...(atKey ? { atKey } : {}),
      message: `the ${atKey ? 'key' : 'text'} ${quote(s)} is longer than ${count(LIMITS.textLength)} characters`,
      hint: 'shorten it, or refer to the document it comes from',
    });
  // Leaves are checked in the loops, without a call each: this walk visits every value of a file.
  const visit = (value: object, depth: number): void => {
    if (depth >= LIMITS.depth - 1) {
      fatal = 'depth';
      return;
    }
    if (Array.isArray(value)) {
      budget -= value.length;
      for (let i = 0; i < value.length; i++) {
        const v: unknown = value[i];
        if (typeof v === 'object' && v !== null) {
          path.push(i);
          visit(v, depth + 1);
          path.pop();
          if (fatal) return;
        } else if (checkLength && typeof v === 'string' && v.length > LIMITS.textLength) long(v, false, i);
      }
    } else {
      for (const key in value) {
        keys++;
        budget--;
        const v: unknown = (value as Record<string, unknown>)[key];
        if (checkLength && key.length > LIMITS.textLength) long(key, true, key);
        if (typeof v === 'object' && v !== null) {
          path.push(key);
          visit(v, depth + 1);
          path.pop();
          if (fatal) return;
        } else if (checkLength && typeof v === 'string' && v.length > LIMITS.textLength) long(v, false, key);
      }
    }
    if (budget < 0) fatal = 'expansion';
  };
  if (typeof data === 'object' && data !== null) visit(data, 0);
  return { problems, keys, ...(fatal ? { fatal } : {}) };
}

/**
 * Where the aliases go too far, from the events: the first alias that refers to a collection it
 * is inside (a cycle), or the alias at which the values expanded so far exceed the bound.
 */
function aliasProblem(events: Event[], text: string, fatal: Fatal): ReadProblem {
  const budget = text.length + LIMITS.aliasSlack;
  const sizes = new Map<string, number>();
  const open: { size: number; anchor: string | undefined }[] = [];
  let total = 0;
  let first: number | undefined;
  const anchorOf = (e: { anchorStart: number; anchorEnd: number }) => (e.anchorStart >= 0 ? text.slice(e.anchorStart, e.anchorEnd) : undefined);
  const add = (n: number) => {
    total += n;
    if (open.length) open[open.length - 1]!.size += n;
  };
  for (const e of events) {
    if (e.type === EVENT_ID.SEQUENCE || e.type === EVENT_ID.MAPPING) {
      open.push({ size: 1, anchor: anchorOf(e) });
    } else if (e.type === EVENT_ID.POP) {
      const f = open.pop();
      if (!f) continue;
      if (f.anchor !== undefined) sizes.set(f.anchor, f.size);
      add(f.size);
    } else if (e.type === EVENT_ID.SCALAR) {
      const anchor = anchorOf(e);
      if (anchor !== undefined) sizes.set(anchor, 1);
      add(1);
    } else if (e.type === EVENT_ID.ALIAS) {
      const name = text.slice(e.anchorStart, e.anchorEnd);
      const offset = Math.max(0, e.anchorStart - 1);
      first ??= offset;
      if (open.some((f) => f.anchor === name) && !sizes.has(name)) {
        return { offset, code: 'limit', message: `the alias *${name} refers to a list or mapping it is part of, so it never ends`, hint: 'an alias can only repeat a value defined before it; write the value out' };
      }
      add(sizes.get(name) ?? 1);
      if (total > budget) return expansion(offset, budget);
    }
  }
  return fatal === 'depth'
    ? { offset: first ?? 0, code: 'limit', message: `the aliases nest lists and mappings more than ${LIMITS.depth} levels deep`, hint: 'write the repeated values out instead of nesting aliases' }
    : expansion(first ?? 0, budget);
}

const expansion = (offset: number, budget: number): ReadProblem => ({
  offset,
  code: 'limit',
  message: `the file expands its aliases too often: they would make more than ${count(budget)} values`,
  hint: 'use aliases for a few repeated values only; write the others out',
});

/** The offset of the first key that repeats an earlier key of its mapping. */
function duplicateKey(events: Event[], text: string): number | undefined {
  const open: ({ keys: Set<string>; expectKey: boolean } | undefined)[] = [];
  for (const e of events) {
    const top = open[open.length - 1];
    if (e.type === EVENT_ID.POP) {
      open.pop();
      continue;
    }
    if (e.type === EVENT_ID.DOCUMENT) continue;
    if (top?.expectKey) {
      top.expectKey = false;
      if (e.type === EVENT_ID.SCALAR) {
        const key = getScalarValue(text, e);
        if (top.keys.has(key)) return nodeOffset(e);
        top.keys.add(key);
        continue;
      }
    } else if (top) top.expectKey = true;
    if (e.type === EVENT_ID.MAPPING) open.push({ keys: new Set(), expectKey: true });
    else if (e.type === EVENT_ID.SEQUENCE) open.push(undefined);
  }
  return undefined;
}

function secondDocument(events: Event[]): number {
  let docs = 0;
  for (const e of events) {
    if (e.type === EVENT_ID.DOCUMENT) docs++;
    else if (docs === 2) return nodeOffset(e);
  }
  return 0;
}

const SYNTAX_HINT = 'fix the YAML/JSON syntax first; other problems are checked after it parses';

function fromParserError(err: unknown): ReadProblem {
  if (err instanceof YAMLException) {
    const offset = err.mark?.position ?? 0;
    const reason = err.reason ?? err.message;
    if (/maxDepth/.test(reason)) {
      return { offset, code: 'limit', message: `lists and mappings are nested more than ${LIMITS.depth} levels deep here`, hint: 'a review needs far fewer levels: check for an unclosed [ or {, or indentation that keeps growing' };
    }
    const alias = /unidentified alias "(.*)"/.exec(reason);
    if (alias) return { offset, code: 'syntax', message: `the alias *${alias[1]} refers to no anchor &${alias[1]} before it`, hint: 'define the anchor before the alias, or write the value out' };
    if (/duplicated mapping key/.test(reason)) return { offset, code: 'syntax', message: 'this key is given twice in the same mapping (keys must be unique)', hint: 'keep one of the two' };
    return { offset, code: 'syntax', message: reason, hint: SYNTAX_HINT };
  }
  // A RangeError (stack or string size) must not happen within the bounds; if it does, it is a
  // limit, not a syntax error of the user's.
  if (err instanceof RangeError) return { offset: 0, code: 'limit', message: `the file is too large or too deeply nested to read (${err.message})`, hint: 'split it, or remove deeply nested parts' };
  return { offset: 0, code: 'syntax', message: `the file cannot be read as YAML (${err instanceof Error ? err.message : String(err)})`, hint: SYNTAX_HINT };
}
