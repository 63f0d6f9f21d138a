import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { edited, example, EXAMPLE_ID, startTestServer, type TestServer } from './helpers.js';
import { BACKENDS } from './backends.js';

describe.each(BACKENDS)('on %s', (backend) => {
  let t: TestServer;
  let editor: string;
  let admin: string;
  beforeAll(async () => {
    t = await startTestServer({ backend });
    editor = await t.token('editor', 'top-secret');
    admin = await t.token('admin', 'top-secret');
  });
  afterAll(() => t.close());

  const path = `/v1/reviews/${EXAMPLE_ID}`;

  describe('stored reviews: create, read, replace, delete, restore, purge', () => {
    it('keeps every accepted write as an immutable revision, with ETags and conditional requests', async () => {
      const created = await t.call('POST', '/v1/reviews', { token: editor, body: example });
      expect(created.status).toBe(201);
      expect(created.headers.get('location')).toBe(path);
      const etag1 = created.headers.get('etag')!;
      expect(etag1).toMatch(/^"1-[0-9a-f]{20}"$/);
      expect(await created.json()).toMatchObject({ id: EXAMPLE_ID, revision: 1, etag: etag1, articles: ['36.2'], period: { start: 2011, end: 2015 } });

      expect((await t.call('POST', '/v1/reviews', { token: editor, body: example })).status).toBe(409);

      const got = await t.call('GET', path, { token: editor });
      expect(got.status).toBe(200);
      expect(got.headers.get('etag')).toBe(etag1);
      const body = (await got.json()) as { revision: number; review: { title: string }; withheld: { count: number } };
      expect(body).toMatchObject({ revision: 1, withheld: { count: 0 } });
      expect(body.review.title).toContain('36.2');
      expect((await t.call('GET', path, { token: editor, headers: { 'if-none-match': etag1 } })).status).toBe(304);

      // Replace: If-Match is required, and must be current.
      const noMatch = await t.call('PUT', path, { token: editor, body: edited('Second') });
      expect(noMatch.status).toBe(428);
      expect(noMatch.headers.get('content-type')).toBe('application/problem+json');
      const replaced = await t.call('PUT', path, { token: editor, body: edited('Second'), headers: { 'if-match': etag1 } });
      expect(replaced.status).toBe(200);
      const etag2 = replaced.headers.get('etag')!;
      expect(etag2).toMatch(/^"2-/);
      const stale = await t.call('PUT', path, { token: editor, body: edited('Lost?'), headers: { 'if-match': etag1 } });
      expect(stale.status).toBe(412);
      expect(await stale.json()).toMatchObject({ status: 412, currentRevision: 2 });
      expect((await t.call('GET', path, { token: editor, headers: { 'if-none-match': etag1 } })).status).toBe(200);

      // Revisions: listed, fetched as they were, diffed with core's compare.
      const list = (await (await t.call('GET', `${path}/revisions`, { token: editor })).json()) as { items: { revision: number; author: string }[] };
      expect(list.items.map((r) => r.revision)).toEqual([1, 2]);
      expect(list.items[0]!.author).toMatch(/^tok_/);
      const r1 = (await (await t.call('GET', `${path}/revisions/1`, { token: editor })).json()) as { review: { title: string } };
      expect(r1.review.title).toContain('36.2');
      const r2 = (await (await t.call('GET', `${path}/revisions/2`, { token: editor })).json()) as { review: { title: string } };
      expect(r2.review.title).toBe('Second');
      expect((await t.call('GET', `${path}/revisions/3`, { token: editor })).status).toBe(404);
      const diff = await t.call('GET', `${path}/diff?from=1&to=2`, { token: editor });
      expect(diff.status).toBe(200);
      expect(await diff.json()).toMatchObject({ from: 1, to: 2, comparison: { sameArticle: true, instruments: { added: [], removed: [] } } });

      // Delete is soft: 410 until restored; purge (admins) removes it for good.
      expect((await t.call('DELETE', path, { token: editor })).status).toBe(428);
      expect((await t.call('DELETE', path, { token: editor, headers: { 'if-match': etag1 } })).status).toBe(412);
      expect((await t.call('DELETE', path, { token: editor, headers: { 'if-match': etag2 } })).status).toBe(200);
      expect((await t.call('GET', path, { token: editor })).status).toBe(410);
      const deleted = (await (await t.call('GET', '/v1/reviews?deleted=true', { token: editor })).json()) as { items: { id: string }[] };
      expect(deleted.items.map((r) => r.id)).toEqual([EXAMPLE_ID]);
      expect((await t.call('POST', `${path}/restore`, { token: editor })).status).toBe(200);
      const restored = await t.call('GET', path, { token: editor });
      expect(restored.status).toBe(200);
      expect(restored.headers.get('etag')).toBe(etag2);

      expect((await t.call('POST', `${path}/purge`, { token: editor })).status).toBe(403);
      expect((await t.call('POST', `${path}/purge`, { token: admin })).status).toBe(409);
      expect((await t.call('DELETE', path, { token: editor, headers: { 'if-match': etag2 } })).status).toBe(200);
      expect((await t.call('POST', `${path}/purge`, { token: admin })).status).toBe(204);
      expect((await t.call('GET', path, { token: editor })).status).toBe(404);
      expect((await t.call('GET', `${path}/revisions/1`, { token: editor })).status).toBe(404);

      // The audit log has every write: who, when, which revision.
      const audit = (await (await t.call('GET', `/v1/audit?review=${EXAMPLE_ID}`, { token: admin })).json()) as { items: { action: string; revision: number; actor: string; at: string; requestId: string }[] };
      expect(audit.items.map((e) => `${e.action}@${e.revision}`)).toEqual(['review.create@1', 'review.replace@2', 'review.delete@2', 'review.restore@2', 'review.delete@2', 'review.purge@2']);
      expect(audit.items.every((e) => e.actor.startsWith('tok_') && !Number.isNaN(Date.parse(e.at)) && e.requestId)).toBe(true);
    });

    it('lists with filters and cursor pagination', async () => {
      const ids = ['a-review', 'b-review', 'c-review'];
      for (const [i, id] of ids.entries()) {
        const body = example.replace(/^id: .*$/m, `id: ${id}`).replace(/^rpeVersion: .*$/m, `rpeVersion: '${i === 2 ? '2018' : '2015'}'`);
        const r = await t.call('POST', '/v1/reviews', { token: editor, body });
        expect(r.status, await r.clone().text()).toBe(201);
      }
      const page1 = (await (await t.call('GET', '/v1/reviews?limit=2', { token: editor })).json()) as { items: { id: string }[]; nextCursor: string };
      expect(page1.items.map((r) => r.id)).toEqual(['a-review', 'b-review']);
      const page2 = (await (await t.call('GET', `/v1/reviews?limit=2&cursor=${page1.nextCursor}`, { token: editor })).json()) as { items: { id: string }[]; nextCursor: string | null };
      expect(page2).toEqual({ items: [expect.objectContaining({ id: 'c-review' })], nextCursor: null });
      const filter = async (q: string) => ((await (await t.call('GET', `/v1/reviews?${q}`, { token: editor })).json()) as { items: { id: string }[] }).items.map((r) => r.id);
      expect(await filter('rpeVersion=2018')).toEqual(['c-review']);
      expect(await filter('article=36.2&ministry=JenV')).toEqual(ids);
      expect(await filter('article=99.9')).toEqual([]);
      expect(await filter('periodFrom=2016')).toEqual([]);
      expect(await filter('periodFrom=2015&periodTo=2015')).toEqual(ids);
      expect((await t.call('GET', '/v1/reviews?cursor=nonsense', { token: editor })).status).toBe(400);
      expect((await t.call('GET', '/v1/reviews?limit=0', { token: editor })).status).toBe(400);
    });

    it('serves analysis and reports of the current revision, cached, with ETags', async () => {
      const a = await t.call('GET', '/v1/reviews/a-review/analysis?lang=nl', { token: editor, headers: { 'accept-encoding': 'gzip' } });
      expect(a.status).toBe(200);
      const etag = a.headers.get('etag')!;
      const analysis = (await a.json()) as { lang: string; withheld: { count: number } };
      expect(analysis.lang).toBe('nl');
      expect(analysis.withheld.count).toBe(0);
      expect((await t.call('GET', '/v1/reviews/a-review/analysis?lang=nl', { token: editor, headers: { 'if-none-match': etag } })).status).toBe(304);
      expect((await t.call('GET', '/v1/reviews/a-review/analysis?lang=en', { token: editor, headers: { 'if-none-match': etag } })).status).toBe(200);
      const bad = await t.call('GET', '/v1/reviews/a-review/analysis?protect=typo', { token: editor });
      expect(bad.status).toBe(400);
      expect(await bad.json()).toMatchObject({ type: 'urn:polev:problem:invalid-options', problems: [{ option: 'savings.protect' }] });
      for (const [format, type] of [['html', 'text/html'], ['md', 'text/markdown'], ['docx', 'wordprocessingml']] as const) {
        const r = await t.call('GET', `/v1/reviews/a-review/report?format=${format}&lang=en`, { token: editor });
        expect(r.status, format).toBe(200);
        expect(r.headers.get('content-type')).toContain(type);
        expect(r.headers.get('content-disposition')).toContain('a-review');
      }
    });
  });
});
