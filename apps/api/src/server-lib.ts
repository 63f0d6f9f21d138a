import type { AddressInfo } from 'node:net';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import pino, { type Logger } from 'pino';
import { createApp, DEFAULT_MAX_BODY_BYTES, DEFAULT_MAX_IMPORT_BYTES } from './app.js';
import type { Repository } from './storage/repository.js';
import { openPostgres } from './storage/postgres.js';
import { openSqlite } from './storage/sqlite.js';

function databaseUrlFrom(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  if (!/^postgres(ql)?:\/\//.test(raw)) throw new Error('DATABASE_URL must be a postgres:// URL (unset it to use the SQLite file of POLEV_DB)');
  return raw;
}

/** The service's settings, from the environment (documented in the README). */
export interface ApiConfig {
  host: string;
  port: number;
  /** SQLite file (when no databaseUrl). */
  db: string;
  /** `postgres://…`: PostgreSQL instead of SQLite, shared by every instance pointed at it. */
  databaseUrl?: string | undefined;
  bootstrapToken: string | undefined;
  corsOrigins: string[];
  maxBodyBytes: number;
  /** POST /v1/import: the largest body (all files together). */
  maxImportBytes?: number;
  logLevel: string;
}

/** Where the database lives by default: the user's data folder (XDG on Unix, %LOCALAPPDATA% on Windows). */
export function defaultDbPath(env: NodeJS.ProcessEnv = process.env): string {
  const base = process.platform === 'win32' ? (env.LOCALAPPDATA ?? join(homedir(), 'AppData', 'Local')) : (env.XDG_DATA_HOME || join(homedir(), '.local', 'share'));
  return join(base, 'polev', 'polev.db');
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): ApiConfig {
  const int = (name: string, fallback: number, min: number, max: number) => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max) throw new Error(`${name} must be a whole number from ${min} to ${max}, not ${JSON.stringify(raw)}`);
    return n;
  };
  return {
    host: env.HOST || '127.0.0.1',
    port: int('PORT', 8787, 0, 65535),
    db: env.POLEV_DB || defaultDbPath(env),
    databaseUrl: databaseUrlFrom(env.DATABASE_URL),
    bootstrapToken: env.POLEV_BOOTSTRAP_TOKEN || undefined,
    corsOrigins: (env.POLEV_CORS_ORIGINS ?? '').split(',').map((s) => s.trim()).filter(Boolean),
    maxBodyBytes: int('POLEV_MAX_BODY_BYTES', DEFAULT_MAX_BODY_BYTES, 1024, 512 * 1024 * 1024),
    maxImportBytes: int('POLEV_MAX_IMPORT_BYTES', DEFAULT_MAX_IMPORT_BYTES, 1024, 512 * 1024 * 1024),
    logLevel: env.LOG_LEVEL || 'info',
  };
}

export interface RunningServer {
  url: string;
  server: ServerType;
  repository: Repository;
  /** Stops accepting, lets in-flight requests finish, then closes the database. */
  close(): Promise<void>;
}

/**
 * The request log as the server writes it by default: pino on stdout in batches of 4 kB, and at
 * least once a second, so a quiet server's lines still come out at once. A write per request was
 * the largest part of a cached analysis's server time: in a CPU profile under autocannon (gzip, 50
 * connections) the log's writes took 16% of the samples against 11% for all of Hono's dispatch;
 * batched they fall below 1%. Lines still buffered are written at exit.
 */
export function requestLogger(level: string): Logger {
  return pino({ level }, pino.destination({ dest: 1, sync: false, minLength: 4096, periodicFlush: 1000 }));
}

export async function startServer(config: ApiConfig, logger: Logger = requestLogger(config.logLevel)): Promise<RunningServer> {
  const repository = config.databaseUrl ? await openPostgres(config.databaseUrl) : openSqlite(config.db);
  if (config.bootstrapToken) logger.warn('POLEV_BOOTSTRAP_TOKEN is set: it is an admin token with every clearance; create real tokens and unset it');
  const app = createApp({ repository, bootstrapToken: config.bootstrapToken, logger, corsOrigins: config.corsOrigins, maxBodyBytes: config.maxBodyBytes, ...(config.maxImportBytes !== undefined ? { maxImportBytes: config.maxImportBytes } : {}) });
  const server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
  let closing: Promise<void> | null = null;
  return {
    url,
    server,
    repository,
    close: () =>
      (closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Idle kept-alive connections would hold close() open; busy ones finish their request first.
        (server as { closeIdleConnections?: () => void }).closeIdleConnections?.();
      }).then(() => repository.close())),
  };
}
