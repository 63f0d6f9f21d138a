import type { Context } from 'hono';
import type { CachedBody, ResponseCache } from './cache.js';
import type { Withheld } from './classification.js';
import { ApiProblem } from './problems.js';
import type { ReviewHead } from './storage/repository.js';

/** Conditional requests, cursors and the responses built from cached bytes. */

/** The strong ETag of a stored revision: its number and content hash. */
export const revisionEtag = (revision: number, hash: string): string => `"${revision}-${hash.slice(0, 20)}"`;

function entityTags(header: string): string[] {
  return header.split(',').map((s) => s.trim()).filter(Boolean);
}

/**
 * The revision a write expects, from `If-Match`: 428 without the header, 412 when no tag in it
 * is the current one (weak tags never match: strong comparison).
 */
export function expectedRevision(c: Context, head: ReviewHead): number {
  const header = c.req.header('if-match');
  if (header === undefined)
    throw new ApiProblem(428, 'precondition-required', 'Precondition required', `send If-Match with the ETag of the revision you are changing (now ${revisionEtag(head.revision, head.hash)})`);
  const tags = entityTags(header);
  if (tags.includes('*') || tags.includes(revisionEtag(head.revision, head.hash))) return head.revision;
  throw preconditionFailed(head);
}

/** `If-Match: *`: the caller asks to change whatever revision is current, not one it names (RFC 9110 §13.1.1). */
export const matchesAnyRevision = (c: Context): boolean => entityTags(c.req.header('if-match') ?? '').includes('*');

export const preconditionFailed = (head: ReviewHead) =>
  new ApiProblem(
    412,
    'precondition-failed',
    'Precondition failed',
    `the review has changed: its current revision is ${head.revision}; fetch it, reapply your change and send it with the new ETag`,
    { currentRevision: head.revision },
    { etag: revisionEtag(head.revision, head.hash) },
  );

/** Whether `If-None-Match` names this ETag (weak comparison, as RFC 9110 asks for it). */
export function notModified(c: Context, etag: string): boolean {
  const header = c.req.header('if-none-match');
  if (!header) return false;
  const bare = etag.replace(/^W\//, '');
  return entityTags(header).some((t) => t === '*' || t.replace(/^W\//, '') === bare);
}

export function withheldHeaders(w: Withheld): Record<string, string> {
  return { 'polev-withheld': String(w.count) };
}

/**
 * Sends cached bytes: 304 for a matching If-None-Match, gzip when the client takes it. Not
 * `conditional` for answers to a POST, which name no stored resource.
 */
export function sendCached(c: Context, cache: ResponseCache, entry: CachedBody, conditional = true): Response {
  const headers: Record<string, string> = { ...(conditional ? { etag: entry.etag } : {}), vary: 'Accept-Encoding, Authorization', 'cache-control': conditional ? 'private, no-cache' : 'no-store', ...entry.headers };
  if (conditional && notModified(c, entry.etag)) return new Response(null, { status: 304, headers });
  const gzip = entry.body.byteLength > 1024 && /\bgzip\b/.test(c.req.header('accept-encoding') ?? '');
  return new Response((gzip ? cache.gzipped(entry) : entry.body) as Uint8Array<ArrayBuffer>, {
    status: 200,
    headers: { ...headers, 'content-type': entry.contentType, ...(gzip ? { 'content-encoding': 'gzip' } : {}) },
  });
}

const encoder = new TextEncoder();
export const jsonBytes = (value: unknown): Uint8Array => encoder.encode(JSON.stringify(value));

/** Opaque page cursors: base64url JSON of the last key of the page. */
export const encodeCursor = (key: string | number): string => Buffer.from(JSON.stringify({ k: key })).toString('base64url');

export function decodeCursor<T extends 'string' | 'number'>(cursor: string | undefined, type: T): (T extends 'string' ? string : number) | undefined {
  if (cursor === undefined) return undefined;
  try {
    const k = (JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { k?: unknown }).k;
    if (typeof k === type) return k as T extends 'string' ? string : number;
  } catch {
    // fall through to the problem
  }
  throw new ApiProblem(400, 'bad-cursor', 'Bad cursor', 'the cursor is not one this API gave out: start again without a cursor');
}
