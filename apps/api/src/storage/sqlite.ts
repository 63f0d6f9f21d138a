import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type Database from 'better-sqlite3';
import { loadDriver } from './driver.js';
import type { Review } from '@polev/core';
import { SCHEMA_VERSION, SQLITE_MIGRATIONS } from './migrations.js';
import type { Actor, AuditAction, AuditEntry, NewToken, Repository, ReviewFilter, ReviewHead, RevisionMeta, TokenRecord, WriteResult } from './repository.js';
import { summarize } from './summary.js';
import { contentHash } from './hash.js';

interface HeadRow {
  id: string;
  revision: number;
  hash: string;
  title: string;
  ministry: string;
  articles: string;
  period_start: number | null;
  period_end: number | null;
  rpe_version: string;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
  deleted_at: string | null;
}

const toHead = (r: HeadRow): ReviewHead => ({
  id: r.id,
  revision: r.revision,
  hash: r.hash,
  title: r.title,
  ministry: r.ministry,
  articles: JSON.parse(r.articles) as string[],
  periodStart: r.period_start,
  periodEnd: r.period_end,
  rpeVersion: r.rpe_version,
  createdAt: r.created_at,
  createdBy: r.created_by,
  updatedAt: r.updated_at,
  updatedBy: r.updated_by,
  deletedAt: r.deleted_at,
});

interface TokenRow {
  id: string;
  name: string | null;
  role: TokenRecord['role'];
  clearance: TokenRecord['clearance'];
  created_at: string;
  created_by: string;
  expires_at: string | null;
  revoked_at: string | null;
}
const toToken = (r: TokenRow): TokenRecord => ({
  id: r.id,
  name: r.name,
  role: r.role,
  clearance: r.clearance,
  createdAt: r.created_at,
  createdBy: r.created_by,
  expiresAt: r.expires_at,
  revokedAt: r.revoked_at,
});

const toRevision = (r: { review_id: string; revision: number; hash: string; author: string; created_at: string }): RevisionMeta => ({
  reviewId: r.review_id,
  revision: r.revision,
  hash: r.hash,
  author: r.author,
  createdAt: r.created_at,
});

/** Applies the missing migrations in one IMMEDIATE transaction, so concurrent starts apply each once. */
function migrate(db: Database.Database): void {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
  db.transaction(() => {
    const applied = new Set((db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map((r) => r.version));
    for (const m of SQLITE_MIGRATIONS) {
      if (applied.has(m.version)) continue;
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(m.version, m.name, new Date().toISOString());
    }
  }).immediate();
}

/**
 * The embedded backend: one SQLite file in WAL mode. Writes are synchronous transactions
 * (`BEGIN IMMEDIATE`), so they are serialised even across processes sharing the file, and
 * `synchronous = FULL` makes a write durable before it is acknowledged.
 */
export function openSqlite(file: string): Repository {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const Sqlite = loadDriver<typeof Database>('better-sqlite3', 'the SQLite database (POLEV_DB)');
  const db = new Sqlite(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  migrate(db);

  const q = {
    head: db.prepare<[string], HeadRow>('SELECT * FROM reviews WHERE id = ?'),
    current: db.prepare<[string], { document: string; author: string; created_at: string; hash: string; revision: number; review_id: string }>(
      'SELECT v.* FROM reviews r JOIN revisions v ON v.review_id = r.id AND v.revision = r.revision WHERE r.id = ?',
    ),
    insertHead: db.prepare(
      `INSERT INTO reviews (id, revision, hash, title, ministry, articles, period_start, period_end, rpe_version, created_at, created_by, updated_at, updated_by)
       VALUES (@id, @revision, @hash, @title, @ministry, @articles, @periodStart, @periodEnd, @rpeVersion, @at, @author, @at, @author)`,
    ),
    updateHead: db.prepare(
      `UPDATE reviews SET revision = @revision, hash = @hash, title = @title, ministry = @ministry, articles = @articles, period_start = @periodStart,
       period_end = @periodEnd, rpe_version = @rpeVersion, updated_at = @at, updated_by = @author WHERE id = @id AND revision = @expected AND deleted_at IS NULL`,
    ),
    insertRevision: db.prepare('INSERT INTO revisions (review_id, revision, hash, document, author, created_at) VALUES (?, ?, ?, ?, ?, ?)'),
    setDeleted: db.prepare('UPDATE reviews SET deleted_at = ?, updated_at = ?, updated_by = ? WHERE id = ?'),
    purgeRevisions: db.prepare('DELETE FROM revisions WHERE review_id = ?'),
    purgeHead: db.prepare('DELETE FROM reviews WHERE id = ?'),
    revisions: db.prepare('SELECT review_id, revision, hash, author, created_at FROM revisions WHERE review_id = ? AND revision > ? ORDER BY revision LIMIT ?'),
    revision: db.prepare('SELECT * FROM revisions WHERE review_id = ? AND revision = ?'),
    audit: db.prepare('INSERT INTO audit (at, actor, action, review_id, revision, request_id, detail) VALUES (?, ?, ?, ?, ?, ?, ?)'),
    insertToken: db.prepare(
      'INSERT INTO tokens (id, hash, name, role, clearance, created_at, created_by, expires_at) VALUES (@id, @hash, @name, @role, @clearance, @at, @createdBy, @expiresAt)',
    ),
    tokenByHash: db.prepare<[string], TokenRow>('SELECT * FROM tokens WHERE hash = ?'),
    tokenById: db.prepare<[string], TokenRow>('SELECT * FROM tokens WHERE id = ?'),
    tokens: db.prepare<[], TokenRow>('SELECT * FROM tokens ORDER BY created_at, id'),
    revoke: db.prepare('UPDATE tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL'),
  };

  const audit = (at: string, actor: Actor, action: AuditAction, reviewId: string | null, revision: number | null, detail: string | null = null) =>
    q.audit.run(at, actor.id, action, reviewId, revision, actor.requestId ?? null, detail);
  const head = (id: string) => {
    const row = q.head.get(id);
    return row ? toHead(row) : null;
  };
  const fields = (review: Review, document: string) => {
    const s = summarize(review);
    return { ...s, articles: JSON.stringify(s.articles), hash: contentHash(document) };
  };
  const tx = <A extends unknown[]>(fn: (...args: A) => WriteResult) => {
    const t = db.transaction(fn);
    return (...args: A) => t.immediate(...args);
  };

  const create = tx((review: Review, document: string, actor: Actor, at: string): WriteResult => {
    const existing = head(review.id);
    if (existing) return { ok: false, reason: existing.deletedAt ? 'deleted' : 'exists', head: existing };
    const f = fields(review, document);
    q.insertHead.run({ id: review.id, revision: 1, ...f, at, author: actor.id });
    q.insertRevision.run(review.id, 1, f.hash, document, actor.id, at);
    audit(at, actor, 'review.create', review.id, 1);
    return { ok: true, head: head(review.id)! };
  });
  const replace = tx((id: string, expected: number, review: Review, document: string, actor: Actor, at: string): WriteResult => {
    const current = head(id);
    if (!current) return { ok: false, reason: 'not-found' };
    if (current.deletedAt) return { ok: false, reason: 'deleted', head: current };
    if (current.revision !== expected) return { ok: false, reason: 'conflict', head: current };
    const f = fields(review, document);
    const revision = expected + 1;
    q.insertRevision.run(id, revision, f.hash, document, actor.id, at);
    q.updateHead.run({ id, revision, expected, ...f, at, author: actor.id });
    audit(at, actor, 'review.replace', id, revision);
    return { ok: true, head: head(id)! };
  });
  const remove = tx((id: string, expected: number, actor: Actor, at: string): WriteResult => {
    const current = head(id);
    if (!current) return { ok: false, reason: 'not-found' };
    if (current.deletedAt) return { ok: false, reason: 'deleted', head: current };
    if (current.revision !== expected) return { ok: false, reason: 'conflict', head: current };
    q.setDeleted.run(at, at, actor.id, id);
    audit(at, actor, 'review.delete', id, current.revision);
    return { ok: true, head: head(id)! };
  });
  const restore = tx((id: string, actor: Actor, at: string): WriteResult => {
    const current = head(id);
    if (!current) return { ok: false, reason: 'not-found' };
    if (!current.deletedAt) return { ok: false, reason: 'not-deleted', head: current };
    q.setDeleted.run(null, at, actor.id, id);
    audit(at, actor, 'review.restore', id, current.revision);
    return { ok: true, head: head(id)! };
  });
  const purge = tx((id: string, actor: Actor, at: string): WriteResult => {
    const current = head(id);
    if (!current) return { ok: false, reason: 'not-found' };
    q.purgeRevisions.run(id);
    q.purgeHead.run(id);
    audit(at, actor, 'review.purge', id, current.revision);
    return { ok: true, head: current };
  });
  const createToken = db.transaction((t: NewToken, actor: Actor, at: string) => {
    q.insertToken.run({ ...t, at, createdBy: actor.id });
    audit(at, actor, 'token.create', null, null, `${t.id} ${t.role} ${t.clearance}`);
    return toToken(q.tokenById.get(t.id)!);
  });
  const revokeToken = db.transaction((id: string, actor: Actor, at: string) => {
    const row = q.tokenById.get(id);
    if (!row) return null;
    if (q.revoke.run(at, id).changes > 0) audit(at, actor, 'token.revoke', null, null, id);
    return toToken(q.tokenById.get(id)!);
  });

  return {
    kind: 'sqlite',
    async ready() {
      try {
        const row = db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as { v: number | null };
        const v = row.v ?? 0;
        return v === SCHEMA_VERSION ? { ok: true, schemaVersion: v } : { ok: false, schemaVersion: v, detail: `schema version ${v}, expected ${SCHEMA_VERSION}` };
      } catch (e) {
        return { ok: false, schemaVersion: 0, detail: (e as Error).message };
      }
    },
    async listReviews(f: ReviewFilter) {
      const where: string[] = [f.deleted ? 'deleted_at IS NOT NULL' : 'deleted_at IS NULL'];
      const args: unknown[] = [];
      if (f.ministry !== undefined) {
        where.push("(lower(ministry) = lower(?) OR lower(ministry) LIKE '%(' || lower(?) || ')')");
        args.push(f.ministry, f.ministry);
      }
      if (f.article !== undefined) {
        where.push('EXISTS (SELECT 1 FROM json_each(reviews.articles) WHERE value = ?)');
        args.push(f.article);
      }
      if (f.periodFrom !== undefined) {
        where.push('(period_end IS NULL OR period_end >= ?)');
        args.push(f.periodFrom);
      }
      if (f.periodTo !== undefined) {
        where.push('(period_start IS NULL OR period_start <= ?)');
        args.push(f.periodTo);
      }
      if (f.rpeVersion !== undefined) {
        where.push('rpe_version = ?');
        args.push(f.rpeVersion);
      }
      if (f.after !== undefined) {
        where.push('id > ?');
        args.push(f.after);
      }
      const rows = db.prepare(`SELECT * FROM reviews WHERE ${where.join(' AND ')} ORDER BY id LIMIT ?`).all(...args, f.limit) as HeadRow[];
      return rows.map(toHead);
    },
    async getHead(id) {
      return head(id);
    },
    async getCurrent(id) {
      const h = head(id);
      if (!h) return null;
      const row = q.current.get(id);
      return row ? { head: h, revision: { ...toRevision(row), document: row.document } } : null;
    },
    async createReview(review, document, actor, at) {
      return create(review, document, actor, at);
    },
    async replaceReview(id, expected, review, document, actor, at) {
      return replace(id, expected, review, document, actor, at);
    },
    async deleteReview(id, expected, actor, at) {
      return remove(id, expected, actor, at);
    },
    async restoreReview(id, actor, at) {
      return restore(id, actor, at);
    },
    async purgeReview(id, actor, at) {
      return purge(id, actor, at);
    },
    async listRevisions(id, after, limit) {
      return (q.revisions.all(id, after, limit) as Parameters<typeof toRevision>[0][]).map(toRevision);
    },
    async getRevision(id, revision) {
      const row = q.revision.get(id, revision) as (Parameters<typeof toRevision>[0] & { document: string }) | undefined;
      return row ? { ...toRevision(row), document: row.document } : null;
    },
    async createToken(t, actor, at) {
      return createToken.immediate(t, actor, at);
    },
    async findTokenByHash(hash) {
      const row = q.tokenByHash.get(hash);
      return row ? toToken(row) : null;
    },
    async listTokens() {
      return q.tokens.all().map(toToken);
    },
    async revokeToken(id, actor, at) {
      return revokeToken.immediate(id, actor, at);
    },
    async listAudit(f) {
      const rows = db
        .prepare(`SELECT * FROM audit WHERE seq > ? ${f.reviewId !== undefined ? 'AND review_id = ?' : ''} ORDER BY seq LIMIT ?`)
        .all(...[f.after ?? 0, ...(f.reviewId !== undefined ? [f.reviewId] : []), f.limit]) as {
        seq: number;
        at: string;
        actor: string;
        action: AuditAction;
        review_id: string | null;
        revision: number | null;
        request_id: string | null;
        detail: string | null;
      }[];
      return rows.map(
        (r): AuditEntry => ({ seq: r.seq, at: r.at, actor: r.actor, action: r.action, reviewId: r.review_id, revision: r.revision, requestId: r.request_id, detail: r.detail }),
      );
    },
    async close() {
      if (db.open) db.close();
    },
  };
}
