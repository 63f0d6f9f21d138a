/// <reference lib="dom" />
import { existsSync } from 'node:fs';
import { validate, compileErrors } from '@readme/openapi-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './helpers.js';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

interface Spec {
  openapi: string;
  paths: Record<string, Record<string, { security?: unknown[]; responses: Record<string, unknown> }>>;
  components: { schemas: Record<string, unknown>; securitySchemes: Record<string, unknown> };
}

describe('OpenAPI 3.1 at /openapi.json', () => {
  it('passes an independent validator (@readme/openapi-parser)', async () => {
    const spec = (await (await t.call('GET', '/openapi.json', { token: null })).json()) as Spec;
    expect(spec.openapi).toBe('3.1.0');
    const result = await validate(structuredClone(spec) as never);
    expect(result.valid, result.valid ? '' : compileErrors(result)).toBe(true);
  });

  it('documents every route, the review model from core and the problem documents', async () => {
    const spec = (await (await t.call('GET', '/openapi.json', { token: null })).json()) as Spec;
    expect(Object.keys(spec.paths).sort()).toEqual(
      [
        '/healthz', '/readyz', '/openapi.json', '/docs',
        '/v1/reviews', '/v1/reviews/{id}', '/v1/reviews/{id}/restore', '/v1/reviews/{id}/purge',
        '/v1/reviews/{id}/revisions', '/v1/reviews/{id}/revisions/{revision}', '/v1/reviews/{id}/diff',
        '/v1/reviews/{id}/analysis', '/v1/reviews/{id}/report',
        '/v1/validate', '/v1/analyze', '/v1/report', '/v1/import', '/v1/tokens', '/v1/tokens/{id}', '/v1/audit',
      ].sort(),
    );
    for (const name of ['Review', 'Instrument', 'Source', 'Finding', 'Classification', 'Problem', 'Withheld', 'StoredReview', 'Token']) expect(spec.components.schemas, name).toHaveProperty(name);
    expect(spec.components.securitySchemes).toHaveProperty('bearer');
    expect(spec.paths['/v1/reviews/{id}']!.put!.responses).toHaveProperty('412');
    expect(spec.paths['/v1/reviews/{id}']!.put!.responses).toHaveProperty('428');
    expect(spec.paths['/healthz']!.get!.security).toEqual([]);
    const upload = spec.paths['/v1/import']!.post! as unknown as { requestBody: { content: Record<string, { schema: unknown }> }; responses: Record<string, unknown> };
    expect(Object.keys(upload.requestBody.content)).toEqual(['multipart/form-data']);
    for (const status of ['200', '403', '413', '415', '422']) expect(upload.responses, status).toHaveProperty(status);
    for (const name of ['ImportForm', 'ImportResult', 'SheetProblem', 'InvalidImport']) expect(spec.components.schemas, name).toHaveProperty(name);
  });
});

describe('the docs page at /docs works offline', () => {
  it('loads its scripts and styles from the API itself', async () => {
    const r = await t.call('GET', '/docs', { token: null });
    const html = await r.text();
    const assets = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
    expect(assets.length).toBeGreaterThanOrEqual(3);
    for (const a of assets) {
      expect(a, 'no CDN').toMatch(/^\/docs\//);
      const asset = await t.call('GET', a, { token: null });
      expect(asset.status, a).toBe(200);
      expect((await asset.arrayBuffer()).byteLength).toBeGreaterThan(10);
    }
    expect(r.headers.get('content-security-policy')).toContain("default-src 'self'");
  });

  const CANDIDATES = [process.env.POLEV_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter((p): p is string => Boolean(p));
  const executablePath = CANDIDATES.find((p) => existsSync(p));
  const required = process.env.POLEV_REQUIRE_BROWSER === '1';
  it.runIf(executablePath || required)('renders every operation in headless chromium, with no request leaving the server', async () => {
    if (!executablePath) throw new Error('chromium is required (POLEV_REQUIRE_BROWSER=1) but not found: apt-get install chromium');
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({ executablePath, headless: true, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
    try {
      const page = await browser.newPage();
      const foreign: string[] = [];
      const errors: string[] = [];
      page.on('request', (req) => {
        if (!req.url().startsWith(t.base) && !req.url().startsWith('data:')) foreign.push(req.url());
      });
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      await page.goto(`${t.base}/docs`);
      await page.waitForSelector('.opblock', { timeout: 20_000 });
      const operations = await page.$$eval('.opblock', (els) => els.length);
      expect(operations).toBeGreaterThanOrEqual(20);
      expect(await page.textContent('.info')).toContain('polev API');
      // The import takes files: tried out from the page, it offers a file picker.
      await page.locator('.opblock-summary-path', { hasText: /^\/v1\/import$/ }).click();
      await page.locator('.opblock.is-open .try-out__btn').click();
      await page.waitForSelector('.opblock.is-open input[type=file]', { timeout: 10_000 });
      expect(foreign).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
