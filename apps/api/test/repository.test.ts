import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseReviewOrThrow } from '@polev/core';
import { afterAll, describe, expect, it } from 'vitest';
import { memoryRepository, openPostgres, openSqlite, type Repository } from '../src/index.js';
import { freshPostgres, POSTGRES_URL } from './backends.js';
import { example } from './helpers.js';

/** The repository contract, the same for every backend. */
const dir = mkdtempSync(join(tmpdir(), 'polev-repo-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const drops: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const drop of drops) await drop();
});
const BACKENDS: [string, () => Promise<Repository>][] = [
  ['sqlite file', async () => openSqlite(join(dir, `${Math.random().toString(36).slice(2)}.db`))],
  ['memory', async () => memoryRepository()],
  ...(POSTGRES_URL
    ? ([
        [
          'postgres',
          async () => {
            const db = await freshPostgres();
            drops.push(db.drop);
            return openPostgres(db.url);
          },
        ],
      ] as [string, () => Promise<Repository>][])
    : []),
];
const base = parseReviewOrThrow(example);
const review = (id: string, title = 'a title') => ({ ...base, id, title });
const doc = (r: object) => JSON.stringify(r);
const actor = { id: 'tok_test', requestId: 'req-1' };
const at = '2026-01-01T00:00:00.000Z';

describe.each(BACKENDS)('the %s repository', (_, open) => {
  it('keeps revisions, refuses conflicts, deletes softly, restores and purges, and logs every write', async () => {
    const repo = await open();
    expect(await repo.ready()).toMatchObject({ ok: true, schemaVersion: 1 });
    const a = review('r-a');
    const created = await repo.createReview(a, doc(a), actor, at);
    expect(created).toMatchObject({ ok: true, head: { id: 'r-a', revision: 1, createdBy: 'tok_test', articles: ['36.2'] } });
    expect(await repo.createReview(a, doc(a), actor, at)).toMatchObject({ ok: false, reason: 'exists' });
    const b = review('r-a', 'second');
    expect(await repo.replaceReview('r-a', 1, b, doc(b), actor, at)).toMatchObject({ ok: true, head: { revision: 2, title: 'second' } });
    expect(await repo.replaceReview('r-a', 1, b, doc(b), actor, at)).toMatchObject({ ok: false, reason: 'conflict', head: { revision: 2 } });
    expect(await repo.replaceReview('nope', 1, b, doc(b), actor, at)).toMatchObject({ ok: false, reason: 'not-found' });
    expect((await repo.listRevisions('r-a', 0, 10)).map((r) => r.revision)).toEqual([1, 2]);
    expect(JSON.parse((await repo.getRevision('r-a', 1))!.document).title).toBe('a title');
    expect((await repo.getCurrent('r-a'))!.revision.revision).toBe(2);
    expect(await repo.deleteReview('r-a', 1, actor, at)).toMatchObject({ ok: false, reason: 'conflict' });
    expect(await repo.deleteReview('r-a', 2, actor, at)).toMatchObject({ ok: true, head: { deletedAt: at } });
    expect(await repo.replaceReview('r-a', 2, b, doc(b), actor, at)).toMatchObject({ ok: false, reason: 'deleted' });
    expect((await repo.listReviews({ limit: 10 })).map((h) => h.id)).toEqual([]);
    expect((await repo.listReviews({ limit: 10, deleted: true })).map((h) => h.id)).toEqual(['r-a']);
    expect(await repo.restoreReview('r-a', actor, at)).toMatchObject({ ok: true, head: { deletedAt: null, revision: 2 } });
    expect(await repo.restoreReview('r-a', actor, at)).toMatchObject({ ok: false, reason: 'not-deleted' });
    expect(await repo.purgeReview('r-a', actor, at)).toMatchObject({ ok: true });
    expect(await repo.getHead('r-a')).toBeNull();
    expect(await repo.listRevisions('r-a', 0, 10)).toEqual([]);
    const log = await repo.listAudit({ limit: 100 });
    expect(log.map((e) => `${e.action}@${e.revision}`)).toEqual(['review.create@1', 'review.replace@2', 'review.delete@2', 'review.restore@2', 'review.purge@2']);
    expect(log.every((e) => e.actor === 'tok_test' && e.requestId === 'req-1')).toBe(true);
    expect((await repo.listAudit({ after: log[2]!.seq, limit: 100 })).map((e) => e.action)).toEqual(['review.restore', 'review.purge']);
    await repo.close();
  });

  it('filters and pages the list', async () => {
    const repo = await open();
    for (const id of ['b', 'a', 'c']) {
      const r = { ...review(id), rpeVersion: id === 'c' ? '2018' : '2015', ministry: { name: 'Financiën', abbreviation: id === 'a' ? 'FIN' : null } };
      expect((await repo.createReview(r, doc(r), actor, at)).ok).toBe(true);
    }
    const ids = async (f: Parameters<Repository['listReviews']>[0]) => (await repo.listReviews(f)).map((h) => h.id);
    expect(await ids({ limit: 2 })).toEqual(['a', 'b']);
    expect(await ids({ limit: 2, after: 'b' })).toEqual(['c']);
    expect(await ids({ limit: 10, rpeVersion: '2018' })).toEqual(['c']);
    expect(await ids({ limit: 10, ministry: 'fin' })).toEqual(['a']);
    expect(await ids({ limit: 10, ministry: 'Financiën' })).toEqual(['b', 'c']);
    expect(await ids({ limit: 10, article: '36.2', periodFrom: 2015, periodTo: 2011 })).toEqual(['a', 'b', 'c']);
    expect(await ids({ limit: 10, periodFrom: 2016 })).toEqual([]);
    await repo.close();
  });

  it('stores tokens by hash, finds them, revokes them once', async () => {
    const repo = await open();
    const t = await repo.createToken({ id: 'tok_0123456789abcdef', hash: 'h1', name: 'ops', role: 'editor', clearance: 'secret', expiresAt: null }, actor, at);
    expect(t).toEqual({ id: 'tok_0123456789abcdef', name: 'ops', role: 'editor', clearance: 'secret', createdAt: at, createdBy: 'tok_test', expiresAt: null, revokedAt: null });
    expect(await repo.findTokenByHash('h1')).toEqual(t);
    expect(await repo.findTokenByHash('h2')).toBeNull();
    expect((await repo.revokeToken('tok_0123456789abcdef', actor, '2026-02-01T00:00:00.000Z'))!.revokedAt).toBe('2026-02-01T00:00:00.000Z');
    expect((await repo.revokeToken('tok_0123456789abcdef', actor, '2026-03-01T00:00:00.000Z'))!.revokedAt).toBe('2026-02-01T00:00:00.000Z');
    expect(await repo.revokeToken('tok_ffffffffffffffff', actor, at)).toBeNull();
    expect((await repo.listAudit({ limit: 10 })).map((e) => e.action)).toEqual(['token.create', 'token.revoke']);
    expect(JSON.stringify(await repo.listTokens())).not.toContain('h1');
    await repo.close();
  });
});

describe.skipIf(!POSTGRES_URL)('PostgreSQL migrations', () => {
  it('are applied once when several instances start at once, and a failing one leaves the schema as it was', async () => {
    const db = await freshPostgres();
    drops.push(db.drop);
    const repos = await Promise.all(Array.from({ length: 4 }, () => openPostgres(db.url, { max: 2 })));
    for (const r of repos) expect(await r.ready()).toMatchObject({ ok: true, schemaVersion: 1 });
    await Promise.all(repos.map((r) => r.close()));

    const { migratePostgres } = await import('../src/storage/postgres.js');
    const { POSTGRES_MIGRATIONS } = await import('../src/storage/migrations.js');
    const pg = (await import('pg')).default;
    const pool = new pg.Pool({ connectionString: db.url, max: 1 });
    const broken = { version: 2, name: 'broken', sql: 'CREATE TABLE half_done (x int); SELECT no_such_function();' };
    (POSTGRES_MIGRATIONS as unknown as object[]).push(broken);
    try {
      await expect(migratePostgres(pool)).rejects.toThrow(/no_such_function/);
    } finally {
      (POSTGRES_MIGRATIONS as unknown as object[]).pop();
    }
    const tables = (await pool.query("SELECT table_name FROM information_schema.tables WHERE table_name = 'half_done'")).rows;
    expect(tables).toEqual([]);
    expect((await pool.query('SELECT MAX(version) AS v FROM schema_migrations')).rows[0].v).toBe(1);
    await pool.end();
  });
});
