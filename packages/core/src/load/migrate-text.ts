import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, stringify, type Node, type Pair, type YAMLMap } from 'yaml';
import { LIST_NAMES, SCHEMA_VERSION, type ListName } from '../model/review.js';
import { migrateReview } from './migrate.js';

export interface TextMigration {
  /** The file's text in the current schema version; the input itself when nothing changed. */
  text: string;
  /** The schemaVersion the file had, when it was migrated. */
  from?: number;
  /** What changed, one line per kind of change (from `migrateReview`). */
  changes: string[];
  /** Each edit, located in the input: `line 412: findings[3]: source → origin, sources`. */
  edits: { line: number; path: string; description: string }[];
  /** Things the new version reads differently that the migration cannot decide for the author. */
  notes: string[];
  /** false when the comments and layout could not be kept and the file was written anew. */
  layoutKept: boolean;
}

type Rec = Record<string, unknown>;
const isRec = (x: unknown): x is Rec => typeof x === 'object' && x !== null && !Array.isArray(x);

/** Equality of plain data (what a YAML or JSON file holds); core has no access to node:util. */
function isDeepStrictEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => isDeepStrictEqual(x, b[i]));
  if (isRec(a) && isRec(b)) {
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => k in b && isDeepStrictEqual(a[k], b[k]));
  }
  return Number.isNaN(a) && Number.isNaN(b);
}

/** Thrown when the text is not YAML or JSON at all; validation problems are the loader's to report. */
export class MigrationSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Migrates a review file's text to the current schema version losslessly: only the parts that
 * change are rewritten, in the style around them (flow or block, YAML or JSON); every comment,
 * blank line and the order of everything else stay as they were. The result is checked: read
 * back, it must equal `migrateReview` of the input, or the file is written anew from the data
 * (and `layoutKept` says so).
 */
export function migrateReviewText(text: string): TextMigration {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    throw new MigrationSyntaxError(lineCounter.linePos(e.pos[0]).line, e.message.split('\n')[0]!);
  }
  const before: unknown = doc.toJS({ maxAliasCount: 1000 });
  const m = migrateReview(before);
  if (m.from === undefined) return { text, changes: [], edits: [], notes: [], layoutKept: true };

  const json = /^\s*[{[]/.test(text);
  const edits: Edit[] = [];
  const located: TextMigration['edits'] = [];
  diff(doc.contents as Node | null, before, m.data, [], { text, json, edits, located, line: (offset) => lineCounter.linePos(offset).line });
  let out = applyEdits(text, edits);
  let layoutKept = true;
  if (!isDeepStrictEqual(parseDocument(out).toJS(), m.data)) {
    // Not expected; but a migration that loses data is worse than one that loses layout.
    out = json ? `${JSON.stringify(m.data, null, 2)}\n` : stringify(m.data, { lineWidth: 0 });
    layoutKept = false;
  }
  return { text: out, from: m.from, changes: m.changes, edits: located, notes: listNotes(m.data), layoutKept };
}

/**
 * Version 2 reads a list the file leaves out or leaves empty as unknown, where version 1 showed
 * it as none; only the author knows which of them the source says are empty.
 */
function listNotes(data: unknown): string[] {
  if (!isRec(data)) return [];
  const silent = LIST_NAMES.filter((list) => isSilent(data, list));
  if (silent.length === 0) return [];
  return [
    `version ${SCHEMA_VERSION} reads these lists as unknown, not as none, because the file gives no items and does not state their completeness: ${silent.join(', ')}; ` +
      'where the source says there are none, add e.g. `completeness: { independentExperts: { status: complete } }`',
  ];
}

function isSilent(data: Rec, list: ListName): boolean {
  if (isRec(data.completeness) && list in data.completeness) return false;
  const items = (key: string) => (Array.isArray(data[key]) ? (data[key] as unknown[]).length : 0);
  switch (list) {
    case 'evaluations':
      return items('sources') === 0;
    case 'expenditure':
      return items('budgetLines') === 0;
    default:
      return items(list) === 0;
  }
}

interface Edit {
  start: number;
  end: number;
  insert: string;
}

interface Ctx {
  text: string;
  json: boolean;
  edits: Edit[];
  located: TextMigration['edits'];
  line: (offset: number) => number;
}

function diff(node: Node | null, before: unknown, after: unknown, path: (string | number)[], ctx: Ctx): void {
  if (isDeepStrictEqual(before, after)) return;
  if (node && isMap(node) && isRec(before) && isRec(after)) return diffMap(node, before, after, path, ctx);
  if (node && isSeq(node) && Array.isArray(before) && Array.isArray(after) && before.length === after.length) {
    node.items.forEach((item, i) => diff(item as Node, before[i], after[i], [...path, i], ctx));
    return;
  }
  if (!node?.range) return;
  const [start, end] = node.range;
  ctx.edits.push({ start, end, insert: value(after, ctx) });
  ctx.located.push({ line: ctx.line(start), path: formatPath(path), description: `${inline(before)} → ${inline(after)}` });
}

function diffMap(map: YAMLMap, before: Rec, after: Rec, path: (string | number)[], ctx: Ctx): void {
  const pairs = new Map<string, Pair>();
  for (const p of map.items) if (isPair(p) && isScalar(p.key)) pairs.set(String(p.key.value), p as Pair);
  for (const key of Object.keys(after)) {
    if (key in before && pairs.has(key)) diff(pairs.get(key)!.value as Node | null, before[key], after[key], [...path, key], ctx);
  }
  const removed = Object.keys(before).filter((k) => !(k in after) && pairs.has(k));
  const added = Object.keys(after).filter((k) => !(k in before));
  if (removed.length === 0 && added.length === 0) return;

  const flow = map.flow === true || ctx.json;
  const indent = blockIndent(map, ctx.text);
  const q = (k: string) => (ctx.json ? JSON.stringify(k) : /^[A-Za-z_$][\w$-]*$/.test(k) ? k : JSON.stringify(k));
  const rendered = added.map((k) => `${q(k)}: ${value(after[k], ctx)}`);
  // A flow map laid out one pair a line (pretty-printed JSON) gets one line per new pair too.
  const oneLine = !ctx.text.slice(map.range?.[0] ?? 0, map.range?.[1] ?? 0).includes('\n');
  const sep = flow && oneLine ? ', ' : `${flow ? ',' : ''}\n${' '.repeat(indent)}`;
  const joined = rendered.join(sep);
  const where = removed.length ? pairRange(pairs.get(removed[0]!)!) : null;
  if (where) {
    // The new fields take the place of the first removed one; the others are removed with their line.
    ctx.edits.push({ start: where.start, end: where.end, insert: joined });
    for (const k of removed.slice(1)) ctx.edits.push(deletion(pairs.get(k)!, flow, ctx.text));
  } else {
    const last = map.items.at(-1);
    const end = last && isPair(last) ? pairRange(last as Pair).end : (map.range?.[0] ?? 0) + 1;
    ctx.edits.push({ start: end, end, insert: `${flow ? ',' : ''}${flow && oneLine ? ' ' : `\n${' '.repeat(indent)}`}${joined}` });
  }
  const at = where?.start ?? map.range?.[0] ?? 0;
  ctx.located.push({
    line: ctx.line(at),
    path: formatPath(path),
    description: `${removed.length ? removed.join(', ') : ''}${removed.length && added.length ? ' → ' : ''}${added.length ? added.join(', ') : ''}`,
  });
}

/** The text of a pair: its key to the end of its value (comments after it stay). */
function pairRange(p: Pair): { start: number; end: number } {
  const key = p.key as Node;
  const val = p.value as Node | null;
  return { start: key.range![0], end: val?.range ? val.range[1] : key.range![1] };
}

function deletion(p: Pair, flow: boolean, text: string): Edit {
  const { start, end } = pairRange(p);
  if (flow) {
    // The pair and the comma before it.
    let s = start;
    while (s > 0 && /[\s,]/.test(text[s - 1]!)) s--;
    return { start: s, end, insert: '' };
  }
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const nl = text.indexOf('\n', end);
  return { start: lineStart, end: nl < 0 ? text.length : nl + 1, insert: '' };
}

function blockIndent(map: YAMLMap, text: string): number {
  const first = map.items[0];
  if (!first || !isPair(first) || !(first.key as Node)?.range) return 0;
  const start = (first.key as Node).range![0];
  return start - (text.lastIndexOf('\n', start - 1) + 1);
}

/** A value as it is written in the file: JSON in a JSON file, flow-style YAML otherwise. */
function value(v: unknown, ctx: Ctx): string {
  if (ctx.json) return JSON.stringify(v);
  return stringify(v, { collectionStyle: 'flow', lineWidth: 0 }).trimEnd();
}

function inline(v: unknown): string {
  const s = v === undefined ? '(none)' : JSON.stringify(v);
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
}

function formatPath(path: (string | number)[]): string {
  return path.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('') || '(document)';
}

function applyEdits(text: string, edits: Edit[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.insert + out.slice(e.end);
  return out;
}
