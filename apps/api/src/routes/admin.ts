import { z, type OpenAPIHono } from '@hono/zod-openapi';
import { hashToken, newTokenId, newTokenSecret } from '../auth.js';
import { rank } from '../classification.js';
import { decodeCursor, encodeCursor } from '../http.js';
import { ApiProblem, badRequest, forbidden, notFound } from '../problems.js';
import { defineRoute, problemRef, type AllowTable, type Env } from '../routing.js';
import { actorOf, ClassificationSchema, type Services } from '../services.js';
import type { TokenRecord } from '../storage/repository.js';

const TokenSchema = z
  .object({
    id: z.string(),
    name: z.string().nullable(),
    role: z.enum(['reader', 'editor', 'admin']),
    clearance: ClassificationSchema,
    createdAt: z.string(),
    createdBy: z.string(),
    expiresAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .openapi('Token');

const NewTokenSchema = z
  .strictObject({
    role: z.enum(['reader', 'editor', 'admin']),
    clearance: ClassificationSchema.default('public').describe('the highest classification the holder may see'),
    name: z.string().min(1).max(200).optional().describe('who or what holds it'),
    expiresAt: z.iso.datetime({ offset: true }).optional().describe('ISO date-time; absent = no expiry'),
  })
  .openapi('NewToken');

const AuditSchema = z
  .object({
    seq: z.int(),
    at: z.string(),
    actor: z.string(),
    action: z.string(),
    reviewId: z.string().nullable(),
    revision: z.int().nullable(),
    requestId: z.string().nullable(),
    detail: z.string().nullable(),
  })
  .openapi('AuditEntry');


/** Tokens and the audit log: admins only. */
export function adminRoutes(app: OpenAPIHono<Env>, allow: AllowTable, s: Services): void {
  defineRoute(app, allow, {
    method: 'post', path: '/v1/tokens', tags: ['tokens'], role: 'admin', summary: 'Create a token; its secret is shown once',
    body: { required: true, content: { 'application/json': { schema: NewTokenSchema } } },
    responses: { 201: { description: 'The token and its secret', content: { 'application/json': { schema: z.object({ token: TokenSchema, secret: z.string() }) } } }, 415: problemRef('Not JSON') },
  }, async (c) => {
    if (!/^application\/json\b/i.test(c.req.header('content-type') ?? ''))
      throw new ApiProblem(415, 'unsupported-media-type', 'Unsupported media type', 'send the new token as application/json');
    let raw: unknown;
    try {
      raw = await c.req.json();
    } catch {
      throw new ApiProblem(400, 'malformed-body', 'Malformed body', 'the body is not valid JSON');
    }
    const parsed = NewTokenSchema.safeParse(raw);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
      throw badRequest(problems.map((p) => `${p.path || 'body'}: ${p.message}`).join('; '), { problems });
    }
    const t = parsed.data;
    const caller = c.get('caller');
    if (rank(t.clearance) > rank(caller.clearance)) throw forbidden(`a token cannot get a clearance (${t.clearance}) above its creator's (${caller.clearance})`);
    if (t.expiresAt && Date.parse(t.expiresAt) <= s.now().getTime()) throw badRequest('expiresAt is in the past');
    const secret = newTokenSecret();
    const token = await s.repo.createToken(
      { id: newTokenId(), hash: hashToken(secret), name: t.name ?? null, role: t.role, clearance: t.clearance, expiresAt: t.expiresAt ? new Date(t.expiresAt).toISOString() : null },
      actorOf(c),
      s.now().toISOString(),
    );
    return c.json({ token, secret }, 201, { location: `/v1/tokens/${token.id}`, 'cache-control': 'no-store' });
  });

  defineRoute(app, allow, {
    method: 'get', path: '/v1/tokens', tags: ['tokens'], role: 'admin', summary: 'Every token (never the secrets)',
    responses: { 200: { description: 'The tokens', content: { 'application/json': { schema: z.object({ items: z.array(TokenSchema) }) } } } },
  }, async (c) => c.json({ items: (await s.repo.listTokens()) satisfies TokenRecord[] }));

  defineRoute(app, allow, {
    method: 'delete', path: '/v1/tokens/{id}', tags: ['tokens'], role: 'admin', summary: 'Revoke a token, at once',
    params: z.object({ id: z.string().regex(/^tok_[0-9a-f]{16}$/, 'a token id is tok_ and 16 hex digits') }),
    responses: { 200: { description: 'The revoked token', content: { 'application/json': { schema: TokenSchema } } }, 404: problemRef('No such token') },
  }, async (c, { params }) => {
    const token = await s.repo.revokeToken(params.id, actorOf(c), s.now().toISOString());
    if (!token) throw notFound(`there is no token ${params.id}`);
    return c.json(token);
  });

  defineRoute(app, allow, {
    method: 'get', path: '/v1/audit', tags: ['audit'], role: 'admin', summary: 'The audit log: every write, who, when, which revision',
    query: z.object({ review: z.string().optional(), cursor: z.string().optional(), limit: z.coerce.number().int().min(1).max(500).default(100) }),
    responses: { 200: { description: 'A page of entries, oldest first', content: { 'application/json': { schema: z.object({ items: z.array(AuditSchema), nextCursor: z.string().nullable() }) } } } },
  }, async (c, { query }) => {
    const after = decodeCursor(query.cursor, 'number');
    const rows = await s.repo.listAudit({ after, reviewId: query.review, limit: query.limit + 1 });
    const page = rows.slice(0, query.limit);
    return c.json({ items: page, nextCursor: rows.length > query.limit ? encodeCursor(page[page.length - 1]!.seq) : null });
  });
}
