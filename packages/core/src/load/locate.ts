import { EVENT_ID, getScalarValue, SCALAR_STYLE, type Event } from 'js-yaml';
import type { PathSegment } from './problem.js';
import { resolvePlain } from './schema.js';

/** Where a path of the data is in the text: its node, and the key it is the value of. */
interface Place {
  children: Map<PathSegment, Place>;
  at?: number;
  keyAt?: number;
}

/** A data path to locate; at its key rather than its value when `atKey`. */
export interface Wanted {
  path: readonly PathSegment[];
  atKey?: boolean;
}

/**
 * The problems' paths in a trie, so one walk over a file's nodes records the offset of each node
 * some path asks for. An empty value (`key:` and nothing) has no text: it is located at its key.
 */
function trieOf(paths: readonly Wanted[]): Place {
  const root: Place = { children: new Map() };
  for (const { path } of paths) {
    let place = root;
    for (const seg of path) {
      let next = place.children.get(seg);
      if (!next) place.children.set(seg, (next = { children: new Map() }));
      place = next;
    }
  }
  return root;
}

/** Each path's offset from the filled trie: its node, its key, or the nearest located ancestor. */
function offsetsOf(root: Place, paths: readonly Wanted[]): (number | undefined)[] {
  return paths.map(({ path, atKey }) => {
    let place: Place | undefined = root;
    let found: number | undefined = root.at;
    let last: Place | undefined;
    for (const seg of path) {
      place = place.children.get(seg);
      if (!place || place.at === undefined) {
        place = undefined;
        break;
      }
      found = place.at;
      last = place;
    }
    if (atKey && place && last?.keyAt !== undefined) return last.keyAt;
    return found;
  });
}

/** Keys that objects list before the others, out of the text's order. */
const INDEX_KEY = /^(?:0|[1-9][0-9]*)$/;

/**
 * The offsets of a file's nodes in document order — a mapping, then per entry its key and its
 * value; a sequence, then its items; -1 for an empty value, which has no text — and for each
 * list or mapping, where the nodes inside it end, so that locating skips what no path goes into.
 * Also where the text's lines start, as LineIndex finds them: the readers that record the nodes
 * pass every line break anyway, and LineIndex's own scan for them cost 0.2× the loading limit at
 * 10k instruments.
 */
export class NodeOffsets {
  at: Int32Array<ArrayBuffer>;
  end: Int32Array<ArrayBuffer>;
  length = 0;
  private starts: Int32Array<ArrayBuffer>;
  private lineCount = 1;

  /**
   * Sized for a text of `chars` characters, so that the arrays seldom grow: review files have a
   * node every 11–15 characters and a line every 23 (growing by doubling from 1k cost the block
   * reader 4% more instructions at 10k instruments, callgrind).
   */
  constructor(chars = 0) {
    this.at = new Int32Array(Math.max(1024, Math.ceil(chars / 10)));
    this.end = new Int32Array(this.at.length);
    this.starts = new Int32Array(Math.max(1024, Math.ceil(chars / 20)));
  }

  push(offset: number): number {
    if (this.length === this.at.length) {
      this.at = grown(this.at);
      this.end = grown(this.end);
    }
    this.at[this.length] = offset;
    return this.length++;
  }

  /** The list or mapping pushed at `index` has no more nodes. */
  close(index: number): void {
    this.end[index] = this.length;
  }

  /** A line starts at `offset` (after the first, which starts at 0); lines are recorded in order. */
  line(offset: number): void {
    if (this.lineCount === this.starts.length) this.starts = grown(this.starts);
    this.starts[this.lineCount++] = offset;
  }

  get lineStarts(): Int32Array {
    return this.starts.subarray(0, this.lineCount);
  }
}

const grown = (a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> => {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
};

/**
 * Locates paths from the offsets of a file's nodes (block.ts and jsonOffsets give them), walking
 * the data along the paths only. Undefined when a mapping on the way has a key that objects put
 * out of the text's order (a whole number), so the walk cannot follow the text.
 */
export function locateInOrder(data: unknown, nodes: NodeOffsets, paths: readonly Wanted[]): (number | undefined)[] | undefined {
  const root = trieOf(paths);
  const { at, end } = nodes;
  let ordered = true;
  /** Records where `value` (node `i`) is if a path goes there; the index after its nodes. */
  const walk = (value: unknown, place: Place | undefined, keyAt: number | undefined, i: number): number => {
    if (!place || !ordered) return end[i]! > i ? end[i]! : i + 1;
    const offset = at[i]!;
    const found = offset >= 0 ? offset : keyAt;
    if (found !== undefined) place.at = found;
    if (keyAt !== undefined) place.keyAt = keyAt;
    let j = i + 1;
    if (typeof value !== 'object' || value === null) return j;
    if (Array.isArray(value)) {
      for (let k = 0; k < value.length; k++) j = walk(value[k], place.children.get(k), undefined, j);
      return j;
    }
    for (const key of Object.keys(value)) {
      const c = key.charCodeAt(0);
      if (c >= 48 && c <= 57 && INDEX_KEY.test(key)) ordered = false;
      j = walk((value as Record<string, unknown>)[key], place.children.get(key), at[j]!, j + 1);
    }
    return j;
  };
  walk(data, root, undefined, 0);
  return ordered ? offsetsOf(root, paths) : undefined;
}

/**
 * One pass over a JSON text JSON.parse accepted: the offsets of its nodes, as locateInOrder takes
 * them (a value at its first character, a string at its quote, a key at its quote), its line
 * starts, and how many keys it writes — every `:` outside a string ends a key — which the reader
 * compares with the keys of the data to find duplicates. The keys are counted here, not by a
 * search of their own, because a file with problems needs the nodes anyway (one pass instead of
 * two saved 0.4× the loading limit at 10k instruments).
 */
export function jsonNodes(text: string): { nodes: NodeOffsets; keys: number } {
  const nodes = new NodeOffsets(text.length);
  const open: number[] = [];
  let keys = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // Whitespace and `,` start no node; a string cannot hold a raw line break, so each is one.
    if (c === 32 || c === 44) continue;
    if (c === 10) {
      nodes.line(i + 1);
      // The indentation that follows, in a loop of its own: 10% of this scan (callgrind, 10k instruments).
      while (text.charCodeAt(i + 1) === 32) i++;
      continue;
    }
    if (c === 13) {
      if (text.charCodeAt(i + 1) !== 10) nodes.line(i + 1);
      continue;
    }
    if (c === 9) continue;
    if (c === 58) {
      keys++;
      continue;
    }
    if (c === 93 || c === 125) {
      nodes.close(open.pop()!);
      continue;
    }
    const index = nodes.push(i);
    if (c === 91 || c === 123) open.push(index);
    else if (c === 34) {
      // A string (a value or a key): to its closing quote, one not escaped by an odd run of backslashes.
      for (i = text.indexOf('"', i + 1); text.charCodeAt(i - 1) === 92; i = text.indexOf('"', i + 1)) {
        let b = i - 2;
        while (text.charCodeAt(b) === 92) b--;
        if ((i - 1 - b) % 2 === 0) break;
      }
      // A key's `:` and the space after it, taken here: this scan 29-33 -> 20-25 ms of CPU, 8% fewer instructions (10k instruments).
      if (text.charCodeAt(i + 1) === 58) {
        keys++;
        i++;
        if (text.charCodeAt(i + 1) === 32) i++;
      }
    } else {
      // A number, true, false or null: to the next delimiter.
      while (i + 1 < text.length) {
        const d = text.charCodeAt(i + 1);
        if (d === 44 || d === 93 || d === 125 || d === 32 || d === 10 || d === 13 || d === 9) break;
        i++;
      }
    }
  }
  return { nodes, keys };
}

/**
 * Finds the text offsets of many data paths in one pass over the parser's events. A path through
 * an alias ends at the alias (its contents are written at the anchor). Linear in the events plus
 * the paths.
 */
export function locatePaths(events: Event[], text: string, paths: readonly Wanted[]): (number | undefined)[] {
  const root = trieOf(paths);

  type Frame = { kind: 'document' | 'seq' | 'map'; place: Place | undefined; index: number; key: string | undefined; keyAt: number; expectKey: boolean };
  const frames: Frame[] = [];
  /** A node has started in the top frame: which place of the trie is it? */
  const enter = (offset: number): Place | undefined => {
    const top = frames[frames.length - 1];
    if (!top || !top.place) return undefined;
    let place: Place | undefined;
    let keyAt: number | undefined;
    if (top.kind === 'document') place = top.place;
    else if (top.kind === 'seq') place = top.place.children.get(top.index++);
    else {
      place = top.key === undefined ? undefined : top.place.children.get(top.key);
      keyAt = top.keyAt;
      top.expectKey = true;
    }
    if (place) {
      const at = offset >= 0 ? offset : keyAt;
      if (at !== undefined) place.at = at;
      if (keyAt !== undefined) place.keyAt = keyAt;
    }
    return place;
  };
  let complexKeys = 0;
  for (const e of events) {
    const top = frames[frames.length - 1];
    if (e.type === EVENT_ID.DOCUMENT) {
      frames.length = 0;
      frames.push({ kind: 'document', place: root, index: 0, key: undefined, keyAt: 0, expectKey: false });
      continue;
    }
    if (complexKeys > 0) {
      // Inside a key that is itself a list or mapping: no path goes through it.
      if (e.type === EVENT_ID.SEQUENCE || e.type === EVENT_ID.MAPPING) complexKeys++;
      else if (e.type === EVENT_ID.POP) complexKeys--;
      continue;
    }
    if (top?.kind === 'map' && top.expectKey && e.type !== EVENT_ID.POP) {
      top.expectKey = false;
      if (e.type === EVENT_ID.SCALAR) {
        // A plain key as the data has it: `~` is the key "null", `0x1F` the key "31".
        const source = getScalarValue(text, e);
        top.key = e.style === SCALAR_STYLE.PLAIN && e.tagStart < 0 ? String(resolvePlain(source)) : source;
        top.keyAt = nodeOffset(e);
      } else {
        top.key = undefined;
        top.keyAt = nodeOffset(e);
        if (e.type !== EVENT_ID.ALIAS) complexKeys = 1;
      }
      continue;
    }
    switch (e.type) {
      case EVENT_ID.SCALAR:
      case EVENT_ID.ALIAS:
        enter(nodeOffset(e));
        break;
      case EVENT_ID.SEQUENCE:
      case EVENT_ID.MAPPING: {
        const place = enter(nodeOffset(e));
        frames.push({ kind: e.type === EVENT_ID.SEQUENCE ? 'seq' : 'map', place, index: 0, key: undefined, keyAt: 0, expectKey: e.type === EVENT_ID.MAPPING });
        break;
      }
      case EVENT_ID.POP:
        frames.pop();
        break;
    }
  }

  return offsetsOf(root, paths);
}

/** Where a node starts: the opening quote of a quoted scalar, the `*` of an alias. */
export function nodeOffset(e: Event): number {
  switch (e.type) {
    case EVENT_ID.SCALAR:
      return e.style === 2 || e.style === 3 ? Math.max(0, e.valueStart - 1) : e.valueStart;
    case EVENT_ID.SEQUENCE:
    case EVENT_ID.MAPPING:
      return e.start;
    case EVENT_ID.ALIAS:
      return Math.max(0, e.anchorStart - 1);
    default:
      return 0;
  }
}
