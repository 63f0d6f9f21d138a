import { SCHEMA_VERSION } from '../model/review.js';

type Rec = Record<string, unknown>;
const isRec = (x: unknown): x is Rec => typeof x === 'object' && x !== null && !Array.isArray(x);

export interface Migration {
  /** The data in the current schema version (a copy; the input is not changed). */
  data: unknown;
  /** The schemaVersion the data had, when it was migrated. */
  from?: number;
  /** What the migration changed, one line per kind of change, for the user. */
  changes: string[];
}

/**
 * Brings the raw data of an older review file to the current schema version, in memory. Files of
 * the current version (or with no usable version) are returned as they are, so the schema reports
 * their problems.
 */
export function migrateReview(data: unknown): Migration {
  if (!isRec(data) || data.schemaVersion !== 1) return { data, changes: [] };
  const changes: string[] = [`schemaVersion 1 → ${SCHEMA_VERSION}`];
  const out: Rec = { ...data, schemaVersion: SCHEMA_VERSION };
  if (Array.isArray(data.findings)) {
    let moved = 0;
    out.findings = data.findings.map((f) => {
      if (!isRec(f) || !('source' in f)) return f;
      moved++;
      const { source, ...rest } = f;
      if (source === null) return { ...rest, origin: 'review' };
      const citation = isRec(f.citation) ? f.citation : undefined;
      const location = citation && typeof citation.location === 'string' ? citation.location : undefined;
      return { ...rest, origin: 'source', sources: [location === undefined ? { source } : { source, location }] };
    });
    if (moved > 0) changes.push(`findings: "source" became "origin" and "sources" (${moved} finding${moved === 1 ? '' : 's'})`);
  }
  return { data: out, from: 1, changes };
}
