import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { serve, type ServerType } from '@hono/node-server';
import { PolevError } from '@polev/core';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApp } from '../src/index.js';

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

const example = readFileSync(fileURLToPath(new URL('../../../examples/nctv-36-2/review.yaml', import.meta.url)), 'utf8');
let server: ServerType;
let base: string;

beforeAll(async () => {
  await new Promise<void>((resolve) => {
    server = serve({ fetch: createApp().fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => {
      base = `http://127.0.0.1:${info.port}`;
      resolve();
    });
  });
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
afterEach(() => {
  failure.error = null;
  vi.restoreAllMocks();
});

const report = (format = 'docx') => fetch(`${base}/v1/report?format=${format}`, { method: 'POST', body: example, headers: { 'content-type': 'application/yaml' } });

describe('typed errors at the HTTP edge', () => {
  it('answers 503 when the PNG renderer is unavailable (RASTERIZER_UNAVAILABLE)', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    failure.error = new PolevError('RASTERIZER_UNAVAILABLE', 'the PNG renderer (@resvg/resvg-js) could not be loaded: stubbed');
    const r = await report();
    expect(r.status).toBe(503);
    expect(await r.json()).toEqual({ error: 'rasterizer-unavailable', message: 'the PNG renderer (@resvg/resvg-js) could not be loaded: stubbed' });
    expect(log).toHaveBeenCalledOnce();
  });

  it('answers 422 for any other PolevError, with its code and message', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    failure.error = new PolevError('SOMETHING_ELSE', 'polev cannot do this with that review');
    const r = await report('html');
    expect(r.status).toBe(422);
    expect(await r.json()).toEqual({ error: 'something-else', message: 'polev cannot do this with that review' });
    expect(log).not.toHaveBeenCalled();
  });

  it('keeps 500 for an unexpected error, logged, without its details in the answer', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    failure.error = new TypeError('stubbed bug');
    const r = await report('md');
    expect(r.status).toBe(500);
    const body = await r.text();
    expect(JSON.parse(body)).toMatchObject({ error: 'internal' });
    expect(body).not.toContain('stubbed bug');
    expect(log).toHaveBeenCalledWith(failure.error);
  });

  it('still renders when nothing fails', async () => {
    const r = await report();
    expect(r.status).toBe(200);
    expect(Buffer.from(await r.arrayBuffer()).subarray(0, 2).toString()).toBe('PK');
  });
});
