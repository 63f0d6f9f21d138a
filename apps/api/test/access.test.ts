import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { example, EXAMPLE_ID, startTestServer, type TestServer } from './helpers.js';
import { BACKENDS } from './backends.js';

describe.each(BACKENDS)('on %s', (backend) => {
  let t: TestServer;
  const tokens: Record<string, string> = {};
  beforeAll(async () => {
    t = await startTestServer({ backend });
    for (const role of ['reader', 'editor', 'admin'] as const) tokens[role] = await t.token(role, 'top-secret');
    expect((await t.call('POST', '/v1/reviews', { body: example })).status).toBe(201);
  });
  afterAll(() => t.close());

  type Role = 'reader' | 'editor' | 'admin';
  const RANK: Record<Role, number> = { reader: 0, editor: 1, admin: 2 };
  const p = `/v1/reviews/${EXAMPLE_ID}`;

  /** Each endpoint, the least role it needs, and what it answers a role that may call it. */
  const sources = () => {
    const f = new FormData();
    f.append('file', new Blob(['Source id,Title\nsrc-a,A study\n']), 'bronnen.csv');
    return f;
  };
  const ENDPOINTS: { method: string; path: (role: Role) => string; body?: (role: Role) => string | FormData; type?: string; role: Role; ok: number }[] = [
    { method: 'GET', path: () => '/v1/reviews', role: 'reader', ok: 200 },
    { method: 'POST', path: () => '/v1/reviews', body: (r) => example.replace(/^id: .*$/m, `id: matrix-${r}`), role: 'editor', ok: 201 },
    { method: 'GET', path: () => p, role: 'reader', ok: 200 },
    { method: 'PUT', path: () => p, body: () => example, role: 'editor', ok: 428 },
    { method: 'DELETE', path: () => p, role: 'editor', ok: 428 },
    { method: 'POST', path: () => `${p}/restore`, role: 'editor', ok: 409 },
    { method: 'POST', path: () => `${p}/purge`, role: 'admin', ok: 409 },
    { method: 'GET', path: () => `${p}/revisions`, role: 'reader', ok: 200 },
    { method: 'GET', path: () => `${p}/revisions/1`, role: 'reader', ok: 200 },
    { method: 'GET', path: () => `${p}/diff?from=1`, role: 'reader', ok: 200 },
    { method: 'GET', path: () => `${p}/analysis`, role: 'reader', ok: 200 },
    { method: 'GET', path: () => `${p}/report?format=md`, role: 'reader', ok: 200 },
    { method: 'POST', path: () => '/v1/validate', body: () => example, role: 'reader', ok: 200 },
    { method: 'POST', path: () => '/v1/analyze', body: () => example, role: 'reader', ok: 200 },
    { method: 'POST', path: () => '/v1/report?format=md', body: () => example, role: 'reader', ok: 200 },
    { method: 'POST', path: () => '/v1/import', body: sources, role: 'editor', ok: 200 },
    { method: 'POST', path: () => '/v1/tokens', body: () => JSON.stringify({ role: 'reader' }), type: 'application/json', role: 'admin', ok: 201 },
    { method: 'GET', path: () => '/v1/tokens', role: 'admin', ok: 200 },
    { method: 'DELETE', path: () => '/v1/tokens/tok_0000000000000000', role: 'admin', ok: 404 },
    { method: 'GET', path: () => '/v1/audit', role: 'admin', ok: 200 },
  ];

  describe('the access matrix: each role × each endpoint, with and without a token', () => {
    it.each(ENDPOINTS.map((e) => [`${e.method} ${e.path('reader')}`, e] as const))('%s', async (_, e) => {
      const call = (role: Role | null, token?: string) =>
        t.call(e.method, e.path(role ?? 'reader'), { token: token ?? (role ? tokens[role] : null), ...(e.body ? { body: e.body(role ?? 'reader'), type: e.type ?? 'application/yaml' } : {}) });
      const none = await call(null);
      expect(none.status).toBe(401);
      expect(none.headers.get('www-authenticate')).toContain('Bearer');
      expect(none.headers.get('content-type')).toBe('application/problem+json');
      expect((await call(null, 'polev_not-a-real-token')).status).toBe(401);
      for (const role of ['reader', 'editor', 'admin'] as const) {
        const r = await call(role);
        expect(r.status, `${role}: ${await r.clone().text()}`).toBe(RANK[role] >= RANK[e.role] ? e.ok : 403);
      }
    });

    it('public routes need no token', async () => {
      for (const path of ['/healthz', '/readyz', '/openapi.json', '/docs']) expect((await t.call('GET', path, { token: null })).status, path).toBe(200);
    });

    it('refuses revoked and expired tokens at once, and a malformed Authorization header', async () => {
      const created = (await (await t.call('POST', '/v1/tokens', { body: JSON.stringify({ role: 'reader', name: 'soon revoked' }), type: 'application/json' })).json()) as { token: { id: string }; secret: string };
      expect((await t.call('GET', '/v1/reviews', { token: created.secret })).status).toBe(200);
      expect((await t.call('DELETE', `/v1/tokens/${created.token.id}`)).status).toBe(200);
      expect((await t.call('GET', '/v1/reviews', { token: created.secret })).status).toBe(401);
      const list = (await (await t.call('GET', '/v1/tokens')).json()) as { items: { id: string; revokedAt: string | null }[] };
      expect(JSON.stringify(list)).not.toContain(created.secret);
      expect(list.items.find((x) => x.id === created.token.id)!.revokedAt).not.toBeNull();

      const soon = new Date(Date.now() + 1500).toISOString();
      const expiring = (await (await t.call('POST', '/v1/tokens', { body: JSON.stringify({ role: 'reader', expiresAt: soon }), type: 'application/json' })).json()) as { secret: string };
      expect((await t.call('GET', '/v1/reviews', { token: expiring.secret })).status).toBe(200);
      await new Promise((r) => setTimeout(r, 1600));
      const expired = await t.call('GET', '/v1/reviews', { token: expiring.secret });
      expect(expired.status).toBe(401);
      expect(await expired.json()).toMatchObject({ detail: 'the token has expired' });

      expect((await fetch(`${t.base}/v1/reviews`, { headers: { authorization: 'Basic abc' } })).status).toBe(401);
      expect((await t.call('POST', '/v1/tokens', { body: JSON.stringify({ role: 'reader', expiresAt: '2000-01-01T00:00:00Z' }), type: 'application/json' })).status).toBe(400);
      expect((await t.call('POST', '/v1/tokens', { body: JSON.stringify({ role: 'owner' }), type: 'application/json' })).status).toBe(400);
    });

    it('an admin cannot hand out more clearance than it has', async () => {
      const restrictedAdmin = await t.token('admin', 'restricted');
      const r = await t.call('POST', '/v1/tokens', { token: restrictedAdmin, body: JSON.stringify({ role: 'reader', clearance: 'secret' }), type: 'application/json' });
      expect(r.status).toBe(403);
    });
  });
});
