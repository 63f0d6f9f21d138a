import { Review as ReviewSchema, type Review } from '@polev/core';
import type { Context } from 'hono';
import { z, type OpenAPIHono } from '@hono/zod-openapi';
import { invalidReview, readReview } from '../body.js';
import { decodeCursor, encodeCursor, expectedRevision, jsonBytes, matchesAnyRevision, preconditionFailed, revisionEtag, sendCached, withheldHeaders } from '../http.js';
import { ApiProblem, notFound } from '../problems.js';
import { defineRoute, problemRef, type AllowTable, type Env } from '../routing.js';
import type { ReviewHead, WriteResult } from '../storage/repository.js';
import { actorOf, gone, IdParam, liveHead, requireClearanceFor, reviewOf, visible, type Services } from '../services.js';
import { WithheldSchema } from './schemas.js';

export const ReviewHeadSchema = z
  .object({
    id: z.string(),
    revision: z.int(),
    etag: z.string(),
    title: z.string(),
    ministry: z.string(),
    articles: z.array(z.string()),
    period: z.object({ start: z.int().nullable(), end: z.int().nullable() }),
    rpeVersion: z.string(),
    createdAt: z.string(),
    createdBy: z.string(),
    updatedAt: z.string(),
    updatedBy: z.string(),
    deletedAt: z.string().nullable(),
  })
  .openapi('StoredReview');

export const headJson = (h: ReviewHead) => ({
  id: h.id,
  revision: h.revision,
  etag: revisionEtag(h.revision, h.hash),
  title: h.title,
  ministry: h.ministry,
  articles: h.articles,
  period: { start: h.periodStart, end: h.periodEnd },
  rpeVersion: h.rpeVersion,
  createdAt: h.createdAt,
  createdBy: h.createdBy,
  updatedAt: h.updatedAt,
  updatedBy: h.updatedBy,
  deletedAt: h.deletedAt,
});

const reviewBody = {
  required: true,
  description: 'The review, as JSON or YAML (the same file `polev validate` checks).',
  content: { 'application/json': { schema: ReviewSchema }, 'application/yaml': { schema: ReviewSchema } },
};
const headResponse = (description: string) => ({ description, content: { 'application/json': { schema: ReviewHeadSchema } } });

const ListQuery = z.object({
  ministry: z.string().min(1).optional().describe('the ministry name or abbreviation'),
  article: z.string().min(1).optional().describe('a budget article number, e.g. 36.2'),
  periodFrom: z.coerce.number().int().optional().describe('reviews whose period reaches this year or later'),
  periodTo: z.coerce.number().int().optional().describe('reviews whose period starts in this year or earlier'),
  rpeVersion: z.string().min(1).optional(),
  deleted: z.enum(['true', 'false']).optional().describe('true lists the soft-deleted reviews instead (to restore or purge them)'),
  cursor: z.string().optional().describe('nextCursor of the previous page'),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

/** The status and problem of a refused write. */
function refused(result: Extract<WriteResult, { ok: false }>, id: string): ApiProblem {
  switch (result.reason) {
    case 'not-found':
      return notFound(`there is no review "${id}"`);
    case 'exists':
      return new ApiProblem(409, 'exists', 'Conflict', `a review "${id}" exists already: replace it with PUT /v1/reviews/${id} and If-Match`);
    case 'deleted':
      return result.head && result.head.deletedAt ? gone(result.head) : notFound(id);
    case 'not-deleted':
      return new ApiProblem(409, 'not-deleted', 'Conflict', `the review "${id}" is not deleted`);
    case 'conflict':
      return preconditionFailed(result.head!);
  }
}

/** How often a write under `If-Match: *` is tried: each race it loses, another write won, so 32 outlasts 32 writers at once. */
const ANY_REVISION_ATTEMPTS = 32;

/**
 * A write under If-Match against the current head, whose whole review the caller must be cleared
 * for. A named ETag that is stale is a 412. `If-Match: *` asks for whatever revision is current,
 * so a write that lost the race to another (the database decides: row lock, unique revision) is
 * tried again on the new head — its clearance checked again, so nobody overwrites an item they
 * cannot see — instead of being refused as if the caller had named a revision.
 */
async function conditionalWrite(c: Context<Env>, s: Services, id: string, write: (expected: () => number) => Promise<WriteResult>): Promise<Extract<WriteResult, { ok: true }>> {
  for (let attempt = 1; ; attempt++) {
    const head = await liveHead(s.repo, id);
    const current = await s.repo.getRevision(head.id, head.revision);
    if (current) requireClearanceFor(c.get('caller'), reviewOf(current), 'the stored review');
    const result = await write(() => expectedRevision(c, head));
    if (result.ok) return result;
    if (result.reason !== 'conflict' || !matchesAnyRevision(c) || attempt === ANY_REVISION_ATTEMPTS) throw refused(result, id);
  }
}

export function reviewRoutes(app: OpenAPIHono<Env>, allow: AllowTable, s: Services): void {
  const tags = ['reviews'];

  defineRoute(app, allow, {
    method: 'get', path: '/v1/reviews', tags, role: 'reader', summary: 'List stored reviews',
    description: 'Ordered by id; filter by ministry, article, period and RPE version; pages of `limit` with `nextCursor`.',
    query: ListQuery,
    responses: { 200: { description: 'A page of reviews', content: { 'application/json': { schema: z.object({ items: z.array(ReviewHeadSchema), nextCursor: z.string().nullable() }) } } } },
  }, async (c, { query }) => {
    const after = decodeCursor(query.cursor, 'string');
    const items = await s.repo.listReviews({ ...query, deleted: query.deleted === 'true', after, limit: query.limit + 1 });
    const page = items.slice(0, query.limit);
    return c.json({ items: page.map(headJson), nextCursor: items.length > query.limit ? encodeCursor(page[page.length - 1]!.id) : null });
  });

  defineRoute(app, allow, {
    method: 'post', path: '/v1/reviews', tags, role: 'editor', summary: 'Store a new review (revision 1)',
    body: reviewBody,
    responses: {
      201: headResponse('Stored; Location and ETag name the new revision'),
      409: problemRef('A review with this id exists (possibly deleted: restore or purge it)'),
      413: problemRef('The body is larger than the limit'),
      415: problemRef('The body is not JSON or YAML'),
      422: problemRef('The review has problems: every one, located'),
    },
  }, async (c) => {
    const review = await readReview(c);
    const caller = c.get('caller');
    requireClearanceFor(caller, review, 'the review');
    const result = await s.repo.createReview(review, JSON.stringify(review), actorOf(c), s.now().toISOString());
    if (!result.ok) throw refused(result, review.id);
    return c.json(headJson(result.head), 201, { location: `/v1/reviews/${review.id}`, etag: revisionEtag(result.head.revision, result.head.hash) });
  });

  defineRoute(app, allow, {
    method: 'get', path: '/v1/reviews/{id}', tags, role: 'reader', summary: 'The current revision of a review',
    description: 'Items above the caller\'s clearance are removed; `withheld` and the Polev-Withheld header count them.',
    params: IdParam,
    responses: {
      200: { description: 'The review and its metadata', content: { 'application/json': { schema: ReviewHeadSchema.extend({ withheld: WithheldSchema, review: ReviewSchema }) } } },
      304: { description: 'Not modified (If-None-Match)' },
      404: problemRef('No such review'),
      410: problemRef('Soft-deleted'),
    },
  }, async (c, { params }) => {
    const head = await liveHead(s.repo, params.id);
    const clearance = c.get('caller').clearance;
    const key = `review:${head.id}:${head.hash}:${head.revision}:${clearance}:${head.updatedAt}`;
    let entry = s.cache.get(key);
    if (!entry) {
      const current = await s.repo.getRevision(head.id, head.revision);
      if (!current) throw notFound(`there is no review "${head.id}"`);
      const v = visible(reviewOf(current), clearance);
      const etag = v.withheld.count ? `"${head.revision}-${head.hash.slice(0, 20)}-${clearance}"` : revisionEtag(head.revision, head.hash);
      entry = s.cache.set(key, { body: jsonBytes({ ...headJson(head), withheld: v.withheld, review: v.review }), contentType: 'application/json', etag, headers: withheldHeaders(v.withheld) });
    }
    return sendCached(c, s.cache, entry);
  });

  defineRoute(app, allow, {
    method: 'put', path: '/v1/reviews/{id}', tags, role: 'editor', summary: 'Replace a review: a new revision',
    description: 'Needs If-Match with the current ETag (428 without, 412 when stale: nothing is merged); `If-Match: *` replaces whatever revision is current. The caller must be cleared for every item, before and after.',
    params: IdParam,
    body: reviewBody,
    responses: {
      200: headResponse('The new revision'),
      404: problemRef('No such review'),
      410: problemRef('Soft-deleted'),
      412: problemRef('If-Match is not the current revision'),
      428: problemRef('If-Match is missing'),
      422: problemRef('The review has problems'),
    },
  }, async (c, { params }) => {
    const caller = c.get('caller');
    let review: Review | undefined;
    const result = await conditionalWrite(c, s, params.id, async (expected) => {
      if (!review) {
        review = await readReview(c);
        if (review.id !== params.id) throw invalidReview([{ path: 'id', line: 0, column: 0, message: `the review's id is "${review.id}", the URL's "${params.id}"`, hint: 'ids cannot be changed: store it under its new id and delete the old one', severity: 'error', code: 'inconsistent' }]);
        requireClearanceFor(caller, review, 'the new review');
      }
      return s.repo.replaceReview(params.id, expected(), review, JSON.stringify(review), actorOf(c), s.now().toISOString());
    });
    return c.json(headJson(result.head), 200, { etag: revisionEtag(result.head.revision, result.head.hash) });
  });

  defineRoute(app, allow, {
    method: 'delete', path: '/v1/reviews/{id}', tags, role: 'editor', summary: 'Delete a review (soft: restorable; admins can purge)',
    params: IdParam,
    responses: { 200: headResponse('Deleted'), 404: problemRef('No such review'), 410: problemRef('Already deleted'), 412: problemRef('Stale If-Match'), 428: problemRef('If-Match is missing') },
  }, async (c, { params }) => {
    const result = await conditionalWrite(c, s, params.id, (expected) => s.repo.deleteReview(params.id, expected(), actorOf(c), s.now().toISOString()));
    return c.json(headJson(result.head));
  });

  defineRoute(app, allow, {
    method: 'post', path: '/v1/reviews/{id}/restore', tags, role: 'editor', summary: 'Restore a soft-deleted review',
    params: IdParam,
    responses: { 200: headResponse('Restored, at the revision it had'), 404: problemRef('No such review'), 409: problemRef('Not deleted') },
  }, async (c, { params }) => {
    const result = await s.repo.restoreReview(params.id, actorOf(c), s.now().toISOString());
    if (!result.ok) throw refused(result, params.id);
    return c.json(headJson(result.head));
  });

  defineRoute(app, allow, {
    method: 'post', path: '/v1/reviews/{id}/purge', tags, role: 'admin', summary: 'Remove a review and every revision for good (admins)',
    description: 'Only a soft-deleted review can be purged. The audit log keeps that it was.',
    params: IdParam,
    responses: { 204: { description: 'Purged' }, 404: problemRef('No such review'), 409: problemRef('Not deleted first') },
  }, async (c, { params }) => {
    const head = await s.repo.getHead(params.id);
    if (!head) throw notFound(`there is no review "${params.id}"`);
    if (!head.deletedAt) throw new ApiProblem(409, 'not-deleted', 'Conflict', `delete the review "${params.id}" before purging it`);
    const result = await s.repo.purgeReview(params.id, actorOf(c), s.now().toISOString());
    if (!result.ok) throw refused(result, params.id);
    return c.body(null, 204);
  });

}
