export { createApp, DEFAULT_MAX_BODY_BYTES, type AppDeps } from './app.js';
export { openSqlite } from './storage/sqlite.js';
export { memoryRepository } from './storage/memory.js';
export { openPostgres } from './storage/postgres.js';
export type * from './storage/repository.js';
export { configFromEnv, startServer, type ApiConfig, type RunningServer } from './server-lib.js';
