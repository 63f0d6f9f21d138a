import { readFileSync } from 'node:fs';
import { parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { migrateReview, migrateReviewText, parseReview } from '../src/index.js';
import { examplePath, readFixture } from './helpers.js';

const example = readFileSync(examplePath, 'utf8');

/** A version 2 file written back as version 1 (one source per finding, its location in the citation), to migrate again. */
function asVersion1(data: Record<string, unknown>): Record<string, unknown> {
  const findings = (data.findings as Record<string, unknown>[]).map(({ origin, sources, ...f }) => {
    const list = (sources ?? []) as { source: string; location?: string }[];
    if (origin === 'review') return { ...f, source: null };
    expect(list.length, `finding ${String(f.id)} has one source`).toBe(1);
    return { ...f, source: list[0]!.source };
  });
  return { ...data, schemaVersion: 1, findings };
}

describe('migrateReviewText', () => {
  it('leaves a version 2 file alone: the example and the fixtures come back byte for byte', () => {
    for (const text of [example, readFixture('mini.yaml'), readFixture('sparse.yaml'), readFixture('rpe-2013.yaml')]) {
      const m = migrateReviewText(text);
      expect(m.from).toBeUndefined();
      expect(m.text).toBe(text);
    }
  });

  it('round-trips the example: written as version 1 and migrated, it is the same review', () => {
    const v2 = parse(example) as Record<string, unknown>;
    const v1 = asVersion1(v2);
    for (const text of [stringify(v1), JSON.stringify(v1, null, 2)]) {
      const m = migrateReviewText(text);
      expect(m.from).toBe(1);
      expect(m.layoutKept).toBe(true);
      const back = parse(m.text) as Record<string, unknown>;
      // Locations came from each finding's citation, as the bundled example was converted.
      expect(back).toEqual(migrateReview(v1).data);
      expect(parseReview(m.text).ok).toBe(true);
    }
  });

  it('keeps every comment and every unchanged line of a version 1 file, and says what changed where', () => {
    const v1 = readFixture('mini.v1.yaml');
    const m = migrateReviewText(v1);
    expect(m.from).toBe(1);
    const before = v1.split('\n');
    const after = m.text.split('\n');
    // Every comment line survives.
    for (const line of before.filter((l) => l.trim().startsWith('#'))) expect(after).toContain(line);
    // Only the changed lines differ: schemaVersion, and the finding's source (one line becomes two).
    expect(after.length).toBe(before.length + 1);
    expect(after.filter((l) => !before.includes(l))).toEqual(['schemaVersion: 2', '    origin: source', '    sources: [ { source: s1 } ]']);
    expect(m.edits.map((e) => [e.line, e.path])).toEqual([
      [4, 'schemaVersion'],
      [expect.any(Number), 'findings[0]'],
    ]);
    expect(m.notes.join()).toContain('independentExperts');
    const loaded = parseReview(m.text);
    expect(loaded.ok && loaded.warnings).toEqual([]);
    // Lossless: the migrated file reads as the version 1 file does in memory.
    const inMemory = parseReview(v1);
    expect(loaded.ok && inMemory.ok && loaded.review).toEqual(inMemory.ok && inMemory.review);
  });

  it('keeps JSON as JSON, in its layout', () => {
    const json = JSON.stringify(parse(readFixture('mini.v1.yaml')), null, 2);
    const m = migrateReviewText(json);
    expect(() => JSON.parse(m.text)).not.toThrow();
    expect(m.text.split('\n').length).toBe(json.split('\n').length + 1);
    expect(JSON.parse(m.text)).toEqual(migrateReview(JSON.parse(json)).data);
  });
});

describe('a version 1 file in the loader', () => {
  it('loads, with a warning at schemaVersion that says how to upgrade', () => {
    const r = parseReview(readFixture('mini.v1.yaml'), { file: 'mini.v1.yaml' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toMatchObject({ code: 'migrated', severity: 'warning', path: 'schemaVersion', line: 4 });
    expect(r.warnings[0]!.hint).toContain('polev migrate');
  });
});
