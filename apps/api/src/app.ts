import { randomUUID } from 'node:crypto';
import { InvalidOptionsError, InvalidReviewError, PolevError } from '@polev/core';
import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { compress } from 'hono/compress';
import { cors } from 'hono/cors';
import { secureHeaders } from 'hono/secure-headers';
import pino, { type Logger } from 'pino';
import { authenticate } from './auth.js';
import { ResponseCache } from './cache.js';
import { ApiProblem, problemResponse } from './problems.js';
import { adminRoutes } from './routes/admin.js';
import { derivedRoutes } from './routes/derived.js';
import { IMPORT_PATH, importRoutes } from './routes/import.js';
import { reviewRoutes } from './routes/reviews.js';
import { revisionRoutes } from './routes/revisions.js';
import { statelessRoutes } from './routes/stateless.js';
import { systemRoutes } from './routes/system.js';
import { AllowTable, type Env } from './routing.js';
import type { Services } from './services.js';
import { memoryRepository } from './storage/memory.js';
import type { Repository } from './storage/repository.js';

export interface AppDeps {
  /** Where reviews and tokens live; default in memory (nothing persists: for tests and trying it out). */
  repository?: Repository;
  /** Accepted as an admin token with the highest clearance while set: for first setup only. */
  bootstrapToken?: string | undefined;
  logger?: Logger;
  /** Origins allowed to call the API from a browser; CORS is off when absent or empty. `*` allows any. */
  corsOrigins?: string[];
  /** Largest accepted request body in bytes; default 2 MiB (a large review is ~0.2 MB of JSON). */
  maxBodyBytes?: number;
  /** Largest accepted import (POST /v1/import: spreadsheets, all files together) in bytes; default 16 MiB. */
  maxImportBytes?: number;
  /** Byte budget of the cache of derived responses; default 64 MiB. */
  cacheBytes?: number;
  now?: () => Date;
}

export const DEFAULT_MAX_BODY_BYTES = 2 * 1024 * 1024;
/** Budget open data of a whole year is ~1.3 MB of JSON; an analyst's workbook a few hundred kB. */
export const DEFAULT_MAX_IMPORT_BYTES = 16 * 1024 * 1024;

/**
 * Typed polev errors that reach the edge: options that do not fit the review are the client's
 * to fix (400), a server part that cannot be loaded is unavailable (503), any other is a request
 * polev understood but cannot process (422). Anything that is not a PolevError is a bug: 500.
 */
const STATUS_BY_CODE: Record<string, number> = { INVALID_OPTIONS: 400, INVALID_REVIEW: 422, RASTERIZER_UNAVAILABLE: 503 };

/** The HTTP API as a Hono app without a server, so tests and hosts can mount it. */
export function createApp(deps: AppDeps = {}): OpenAPIHono<Env> {
  const repository = deps.repository ?? memoryRepository();
  const logger = deps.logger ?? pino({ level: 'silent' });
  const maxBodyBytes = deps.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const maxImportBytes = deps.maxImportBytes ?? DEFAULT_MAX_IMPORT_BYTES;
  const limitFor = (path: string) => (path === IMPORT_PATH ? maxImportBytes : maxBodyBytes);
  const services: Services = { repo: repository, cache: new ResponseCache(deps.cacheBytes ?? 64 * 1024 * 1024), now: deps.now ?? (() => new Date()), logger };
  const allow = new AllowTable();
  const app = new OpenAPIHono<Env>();

  // Request id and request log, outermost, so that every answer (errors too) has both.
  app.use(async (c, next) => {
    const start = performance.now();
    const given = c.req.header('x-request-id');
    const requestId = given && /^[\w.:@-]{1,128}$/.test(given) ? given : randomUUID();
    c.set('requestId', requestId);
    await next();
    c.res.headers.set('x-request-id', requestId);
    const status = c.res.status;
    logger[status >= 500 ? 'error' : 'info'](
      { requestId, method: c.req.method, path: c.req.path, status, ms: Math.round((performance.now() - start) * 10) / 10, caller: c.get('caller')?.id },
      'request',
    );
  });
  app.use(secureHeaders({ crossOriginResourcePolicy: 'same-origin' }));
  app.use(async (c, next) => {
    await next();
    if (!c.res.headers.has('content-security-policy')) c.res.headers.set('content-security-policy', "default-src 'none'; frame-ancestors 'none'");
  });
  if (deps.corsOrigins?.length) {
    const origins = deps.corsOrigins;
    app.use(cors({ origin: origins.includes('*') ? '*' : origins, allowHeaders: ['Authorization', 'Content-Type', 'If-Match', 'If-None-Match', 'X-Request-Id'], exposeHeaders: ['ETag', 'Location', 'Polev-Withheld', 'X-Request-Id'] }));
  }
  // Responses with a strong ETag are sent as they are (or as the cache's own gzip, under the
  // same tag): compressing them on the way out would weaken the tag and break If-Match.
  const gzip = compress();
  app.use((c, next) =>
    gzip(c, async () => {
      await next();
      const etag = c.res.headers.get('etag');
      if (etag && !etag.startsWith('W/') && !c.res.headers.has('content-encoding')) {
        const cc = c.res.headers.get('cache-control');
        c.res.headers.set('cache-control', cc ? `${cc}, no-transform` : 'no-transform');
      }
    }),
  );
  // Spreadsheets get a limit of their own: a review body is small, an open-data file is not.
  const limited = (maxSize: number, setting: string) =>
    bodyLimit({
      maxSize,
      onError: () => {
        // The rest of the body is not read: the connection closes after the answer, so that a
        // client does not send its next request down a socket the server has stopped reading.
        throw new ApiProblem(413, 'payload-too-large', 'Payload too large', `the body exceeds the limit of ${maxSize} bytes (${setting})`, {}, { connection: 'close' });
      },
    });
  const bodyLimits = { body: limited(maxBodyBytes, 'POLEV_MAX_BODY_BYTES'), import: limited(maxImportBytes, 'POLEV_MAX_IMPORT_BYTES') };
  // A request with neither Content-Length nor Transfer-Encoding has no body (RFC 9112 §6.3), and
  // asking for it would build a full fetch Request on every read; in-process that was ~8 of the
  // ~65 µs the API spent on a cached analysis.
  app.use((c, next) => {
    if (c.req.header('content-length') === undefined && c.req.header('transfer-encoding') === undefined) return next();
    return (c.req.path === IMPORT_PATH ? bodyLimits.import : bodyLimits.body)(c, next);
  });
  // A wrong method is a 405 before any token is looked at: it says nothing about the data.
  app.use(async (c, next) => {
    const methods = allow.allowed(c.req.path);
    if (!methods) return next();
    const headers = { allow: methods.join(', ') };
    if (c.req.method === 'OPTIONS') return c.body(null, 204, headers);
    if (methods.includes(c.req.method)) return next();
    throw new ApiProblem(405, 'method-not-allowed', 'Method not allowed', `${c.req.path} answers ${methods.join(', ')}, not ${c.req.method}`, { allow: methods }, headers);
  });
  app.use('/v1/*', authenticate(repository, deps.bootstrapToken || undefined, services.now));

  systemRoutes(app, allow, services);
  reviewRoutes(app, allow, services);
  revisionRoutes(app, allow, services);
  derivedRoutes(app, allow, services);
  statelessRoutes(app, allow, services);
  adminRoutes(app, allow, services);
  importRoutes(app, allow, services, maxImportBytes);

  app.notFound((c) => {
    return problemResponse(c, new ApiProblem(404, 'not-found', 'Not found', `no route for ${c.req.method} ${c.req.path}; see /docs`));
  });

  app.onError(async (err, c) => {
    // Read what is left of a small body before answering: a response sent while the client is
    // still sending makes Node close the kept-alive connection under it.
    if (c.req.raw.body && !c.req.raw.bodyUsed && Number(c.req.header('content-length') ?? Infinity) <= limitFor(c.req.path)) await c.req.raw.arrayBuffer().catch(() => undefined);
    if (err instanceof ApiProblem) return problemResponse(c, err);
    if (err instanceof PolevError) {
      const status = STATUS_BY_CODE[err.code] ?? 422;
      const log = { requestId: c.get('requestId'), code: err.code, err };
      if (status >= 500) logger.error(log, err.message);
      const problems = err instanceof InvalidOptionsError || err instanceof InvalidReviewError ? { problems: err.problems } : {};
      return problemResponse(c, new ApiProblem(status, err.code.toLowerCase().replace(/_/g, '-'), err.name, err.message, problems));
    }
    logger.error({ requestId: c.get('requestId'), err }, 'unexpected error');
    return problemResponse(c, new ApiProblem(500, 'internal', 'Internal server error', `an unexpected error occurred; it has been logged under request id ${c.get('requestId')}`));
  });
  return app;
}
