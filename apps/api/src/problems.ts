import type { Context } from 'hono';

/**
 * RFC 9457 problem details. Every error the API answers is one of these, as
 * `application/problem+json`, with a `type` naming the kind of problem (stable, for clients to
 * switch on), a human `title` and `detail`, and extension members where they help (`problems`
 * for validation, `allow` for a wrong method, ...).
 */
export const PROBLEM_BASE = 'urn:polev:problem:';

export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    /** Last part of the type URI, e.g. `not-found`. */
    readonly kind: string,
    readonly title: string,
    readonly detail: string,
    readonly extra: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(detail);
    this.name = 'ApiProblem';
  }
}

export const badRequest = (detail: string, extra?: Record<string, unknown>) => new ApiProblem(400, 'bad-request', 'Bad request', detail, extra);
export const notFound = (detail: string) => new ApiProblem(404, 'not-found', 'Not found', detail);
export const forbidden = (detail: string) => new ApiProblem(403, 'forbidden', 'Forbidden', detail);

export function problemResponse(c: Context, p: ApiProblem): Response {
  const body = {
    type: `${PROBLEM_BASE}${p.kind}`,
    title: p.title,
    status: p.status,
    detail: p.detail,
    instance: c.req.path,
    ...p.extra,
    requestId: c.get('requestId'),
  };
  return new Response(JSON.stringify(body), {
    status: p.status,
    headers: { 'content-type': 'application/problem+json', ...p.headers },
  });
}
