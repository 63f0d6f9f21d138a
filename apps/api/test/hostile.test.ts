import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { example, EXAMPLE_ID, startTestServer, type TestServer } from './helpers.js';
import { BACKENDS } from './backends.js';

describe.each(BACKENDS)('on %s', (backend) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ backend, maxBodyBytes: 1024 * 1024 });
    expect((await t.call('POST', '/v1/reviews', { body: example })).status).toBe(201);
  });
  afterAll(() => t.close());

  const nested = (depth: number, open = '[', close = ']') => `${open.repeat(depth)}${close.repeat(depth)}`;

  /** Requests a client can get wrong, each with the 4xx it must get. */
  const CASES: { name: string; method: string; path: string; body?: string; type?: string; headers?: Record<string, string>; status: number; kind: string }[] = [
    { name: 'malformed JSON', method: 'POST', path: '/v1/reviews', body: '{"id": "x",', type: 'application/json', status: 400, kind: 'malformed-body' },
    { name: 'YAML sent as JSON', method: 'POST', path: '/v1/reviews', body: example, type: 'application/json', status: 400, kind: 'malformed-body' },
    { name: 'malformed YAML', method: 'POST', path: '/v1/reviews', body: 'id: [unclosed\n  title: {', type: 'application/yaml', status: 400, kind: 'malformed-body' },
    { name: 'a YAML scalar, not a review', method: 'POST', path: '/v1/validate', body: 'just words', type: 'application/yaml', status: 422, kind: '' },
    { name: 'wrong content type', method: 'POST', path: '/v1/reviews', body: example, type: 'text/plain', status: 415, kind: 'unsupported-media-type' },
    { name: 'form content type', method: 'POST', path: '/v1/analyze', body: 'a=b', type: 'application/x-www-form-urlencoded', status: 415, kind: 'unsupported-media-type' },
    { name: 'unknown fields', method: 'POST', path: '/v1/reviews', body: example.replace(/^title: /m, 'colour: red\ntitle: '), status: 422, kind: 'invalid-review' },
    { name: 'empty body', method: 'POST', path: '/v1/reviews', body: ' \n', status: 400, kind: 'bad-request' },
    { name: 'oversized body', method: 'POST', path: '/v1/reviews', body: `# ${'x'.repeat(2 * 1024 * 1024)}\n${example}`, status: 413, kind: 'payload-too-large' },
    { name: 'deeply nested JSON arrays', method: 'POST', path: '/v1/reviews', body: nested(200_000), type: 'application/json', status: 400, kind: 'too-deeply-nested' },
    { name: 'deeply nested JSON objects', method: 'POST', path: '/v1/analyze', body: '{"a":'.repeat(50_000) + '1' + '}'.repeat(50_000), type: 'application/json', status: 400, kind: 'too-deeply-nested' },
    { name: 'deeply nested YAML flow', method: 'POST', path: '/v1/validate', body: `a: ${nested(100_000, '{x: ', '}')}`, status: 400, kind: 'too-deeply-nested' },
    { name: 'deeply indented YAML', method: 'POST', path: '/v1/validate', body: Array.from({ length: 600 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n'), status: 400, kind: 'too-deeply-nested' },
    { name: 'YAML alias bomb', method: 'POST', path: '/v1/validate', body: ['a: &a ["x","x","x","x","x","x","x","x","x"]', ...Array.from({ length: 9 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)}]`)].join('\n'), status: 422, kind: '' },
    { name: 'bad review id', method: 'GET', path: '/v1/reviews/..%2F..%2Fetc', status: 400, kind: 'bad-request' },
    { name: 'upper-case id', method: 'GET', path: '/v1/reviews/NOPE', status: 400, kind: 'bad-request' },
    { name: 'unknown review', method: 'GET', path: '/v1/reviews/no-such-review', status: 404, kind: 'not-found' },
    { name: 'bad revision number', method: 'GET', path: `/v1/reviews/${EXAMPLE_ID}/revisions/abc`, status: 400, kind: 'bad-request' },
    { name: 'bad cursor', method: 'GET', path: `/v1/reviews/${EXAMPLE_ID}/revisions?cursor=%%%`, status: 400, kind: 'bad-cursor' },
    { name: 'cursor of the wrong kind', method: 'GET', path: `/v1/reviews?cursor=${Buffer.from('{"k":5}').toString('base64url')}`, status: 400, kind: 'bad-cursor' },
    { name: 'bad limit', method: 'GET', path: '/v1/reviews?limit=1e9', status: 400, kind: 'bad-request' },
    { name: 'bad diff range', method: 'GET', path: `/v1/reviews/${EXAMPLE_ID}/diff?from=0`, status: 400, kind: 'bad-request' },
    { name: 'bad query option', method: 'GET', path: `/v1/reviews/${EXAMPLE_ID}/report?format=pdf`, status: 400, kind: 'bad-request' },
    { name: 'a savings option that is not a number', method: 'GET', path: `/v1/reviews/${EXAMPLE_ID}/analysis?savings=lots`, status: 400, kind: 'bad-request' },
    { name: 'wrong method', method: 'GET', path: '/v1/validate', status: 405, kind: 'method-not-allowed' },
    { name: 'wrong method on a resource', method: 'PATCH', path: `/v1/reviews/${EXAMPLE_ID}`, body: '{}', type: 'application/json', status: 405, kind: 'method-not-allowed' },
    { name: 'unknown route', method: 'GET', path: '/v2/everything', status: 404, kind: 'not-found' },
    { name: 'id in the body differs from the URL', method: 'PUT', path: `/v1/reviews/${EXAMPLE_ID}`, body: example.replace(/^id: .*$/m, 'id: another'), headers: { 'if-match': '*' }, status: 422, kind: 'invalid-review' },
    { name: 'token request that is not JSON', method: 'POST', path: '/v1/tokens', body: 'role: admin', type: 'application/yaml', status: 415, kind: 'unsupported-media-type' },
    { name: 'token request with unknown fields', method: 'POST', path: '/v1/tokens', body: '{"role":"reader","sudo":true}', type: 'application/json', status: 400, kind: 'bad-request' },
  ];

  describe('hostile and malformed requests: a clear 4xx problem document, never a 5xx', () => {
    it.each(CASES.map((c) => [c.name, c] as const))('%s', async (_, c) => {
      const r = await t.call(c.method, c.path, { ...(c.body !== undefined ? { body: c.body, type: c.type ?? 'application/yaml' } : {}), ...(c.headers ? { headers: c.headers } : {}) });
      const text = await r.text();
      expect(r.status, text.slice(0, 300)).toBe(c.status);
      if (c.kind) {
        expect(r.headers.get('content-type')).toBe('application/problem+json');
        const problem = JSON.parse(text) as { type: string; title: string; status: number; detail: string };
        expect(problem).toMatchObject({ type: `urn:polev:problem:${c.kind}`, status: c.status, title: expect.any(String), detail: expect.any(String) });
        expect(text).not.toMatch(/\bat \S+ \(|node_modules/);
      }
      // The server keeps serving.
      expect((await t.call('GET', '/healthz', { token: null })).status).toBe(200);
    });

    it('answers a wrong method with Allow, and OPTIONS with the methods', async () => {
      const r = await t.call('DELETE', '/v1/validate');
      expect(r.status).toBe(405);
      expect(r.headers.get('allow')).toBe('POST, OPTIONS');
      const o = await t.call('OPTIONS', `/v1/reviews/${EXAMPLE_ID}`, { token: null });
      expect(o.status).toBe(204);
      expect(o.headers.get('allow')!.split(', ').sort()).toEqual(['DELETE', 'GET', 'HEAD', 'OPTIONS', 'PUT']);
    });

    it('validation problems are every problem, located', async () => {
      const r = await t.call('POST', '/v1/reviews', { body: example.replace('amount: 24550', 'amount: lots').replace(/^rpeVersion: .*$/m, 'rpeVersion: 1999'), type: 'application/yaml' });
      expect(r.status).toBe(422);
      const body = (await r.json()) as { problems: { path: string; line: number; message: string }[] };
      expect(body.problems.length).toBeGreaterThanOrEqual(2);
      for (const p of body.problems) expect(p).toMatchObject({ path: expect.any(String), line: expect.any(Number), message: expect.any(String) });
      expect(body.problems.every((p) => p.line > 1)).toBe(true);
    });

    it('counts every problem of a file with more than are listed, in the detail and in the counts', async () => {
      // 3,000 instruments that are texts instead of mappings: a problem each, only the first 1,000 listed.
      const body = `instruments:\n${Array.from({ length: 3000 }, (_, i) => `- x${i}`).join('\n')}\n`;
      const stored = await t.call('POST', '/v1/reviews', { body, type: 'application/yaml' });
      expect(stored.status).toBe(422);
      const doc = (await stored.json()) as { detail: string; problems: unknown[] };
      expect(doc.problems).toHaveLength(1001);
      expect(doc.detail).toMatch(/^the review has 3,0\d\d problems \(the first 1,000 listed\)$/);
      const validated = await t.call('POST', '/v1/validate', { body, type: 'application/yaml' });
      expect(validated.status).toBe(422);
      const counts = ((await validated.json()) as { counts: { errors: number; listed: number } }).counts;
      expect(counts.listed).toBe(1000);
      expect(counts.errors).toBeGreaterThanOrEqual(3000);
    });

    it('echoes a request id, or makes one, on every answer, and sets the secure headers', async () => {
      const given = await t.call('GET', '/v1/reviews', { headers: { 'x-request-id': 'trace-123' } });
      expect(given.headers.get('x-request-id')).toBe('trace-123');
      const bad = await t.call('GET', '/nope', { headers: { 'x-request-id': 'bad id with spaces' } });
      expect(bad.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
      expect(((await bad.json()) as { requestId: string }).requestId).toBe(bad.headers.get('x-request-id'));
      expect(given.headers.get('x-content-type-options')).toBe('nosniff');
      expect(given.headers.get('content-security-policy')).toContain("default-src 'none'");
      expect(given.headers.get('access-control-allow-origin')).toBeNull();
    });
  });
});
