import { compare, Review as ReviewSchema } from '@polev/core';
import { z, type OpenAPIHono } from '@hono/zod-openapi';
import { decodeCursor, encodeCursor, jsonBytes, revisionEtag, sendCached, withheldHeaders } from '../http.js';
import { notFound } from '../problems.js';
import { defineRoute, problemRef, type AllowTable, type Env } from '../routing.js';
import { IdParam, liveHead, reviewOf, visible, type Services } from '../services.js';
import { AnyObject, WithheldSchema } from './schemas.js';

const RevisionMetaSchema = z
  .object({ revision: z.int(), etag: z.string(), author: z.string().describe('token id of the writer'), createdAt: z.string() })
  .openapi('RevisionMeta');

const RevisionParams = IdParam.extend({ revision: z.coerce.number().int().min(1) });

export function revisionRoutes(app: OpenAPIHono<Env>, allow: AllowTable, s: Services): void {
  const tags = ['revisions'];

  defineRoute(app, allow, {
    method: 'get', path: '/v1/reviews/{id}/revisions', tags, role: 'reader', summary: 'Every revision of a review, oldest first',
    params: IdParam,
    query: z.object({ cursor: z.string().optional(), limit: z.coerce.number().int().min(1).max(100).default(50) }),
    responses: { 200: { description: 'A page of revisions', content: { 'application/json': { schema: z.object({ items: z.array(RevisionMetaSchema), nextCursor: z.string().nullable() }) } } }, 404: problemRef('No such review') },
  }, async (c, { params, query }) => {
    await liveHead(s.repo, params.id);
    const after = decodeCursor(query.cursor, 'number') ?? 0;
    const rows = await s.repo.listRevisions(params.id, after, query.limit + 1);
    const page = rows.slice(0, query.limit);
    return c.json({
      items: page.map((r) => ({ revision: r.revision, etag: revisionEtag(r.revision, r.hash), author: r.author, createdAt: r.createdAt })),
      nextCursor: rows.length > query.limit ? encodeCursor(page[page.length - 1]!.revision) : null,
    });
  });

  defineRoute(app, allow, {
    method: 'get', path: '/v1/reviews/{id}/revisions/{revision}', tags, role: 'reader', summary: 'One revision, as it was stored',
    params: RevisionParams,
    responses: {
      200: { description: 'The revision', content: { 'application/json': { schema: RevisionMetaSchema.extend({ id: z.string(), withheld: WithheldSchema, review: ReviewSchema }) } } },
      304: { description: 'Not modified' },
      404: problemRef('No such review or revision'),
    },
  }, async (c, { params }) => {
    await liveHead(s.repo, params.id);
    const clearance = c.get('caller').clearance;
    const stored = await s.repo.getRevision(params.id, params.revision);
    if (!stored) throw notFound(`the review "${params.id}" has no revision ${params.revision}`);
    const key = `revision:${params.id}:${stored.revision}:${stored.hash}:${clearance}`;
    const entry =
      s.cache.get(key) ??
      (() => {
        const v = visible(reviewOf(stored), clearance);
        const etag = v.withheld.count ? `"${stored.revision}-${stored.hash.slice(0, 20)}-${clearance}"` : revisionEtag(stored.revision, stored.hash);
        const body = { id: params.id, revision: stored.revision, etag: revisionEtag(stored.revision, stored.hash), author: stored.author, createdAt: stored.createdAt, withheld: v.withheld, review: v.review };
        return s.cache.set(key, { body: jsonBytes(body), contentType: 'application/json', etag, headers: withheldHeaders(v.withheld) });
      })();
    return sendCached(c, s.cache, entry);
  });

  defineRoute(app, allow, {
    method: 'get', path: '/v1/reviews/{id}/diff', tags, role: 'reader', summary: 'What changed between two revisions (core\'s compare)',
    description: 'Tree, instruments, money and coverage, compared on what the caller may see of both revisions.',
    params: IdParam,
    query: z.object({
      from: z.coerce.number().int().min(1).describe('the earlier revision'),
      to: z.coerce.number().int().min(1).optional().describe('the later revision; default the current one'),
      lang: z.enum(['en', 'nl']).default('en'),
    }),
    responses: { 200: { description: 'The comparison', content: { 'application/json': { schema: z.object({ from: z.int(), to: z.int(), withheld: WithheldSchema, comparison: AnyObject }) } } }, 404: problemRef('No such review or revision') },
  }, async (c, { params, query }) => {
    const head = await liveHead(s.repo, params.id);
    const to = query.to ?? head.revision;
    const [a, b] = await Promise.all([s.repo.getRevision(params.id, query.from), s.repo.getRevision(params.id, to)]);
    if (!a) throw notFound(`the review "${params.id}" has no revision ${query.from}`);
    if (!b) throw notFound(`the review "${params.id}" has no revision ${to}`);
    const clearance = c.get('caller').clearance;
    const key = `diff:${params.id}:${a.hash}:${b.hash}:${query.from}:${to}:${clearance}:${query.lang}`;
    const entry =
      s.cache.get(key) ??
      (() => {
        const va = visible(reviewOf(a), clearance);
        const vb = visible(reviewOf(b), clearance);
        const byKind: Record<string, number> = { ...va.withheld.byKind };
        for (const [k, n] of Object.entries(vb.withheld.byKind)) byKind[k] = Math.max(byKind[k] ?? 0, n);
        const withheld = { count: Object.values(byKind).reduce((x, y) => x + y, 0), byKind };
        const body = { from: query.from, to, withheld, comparison: compare(va.review, vb.review, { lang: query.lang }) };
        return s.cache.set(key, { body: jsonBytes(body), contentType: 'application/json', etag: `"diff-${a.hash.slice(0, 12)}-${b.hash.slice(0, 12)}-${clearance}-${query.lang}"`, headers: withheldHeaders(withheld) });
      })();
    return sendCached(c, s.cache, entry);
  });
}
