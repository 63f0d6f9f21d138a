import type { Review } from '@polev/core';
import { contentHash } from './hash.js';
import { SCHEMA_VERSION } from './migrations.js';
import type { AuditEntry, Repository, ReviewHead, StoredRevision, TokenRecord, WriteResult } from './repository.js';
import { summarize } from './summary.js';

/**
 * A repository in memory: nothing survives the process. For tests, for trying the API out, and
 * for hosts that mount `createApp()` only for the stateless routes. Same rules as the databases:
 * each write checks and applies in one synchronous step, so conflicts are decided the same way.
 */
export function memoryRepository(): Repository {
  const heads = new Map<string, ReviewHead>();
  const revisions = new Map<string, StoredRevision[]>();
  const tokens = new Map<string, TokenRecord & { hash: string }>();
  const audit: AuditEntry[] = [];
  const log = (e: Omit<AuditEntry, 'seq'>) => audit.push({ ...e, seq: audit.length + 1 });
  const set = (review: Review, document: string, revision: number, author: string, at: string, created?: ReviewHead): ReviewHead => {
    const hash = contentHash(document);
    const s = summarize(review);
    const head: ReviewHead = {
      id: review.id, revision, hash, ...s,
      createdAt: created?.createdAt ?? at, createdBy: created?.createdBy ?? author, updatedAt: at, updatedBy: author, deletedAt: null,
    };
    heads.set(review.id, head);
    const list = revisions.get(review.id) ?? [];
    list.push({ reviewId: review.id, revision, hash, author, createdAt: at, document });
    revisions.set(review.id, list);
    return { ...head };
  };
  const write = (at: string, actor: { id: string; requestId?: string | undefined }, action: AuditEntry['action'], reviewId: string | null, revision: number | null, detail: string | null = null) =>
    log({ at, actor: actor.id, action, reviewId, revision, requestId: actor.requestId ?? null, detail });
  const guard = (id: string, expected?: number): WriteResult | ReviewHead => {
    const head = heads.get(id);
    if (!head) return { ok: false, reason: 'not-found' };
    if (head.deletedAt) return { ok: false, reason: 'deleted', head: { ...head } };
    if (expected !== undefined && head.revision !== expected) return { ok: false, reason: 'conflict', head: { ...head } };
    return head;
  };
  const isResult = (x: WriteResult | ReviewHead): x is WriteResult => 'ok' in x;
  const publicToken = ({ hash: _hash, ...t }: TokenRecord & { hash: string }): TokenRecord => ({ ...t });

  return {
    kind: 'memory',
    async ready() {
      return { ok: true, schemaVersion: SCHEMA_VERSION };
    },
    async listReviews(f) {
      return [...heads.values()]
        .filter((h) => (f.deleted ? h.deletedAt !== null : h.deletedAt === null))
        .filter((h) => f.ministry === undefined || h.ministry.toLowerCase() === f.ministry.toLowerCase() || h.ministry.toLowerCase().endsWith(`(${f.ministry.toLowerCase()})`))
        .filter((h) => f.article === undefined || h.articles.includes(f.article))
        .filter((h) => f.periodFrom === undefined || h.periodEnd === null || h.periodEnd >= f.periodFrom)
        .filter((h) => f.periodTo === undefined || h.periodStart === null || h.periodStart <= f.periodTo)
        .filter((h) => f.rpeVersion === undefined || h.rpeVersion === f.rpeVersion)
        .filter((h) => f.after === undefined || h.id > f.after)
        .sort((a, b) => (a.id < b.id ? -1 : 1))
        .slice(0, f.limit)
        .map((h) => ({ ...h }));
    },
    async getHead(id) {
      const h = heads.get(id);
      return h ? { ...h } : null;
    },
    async getCurrent(id) {
      const head = heads.get(id);
      const revision = head && revisions.get(id)!.find((r) => r.revision === head.revision);
      return head && revision ? { head: { ...head }, revision } : null;
    },
    async createReview(review, document, actor, at) {
      const existing = heads.get(review.id);
      if (existing) return { ok: false, reason: existing.deletedAt ? 'deleted' : 'exists', head: { ...existing } };
      const head = set(review, document, 1, actor.id, at);
      write(at, actor, 'review.create', review.id, 1);
      return { ok: true, head };
    },
    async replaceReview(id, expected, review, document, actor, at) {
      const g = guard(id, expected);
      if (isResult(g)) return g;
      const head = set(review, document, expected + 1, actor.id, at, g);
      write(at, actor, 'review.replace', id, head.revision);
      return { ok: true, head };
    },
    async deleteReview(id, expected, actor, at) {
      const g = guard(id, expected);
      if (isResult(g)) return g;
      Object.assign(g, { deletedAt: at, updatedAt: at, updatedBy: actor.id });
      write(at, actor, 'review.delete', id, g.revision);
      return { ok: true, head: { ...g } };
    },
    async restoreReview(id, actor, at) {
      const head = heads.get(id);
      if (!head) return { ok: false, reason: 'not-found' };
      if (!head.deletedAt) return { ok: false, reason: 'not-deleted', head: { ...head } };
      Object.assign(head, { deletedAt: null, updatedAt: at, updatedBy: actor.id });
      write(at, actor, 'review.restore', id, head.revision);
      return { ok: true, head: { ...head } };
    },
    async purgeReview(id, actor, at) {
      const head = heads.get(id);
      if (!head) return { ok: false, reason: 'not-found' };
      heads.delete(id);
      revisions.delete(id);
      write(at, actor, 'review.purge', id, head.revision);
      return { ok: true, head: { ...head } };
    },
    async listRevisions(id, after, limit) {
      return (revisions.get(id) ?? []).filter((r) => r.revision > after).slice(0, limit).map(({ document: _d, ...meta }) => meta);
    },
    async getRevision(id, revision) {
      return (revisions.get(id) ?? []).find((r) => r.revision === revision) ?? null;
    },
    async createToken(t, actor, at) {
      const record = { id: t.id, hash: t.hash, name: t.name, role: t.role, clearance: t.clearance, createdAt: at, createdBy: actor.id, expiresAt: t.expiresAt, revokedAt: null };
      tokens.set(t.id, record);
      write(at, actor, 'token.create', null, null, `${t.id} ${t.role} ${t.clearance}`);
      return publicToken(record);
    },
    async findTokenByHash(hash) {
      for (const t of tokens.values()) if (t.hash === hash) return publicToken(t);
      return null;
    },
    async listTokens() {
      return [...tokens.values()].map(publicToken);
    },
    async revokeToken(id, actor, at) {
      const t = tokens.get(id);
      if (!t) return null;
      if (!t.revokedAt) {
        t.revokedAt = at;
        write(at, actor, 'token.revoke', null, null, id);
      }
      return publicToken(t);
    },
    async listAudit(f) {
      return audit.filter((e) => e.seq > (f.after ?? 0) && (f.reviewId === undefined || e.reviewId === f.reviewId)).slice(0, f.limit).map((e) => ({ ...e }));
    },
    async close() {},
  };
}
