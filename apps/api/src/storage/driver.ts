import { createRequire } from 'node:module';

/**
 * The database drivers are the user's to install, as with other query layers: the SQLite file
 * needs `better-sqlite3` (compiled on install), PostgreSQL needs `pg`. Loaded on first use, so a
 * host that uses one never needs the other, and a missing one is a clear error, not a crash.
 */
const require = createRequire(import.meta.url);

export function loadDriver<T>(name: 'better-sqlite3' | 'pg', purpose: string): T {
  try {
    return require(name) as T;
  } catch (e) {
    if ((e as { code?: string }).code === 'MODULE_NOT_FOUND' && String((e as Error).message).includes(`'${name}'`))
      throw new Error(`${purpose} needs the ${name} package: npm install ${name}`);
    throw e;
  }
}
