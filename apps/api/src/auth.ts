import { randomBytes, timingSafeEqual } from 'node:crypto';
import { CLASSIFICATIONS, type Classification } from '@polev/core';
import type { MiddlewareHandler } from 'hono';
import type { Env } from './routing.js';
import { ApiProblem, forbidden } from './problems.js';
import { contentHash } from './storage/hash.js';
import type { Repository, Role } from './storage/repository.js';

/**
 * Bearer tokens. A token is `polev_<random>`; only its SHA-256 is stored (the secret has 256 bits
 * of entropy, so a slow hash adds nothing). A token has a role — readers read, editors also
 * write, admins also manage tokens, read the audit log and purge — and a clearance, the highest
 * classification its holder may see.
 */
export interface Caller {
  /** Token id, or `bootstrap`. */
  id: string;
  role: Role;
  clearance: Classification;
}

export const BOOTSTRAP_ID = 'bootstrap';
const RANK: Record<Role, number> = { reader: 0, editor: 1, admin: 2 };

export const newTokenSecret = (): string => `polev_${randomBytes(32).toString('base64url')}`;
export const newTokenId = (): string => `tok_${randomBytes(8).toString('hex')}`;
export const hashToken = (secret: string): string => contentHash(secret);

const unauthorized = (detail: string, error?: string) =>
  new ApiProblem(401, 'unauthorized', 'Unauthorized', detail, {}, { 'www-authenticate': `Bearer realm="polev"${error ? `, error="${error}"` : ''}` });

/** Resolves the caller from `Authorization: Bearer …`; 401 without a token or with one that is unknown, revoked or expired. */
export function authenticate(repo: Repository, bootstrapToken: string | undefined, now: () => Date): MiddlewareHandler<Env> {
  const bootstrapHash = bootstrapToken ? Buffer.from(hashToken(bootstrapToken), 'hex') : null;
  return async (c, next) => {
    const header = c.req.header('authorization');
    if (!header) throw unauthorized('send a token: Authorization: Bearer <token>');
    const m = /^Bearer[ ]+([A-Za-z0-9._~+/=-]{1,512})$/i.exec(header);
    if (!m) throw unauthorized('the Authorization header must be "Bearer <token>"', 'invalid_request');
    const hash = hashToken(m[1]!);
    if (bootstrapHash && timingSafeEqual(bootstrapHash, Buffer.from(hash, 'hex'))) {
      c.set('caller', { id: BOOTSTRAP_ID, role: 'admin', clearance: CLASSIFICATIONS[CLASSIFICATIONS.length - 1]! } satisfies Caller);
      return next();
    }
    const token = await repo.findTokenByHash(hash);
    if (!token) throw unauthorized('the token is not known', 'invalid_token');
    if (token.revokedAt) throw unauthorized('the token has been revoked', 'invalid_token');
    if (token.expiresAt && Date.parse(token.expiresAt) <= now().getTime()) throw unauthorized('the token has expired', 'invalid_token');
    c.set('caller', { id: token.id, role: token.role, clearance: token.clearance } satisfies Caller);
    return next();
  };
}

/** 403 unless the caller's role is at least `role`. */
export function requireRole(role: Role): MiddlewareHandler<Env> {
  return async (c, next) => {
    const caller = c.get('caller');
    if (RANK[caller.role] < RANK[role]) throw forbidden(`this needs the ${role} role; the token has ${caller.role}`);
    return next();
  };
}
