import type { z } from 'zod';
import { Review } from '../model/review.js';
import { InvalidReviewError } from '../errors.js';
import { formatPath, type PathSegment, type Problem } from './problem.js';
import { LineIndex } from '../util/lines.js';
import { Suggester } from '../util/nearest.js';
import { count, quote } from '../util/text.js';
import { strengthWarnings } from '../model/strength.js';
import { checkReferences, type UnlocatedProblem } from './references.js';
import { LIMITS, readDocument, type ReadProblem } from './read.js';
import { migrateReview } from './migrate.js';
import { migrationWarning, reviewWarnings } from './warnings.js';

export interface ParseOptions {
  /** Name used in problems; defaults to `<input>`. */
  file?: string;
  /** Problems listed at most (default 1000); a last problem counts the rest. */
  maxProblems?: number;
}

export type ParseResult =
  | { ok: true; review: Review; warnings: Problem[]; counts: ProblemCounts }
  | { ok: false; problems: Problem[]; counts: ProblemCounts };

/**
 * How many problems a file has, listed or not: beyond `maxProblems` only the first are listed,
 * and a last entry counts the rest. That entry is not counted here.
 */
export interface ProblemCounts {
  errors: number;
  warnings: number;
  /** How many of them are listed (in `problems`, or `warnings` when the file is valid). */
  listed: number;
}

/**
 * Parses a review from YAML or JSON text (YAML 1.2 with the core schema, of which JSON is a
 * subset, so both get line numbers). Returns the typed review, or every problem found: syntax,
 * schema and cross-references together, sorted by position; at most `maxProblems` of them.
 *
 * Time and memory are linear in the size of the text whatever it holds: nesting depth, alias
 * expansion and the length of texts are bounded (LIMITS), each a located problem.
 */
export function parseReview(text: string, options: ParseOptions = {}): ParseResult {
  const file = options.file ?? '<input>';
  const max = Math.max(1, options.maxProblems ?? LIMITS.problems);
  // A byte order mark is not part of the content; editors do not count it as a column either.
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const read = readDocument(source);
  if (!read.ok) {
    const lines = new LineIndex(source);
    const problems = read.problems.map((p) => fromRead(file, lines, p));
    return { ok: false, problems, counts: countsOf(problems, problems.length) };
  }
  const data = read.data;
  if (data === null || data === undefined) return { ok: false, problems: [emptyFile(file)], counts: { errors: 1, warnings: 0, listed: 1 } };

  const found: UnlocatedProblem[] = read.bounds.map((b) => ({ ...b, code: 'limit', severity: 'error' }));
  const { review } = validateData(data, found);
  if (found.length === 0 && review) return { ok: true, review, warnings: [], counts: { errors: 0, warnings: 0, listed: 0 } };

  const offsets = read.locate(found);
  const lines = new LineIndex(source, read.lineStarts);
  const problems = found.map((p, i): Problem => {
    const offset = offsets[i];
    const problem: Problem = { file, ...(offset === undefined ? { line: 0, column: 0 } : lines.position(offset)), path: formatPath(p.path), message: p.message, severity: p.severity, code: p.code };
    if (p.hint) problem.hint = p.hint;
    return problem;
  });
  problems.sort(byPosition);
  const listed = capped(problems, max, file);
  const counts = countsOf(problems, Math.min(problems.length, max));
  if (counts.errors > 0 || !review) return { ok: false, problems: listed, counts };
  return { ok: true, review, warnings: listed, counts };
}

function countsOf(problems: readonly Problem[], listed: number): ProblemCounts {
  let errors = 0;
  for (const p of problems) if (p.severity === 'error') errors++;
  return { errors, warnings: problems.length - errors, listed };
}

/**
 * Schema and reference problems of the data (migrated in memory when it is of an older schema
 * version), appended to `found`, followed by its warnings; the review when the schema fits.
 */
function validateData(raw: unknown, found: UnlocatedProblem[]): { review: Review | undefined } {
  const { data, from, changes } = migrateReview(raw);
  // Issues carry their input (for "got the text …") only when asked, which costs a valid file a
  // third of the schema's time (50 → 95 ms at 10k instruments): asked for only when there are issues.
  let parsed = Review.safeParse(data);
  if (!parsed.success) parsed = Review.safeParse(data, { reportInput: true });
  const suggest = new Suggester();
  // Appended one by one: a file can have more problems than a call takes arguments.
  if (!parsed.success) for (const issue of parsed.error.issues) for (const p of fromZodIssue(issue, suggest)) found.push(p);
  for (const p of checkReferences(data, suggest)) found.push(p);
  if (from !== undefined) found.push(migrationWarning(from, changes));
  if (parsed.success) for (const p of reviewWarnings(parsed.data)) found.push(p);
  // A strength above what the sources carry is capped by the analysis: said here, with its place.
  if (parsed.success && !found.some((p) => p.severity === 'error')) for (const p of strengthWarnings(parsed.data)) found.push(p);
  return { review: parsed.data };
}

/** The first `max` problems, and one that counts the rest. */
function capped(problems: Problem[], max: number, file: string): Problem[] {
  if (problems.length <= max) return problems;
  const rest = problems.length - max;
  const errors = problems.filter((p) => p.severity === 'error').length;
  const listed = problems.slice(0, max);
  listed.push({
    file,
    line: 0,
    column: 0,
    path: '',
    message: `${count(rest)} more problem${rest === 1 ? '' : 's'} not listed (${count(problems.length)} in all, ${count(errors)} of them errors)`,
    hint: 'fix the ones listed first; they often cause the others',
    severity: problems.slice(max).some((p) => p.severity === 'error') ? 'error' : 'warning',
    code: 'limit',
  });
  return listed;
}

function fromRead(file: string, lines: LineIndex, p: ReadProblem): Problem {
  return { file, ...lines.position(p.offset), path: '', message: p.message, hint: p.hint, severity: 'error', code: p.code };
}

/** Like parseReview, but throws an InvalidReviewError carrying every problem. */
export function parseReviewOrThrow(text: string, options: ParseOptions = {}): Review {
  const result = parseReview(text, options);
  if (!result.ok) throw new InvalidReviewError(result.problems);
  return result.review;
}

const emptyFile = (file: string): Problem => ({ file, line: 1, column: 1, path: '', message: 'the file is empty', hint: 'start from `polev init`', severity: 'error', code: 'schema' });

function byPosition(a: Problem, b: Problem): number {
  return a.line - b.line || a.column - b.column || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
}

/** A value from the file as a message names it. */
function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return 'not a number (.nan)';
    if (!Number.isFinite(value)) return `${value > 0 ? '' : 'minus '}infinity (a number too large to hold, or .inf)`;
    return `the number ${value}`;
  }
  if (typeof value === 'string') return `the text ${quote(value)}`;
  return `the value ${String(value)}`;
}

const TYPE_NAMES: Record<string, string> = {
  number: 'a number',
  int: 'a whole number',
  string: 'text',
  object: 'a mapping (key: value)',
  array: 'a list',
  boolean: 'true or false',
};

function fromZodIssue(issue: z.core.$ZodIssue, suggest: Suggester): UnlocatedProblem[] {
  const path = issue.path.filter((s): s is PathSegment => typeof s !== 'symbol');
  const base = { path, code: 'schema' as const, severity: 'error' as const };
  const input = (issue as { input?: unknown }).input;
  switch (issue.code) {
    case 'invalid_type': {
      const expected = TYPE_NAMES[issue.expected] ?? issue.expected;
      if (input === undefined) {
        const field = path.at(-1);
        return [{ ...base, message: `${typeof field === 'string' ? quoteKey(field) : 'the document'} is required`, hint: `add it as ${expected}` }];
      }
      return [{ ...base, message: `expected ${expected}, got ${describe(input)}` }];
    }
    case 'invalid_value':
      return [{ ...base, message: `expected ${issue.values.length === 1 ? JSON.stringify(issue.values[0]) : `one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`}, got ${describe(input)}` }];
    case 'unrecognized_keys':
      return issue.keys.map((key) => ({ ...base, path: [...path, key], atKey: true, message: `unknown field ${quote(key)}`, ...hintForKey(key, path, suggest) }));
    case 'invalid_format':
    case 'too_small':
    case 'too_big':
    case 'not_multiple_of':
      return [{ ...base, message: `${issue.message}${input !== undefined && issue.code !== 'too_small' ? ` (got ${describe(input)})` : ''}` }];
    default:
      return [{ ...base, message: issue.message }];
  }
}

/** A field name as messages show it: bare when it is a plain name, quoted otherwise. */
const quoteKey = (key: string) => (/^[A-Za-z_$][\w$]{0,59}$/.test(key) ? key : quote(key));

function hintForKey(key: string, objectPath: PathSegment[], suggest: Suggester): { hint: string } {
  if (key === '<<') return { hint: 'merge keys (<<) are YAML 1.1 and not read here: write the fields out' };
  // Unknown keys are only reported at objects of the schema, so with list indexes left out the
  // scopes are few: the cache below is bounded by the schema, not by the files read.
  const scope = objectPath.map((s) => (typeof s === 'number' ? '[]' : s)).join('.');
  const allowed = allowedKeys.get(scope) ?? keysAt(Review, objectPath);
  allowedKeys.set(scope, allowed);
  const near = suggest.nearest(key, allowed, scope);
  return {
    hint: near
      ? `did you mean "${near}"?`
      : allowed.length
        ? `allowed here: ${allowed.join(', ')}`
        : 'remove it, or check the spelling against the JSON Schema',
  };
}

const allowedKeys = new Map<string, string[]>();

/** The field names the schema allows at a path, walking through lists and optional wrappers. */
function keysAt(schema: z.core.$ZodType, path: PathSegment[]): string[] {
  let cur: z.core.$ZodType | undefined = schema;
  const unwrap = () => {
    for (let def = cur?._zod.def; def && 'innerType' in def; def = cur?._zod.def) cur = def.innerType as z.core.$ZodType;
  };
  for (const seg of path) {
    unwrap();
    const def: z.core.$ZodTypeDef | undefined = cur?._zod.def;
    if (def?.type === 'object' && typeof seg === 'string') {
      const shape: Record<string, z.core.$ZodType> = (def as z.core.$ZodObjectDef).shape;
      cur = Object.hasOwn(shape, seg) ? shape[seg] : undefined;
    }
    else if (def?.type === 'array' && typeof seg === 'number') cur = (def as z.core.$ZodArrayDef).element;
    else return [];
  }
  unwrap();
  const def = cur?._zod.def;
  return def?.type === 'object' ? Object.keys((def as z.core.$ZodObjectDef).shape).filter((k) => k !== '$schema') : [];
}
