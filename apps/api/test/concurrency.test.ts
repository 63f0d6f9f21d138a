import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseReviewOrThrow } from '@polev/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOOTSTRAP, example, EXAMPLE_ID, startTestServer, type TestServer } from './helpers.js';

const review = parseReviewOrThrow(example);
const withTitle = (title: string, id = EXAMPLE_ID) => JSON.stringify({ ...review, id, title });

describe('concurrent conflicting replaces', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(() => t.close());

  it('32 replaces of one revision: exactly one wins, the rest get 412, no revision is lost', async () => {
    const created = await t.call('POST', '/v1/reviews', { body: withTitle('start'), type: 'application/json' });
    expect(created.status).toBe(201);
    const etag = created.headers.get('etag')!;
    const results = await Promise.all(
      Array.from({ length: 32 }, (_, i) =>
        t.call('PUT', `/v1/reviews/${EXAMPLE_ID}`, { body: withTitle(`writer ${i}`), type: 'application/json', headers: { 'if-match': etag } }).then(async (r) => ({ i, status: r.status, body: await r.text() })),
      ),
    );
    const winners = results.filter((r) => r.status === 200);
    expect(winners).toHaveLength(1);
    expect(results.filter((r) => r.status === 412)).toHaveLength(31);
    const revisions = (await (await t.call('GET', `/v1/reviews/${EXAMPLE_ID}/revisions`)).json()) as { items: { revision: number }[] };
    expect(revisions.items.map((r) => r.revision)).toEqual([1, 2]);
    const current = (await (await t.call('GET', `/v1/reviews/${EXAMPLE_ID}`)).json()) as { revision: number; review: { title: string } };
    expect(current).toMatchObject({ revision: 2, review: { title: `writer ${winners[0]!.i}` } });
    const audit = (await (await t.call('GET', `/v1/audit?review=${EXAMPLE_ID}`)).json()) as { items: { action: string }[] };
    expect(audit.items.map((e) => e.action)).toEqual(['review.create', 'review.replace']);
  });
});

describe('kill -9 during a stream of writes', () => {
  const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
  const dir = mkdtempSync(join(tmpdir(), 'polev-api-kill-'));
  const db = join(dir, 'polev.db');
  let child: ChildProcess | undefined;
  afterAll(() => {
    child?.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  const start = () =>
    new Promise<string>((resolve, reject) => {
      child = spawn(process.execPath, [cli], { env: { ...process.env, PORT: '0', HOST: '127.0.0.1', POLEV_DB: db, POLEV_BOOTSTRAP_TOKEN: BOOTSTRAP, LOG_LEVEL: 'silent' }, stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      let err = '';
      child.stdout!.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /listening on (http:\/\/\S+)/.exec(out);
        if (m) resolve(m[1]!);
      });
      child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
      child.on('exit', (code) => reject(new Error(`the server exited with ${code}: ${err}`)));
    });

  it('loses no acknowledged write', async () => {
    let base = await start();
    const call = (method: string, path: string, body?: string, headers: Record<string, string> = {}) =>
      fetch(`${base}${path}`, { method, headers: { authorization: `Bearer ${BOOTSTRAP}`, ...(body ? { 'content-type': 'application/json' } : {}), ...headers }, ...(body ? { body } : {}) });
    // Four writers, each replacing its own review as fast as it can; the process dies under them.
    const ids = ['kill-a', 'kill-b', 'kill-c', 'kill-d'];
    const acknowledged = new Map<string, { revision: number; title: string }[]>(ids.map((id) => [id, []]));
    let stop = false;
    const writer = async (id: string) => {
      let r = await call('POST', '/v1/reviews', withTitle(`${id} 1`, id));
      if (r.status !== 201) throw new Error(`create ${r.status}`);
      acknowledged.get(id)!.push({ revision: 1, title: `${id} 1` });
      let etag = r.headers.get('etag')!;
      for (let n = 2; !stop && n < 10_000; n++) {
        try {
          r = await call('PUT', `/v1/reviews/${id}`, withTitle(`${id} ${n}`, id), { 'if-match': etag });
        } catch {
          return; // the connection died with the process: this write was never acknowledged
        }
        if (r.status !== 200) throw new Error(`replace ${r.status}: ${await r.text()}`);
        acknowledged.get(id)!.push({ revision: n, title: `${id} ${n}` });
        etag = r.headers.get('etag')!;
      }
    };
    const writers = ids.map(writer);
    // Kill once every writer has a few acknowledged revisions (bounded in time).
    for (let i = 0; i < 300 && [...acknowledged.values()].some((a) => a.length < 4); i++) await new Promise((r) => setTimeout(r, 20));
    child!.kill('SIGKILL');
    await Promise.allSettled(writers);
    stop = true;
    expect([...acknowledged.values()].every((a) => a.length >= 4)).toBe(true);

    base = await start();
    for (const id of ids) {
      const list = (await (await call('GET', `/v1/reviews/${id}/revisions?limit=100`)).json()) as { items: { revision: number }[] };
      const stored = new Set(list.items.map((r) => r.revision));
      for (const a of acknowledged.get(id)!) {
        expect(stored.has(a.revision), `${id} revision ${a.revision}`).toBe(true);
        const got = (await (await call('GET', `/v1/reviews/${id}/revisions/${a.revision}`)).json()) as { review: { title: string } };
        expect(got.review.title).toBe(a.title);
      }
    }
  });
});
