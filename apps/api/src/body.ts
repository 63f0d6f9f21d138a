import { parseReview, type Problem, type ProblemCounts, type Review } from '@polev/core';
import type { Context } from 'hono';
import { ApiProblem, badRequest } from './problems.js';

/**
 * Reading a review from a request body: JSON or YAML only (415 otherwise), never empty, never
 * nested deeper than any review can be (checked by a scan before any parser sees the text, so
 * a hostile body cannot exhaust the stack), and every problem of the review at once.
 */
const JSON_TYPES = /^application\/(?:[\w.+-]+\+)?json$/;
const YAML_TYPES = /^(?:application|text)\/(?:x-)?yaml$/;
/** A review nests about eight levels deep; 64 leaves room for notes and never strains a parser. */
export const MAX_DEPTH = 64;

export type BodyKind = 'json' | 'yaml';

export function bodyKind(c: Context): BodyKind {
  const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (JSON_TYPES.test(type)) return 'json';
  if (YAML_TYPES.test(type)) return 'yaml';
  throw new ApiProblem(
    415,
    'unsupported-media-type',
    'Unsupported media type',
    type ? `a body of type ${type} cannot be read: send application/json or application/yaml` : 'set Content-Type: application/json or application/yaml',
    {},
    { 'accept-post': 'application/json, application/yaml' },
  );
}

/**
 * The deepest nesting in the text: brackets (quoted strings skipped), and block indentation
 * counted as one level per four spaces, which no hand-written review comes near.
 */
export function nestingDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let quote = false;
  let indent = 0;
  let lineStart = true;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (quote) {
      if (ch === 92 /* \\ */) i++;
      else if (ch === 34 /* " */) quote = false;
      continue;
    }
    if (lineStart) {
      if (ch === 32) {
        indent++;
        continue;
      }
      lineStart = false;
      if (indent > 4 * max) max = Math.ceil(indent / 4);
    }
    if (ch === 10) {
      lineStart = true;
      indent = 0;
    } else if (ch === 34) quote = true;
    else if (ch === 91 || ch === 123) {
      if (++depth > max) max = depth;
    } else if ((ch === 93 || ch === 125) && depth > 0) depth--;
  }
  return max;
}

function jsonSyntax(text: string): string | null {
  try {
    JSON.parse(text);
    return null;
  } catch (e) {
    return (e as Error).message;
  }
}

/** The request body as text, in JSON or YAML, checked to be something a parser can safely read. */
export async function readBodyText(c: Context): Promise<{ kind: BodyKind; text: string }> {
  const kind = bodyKind(c);
  const text = await c.req.text();
  if (!text.trim()) throw badRequest(`the body is empty: send the review as ${kind === 'json' ? 'JSON' : 'YAML'}`);
  if (nestingDepth(text) > MAX_DEPTH) throw new ApiProblem(400, 'too-deeply-nested', 'Body nested too deeply', `the body nests deeper than ${MAX_DEPTH} levels, which no review does`);
  if (kind === 'json') {
    const error = jsonSyntax(text);
    if (error) throw new ApiProblem(400, 'malformed-body', 'Malformed body', `the body is not valid JSON: ${error}`);
  }
  return { kind, text };
}

export type ParsedBody = { ok: true; review: Review; warnings: Problem[] } | { ok: false; problems: Problem[]; counts: ProblemCounts; syntax: boolean };

/** The body parsed as a review; a parser failure on a hostile input is a 400, not a crash. */
export async function parseBody(c: Context, file: string): Promise<ParsedBody> {
  const { text } = await readBodyText(c);
  let result;
  try {
    result = parseReview(text, { file });
  } catch (e) {
    if (e instanceof RangeError) throw new ApiProblem(400, 'too-deeply-nested', 'Body nested too deeply', 'the body could not be read: it nests too deeply');
    throw e;
  }
  if (result.ok) return { ok: true, review: result.review, warnings: result.warnings };
  return { ok: false, problems: result.problems, counts: result.counts, syntax: result.problems.every((p) => p.code === 'syntax') };
}

/** A valid review from the body: syntax errors are a 400, a review with problems a 422 listing every one. */
export async function readReview(c: Context): Promise<Review> {
  const parsed = await parseBody(c, c.req.query('file') ?? '<request body>');
  if (parsed.ok) return parsed.review;
  if (parsed.syntax) throw new ApiProblem(400, 'malformed-body', 'Malformed body', 'the body is not valid YAML or JSON', { problems: parsed.problems });
  throw invalidReview(parsed.problems, parsed.counts);
}

/** A file with very many problems lists only the first (and a last entry counting the rest): `counts` has them all. */
export const invalidReview = (problems: unknown[], counts: ProblemCounts = { errors: problems.length, warnings: 0, listed: problems.length }) => {
  const total = counts.errors + counts.warnings;
  const listed = total > counts.listed ? ` (the first ${counts.listed.toLocaleString('en')} listed)` : '';
  return new ApiProblem(422, 'invalid-review', 'Invalid review', `the review has ${total.toLocaleString('en')} problem${total === 1 ? '' : 's'}${listed}`, { problems, counts });
};
