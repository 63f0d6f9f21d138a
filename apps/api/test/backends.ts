import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe, it } from 'vitest';

/**
 * The storage backends the API's tests run against: SQLite always, PostgreSQL when
 * POLEV_TEST_POSTGRES_URL names a server the tests may create databases on (.ci/run starts one).
 * Without it the PostgreSQL runs say so and skip — unless CI is set, when they are mandatory.
 */
export type Backend = 'sqlite' | 'postgres';
export const POSTGRES_URL = process.env.POLEV_TEST_POSTGRES_URL || undefined;
export const BACKENDS: Backend[] = POSTGRES_URL ? ['sqlite', 'postgres'] : ['sqlite'];

if (!POSTGRES_URL) {
  const message = `POLEV_TEST_POSTGRES_URL is not set: the API's PostgreSQL tests ${process.env.CI ? 'are mandatory in CI and fail' : 'are skipped'} (.ci/run starts a server and sets it).`;
  console.warn(message);
  if (process.env.CI)
    describe('PostgreSQL', () => {
      it('has a server to test against', () => {
        throw new Error(message);
      });
    });
}

/** A new, empty database on the test server; `drop` removes it. */
export async function freshPostgres(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `polev_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: POSTGRES_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(POSTGRES_URL!);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: POSTGRES_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
