import { CORE_SCHEMA, load as loadFast } from 'js-yaml';
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { z } from 'zod';
import { Review } from '../model/review.js';
import { InvalidReviewError } from '../errors.js';
import { formatPath, type PathSegment, type Problem } from './problem.js';
import { nearest } from '../util/nearest.js';
import { checkReferences, type UnlocatedProblem } from './references.js';
import { migrationWarning, reviewWarnings } from './warnings.js';
import { migrateReview } from './migrate.js';

export interface ParseOptions {
  /** Name used in problems; defaults to `<input>`. */
  file?: string;
}

export type ParseResult =
  | { ok: true; review: Review; warnings: Problem[] }
  | { ok: false; problems: Problem[] };

/**
 * Parses a review from YAML or JSON text (both read as YAML 1.2 with the core schema, of which
 * JSON is a subset, so both get line numbers). Returns the typed review, or every problem found:
 * syntax, schema and cross-references together, sorted by position.
 */
export function parseReview(text: string, options: ParseOptions = {}): ParseResult {
  const file = options.file ?? '<input>';
  // Fast path: js-yaml reads a valid file several times faster than a parser that keeps the
  // positions of every node. Positions are only needed for problems, so the document is parsed
  // again, with positions, only when there is something to report. A file with anchors always
  // takes the careful path, which limits alias expansion: a few nested aliases can otherwise
  // blow up to billions of nodes.
  const data = HAS_ANCHOR.test(text) ? FAILED : fastLoad(text);
  if (data !== FAILED) {
    if (data === null || data === undefined) return { ok: false, problems: [emptyFile(file)] };
    const { found, review } = validateData(data);
    if (found.length === 0 && review) return { ok: true, review, warnings: [] };
  }
  return parseWithPositions(text, file);
}

const FAILED = Symbol('failed');
const HAS_ANCHOR = /(?:^|[\s[{,:-])&[^\s[\]{},]+/m;
const MAX_ALIASES = 1000;

function fastLoad(text: string): unknown {
  try {
    return loadFast(text, { schema: CORE_SCHEMA });
  } catch {
    return FAILED;
  }
}

function validateData(raw: unknown): { found: UnlocatedProblem[]; review: Review | undefined } {
  const { data, from, changes } = migrateReview(raw);
  const parsed = Review.safeParse(data, { reportInput: true });
  const found: UnlocatedProblem[] = parsed.success ? [] : parsed.error.issues.flatMap(fromZodIssue);
  found.push(...checkReferences(data));
  if (from !== undefined) found.push(migrationWarning(from, changes));
  if (parsed.success) found.push(...reviewWarnings(parsed.data));
  return { found, review: parsed.data };
}

const emptyFile = (file: string): Problem => ({ file, line: 1, column: 1, path: '', message: 'the file is empty', hint: 'start from `polev init`', severity: 'error', code: 'schema' });

function parseWithPositions(text: string, file: string): ParseResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });

  if (doc.errors.length > 0) {
    return {
      ok: false,
      problems: doc.errors.map((e) => ({
        file,
        ...position(lineCounter, e.pos[0]),
        path: '',
        message: firstLine(e.message),
        hint: 'fix the YAML/JSON syntax first; other problems are checked after it parses',
        severity: 'error' as const,
        code: 'syntax' as const,
      })),
    };
  }

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (err) {
    // yaml refuses to expand aliases past the limit (a resource-exhaustion guard).
    return {
      ok: false,
      problems: [{ file, line: 0, column: 0, path: '', message: `the file expands its aliases too often (${firstLine((err as Error).message)})`, hint: `use at most ${MAX_ALIASES} alias expansions; write the repeated values out instead`, severity: 'error', code: 'syntax' }],
    };
  }
  if (data === null || data === undefined) return { ok: false, problems: [emptyFile(file)] };
  const { found, review } = validateData(data);
  const problems = found.map((p) => locate(doc, lineCounter, file, p)).sort(byPosition);
  if (problems.some((p) => p.severity === 'error') || !review) return { ok: false, problems };
  return { ok: true, review, warnings: problems };
}

/** Like parseReview, but throws an InvalidReviewError carrying every problem. */
export function parseReviewOrThrow(text: string, options: ParseOptions = {}): Review {
  const result = parseReview(text, options);
  if (!result.ok) throw new InvalidReviewError(result.problems);
  return result.review;
}

function position(lc: LineCounter, offset: number | undefined): { line: number; column: number } {
  if (offset === undefined) return { line: 0, column: 0 };
  const { line, col } = lc.linePos(offset);
  return { line, column: col };
}

function firstLine(s: string): string {
  return s.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

function byPosition(a: Problem, b: Problem): number {
  return a.line - b.line || a.column - b.column || a.path.localeCompare(b.path);
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  const shown = JSON.stringify(value);
  const short = shown.length > 40 ? `${shown.slice(0, 37)}…` : shown;
  return `${typeof value === 'number' ? 'the number' : typeof value === 'string' ? 'the text' : 'the value'} ${short}`;
}

const TYPE_NAMES: Record<string, string> = {
  number: 'a number',
  int: 'a whole number',
  string: 'text',
  object: 'a mapping (key: value)',
  array: 'a list',
  boolean: 'true or false',
};

function fromZodIssue(issue: z.core.$ZodIssue): UnlocatedProblem[] {
  const path = issue.path.filter((s): s is PathSegment => typeof s !== 'symbol');
  const base = { path, code: 'schema' as const, severity: 'error' as const };
  switch (issue.code) {
    case 'invalid_type': {
      const received = (issue as { input?: unknown }).input;
      if (received === undefined) return [{ ...base, message: `${String(path.at(-1) ?? 'the document')} is required`, hint: `add it as ${TYPE_NAMES[issue.expected] ?? issue.expected}` }];
      return [{ ...base, message: `expected ${TYPE_NAMES[issue.expected] ?? issue.expected}, got ${describe(received)}` }];
    }
    case 'invalid_value':
      return [{ ...base, message: `expected ${issue.values.length === 1 ? JSON.stringify(issue.values[0]) : `one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`}, got ${describe((issue as { input?: unknown }).input)}` }];
    case 'unrecognized_keys':
      return issue.keys.map((key) => ({ ...base, path: [...path, key], atKey: true, message: `unknown field "${key}"`, ...hintForKey(key, path) }));
    case 'invalid_format':
    case 'too_small':
    case 'too_big':
    case 'not_multiple_of':
      return [{ ...base, message: `${issue.message}${'input' in issue && issue.input !== undefined && issue.code !== 'too_small' ? ` (got ${describe(issue.input)})` : ''}` }];
    default:
      return [{ ...base, message: issue.message }];
  }
}

function hintForKey(key: string, objectPath: PathSegment[]): { hint: string } {
  const allowed = keysAt(Review, objectPath);
  const near = nearest(key, allowed);
  return {
    hint: near
      ? `did you mean "${near}"?`
      : allowed.length
        ? `allowed here: ${allowed.join(', ')}`
        : 'remove it, or check the spelling against the JSON Schema',
  };
}

/** The field names the schema allows at a path, walking through lists and optional wrappers. */
function keysAt(schema: z.core.$ZodType, path: PathSegment[]): string[] {
  let cur: z.core.$ZodType | undefined = schema;
  const unwrap = () => {
    for (let def = cur?._zod.def; def && 'innerType' in def; def = cur?._zod.def) cur = def.innerType as z.core.$ZodType;
  };
  for (const seg of path) {
    unwrap();
    const def: z.core.$ZodTypeDef | undefined = cur?._zod.def;
    if (def?.type === 'object' && typeof seg === 'string') cur = (def as z.core.$ZodObjectDef).shape[seg];
    else if (def?.type === 'array' && typeof seg === 'number') cur = (def as z.core.$ZodArrayDef).element;
    else return [];
  }
  unwrap();
  const def = cur?._zod.def;
  return def?.type === 'object' ? Object.keys((def as z.core.$ZodObjectDef).shape).filter((k) => k !== '$schema') : [];
}

/** Finds the YAML node for a path: the deepest node that exists, and the key itself for unknown keys. */
function locate(doc: Document, lc: LineCounter, file: string, p: UnlocatedProblem): Problem {
  let node: unknown = doc.contents;
  let keyNode: Node | undefined;
  for (const seg of p.path) {
    if (isMap(node)) {
      const pair = node.items.find((it) => isPair(it) && isScalar(it.key) && it.key.value === seg);
      if (!pair || !isPair(pair)) break;
      keyNode = pair.key as Node;
      node = pair.value;
    } else if (isSeq(node) && typeof seg === 'number' && seg < node.items.length) {
      keyNode = undefined;
      node = node.items[seg];
    } else break;
  }
  const target = p.atKey && keyNode ? keyNode : ((node as Node | null)?.range ? (node as Node) : keyNode);
  const problem: Problem = {
    file,
    ...position(lc, target?.range?.[0]),
    path: formatPath(p.path),
    message: p.message,
    severity: p.severity,
    code: p.code,
  };
  if (p.hint) problem.hint = p.hint;
  return problem;
}
