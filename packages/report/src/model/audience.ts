import type { Classification, Review } from '@polev/core';
import type { Audience } from './document.js';

/**
 * Audience filtering, done once, before anything is rendered. For the public version every
 * record classified other than `public` is dropped, and with it everything that references a
 * dropped record (a finding about a dropped instrument or from a dropped source, a conclusion
 * resting on a dropped finding, ...). The result is again a consistent review, so the analysis
 * can run on it.
 */

export type DroppedKind = 'source' | 'instrument' | 'finding' | 'indicator' | 'conclusion' | 'recommendation';

export interface DroppedItem {
  kind: DroppedKind;
  id: string;
  /** Classification of the item itself; `public` for items dropped only because they reference a dropped one. */
  classification: Classification;
}

export interface AudienceFilterResult {
  review: Review;
  dropped: DroppedItem[];
  /** Ids of every dropped record. */
  droppedIds: Set<string>;
  /**
   * Texts of the dropped records (titles, names, statements, ...): no public output may contain
   * them. Used to scrub strings that mention them.
   */
  droppedTexts: string[];
}

/** Texts shorter than this are not treated as needles: they would redact ordinary words. */
const MIN_NEEDLE = 12;

/** What replaces a dropped text inside a kept string. */
export const REDACTION = '[…]';

const isPublic = (c: Classification | undefined) => c === undefined || c === 'public';

export function filterReviewForAudience(review: Review, audience: Audience): AudienceFilterResult {
  if (audience === 'confidential') return { review, dropped: [], droppedIds: new Set(), droppedTexts: [] };

  const dropped: DroppedItem[] = [];
  const ids = new Set<string>();
  const texts: string[] = [];
  const drop = (kind: DroppedKind, id: string, classification: Classification, ...itemTexts: (string | null | undefined)[]) => {
    dropped.push({ kind, id, classification });
    ids.add(id);
    for (const s of itemTexts) if (s) texts.push(s);
  };
  const refsDropped = (list: readonly (string | null | undefined)[]) => list.some((x) => x != null && ids.has(x));

  const sources = review.sources.filter((s) => {
    if (isPublic(s.classification)) return true;
    drop('source', s.id, s.classification, s.title, s.reference, s.notes);
    return false;
  });
  const instruments = review.instruments.filter((i) => {
    if (isPublic(i.classification)) return true;
    drop('instrument', i.id, i.classification, i.name, i.intent, i.realisation.evidence, i.notes);
    return false;
  });
  const findings = review.findings.filter((f) => {
    if (isPublic(f.classification) && !refsDropped([...f.sources.map((s) => s.source), ...f.subjects])) return true;
    drop('finding', f.id, f.classification, f.statement);
    return false;
  });
  const indicators = review.indicators.filter((x) => {
    if (isPublic(x.classification) && !refsDropped([x.source, ...x.subjects])) return true;
    drop('indicator', x.id, x.classification, x.name, x.text);
    return false;
  });
  const conclusions = review.conclusions.filter((c) => {
    if (isPublic(c.classification) && !refsDropped([...c.subjects, ...c.findings])) return true;
    drop('conclusion', c.id, c.classification, c.text);
    return false;
  });
  const recommendations = review.recommendations.filter((r) => {
    if (!refsDropped(r.addresses)) return true;
    drop('recommendation', r.id, 'public', r.text);
    return false;
  });
  if (dropped.length === 0) return { review, dropped, droppedIds: ids, droppedTexts: [] };

  const budgetLines = review.budgetLines.map((l) => ({ ...l, instruments: l.instruments.filter((i) => !ids.has(i)) }));
  const filtered: Review = { ...review, sources, instruments, findings, indicators, conclusions, recommendations, budgetLines };

  const needles = [...new Set(texts.map((s) => s.trim()).filter((s) => s.length >= MIN_NEEDLE))].sort((a, b) => b.length - a.length);
  // Only the texts are scrubbed from the review's strings: ids there are structural and were filtered above.
  const cleaned = scrubValue(filtered, new Set(), needles, REDACTION) as Review;
  return { review: cleaned, dropped, droppedIds: ids, droppedTexts: needles };
}

/** Arrays of sentences: their entries are text, never ids, even when one happens to equal an id. */
const TEXT_ARRAY_KEYS = new Set(['reasons', 'notes', 'parts']);
/** Fields that hold one id of another record. */
const ID_FIELDS = ['id', 'instrument', 'line', 'objective', 'source', 'finding'] as const;
/** Objects keyed by record ids (the cost attribution per instrument). */
const ID_RECORD_KEYS = new Set(['instruments']);

/**
 * Removes every trace of dropped records from a JSON-like value: citations of dropped sources,
 * entries of id lists that are dropped ids, array entries that are records of (or referring to) a
 * dropped id, keys of id-keyed records that are dropped ids, and the dropped texts inside strings
 * (replaced by `redaction`). Ids are removed only where a field holds ids: never inside sentences,
 * where an id such as "2" is an ordinary number (a re-analysis of the filtered review cannot name
 * a dropped record in a sentence anyway). Returns a new value.
 */
export function scrubValue(value: unknown, ids: Set<string>, needles: string[], redaction: string): unknown {
  if (ids.size === 0 && needles.length === 0) return value;
  const scrubString = (s: string): string => {
    let out = s;
    for (const needle of needles) if (out.includes(needle)) out = out.split(needle).join(redaction);
    return out;
  };
  const refersToDropped = (v: unknown): boolean => {
    if (typeof v === 'string') return ids.has(v);
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const o = v as Record<string, unknown>;
      for (const key of ID_FIELDS) {
        const x = o[key];
        if (typeof x === 'string' && ids.has(x)) return true;
      }
    }
    return false;
  };
  const walk = (v: unknown, key: string | null): unknown => {
    if (typeof v === 'string') return scrubString(v);
    if (Array.isArray(v)) {
      const kept = key !== null && TEXT_ARRAY_KEYS.has(key) ? v.filter((x) => typeof x === 'string' || !refersToDropped(x)) : v.filter((x) => !refersToDropped(x));
      return kept.map((x) => walk(x, null));
    }
    if (v instanceof Uint8Array) return v;
    if (v && typeof v === 'object') {
      const idKeyed = key !== null && ID_RECORD_KEYS.has(key);
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
        if (idKeyed && ids.has(k)) continue;
        if (k === 'citation' && x && typeof x === 'object' && typeof (x as { source?: unknown }).source === 'string' && ids.has((x as { source: string }).source)) continue;
        out[k] = walk(x, k);
      }
      return out;
    }
    return v;
  };
  return walk(value, null);
}
