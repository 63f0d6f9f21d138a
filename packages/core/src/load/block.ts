import { getScalarValue, SCALAR_STYLE, type Event } from 'js-yaml';
import { NodeOffsets } from './locate.js';
import { resolvePlain } from './schema.js';

/**
 * A reader of the YAML most review files are written in — block mappings and sequences of
 * one-line scalars — that builds the data straight from the text, without js-yaml's events:
 * js-yaml's parser and constructor cost about 1.7× the loading limit (JSON.parse + the schema) at
 * 10k instruments, its event objects ten times the size of the text; this reader about 1.1×. It gives the
 * data js-yaml gives, and the offsets of its nodes (what js-yaml's events would locate them at),
 * or hands the text over (undefined) at the first thing it does not read: flow collections other
 * than `[]` and `{}`, block or multi-line scalars, anchors, aliases, tags, explicit keys,
 * directives, more than one document, tabs, lone CRs, characters YAML forbids, duplicate or
 * numeric keys — and anything it would have to call an error. js-yaml reads those, with the
 * problems located; one-meaning.test.ts holds both readers to the same data and offsets.
 */
export interface BlockRead {
  data: unknown;
  /** Where each node starts, as js-yaml's events would locate it. */
  nodes: NodeOffsets;
  /** The length of the longest line: no key or text (each on one line) is longer. */
  longestLine: number;
}

/** What the reader leaves to js-yaml wherever it is: tabs, controls, C1, surrogates, BOM, non-characters, line separators. */
const HANDED_OVER = /[\x00-\x09\x0B\x0C\x0E-\x1F\x7F-\x9F\uD800-\uDFFF\u2028\u2029\uFEFF\uFFFE\uFFFF]/;
/** Keys that objects order before the others: the walk of locate.ts needs the text's order. */
const INDEX_KEY = /^(?:0|[1-9][0-9]*)$/;
/** Characters that cannot start a plain scalar (YAML indicators), or start one this reader leaves over; `-?:` only before a space. */
const INDICATOR = new Uint8Array(128);
for (const c of '-?:,[]{}#&*!|>\'"%@`') INDICATOR[c.charCodeAt(0)] = 1;
/** Escapes of a double-quoted scalar with a fixed length after the backslash (YAML 1.2 §5.7). */
const SIMPLE_ESCAPE = new Set([...'0abt\tnvfre "/\\N_LP'].map((c) => c.charCodeAt(0)));
const HEX_ESCAPE: Record<number, number> = { 120: 2, 117: 4, 85: 8 };
/** Nesting the reader goes to; deeper files (within LIMITS.depth) are js-yaml's. */
const MAX_DEPTH = 48;

const SPACE = 32;
const HASH = 35;
const COLON = 58;
const DASH = 45;
const LF = 10;
const CR = 13;

/** The first characters of a plain scalar the core schema may resolve to other than text (null, true, false, numbers). */
const MAY_RESOLVE = new Uint8Array(128);
for (const c of '~nNtTfF0123456789+-.') MAY_RESOLVE[c.charCodeAt(0)] = 1;
const resolved = (source: string): unknown => {
  const c = source.charCodeAt(0);
  return c < 128 && MAY_RESOLVE[c] === 1 ? resolvePlain(source) : source;
};

class PlainCache {
  readonly sources: (string | undefined)[] = new Array(4096).fill(undefined);
  readonly values: unknown[] = new Array(4096).fill(undefined);
}

class HandOver extends Error {}
const handOver = new HandOver();

export function readBlockYaml(text: string): BlockRead | undefined {
  if (HANDED_OVER.test(text)) return undefined;
  for (let cr = text.indexOf('\r'); cr >= 0; cr = text.indexOf('\r', cr + 1)) if (text.charCodeAt(cr + 1) !== LF) return undefined;
  try {
    return new Reader(text).document();
  } catch (err) {
    if (err === handOver || err instanceof RangeError) return undefined;
    throw err;
  }
}

class Reader {
  private readonly nodes: NodeOffsets;
  private longestLine = 0;
  /** The current content line: its start, indent, first character, end (before CR LF). */
  private lineStart = 0;
  private indent = 0;
  private first = 0;
  private end = 0;
  /** Position after the current line's break; text.length at the end. */
  private next = 0;
  private eof = false;
  /** The next ": " and " #" at or after a position, searched again only once passed. */
  private colonAt = -1;
  private hashAt = -1;

  constructor(private readonly text: string) {
    this.nodes = new NodeOffsets(text.length);
    this.colonAt = this.colonSpace(0);
    this.hashAt = this.spaceHash(0);
  }

  document(): BlockRead | undefined {
    this.line(0);
    if (this.eof) return undefined;
    if (this.marker()) {
      // An explicit start `---` alone on the first line, as many editors write it.
      if (!this.startsWith('---') || this.restFrom(this.first + 3) !== this.end) return undefined;
      this.line(this.next);
      if (this.eof) return undefined;
    }
    const data = this.node(this.indent, 0);
    if (!this.eof) throw handOver;
    return { data, nodes: this.nodes, longestLine: this.longestLine };
  }

  /**
   * The next `: ` and ` #` from a position, found by searching for one of their characters: a
   * search for one character is V8's fast path, one for two calls into the runtime (3% of this
   * reader's instructions at 10k instruments, callgrind).
   */
  private colonSpace(from: number): number {
    const text = this.text;
    for (let i = text.indexOf(':', from); i >= 0; i = text.indexOf(':', i + 1)) if (text.charCodeAt(i + 1) === SPACE) return i;
    return Infinity;
  }

  private spaceHash(from: number): number {
    const text = this.text;
    for (let i = text.indexOf('#', from + 1); i >= 0; i = text.indexOf('#', i + 1)) if (text.charCodeAt(i - 1) === SPACE) return i - 1;
    return Infinity;
  }

  /**
   * Moves to the first line from `from` with content (not blank, not only a comment). `from` is
   * always where the last line left off, so every line break is passed, and recorded, once.
   */
  private line(from: number): void {
    const text = this.text;
    for (let start = from; start < text.length; ) {
      let i = start;
      while (text.charCodeAt(i) === SPACE) i++;
      let lf = text.indexOf('\n', i);
      if (lf < 0) lf = text.length;
      else this.nodes.line(lf + 1);
      const end = lf > i && text.charCodeAt(lf - 1) === CR ? lf - 1 : lf;
      if (i < end && text.charCodeAt(i) !== HASH) {
        if (end - i > this.longestLine) this.longestLine = end - i;
        this.lineStart = start;
        this.indent = i - start;
        this.first = i;
        this.end = end;
        this.next = lf + 1;
        return;
      }
      start = lf + 1;
    }
    this.eof = true;
    this.indent = -1;
    this.lineStart = this.first = this.end = this.next = text.length;
  }

  /** A document marker (`---`, `...`) or directive at the start of the line. */
  private marker(): boolean {
    if (this.indent !== 0) return false;
    const c = this.text.charCodeAt(this.first);
    if (c === 37) return true;
    return (this.startsWith('---') || this.startsWith('...')) && this.isBreakOrSpace(this.first + 3);
  }

  private startsWith(s: string): boolean {
    return this.text.startsWith(s, this.first);
  }

  private isBreakOrSpace(i: number): boolean {
    const c = this.text.charCodeAt(i);
    return i >= this.end || c === SPACE;
  }

  private push(offset: number): number {
    return this.nodes.push(offset);
  }

  private closed<T>(index: number, collection: T): T {
    this.nodes.close(index);
    return collection;
  }

  /** Where the content after `i` on the current line ends: at the line end or a comment; `end` when there is none. */
  private restFrom(i: number): number {
    const text = this.text;
    while (i < this.end && text.charCodeAt(i) === SPACE) i++;
    if (i === this.end) return this.end;
    return text.charCodeAt(i) === HASH && text.charCodeAt(i - 1) === SPACE ? this.end : i;
  }

  /** The node at the current line, which has `indent` (its parent's is less). */
  private node(indent: number, depth: number): unknown {
    if (depth > MAX_DEPTH || this.marker()) throw handOver;
    if (this.isDash(this.first)) return this.sequence(indent, depth);
    return this.mapping(this.first, indent, depth);
  }

  private isDash(i: number): boolean {
    return this.text.charCodeAt(i) === DASH && this.isBreakOrSpace(i + 1);
  }

  /** A block sequence whose dashes are at column `indent` of lines, the current one first. */
  private sequence(indent: number, depth: number): unknown[] {
    const items: unknown[] = [];
    const index = this.push(this.first);
    while (true) {
      const at = this.restFrom(this.first + 1);
      if (at === this.end) {
        this.line(this.next);
        if (this.indent > indent) items.push(this.node(this.indent, depth + 1));
        else {
          items.push(null);
          this.push(-1);
        }
      } else if (this.isDash(at)) throw handOver;
      else if (this.isKeyAt(at)) items.push(this.mapping(at, at - this.lineStart, depth + 1));
      else {
        items.push(this.inlineValue(at));
        this.line(this.next);
        if (this.indent > indent) throw handOver;
      }
      if (this.indent < indent) return this.closed(index, items);
      if (this.indent > indent || !this.isDash(this.first)) {
        // A line at the sequence's column that is no entry ends it only where a mapping goes on.
        if (this.indent === indent) return this.closed(index, items);
        throw handOver;
      }
    }
  }

  /**
   * A block mapping whose keys are at column `indent`, the first at `at` on the current line
   * (after a dash, for a mapping that is an entry of a sequence).
   */
  private mapping(at: number, indent: number, depth: number): Record<string, unknown> {
    const map: Record<string, unknown> = {};
    const index = this.push(at);
    while (true) {
      const keyAt = at;
      const key = this.key(at);
      if (Object.prototype.hasOwnProperty.call(map, key)) throw handOver;
      this.push(keyAt);
      const valueAt = this.restFrom(this.afterKey);
      let value: unknown;
      if (valueAt === this.end) {
        this.line(this.next);
        if (this.indent > indent) value = this.node(this.indent, depth + 1);
        else if (this.indent === indent && this.isDash(this.first)) value = this.sequence(indent, depth + 1);
        else {
          value = null;
          this.push(-1);
        }
      } else {
        value = this.inlineValue(valueAt);
        this.line(this.next);
        if (this.indent > indent) throw handOver;
      }
      if (key === '__proto__') Object.defineProperty(map, key, { value, enumerable: true, configurable: true, writable: true });
      else map[key] = value;
      if (this.indent < indent) return this.closed(index, map);
      // Deeper than the keys after a nested value, or a dash at their column: js-yaml's to judge.
      if (this.indent > indent || this.isDash(this.first) || this.marker()) throw handOver;
      at = this.first;
    }
  }

  private afterKey = 0;
  private readonly keys = new PlainCache();
  private readonly values = new PlainCache();

  /**
   * The value of the plain scalar from `at` to `e`: a key as a string, as js-yaml makes it. Keys
   * and short values repeat throughout a file (field names, kinds, statuses), so the last value
   * of a source is kept by a hash of its length and characters: a repeat costs a comparison, not
   * a new string and a resolution (a fifth of this reader's time at 10k instruments). Values
   * longer than 12 characters are mostly texts that do not repeat (names, statements), for which
   * the cache only costs: they are read directly (8% of this reader's time, 3% of its instructions).
   */
  private plain(at: number, e: number, cache: PlainCache, isKey: boolean): unknown {
    const text = this.text;
    const len = e - at;
    if (len > (isKey ? 40 : 12)) return isKey ? this.keyOf(text.slice(at, e)) : resolved(text.slice(at, e));
    const h = (len * 31 + text.charCodeAt(at) * 7 + text.charCodeAt(e - 1) * 3 + text.charCodeAt(at + (len >> 1))) & 4095;
    const source = cache.sources[h];
    if (source !== undefined && source.length === len && text.startsWith(source, at)) return cache.values[h];
    const fresh = text.slice(at, e);
    const value = isKey ? this.keyOf(fresh) : resolved(fresh);
    cache.sources[h] = fresh;
    cache.values[h] = value;
    return value;
  }

  private keyOf(source: string): string {
    const key = String(resolved(source));
    if (INDEX_KEY.test(key)) throw handOver;
    return key;
  }

  /** Whether a plain scalar starts at `at`: not at an indicator, but `-5`, `?x` and `:x` are plain. */
  private plainStart(at: number): boolean {
    const c = this.text.charCodeAt(at);
    if (c >= 128 || INDICATOR[c] === 0) return true;
    return (c === DASH || c === 63 || c === COLON) && at + 1 < this.end && this.text.charCodeAt(at + 1) !== SPACE;
  }

  /** Whether the content at `at` of the current line is a key and its colon. */
  private isKeyAt(at: number): boolean {
    const text = this.text;
    const c = text.charCodeAt(at);
    if (c !== 34 && c !== 39) return this.keyEnd(at) >= 0;
    const close = this.quotedEnd(at);
    if (close < 0) return false;
    let i = close + 1;
    while (i < this.end && text.charCodeAt(i) === SPACE) i++;
    return text.charCodeAt(i) === COLON && this.isBreakOrSpace(i + 1);
  }

  /** Where the plain key starting at `at` ends (at its colon), or -1 when the line holds no plain key there. */
  private keyEnd(at: number): number {
    const text = this.text;
    if (this.colonAt < at) this.colonAt = this.colonSpace(at);
    const colon = this.colonAt < this.end ? this.colonAt : text.charCodeAt(this.end - 1) === COLON ? this.end - 1 : -1;
    if (colon <= at) return -1;
    return colon;
  }

  /** The key at `at` of the current line, its value resolved as js-yaml resolves keys; sets afterKey past the colon. */
  private key(at: number): string {
    const text = this.text;
    const c = text.charCodeAt(at);
    if (c === 34 || c === 39) {
      const close = this.quotedEnd(at);
      if (close < 0) throw handOver;
      let i = close + 1;
      while (i < this.end && text.charCodeAt(i) === SPACE) i++;
      if (text.charCodeAt(i) !== COLON || !this.isBreakOrSpace(i + 1)) throw handOver;
      this.afterKey = i + 1;
      return this.quoted(at, close);
    }
    const colon = this.keyEnd(at);
    if (colon < 0 || !this.plainStart(at)) throw handOver;
    if (this.hashAt < at) this.hashAt = this.spaceHash(at);
    if (this.hashAt < colon) throw handOver;
    let e = colon;
    while (text.charCodeAt(e - 1) === SPACE) e--;
    this.afterKey = colon + 1;
    return this.plain(at, e, this.keys, true) as string;
  }

  /** A value that starts at `at` and ends on the current line. */
  private inlineValue(at: number): unknown {
    const text = this.text;
    const c = text.charCodeAt(at);
    if (c === 34 || c === 39) {
      const close = this.quotedEnd(at);
      if (close < 0 || this.restFrom(close + 1) !== this.end || (close + 1 < this.end && text.charCodeAt(close + 1) !== SPACE)) throw handOver;
      this.push(at);
      return this.quoted(at, close);
    }
    if (c === 91 || c === 123) {
      // Only the empty flow collections, as dumpers write empty lists and mappings.
      if (text.charCodeAt(at + 1) !== c + 2 || this.restFrom(at + 2) !== this.end || (at + 2 < this.end && text.charCodeAt(at + 2) !== SPACE)) throw handOver;
      this.push(at);
      return c === 91 ? [] : {};
    }
    if (!this.plainStart(at)) throw handOver;
    // A plain scalar: to a comment or the line end, without `: ` or a final colon in it.
    if (this.hashAt < at) this.hashAt = this.spaceHash(at);
    let e = this.hashAt < this.end ? this.hashAt : this.end;
    while (text.charCodeAt(e - 1) === SPACE) e--;
    if (this.colonAt < at) this.colonAt = this.colonSpace(at);
    if (this.colonAt < e || text.charCodeAt(e - 1) === COLON) throw handOver;
    this.push(at);
    return this.plain(at, e, this.values, false);
  }

  /** The closing quote of the one-line quoted scalar opening at `at`, or -1. */
  private quotedEnd(at: number): number {
    const text = this.text;
    const quote = text.charCodeAt(at);
    for (let i = at + 1; i < this.end; i++) {
      const c = text.charCodeAt(i);
      if (c === quote) {
        if (quote === 39 && text.charCodeAt(i + 1) === 39) {
          i++;
          continue;
        }
        return i;
      }
      if (c === 92 && quote === 34) {
        const e = text.charCodeAt(++i);
        if (SIMPLE_ESCAPE.has(e) && i < this.end) continue;
        const hex = HEX_ESCAPE[e];
        if (hex === undefined) throw handOver;
        for (let k = 0; k < hex; k++) if (!/[0-9a-fA-F]/.test(text[++i] ?? '')) throw handOver;
        if (i >= this.end) throw handOver;
      }
    }
    return -1;
  }

  /** The text of a one-line quoted scalar, decoded by js-yaml itself. */
  private quoted(at: number, close: number): string {
    const double = this.text.charCodeAt(at) === 34;
    const event = { valueStart: at + 1, valueEnd: close, style: double ? SCALAR_STYLE.DOUBLE_QUOTED : SCALAR_STYLE.SINGLE_QUOTED, fast: false } as Event & { type: 4 };
    const body = this.text.slice(at + 1, close);
    if (!body.includes(double ? '\\' : "'")) return body;
    return getScalarValue(this.text, event);
  }
}
