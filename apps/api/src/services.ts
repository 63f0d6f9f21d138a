import { CLASSIFICATIONS, Id, type Classification, type Review } from '@polev/core';
import type { Logger } from 'pino';
import type { Caller } from './auth.js';
import type { ResponseCache } from './cache.js';
import { forClearance, highestIn, rank, type Withheld } from './classification.js';
import { ApiProblem, forbidden, notFound } from './problems.js';
import type { Actor, Repository, ReviewHead, StoredRevision } from './storage/repository.js';
import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { Env } from './routing.js';

/** What the route modules share: storage, the response cache, the clock and the log. */
export interface Services {
  repo: Repository;
  cache: ResponseCache;
  now: () => Date;
  logger: Logger;
}

export const IdParam = z.object({ id: Id });
export const ClassificationSchema = z.enum(CLASSIFICATIONS);

export const actorOf = (c: Context<Env>): Actor => ({ id: c.get('caller').id, requestId: c.get('requestId') });

/** The head of a live review: 404 when there is none, 410 when it is soft-deleted. */
export async function liveHead(repo: Repository, id: string): Promise<ReviewHead> {
  const head = await repo.getHead(id);
  if (!head) throw notFound(`there is no review "${id}"`);
  if (head.deletedAt) throw gone(head);
  return head;
}

export const gone = (head: ReviewHead) =>
  new ApiProblem(410, 'deleted', 'Deleted', `the review "${head.id}" was deleted on ${head.deletedAt}; an editor can restore it (POST /v1/reviews/${head.id}/restore)`);

/** Stored documents are validated reviews written by this API: read back as they are. */
export const reviewOf = (revision: StoredRevision): Review => JSON.parse(revision.document) as Review;

const filtered = new WeakMap<Review, Map<Classification, { review: Review; withheld: Withheld }>>();
/** The review as a caller with this clearance may see it (memoised per parsed document). */
export function visible(review: Review, clearance: Classification): { review: Review; withheld: Withheld } {
  let byClearance = filtered.get(review);
  if (!byClearance) filtered.set(review, (byClearance = new Map()));
  let v = byClearance.get(clearance);
  if (!v) byClearance.set(clearance, (v = forClearance(review, clearance)));
  return v;
}

/**
 * A write needs clearance for the whole review, before and after: a caller who cannot see an
 * item must not be able to drop it (by replacing what they were shown) or plant one above
 * their clearance.
 */
export function requireClearanceFor(caller: Caller, review: Review, what: string): void {
  const top = highestIn(review);
  if (rank(top) > rank(caller.clearance))
    throw forbidden(`${what} holds items classified ${top}, above the token's clearance (${caller.clearance}); a token cleared for ${top} must make this change`);
}
