/**
 * The schema, as numbered migrations applied in order at start. A migration is never edited once
 * released: a change is a new entry. SQLite dialect.
 */
export const SQLITE_MIGRATIONS: readonly { version: number; name: string; sql: string }[] = [
  {
    version: 1,
    name: 'reviews, revisions, tokens, audit',
    sql: `
CREATE TABLE reviews (
  id TEXT PRIMARY KEY,
  revision INTEGER NOT NULL,
  hash TEXT NOT NULL,
  title TEXT NOT NULL,
  ministry TEXT NOT NULL,
  articles TEXT NOT NULL,
  period_start INTEGER,
  period_end INTEGER,
  rpe_version TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  deleted_at TEXT
);
CREATE TABLE revisions (
  review_id TEXT NOT NULL,
  revision INTEGER NOT NULL,
  hash TEXT NOT NULL,
  document TEXT NOT NULL,
  author TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (review_id, revision)
);
CREATE TABLE tokens (
  id TEXT PRIMARY KEY,
  hash TEXT NOT NULL UNIQUE,
  name TEXT,
  role TEXT NOT NULL,
  clearance TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  expires_at TEXT,
  revoked_at TEXT
);
CREATE TABLE audit (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  review_id TEXT,
  revision INTEGER,
  request_id TEXT,
  detail TEXT
);
CREATE INDEX audit_review ON audit (review_id, seq);
`,
  },
];

export const SCHEMA_VERSION = SQLITE_MIGRATIONS[SQLITE_MIGRATIONS.length - 1]!.version;

/** The same schema in PostgreSQL's dialect (applied under an advisory lock, in one transaction). */
export const POSTGRES_MIGRATIONS: readonly { version: number; name: string; sql: string }[] = [
  {
    version: 1,
    name: 'reviews, revisions, tokens, audit',
    sql: SQLITE_MIGRATIONS[0]!.sql.replace('seq INTEGER PRIMARY KEY AUTOINCREMENT', 'seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY'),
  },
];
