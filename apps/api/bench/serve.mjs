// The process under test for api.bench.mjs: the API as deployed — the built dist, started by
// startServer with its own default logger (pino at info on stdout, which api.bench.mjs sends to a
// file, as a host sends it to its log collector) — and, in the same process, a bare Hono route
// sending the very bytes the cached analysis sends (plain and gzip). Prints one JSON line with the
// URLs on file descriptor 3 (stdout is the request log), then serves until killed.
import { readFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { parseReviewOrThrow } from '@polev/core';
import { Hono } from 'hono';
import { startServer } from '../dist/index.js';

// argv: folder, bootstrap token, and optionally a postgres:// URL (then no bare route: the
// PostgreSQL rows compare instances, not frameworks).
const [dir, token, databaseUrl] = process.argv.slice(2);
const example = parseReviewOrThrow(readFileSync(fileURLToPath(new URL('../../../examples/nctv-36-2/review.yaml', import.meta.url)), 'utf8'));
const api = await startServer({ host: '127.0.0.1', port: 0, db: join(dir, 'polev.db'), databaseUrl, bootstrapToken: token, corsOrigins: [], maxBodyBytes: 2 * 1024 * 1024, logLevel: 'info' });
const auth = { authorization: `Bearer ${token}` };
const created = await fetch(`${api.url}/v1/reviews`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify(example) });
// A second instance on the same PostgreSQL finds the review there already (409).
if (created.status !== 201 && created.status !== 409) throw new Error(`create: ${created.status} ${await created.text()}`);
const analysis = `/v1/reviews/${example.id}/analysis`;
const plain = new Uint8Array(await (await fetch(`${api.url}${analysis}`, { headers: auth })).arrayBuffer());
const gzipRes = await fetch(`${api.url}${analysis}`, { headers: { ...auth, 'accept-encoding': 'gzip' } });
// fetch decodes gzip; the bare route sends the same compressed bytes the cache holds.
const { gzipSync } = await import('node:zlib');
const gzip = gzipSync(plain);
await gzipRes.arrayBuffer();

const bare = new Hono()
  .get('/bare', (c) => c.body(plain, 200, { 'content-type': 'application/json' }))
  .get('/bare-gzip', (c) => c.body(gzip, 200, { 'content-type': 'application/json', 'content-encoding': 'gzip' }));
const bareServer = await new Promise((resolve) => {
  const s = serve({ fetch: bare.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
});
writeSync(3, `${JSON.stringify({ api: api.url, bare: `http://127.0.0.1:${bareServer.address().port}`, analysis, id: example.id, bytes: plain.byteLength, gzipBytes: gzip.byteLength })}\n`);
process.on('SIGTERM', () => void api.close().then(() => process.exit(0)));
