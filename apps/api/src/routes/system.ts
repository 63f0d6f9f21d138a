import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { z, type OpenAPIHono } from '@hono/zod-openapi';
import { notFound } from '../problems.js';
import { defineRoute, problemRef, type AllowTable, type Env } from '../routing.js';
import type { Services } from '../services.js';

const DOCS_CSP = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'";

/** The docs page's assets come from swagger-ui-dist, served by the API itself (no CDN: closed networks). */
const DOCS_ASSETS: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
  'favicon-32x32.png': 'image/png',
};
const DOCS_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>polev API</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="/docs/swagger-ui.css"><link rel="icon" href="/docs/favicon-32x32.png"></head>
<body><div id="ui"></div><script src="/docs/swagger-ui-bundle.js"></script><script src="/docs/init.js"></script></body></html>`;
const DOCS_INIT = `window.ui = SwaggerUIBundle({ url: '/openapi.json', dom_id: '#ui', deepLinking: true, persistAuthorization: false });\n`;

export function systemRoutes(app: OpenAPIHono<Env>, allow: AllowTable, s: Services): void {
  const tags = ['service'];
  defineRoute(app, allow, {
    method: 'get', path: '/healthz', tags, role: null, summary: 'The process is up',
    responses: { 200: { description: 'Up', content: { 'application/json': { schema: z.object({ status: z.literal('ok') }) } } } },
  }, (c) => c.json({ status: 'ok' as const }));

  // The name before /healthz, kept for hosts that probe it.
  app.get('/health', (c) => c.json({ status: 'ok' as const }));

  defineRoute(app, allow, {
    method: 'get', path: '/readyz', tags, role: null, summary: 'The database is reachable and every migration applied',
    responses: {
      200: { description: 'Ready', content: { 'application/json': { schema: z.object({ status: z.literal('ready'), storage: z.string(), schemaVersion: z.int() }) } } },
      503: problemRef('Not ready'),
    },
  }, async (c) => {
    const r = await s.repo.ready();
    if (r.ok) return c.json({ status: 'ready', storage: s.repo.kind, schemaVersion: r.schemaVersion });
    s.logger.warn({ detail: r.detail }, 'not ready');
    return c.json({ type: 'urn:polev:problem:not-ready', title: 'Not ready', status: 503, detail: r.detail ?? 'the database is not ready', instance: '/readyz' }, 503, { 'content-type': 'application/problem+json', 'retry-after': '5' });
  });

  let spec: string | null = null;
  defineRoute(app, allow, {
    method: 'get', path: '/openapi.json', tags, role: null, summary: 'This document (OpenAPI 3.1)',
    responses: { 200: { description: 'OpenAPI 3.1', content: { 'application/json': { schema: z.object({}).passthrough() } } } },
  }, (c) => {
    spec ??= JSON.stringify(openApiDocument(app));
    return c.body(spec, 200, { 'content-type': 'application/json' });
  });

  const dist = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
  const assets = new Map<string, Uint8Array>();
  defineRoute(app, allow, {
    method: 'get', path: '/docs', tags, role: null, summary: 'Interactive documentation (works offline)',
    responses: { 200: { description: 'HTML', content: { 'text/html': { schema: z.string() } } } },
  }, (c) => c.html(DOCS_PAGE, 200, { 'content-security-policy': DOCS_CSP }));
  app.get('/docs/:asset', (c) => {
    const name = c.req.param('asset');
    if (name === 'init.js') return c.body(DOCS_INIT, 200, { 'content-type': 'text/javascript; charset=utf-8', 'content-security-policy': DOCS_CSP });
    const type = DOCS_ASSETS[name];
    if (!type) throw notFound(`no docs asset ${name}`);
    let bytes = assets.get(name);
    if (!bytes) assets.set(name, (bytes = readFileSync(join(dist, name))));
    return c.body(bytes as Uint8Array<ArrayBuffer>, 200, { 'content-type': type, 'cache-control': 'public, max-age=86400', 'content-security-policy': DOCS_CSP });
  });
}

/** The OpenAPI 3.1 document of the app (as plain JSON data). */
export function openApiDocument(app: OpenAPIHono<Env>): Record<string, unknown> {
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer', description: 'A token from POST /v1/tokens, `polev-api token create` or POLEV_BOOTSTRAP_TOKEN' });
  const document: object = app.getOpenAPI31Document({
    openapi: '3.1.0',
    info: {
      title: 'polev API',
      version: '1',
      description:
        'Store, share, analyse and report policy reviews (beleidsdoorlichtingen). Errors are RFC 9457 problem documents (application/problem+json). Items above the caller\'s clearance are removed from every response; `withheld` and the Polev-Withheld header count them.',
    },
    security: [{ bearer: [] }],
  });
  return document as Record<string, unknown>;
}
