import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import { startServer, type RunningServer } from '../src/index.js';
import { freshPostgres, type Backend } from './backends.js';

export const example = readFileSync(fileURLToPath(new URL('../../../examples/nctv-36-2/review.yaml', import.meta.url)), 'utf8');
export const EXAMPLE_ID = 'nctv-36-2-2011-2015';
export const BOOTSTRAP = 'polev-test-bootstrap-token';

export interface TestServer {
  base: string;
  dir: string;
  db: string;
  running: RunningServer;
  call: (method: string, path: string, options?: CallOptions) => Promise<Response>;
  /** Creates a token through the API (as the bootstrap admin) and returns its secret. */
  token: (role: 'reader' | 'editor' | 'admin', clearance?: string) => Promise<string>;
  close: () => Promise<void>;
}

export interface CallOptions {
  token?: string | null;
  /** Text (sent as `type`, YAML by default) or a form (multipart/form-data, the boundary set by fetch). */
  body?: string | FormData;
  type?: string;
  headers?: Record<string, string>;
}

/** A real server on an ephemeral loopback port over a real SQLite file in a temporary folder. */
export async function startTestServer(options: { maxBodyBytes?: number; maxImportBytes?: number; dir?: string; backend?: Backend } = {}): Promise<TestServer> {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'polev-api-test-'));
  const db = join(dir, 'polev.db');
  const postgres = options.backend === 'postgres' ? await freshPostgres() : null;
  const running = await startServer(
    { host: '127.0.0.1', port: 0, db, databaseUrl: postgres?.url, bootstrapToken: BOOTSTRAP, corsOrigins: [], maxBodyBytes: options.maxBodyBytes ?? 2 * 1024 * 1024, ...(options.maxImportBytes ? { maxImportBytes: options.maxImportBytes } : {}), logLevel: 'silent' },
    pino({ level: 'silent' }),
  );
  const base = running.url;
  const call = (method: string, path: string, o: CallOptions = {}) =>
    fetch(`${base}${path}`, {
      method,
      headers: {
        ...(o.token === null ? {} : { authorization: `Bearer ${o.token ?? BOOTSTRAP}` }),
        ...(typeof o.body === 'string' ? { 'content-type': o.type ?? 'application/yaml' } : {}),
        ...o.headers,
      },
      ...(o.body !== undefined ? { body: o.body } : {}),
    });
  return {
    base,
    dir,
    db,
    running,
    call,
    async token(role, clearance = 'public') {
      const r = await call('POST', '/v1/tokens', { body: JSON.stringify({ role, clearance }), type: 'application/json' });
      if (r.status !== 201) throw new Error(`token: ${r.status} ${await r.text()}`);
      return ((await r.json()) as { secret: string }).secret;
    },
    async close() {
      await running.close();
      await postgres?.drop();
      if (!options.dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The example as JSON with one field changed, for a new revision. */
export function edited(title: string, source = example): string {
  return source.replace(/^title: .*$/m, `title: ${JSON.stringify(title)}`);
}
