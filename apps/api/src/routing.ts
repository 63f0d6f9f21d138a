import { createRoute, z, type OpenAPIHono, type RouteConfig } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import { requireRole, type Caller } from './auth.js';
import { ApiProblem } from './problems.js';
import type { Role } from './storage/repository.js';

/**
 * One definition per route: the OpenAPI operation (documented in /openapi.json), the role it
 * needs, and the handler. Path and query parameters are checked against the same zod schemas
 * the document shows, so the documentation cannot drift from the behaviour.
 */
export type Env = { Variables: { requestId: string; caller: Caller } };

export const ProblemSchema = z
  .object({
    type: z.string().describe('urn:polev:problem:<kind>'),
    title: z.string(),
    status: z.int(),
    detail: z.string(),
    instance: z.string(),
    requestId: z.string(),
    problems: z.array(z.object({ path: z.string(), message: z.string() }).passthrough()).optional().describe('for validation: every problem, located'),
  })
  .passthrough()
  .openapi('Problem');

/** A documented error answer: a problem document. */
export const problemRef = (description: string) => ({ description, content: { 'application/problem+json': { schema: ProblemSchema } } });

export interface RouteSpec<P extends z.ZodObject | undefined, Q extends z.ZodObject | undefined> {
  method: 'get' | 'post' | 'put' | 'delete';
  /** OpenAPI style: `/v1/reviews/{id}`. */
  path: string;
  summary: string;
  description?: string;
  tags: string[];
  /** The least role that may call it; `null` for a public route. */
  role: Role | null;
  params?: P;
  query?: Q;
  body?: RouteConfig['request'] extends infer R ? (R extends { body?: infer B } ? B : never) : never;
  responses: RouteConfig['responses'];
}

type Input<P, Q> = { params: P extends z.ZodObject ? z.output<P> : Record<string, never>; query: Q extends z.ZodObject ? z.output<Q> : Record<string, never> };

/** Methods per path, for 405 with Allow. */
export class AllowTable {
  private readonly paths: { pattern: RegExp; methods: Set<string> }[] = [];
  add(path: string, method: string) {
    const pattern = new RegExp(`^${path.replace(/\{[^}]+\}/g, '[^/]+')}$`);
    let entry = this.paths.find((p) => p.pattern.source === pattern.source);
    if (!entry) this.paths.push((entry = { pattern, methods: new Set() }));
    entry.methods.add(method.toUpperCase());
    if (method === 'get') entry.methods.add('HEAD');
  }
  allowed(path: string): string[] | null {
    const entry = this.paths.find((p) => p.pattern.test(path));
    return entry ? [...entry.methods, 'OPTIONS'] : null;
  }
}

function check<S extends z.ZodObject>(schema: S, value: unknown, where: string): z.output<S> {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const problems = r.error.issues.map((i) => ({ path: [where, ...i.path].join('.'), message: i.message }));
  throw new ApiProblem(400, 'bad-request', 'Bad request', problems.map((p) => `${p.path}: ${p.message}`).join('; '), { problems });
}

export function defineRoute<P extends z.ZodObject | undefined = undefined, Q extends z.ZodObject | undefined = undefined>(
  app: OpenAPIHono<Env>,
  allow: AllowTable,
  spec: RouteSpec<P, Q>,
  handler: (c: Context<Env>, input: Input<P, Q>) => Promise<Response> | Response,
): void {
  const errors: RouteConfig['responses'] = {
    ...(spec.params || spec.query || spec.body ? { 400: problemRef('Bad request: a parameter, the body or its syntax') } : {}),
    ...(spec.role ? { 401: problemRef('No token, or one that is unknown, revoked or expired'), 403: problemRef('The token\'s role may not do this') } : {}),
  };
  const route = createRoute({
    method: spec.method,
    path: spec.path,
    summary: spec.summary,
    ...(spec.description ? { description: spec.description } : {}),
    tags: spec.tags,
    ...(spec.role ? { security: [{ bearer: [] }] } : { security: [] }),
    request: {
      ...(spec.params ? { params: spec.params } : {}),
      ...(spec.query ? { query: spec.query } : {}),
      ...(spec.body ? { body: spec.body } : {}),
    },
    responses: { ...spec.responses, ...errors, 500: problemRef('Unexpected error (logged)') },
  });
  app.openAPIRegistry.registerPath(route);
  allow.add(spec.path, spec.method);
  const honoPath = spec.path.replace(/\{([^}]+)\}/g, ':$1');
  const middleware: MiddlewareHandler<Env>[] = spec.role ? [requireRole(spec.role)] : [];
  const run: MiddlewareHandler<Env> = async (c) => {
    const params = spec.params ? check(spec.params, c.req.param(), 'path') : {};
    const query = spec.query ? check(spec.query, c.req.query(), 'query') : {};
    return handler(c, { params, query } as Input<P, Q>);
  };
  (app.on as (method: string, path: string, ...handlers: MiddlewareHandler<Env>[]) => unknown).call(app, spec.method.toUpperCase(), honoPath, ...middleware, run);
}
