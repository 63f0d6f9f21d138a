import { Writable } from 'node:stream';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { PolevError } from '@polev/core';
import pino from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApp, openSqlite } from '../src/index.js';
import { BOOTSTRAP, example } from './helpers.js';

// @polev/report as it is, except that renderReport throws `failure.error` when one is set: the
// typed errors of the renderers (e.g. RASTERIZER_UNAVAILABLE) are hard to cause for real.
const failure = vi.hoisted(() => ({ error: null as Error | null }));
vi.mock('@polev/report', async (importOriginal) => {
  const real = await importOriginal<typeof import('@polev/report')>();
  return {
    ...real,
    renderReport: (async (...args: Parameters<typeof real.renderReport>) => {
      if (failure.error) throw failure.error;
      return real.renderReport(...args);
    }) as typeof real.renderReport,
  };
});

/** The request log, as JSON lines. */
let log: Record<string, unknown>[] = [];
const logger = pino(
  { level: 'info' },
  new Writable({
    write(chunk: Buffer, _, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) log.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  }),
);
let server: ServerType;
let base: string;

beforeAll(async () => {
  const app = createApp({ repository: openSqlite(':memory:'), bootstrapToken: BOOTSTRAP, logger });
  await new Promise<void>((resolve) => {
    server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => {
      base = `http://127.0.0.1:${info.port}`;
      resolve();
    });
  });
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
afterEach(() => {
  failure.error = null;
  log = [];
});

const report = (format = 'docx') =>
  fetch(`${base}/v1/report?format=${format}`, { method: 'POST', body: example, headers: { 'content-type': 'application/yaml', authorization: `Bearer ${BOOTSTRAP}`, 'x-request-id': `req-${format}` } });
const errors = () => log.filter((l) => (l.level as number) >= 50);

describe('typed errors at the HTTP edge', () => {
  it('answers 503 when the PNG renderer is unavailable (RASTERIZER_UNAVAILABLE), and logs it', async () => {
    failure.error = new PolevError('RASTERIZER_UNAVAILABLE', 'the PNG renderer (@resvg/resvg-js) could not be loaded: stubbed');
    const r = await report();
    expect(r.status).toBe(503);
    expect(r.headers.get('content-type')).toBe('application/problem+json');
    expect(await r.json()).toMatchObject({ type: 'urn:polev:problem:rasterizer-unavailable', status: 503, detail: 'the PNG renderer (@resvg/resvg-js) could not be loaded: stubbed', requestId: 'req-docx' });
    expect(errors().filter((l) => l.code === 'RASTERIZER_UNAVAILABLE')).toHaveLength(1);
  });

  it('answers 422 for any other PolevError, with its code and message, not logged as an error', async () => {
    failure.error = new PolevError('SOMETHING_ELSE', 'polev cannot do this with that review');
    const r = await report('html');
    expect(r.status).toBe(422);
    expect(await r.json()).toMatchObject({ type: 'urn:polev:problem:something-else', detail: 'polev cannot do this with that review' });
    expect(errors()).toEqual([]);
  });

  it('keeps 500 for an unexpected error, logged with its request id, without its details in the answer', async () => {
    failure.error = new TypeError('stubbed bug');
    const r = await report('md');
    expect(r.status).toBe(500);
    const body = await r.text();
    expect(JSON.parse(body)).toMatchObject({ type: 'urn:polev:problem:internal', requestId: 'req-md' });
    expect(body).not.toContain('stubbed bug');
    const logged = errors().find((l) => l.msg === 'unexpected error')!;
    expect(logged).toMatchObject({ requestId: 'req-md', err: { type: 'TypeError', message: 'stubbed bug' } });
    // Every request is logged too, with its status.
    expect(log.find((l) => l.msg === 'request')).toMatchObject({ requestId: 'req-md', method: 'POST', path: '/v1/report', status: 500, caller: 'bootstrap' });
  });

  it('still renders when nothing fails', async () => {
    const r = await report();
    expect(r.status).toBe(200);
    expect(Buffer.from(await r.arrayBuffer()).subarray(0, 2).toString()).toBe('PK');
  });
});
