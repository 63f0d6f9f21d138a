import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseReviewOrThrow } from '@polev/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, freshPostgres, POSTGRES_URL, type Backend } from './backends.js';
import { BOOTSTRAP, example, EXAMPLE_ID, startTestServer, type TestServer } from './helpers.js';

const review = parseReviewOrThrow(example);
const withTitle = (title: string, id = EXAMPLE_ID) => JSON.stringify({ ...review, id, title });
const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));

/** The built server as a real process (`polev-api`), on SQLite or PostgreSQL. */
class ServerProcess {
  child: ChildProcess | undefined;
  base = '';
  constructor(private readonly env: Record<string, string>) {}
  start(): Promise<string> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [cli], { env: { ...process.env, PORT: '0', HOST: '127.0.0.1', POLEV_BOOTSTRAP_TOKEN: BOOTSTRAP, LOG_LEVEL: 'silent', ...this.env }, stdio: ['ignore', 'pipe', 'pipe'] });
      this.child = child;
      let out = '';
      let err = '';
      child.stdout!.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /listening on (http:\/\/\S+)/.exec(out);
        if (m) resolve((this.base = m[1]!));
      });
      child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
      child.on('exit', (code) => reject(new Error(`the server exited with ${code}: ${err}`)));
    });
  }
  call(method: string, path: string, body?: string, headers: Record<string, string> = {}, token = BOOTSTRAP) {
    return fetch(`${this.base}${path}`, { method, headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}), ...headers }, ...(body ? { body } : {}) });
  }
  kill() {
    this.child?.kill('SIGKILL');
  }
}

/** A database both kinds of test can point processes at: a SQLite file or a fresh PostgreSQL database. */
async function database(backend: Backend, dir: string): Promise<{ env: Record<string, string>; drop: () => Promise<void> }> {
  if (backend === 'sqlite') return { env: { POLEV_DB: join(dir, 'polev.db') }, drop: async () => undefined };
  const db = await freshPostgres();
  return { env: { DATABASE_URL: db.url }, drop: db.drop };
}

/**
 * Writers replacing their own reviews as fast as they can, spread over the servers, until the
 * process under them dies; returns what was acknowledged.
 */
async function writeUntilKilled(servers: ServerProcess[], victim: ServerProcess, ids: string[]) {
  const acknowledged = new Map<string, { revision: number; title: string }[]>(ids.map((id) => [id, []]));
  let stop = false;
  const writer = async (id: string, k: number) => {
    const server = servers[k % servers.length]!;
    let r = await server.call('POST', '/v1/reviews', withTitle(`${id} 1`, id));
    if (r.status !== 201) throw new Error(`create ${r.status}`);
    acknowledged.get(id)!.push({ revision: 1, title: `${id} 1` });
    let etag = r.headers.get('etag')!;
    for (let n = 2; !stop && n < 2000; n++) {
      try {
        r = await server.call('PUT', `/v1/reviews/${id}`, withTitle(`${id} ${n}`, id), { 'if-match': etag });
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
  for (let i = 0; i < 500 && [...acknowledged.values()].some((a) => a.length < 4); i++) await new Promise((r) => setTimeout(r, 20));
  victim.kill();
  // Writers on a surviving instance finish the write in flight (acknowledged, so kept) and stop.
  stop = true;
  await Promise.allSettled(writers);
  return acknowledged;
}

async function expectAllKept(server: ServerProcess, acknowledged: Map<string, { revision: number; title: string }[]>) {
  for (const [id, acks] of acknowledged) {
    expect(acks.length, id).toBeGreaterThanOrEqual(4);
    for (const a of acks) {
      const got = await server.call('GET', `/v1/reviews/${id}/revisions/${a.revision}`);
      expect(got.status, `${id} revision ${a.revision}`).toBe(200);
      expect(((await got.json()) as { review: { title: string } }).review.title).toBe(a.title);
    }
  }
}

/** Revisions 2…n+1 of the example, each one writer's title: none lost, none twice. */
async function expectEveryTitleKept(get: (path: string) => Promise<Response>, n: number) {
  const titles: string[] = [];
  for (let revision = 2; revision <= n + 1; revision++) {
    const r = await get(`/v1/reviews/${EXAMPLE_ID}/revisions/${revision}`);
    expect(r.status, `revision ${revision}`).toBe(200);
    titles.push(((await r.json()) as { review: { title: string } }).review.title);
  }
  expect(titles.sort()).toEqual(Array.from({ length: n }, (_, i) => `any ${i}`).sort());
  expect((await get(`/v1/reviews/${EXAMPLE_ID}/revisions/${n + 2}`)).status).toBe(404);
}

describe.each(BACKENDS)('on %s', (backend) => {
  describe('concurrent conflicting replaces', () => {
    let t: TestServer;
    beforeAll(async () => {
      t = await startTestServer({ backend });
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

  describe('concurrent replaces under If-Match: *', () => {
    let t: TestServer;
    beforeAll(async () => {
      t = await startTestServer({ backend });
    });
    afterAll(() => t.close());

    it('16 at once: each asked for whatever revision is current, so each is kept as a revision of its own (no 412)', async () => {
      expect((await t.call('POST', '/v1/reviews', { body: withTitle('start'), type: 'application/json' })).status).toBe(201);
      const results = await Promise.all(
        Array.from({ length: 16 }, (_, i) => t.call('PUT', `/v1/reviews/${EXAMPLE_ID}`, { body: withTitle(`any ${i}`), type: 'application/json', headers: { 'if-match': '*' } }).then((r) => r.status)),
      );
      expect(results).toEqual(Array(16).fill(200));
      await expectEveryTitleKept((path) => t.call('GET', path), 16);
    });
  });

  describe('kill -9 during a stream of writes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'polev-api-kill-'));
    const servers: ServerProcess[] = [];
    let drop: () => Promise<void> = async () => undefined;
    afterAll(async () => {
      for (const s of servers) s.kill();
      await drop();
      rmSync(dir, { recursive: true, force: true });
    });

    it('loses no acknowledged write', async () => {
      const db = await database(backend, dir);
      drop = db.drop;
      const first = new ServerProcess(db.env);
      servers.push(first);
      await first.start();
      const acknowledged = await writeUntilKilled([first], first, ['kill-a', 'kill-b', 'kill-c', 'kill-d']);
      const again = new ServerProcess(db.env);
      servers.push(again);
      await again.start();
      await expectAllKept(again, acknowledged);
    });
  });
});

describe.skipIf(!POSTGRES_URL)('two API processes on one PostgreSQL', () => {
  const servers: ServerProcess[] = [];
  let drop: () => Promise<void> = async () => undefined;
  let a: ServerProcess;
  let b: ServerProcess;
  beforeAll(async () => {
    const db = await freshPostgres();
    drop = db.drop;
    a = new ServerProcess({ DATABASE_URL: db.url });
    b = new ServerProcess({ DATABASE_URL: db.url });
    servers.push(a, b);
    await Promise.all([a.start(), b.start()]);
  });
  afterAll(async () => {
    for (const s of servers) s.kill();
    await drop();
  });

  it('32 conflicting replaces spread over both: exactly one winner, no revision lost; each sees the other\'s writes at once', async () => {
    const created = await a.call('POST', '/v1/reviews', withTitle('start'));
    expect(created.status).toBe(201);
    const seen = await b.call('GET', `/v1/reviews/${EXAMPLE_ID}`);
    expect(seen.headers.get('etag')).toBe(created.headers.get('etag'));
    const etag = created.headers.get('etag')!;
    const results = await Promise.all(Array.from({ length: 32 }, (_, i) => (i % 2 ? a : b).call('PUT', `/v1/reviews/${EXAMPLE_ID}`, withTitle(`writer ${i}`), { 'if-match': etag }).then((r) => ({ i, status: r.status }))));
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status === 412)).toHaveLength(31);
    const winner = results.find((r) => r.status === 200)!.i;
    for (const s of [a, b]) {
      const current = (await (await s.call('GET', `/v1/reviews/${EXAMPLE_ID}`)).json()) as { revision: number; review: { title: string } };
      expect(current).toMatchObject({ revision: 2, review: { title: `writer ${winner}` } });
      const revisions = (await (await s.call('GET', `/v1/reviews/${EXAMPLE_ID}/revisions`)).json()) as { items: { revision: number }[] };
      expect(revisions.items.map((r) => r.revision)).toEqual([1, 2]);
    }
    // Both instances serve the same bytes for the same revision (the caches are keyed by it).
    const [ra, rb] = await Promise.all([a, b].map(async (s) => { const r = await s.call('GET', `/v1/reviews/${EXAMPLE_ID}/analysis`); return { etag: r.headers.get('etag'), body: await r.text() }; }));
    expect(ra).toEqual(rb);
  });

  it('16 replaces under If-Match: * spread over both: every one kept as its own revision, none refused', async () => {
    expect((await a.call('POST', '/v1/reviews', withTitle('any start', 'any-two'))).status).toBe(201);
    const results = await Promise.all(Array.from({ length: 16 }, (_, i) => (i % 2 ? a : b).call('PUT', '/v1/reviews/any-two', withTitle(`any ${i}`, 'any-two'), { 'if-match': '*' }).then((r) => r.status)));
    expect(results).toEqual(Array(16).fill(200));
    const revisions = (await (await b.call('GET', '/v1/reviews/any-two/revisions?limit=100')).json()) as { items: { revision: number }[] };
    expect(revisions.items.map((r) => r.revision)).toEqual(Array.from({ length: 17 }, (_, i) => i + 1));
  });

  it('a token revoked on one instance is refused by the other at once', async () => {
    const created = (await (await a.call('POST', '/v1/tokens', JSON.stringify({ role: 'reader' }))).json()) as { token: { id: string }; secret: string };
    expect((await b.call('GET', '/v1/reviews', undefined, {}, created.secret)).status).toBe(200);
    expect((await a.call('DELETE', `/v1/tokens/${created.token.id}`)).status).toBe(200);
    expect((await b.call('GET', '/v1/reviews', undefined, {}, created.secret)).status).toBe(401);
  });

  it('killing one instance mid-write loses no acknowledged write', async () => {
    const acknowledged = await writeUntilKilled([a, b], a, ['two-a', 'two-b', 'two-c', 'two-d']);
    await expectAllKept(b, acknowledged);
  });
});
