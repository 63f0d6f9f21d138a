import type { Classification, Review } from '@polev/core';

/**
 * The storage of the API, behind one small interface so that the backends (SQLite embedded,
 * PostgreSQL shared) are interchangeable. Every write is one transaction that also appends its
 * audit entry; conflicts are decided inside it, by the database, never by the caller's memory.
 */

export type Role = 'reader' | 'editor' | 'admin';
export const ROLES: readonly Role[] = ['reader', 'editor', 'admin'];

/** Who did a write, for the revision's author and the audit log. */
export interface Actor {
  /** The token's id, or `bootstrap` for POLEV_BOOTSTRAP_TOKEN. */
  id: string;
  requestId?: string | undefined;
}

/** The current state of a stored review, without its document. */
export interface ReviewHead {
  id: string;
  revision: number;
  /** Content hash of the current revision (hex). */
  hash: string;
  title: string;
  ministry: string;
  articles: string[];
  periodStart: number | null;
  periodEnd: number | null;
  rpeVersion: string;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
  deletedAt: string | null;
}

export interface RevisionMeta {
  reviewId: string;
  revision: number;
  hash: string;
  author: string;
  createdAt: string;
}

export interface StoredRevision extends RevisionMeta {
  /** The review as stored: canonical JSON of the validated review. */
  document: string;
}

export interface ReviewFilter {
  ministry?: string | undefined;
  article?: string | undefined;
  /** Reviews whose period overlaps [periodFrom, periodTo]. */
  periodFrom?: number | undefined;
  periodTo?: number | undefined;
  rpeVersion?: string | undefined;
  /** Only soft-deleted reviews instead of the live ones. */
  deleted?: boolean | undefined;
  /** Cursor: the last id of the previous page. */
  after?: string | undefined;
  limit: number;
}

export interface TokenRecord {
  id: string;
  name: string | null;
  role: Role;
  clearance: Classification;
  createdAt: string;
  createdBy: string;
  expiresAt: string | null;
  revokedAt: string | null;
}

export interface AuditEntry {
  seq: number;
  at: string;
  actor: string;
  action: AuditAction;
  reviewId: string | null;
  revision: number | null;
  requestId: string | null;
  detail: string | null;
}

export type AuditAction = 'review.create' | 'review.replace' | 'review.delete' | 'review.restore' | 'review.purge' | 'token.create' | 'token.revoke';

export type WriteResult =
  | { ok: true; head: ReviewHead }
  | { ok: false; reason: 'not-found' | 'exists' | 'deleted' | 'not-deleted' | 'conflict'; head?: ReviewHead };

export interface NewToken {
  id: string;
  hash: string;
  name: string | null;
  role: Role;
  clearance: Classification;
  expiresAt: string | null;
}

export interface Repository {
  /** Which backend, for /readyz and logs. */
  readonly kind: string;
  /** Database reachable and every migration applied. */
  ready(): Promise<{ ok: boolean; schemaVersion: number; detail?: string }>;

  listReviews(filter: ReviewFilter): Promise<ReviewHead[]>;
  getHead(id: string): Promise<ReviewHead | null>;
  /** A review with the document of its current revision. */
  getCurrent(id: string): Promise<{ head: ReviewHead; revision: StoredRevision } | null>;
  createReview(review: Review, document: string, actor: Actor, at: string): Promise<WriteResult>;
  /** Appends a revision when the current one is still `expected`; else `conflict`. */
  replaceReview(id: string, expected: number, review: Review, document: string, actor: Actor, at: string): Promise<WriteResult>;
  deleteReview(id: string, expected: number, actor: Actor, at: string): Promise<WriteResult>;
  restoreReview(id: string, actor: Actor, at: string): Promise<WriteResult>;
  /** Removes a review and all its revisions for good; the audit log keeps that it was done. */
  purgeReview(id: string, actor: Actor, at: string): Promise<WriteResult>;

  listRevisions(id: string, after: number, limit: number): Promise<RevisionMeta[]>;
  getRevision(id: string, revision: number): Promise<StoredRevision | null>;

  createToken(token: NewToken, actor: Actor, at: string): Promise<TokenRecord>;
  findTokenByHash(hash: string): Promise<TokenRecord | null>;
  listTokens(): Promise<TokenRecord[]>;
  revokeToken(id: string, actor: Actor, at: string): Promise<TokenRecord | null>;

  listAudit(filter: { after?: number | undefined; reviewId?: string | undefined; limit: number }): Promise<AuditEntry[]>;

  close(): Promise<void>;
}
