import type { Review } from '@polev/core';
import type pg from 'pg';
import { loadDriver } from './driver.js';
import { contentHash } from './hash.js';
import { POSTGRES_MIGRATIONS, SCHEMA_VERSION } from './migrations.js';
import type { Actor, AuditAction, AuditEntry, Repository, ReviewHead, RevisionMeta, TokenRecord, WriteResult } from './repository.js';
import { summarize } from './summary.js';

/** Any fixed number: the advisory lock under which instances that start together migrate one at a time. */
const MIGRATION_LOCK = 7_310_131_300;

type Row = Record<string, unknown>;
const str = (v: unknown) => v as string;
const strOrNull = (v: unknown) => (v === null || v === undefined ? null : String(v));
const intOrNull = (v: unknown) => (v === null || v === undefined ? null : Number(v));

const toHead = (r: Row): ReviewHead => ({
  id: str(r.id),
  revision: Number(r.revision),
  hash: str(r.hash),
  title: str(r.title),
  ministry: str(r.ministry),
  articles: JSON.parse(str(r.articles)) as string[],
  periodStart: intOrNull(r.period_start),
  periodEnd: intOrNull(r.period_end),
  rpeVersion: str(r.rpe_version),
  createdAt: str(r.created_at),
  createdBy: str(r.created_by),
  updatedAt: str(r.updated_at),
  updatedBy: str(r.updated_by),
  deletedAt: strOrNull(r.deleted_at),
});
const toToken = (r: Row): TokenRecord => ({
  id: str(r.id),
  name: strOrNull(r.name),
  role: r.role as TokenRecord['role'],
  clearance: r.clearance as TokenRecord['clearance'],
  createdAt: str(r.created_at),
  createdBy: str(r.created_by),
  expiresAt: strOrNull(r.expires_at),
  revokedAt: strOrNull(r.revoked_at),
});
const toRevision = (r: Row): RevisionMeta => ({ reviewId: str(r.review_id), revision: Number(r.revision), hash: str(r.hash), author: str(r.author), createdAt: str(r.created_at) });

/** Applies the missing migrations in one transaction under an advisory lock: all or nothing, once. */
export async function migratePostgres(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
    const applied = new Set((await client.query('SELECT version FROM schema_migrations')).rows.map((r: Row) => Number(r.version)));
    for (const m of POSTGRES_MIGRATIONS) {
      if (applied.has(m.version)) continue;
      await client.query(m.sql);
      await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [m.version, m.name, new Date().toISOString()]);
    }
    await client.query('COMMIT');
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    client.release();
  }
}

/**
 * The shared backend: several API instances on one PostgreSQL. Every write is one transaction
 * that locks the review's row (`FOR UPDATE`), so the database decides the winner of concurrent
 * replaces; the revisions' primary key (review, revision) makes a lost or doubled revision
 * impossible whatever the instances do.
 */
export async function openPostgres(url: string, options: { max?: number } = {}): Promise<Repository> {
  const { Pool } = loadDriver<typeof pg>('pg', 'PostgreSQL (DATABASE_URL)');
  const pool = new Pool({ connectionString: url, max: options.max ?? 10 });
  // An idle client that loses its connection must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  await migratePostgres(pool);

  const tx = async <T>(fn: (q: (sql: string, args?: unknown[]) => Promise<Row[]>) => Promise<T>): Promise<T> => {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const result = await fn(async (sql, args = []) => (await client.query(sql, args)).rows as Row[]);
      await client.query('COMMIT');
      return result;
    } catch (e) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw e;
    } finally {
      client.release();
    }
  };
  const query = async (sql: string, args: unknown[] = []) => (await pool.query(sql, args)).rows as Row[];
  const audit = (q: (sql: string, args?: unknown[]) => Promise<Row[]>, at: string, actor: Actor, action: AuditAction, reviewId: string | null, revision: number | null, detail: string | null = null) =>
    q('INSERT INTO audit (at, actor, action, review_id, revision, request_id, detail) VALUES ($1, $2, $3, $4, $5, $6, $7)', [at, actor.id, action, reviewId, revision, actor.requestId ?? null, detail]);
  const fields = (review: Review, document: string) => {
    const s = summarize(review);
    return [contentHash(document), s.title, s.ministry, JSON.stringify(s.articles), s.periodStart, s.periodEnd, s.rpeVersion] as const;
  };
  const locked = async (q: (sql: string, args?: unknown[]) => Promise<Row[]>, id: string) => {
    const rows = await q('SELECT * FROM reviews WHERE id = $1 FOR UPDATE', [id]);
    return rows[0] ? toHead(rows[0]) : null;
  };
  const isUniqueViolation = (e: unknown) => (e as { code?: string }).code === '23505';

  return {
    kind: 'postgres',
    async ready() {
      try {
        const v = Number((await query('SELECT MAX(version) AS v FROM schema_migrations'))[0]?.v ?? 0);
        return v === SCHEMA_VERSION ? { ok: true, schemaVersion: v } : { ok: false, schemaVersion: v, detail: `schema version ${v}, expected ${SCHEMA_VERSION}` };
      } catch (e) {
        return { ok: false, schemaVersion: 0, detail: (e as Error).message };
      }
    },
    async listReviews(f) {
      const where = [f.deleted ? 'deleted_at IS NOT NULL' : 'deleted_at IS NULL'];
      const args: unknown[] = [];
      const arg = (v: unknown) => `$${args.push(v)}`;
      if (f.ministry !== undefined) {
        const m = arg(f.ministry);
        where.push(`(lower(ministry) = lower(${m}) OR lower(ministry) LIKE '%(' || lower(${m}) || ')')`);
      }
      if (f.article !== undefined) where.push(`articles::jsonb ? ${arg(f.article)}`);
      if (f.periodFrom !== undefined) where.push(`(period_end IS NULL OR period_end >= ${arg(f.periodFrom)})`);
      if (f.periodTo !== undefined) where.push(`(period_start IS NULL OR period_start <= ${arg(f.periodTo)})`);
      if (f.rpeVersion !== undefined) where.push(`rpe_version = ${arg(f.rpeVersion)}`);
      if (f.after !== undefined) where.push(`id COLLATE "C" > ${arg(f.after)}`);
      return (await query(`SELECT * FROM reviews WHERE ${where.join(' AND ')} ORDER BY id COLLATE "C" LIMIT ${arg(f.limit)}`, args)).map(toHead);
    },
    async getHead(id) {
      const rows = await query('SELECT * FROM reviews WHERE id = $1', [id]);
      return rows[0] ? toHead(rows[0]) : null;
    },
    async getCurrent(id) {
      const rows = await query('SELECT r.*, v.document, v.author, v.created_at AS revision_created_at FROM reviews r JOIN revisions v ON v.review_id = r.id AND v.revision = r.revision WHERE r.id = $1', [id]);
      const r = rows[0];
      if (!r) return null;
      const head = toHead(r);
      return { head, revision: { reviewId: head.id, revision: head.revision, hash: head.hash, author: str(r.author), createdAt: str(r.revision_created_at), document: str(r.document) } };
    },
    async createReview(review, document, actor, at): Promise<WriteResult> {
      try {
        return await tx(async (q) => {
          const existing = await locked(q, review.id);
          if (existing) return { ok: false, reason: existing.deletedAt ? 'deleted' : 'exists', head: existing };
          const [hash, ...rest] = fields(review, document);
          await q(
            `INSERT INTO reviews (id, revision, hash, title, ministry, articles, period_start, period_end, rpe_version, created_at, created_by, updated_at, updated_by)
             VALUES ($1, 1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $9, $10)`,
            [review.id, hash, ...rest, at, actor.id],
          );
          await q('INSERT INTO revisions (review_id, revision, hash, document, author, created_at) VALUES ($1, 1, $2, $3, $4, $5)', [review.id, hash, document, actor.id, at]);
          await audit(q, at, actor, 'review.create', review.id, 1);
          return { ok: true, head: (await locked(q, review.id))! };
        });
      } catch (e) {
        // Two instances creating the same id at once: the primary key lets one in.
        if (isUniqueViolation(e)) return { ok: false, reason: 'exists' };
        throw e;
      }
    },
    async replaceReview(id, expected, review, document, actor, at): Promise<WriteResult> {
      return tx(async (q) => {
        const current = await locked(q, id);
        if (!current) return { ok: false, reason: 'not-found' };
        if (current.deletedAt) return { ok: false, reason: 'deleted', head: current };
        if (current.revision !== expected) return { ok: false, reason: 'conflict', head: current };
        const revision = expected + 1;
        const [hash, ...rest] = fields(review, document);
        await q('INSERT INTO revisions (review_id, revision, hash, document, author, created_at) VALUES ($1, $2, $3, $4, $5, $6)', [id, revision, hash, document, actor.id, at]);
        await q(
          `UPDATE reviews SET revision = $2, hash = $3, title = $4, ministry = $5, articles = $6, period_start = $7, period_end = $8, rpe_version = $9, updated_at = $10, updated_by = $11 WHERE id = $1`,
          [id, revision, hash, ...rest, at, actor.id],
        );
        await audit(q, at, actor, 'review.replace', id, revision);
        return { ok: true, head: (await locked(q, id))! };
      });
    },
    async deleteReview(id, expected, actor, at): Promise<WriteResult> {
      return tx(async (q) => {
        const current = await locked(q, id);
        if (!current) return { ok: false, reason: 'not-found' };
        if (current.deletedAt) return { ok: false, reason: 'deleted', head: current };
        if (current.revision !== expected) return { ok: false, reason: 'conflict', head: current };
        await q('UPDATE reviews SET deleted_at = $2, updated_at = $2, updated_by = $3 WHERE id = $1', [id, at, actor.id]);
        await audit(q, at, actor, 'review.delete', id, current.revision);
        return { ok: true, head: (await locked(q, id))! };
      });
    },
    async restoreReview(id, actor, at): Promise<WriteResult> {
      return tx(async (q) => {
        const current = await locked(q, id);
        if (!current) return { ok: false, reason: 'not-found' };
        if (!current.deletedAt) return { ok: false, reason: 'not-deleted', head: current };
        await q('UPDATE reviews SET deleted_at = NULL, updated_at = $2, updated_by = $3 WHERE id = $1', [id, at, actor.id]);
        await audit(q, at, actor, 'review.restore', id, current.revision);
        return { ok: true, head: (await locked(q, id))! };
      });
    },
    async purgeReview(id, actor, at): Promise<WriteResult> {
      return tx(async (q) => {
        const current = await locked(q, id);
        if (!current) return { ok: false, reason: 'not-found' };
        await q('DELETE FROM revisions WHERE review_id = $1', [id]);
        await q('DELETE FROM reviews WHERE id = $1', [id]);
        await audit(q, at, actor, 'review.purge', id, current.revision);
        return { ok: true, head: current };
      });
    },
    async listRevisions(id, after, limit) {
      return (await query('SELECT review_id, revision, hash, author, created_at FROM revisions WHERE review_id = $1 AND revision > $2 ORDER BY revision LIMIT $3', [id, after, limit])).map(toRevision);
    },
    async getRevision(id, revision) {
      const r = (await query('SELECT * FROM revisions WHERE review_id = $1 AND revision = $2', [id, revision]))[0];
      return r ? { ...toRevision(r), document: str(r.document) } : null;
    },
    async createToken(t, actor, at) {
      return tx(async (q) => {
        const rows = await q(
          'INSERT INTO tokens (id, hash, name, role, clearance, created_at, created_by, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING *',
          [t.id, t.hash, t.name, t.role, t.clearance, at, actor.id, t.expiresAt],
        );
        await audit(q, at, actor, 'token.create', null, null, `${t.id} ${t.role} ${t.clearance}`);
        return toToken(rows[0]!);
      });
    },
    async findTokenByHash(hash) {
      const r = (await query('SELECT * FROM tokens WHERE hash = $1', [hash]))[0];
      return r ? toToken(r) : null;
    },
    async listTokens() {
      return (await query('SELECT * FROM tokens ORDER BY created_at, id')).map(toToken);
    },
    async revokeToken(id, actor, at) {
      return tx(async (q) => {
        const changed = await q('UPDATE tokens SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL RETURNING id', [id, at]);
        if (changed.length) await audit(q, at, actor, 'token.revoke', null, null, id);
        const r = (await q('SELECT * FROM tokens WHERE id = $1', [id]))[0];
        return r ? toToken(r) : null;
      });
    },
    async listAudit(f) {
      const args: unknown[] = [f.after ?? 0];
      if (f.reviewId !== undefined) args.push(f.reviewId);
      args.push(f.limit);
      const rows = await query(`SELECT * FROM audit WHERE seq > $1 ${f.reviewId !== undefined ? 'AND review_id = $2' : ''} ORDER BY seq LIMIT $${args.length}`, args);
      return rows.map(
        (r): AuditEntry => ({ seq: Number(r.seq), at: str(r.at), actor: str(r.actor), action: r.action as AuditAction, reviewId: strOrNull(r.review_id), revision: intOrNull(r.revision), requestId: strOrNull(r.request_id), detail: strOrNull(r.detail) }),
      );
    },
    async close() {
      await pool.end();
    },
  };
}
