import { CLASSIFICATIONS, type Classification, type Review } from '@polev/core';
import { filterReviewForAudience, REDACTION, scrubValue } from '@polev/report';

/**
 * What a caller with a given clearance may see of a review: every item classified above it is
 * removed, with everything that rests on it, and its texts are scrubbed from what is kept.
 *
 * Adapter: @polev/report's filter knows two audiences (public, confidential = everything). For a
 * clearance in between, items at or below it are presented to that filter as public, and their
 * own classification is put back afterwards. A final pass removes any classified item the filter
 * does not know yet (e.g. classified domains or objectives), so nothing above the clearance can
 * pass whatever the filter covers. Core should offer `filterReview(review, { clearance })`.
 */
export interface Withheld {
  /** How many items were removed (counts only: never which). */
  count: number;
  byKind: Record<string, number>;
}

export const rank = (c: Classification): number => CLASSIFICATIONS.indexOf(c);
export const TOP_CLEARANCE: Classification = CLASSIFICATIONS[CLASSIFICATIONS.length - 1]!;
export const lower = (a: Classification, b: Classification): Classification => (rank(a) <= rank(b) ? a : b);

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => !!v && typeof v === 'object' && !Array.isArray(v);
const isClassification = (v: unknown): v is Classification => typeof v === 'string' && (CLASSIFICATIONS as readonly string[]).includes(v);

/** Maps every object with a `classification` (and an `id`) in the value, keyed by `<list>:<id>`. */
function relabel(value: unknown, clearance: Classification, originals: Map<string, Classification>, key = ''): unknown {
  if (Array.isArray(value)) return value.map((x) => relabel(x, clearance, originals, key));
  if (!isObject(value)) return value;
  const out: Json = {};
  for (const [k, v] of Object.entries(value)) out[k] = relabel(v, clearance, originals, k);
  if (isClassification(value.classification) && typeof value.id === 'string' && value.classification !== 'public' && rank(value.classification) <= rank(clearance)) {
    originals.set(`${key}:${value.id}`, value.classification);
    out.classification = 'public';
  }
  return out;
}

function restore(value: unknown, originals: Map<string, Classification>, key = ''): unknown {
  if (Array.isArray(value)) return value.map((x) => restore(x, originals, key));
  if (!isObject(value)) return value;
  const out: Json = {};
  for (const [k, v] of Object.entries(value)) out[k] = restore(v, originals, k);
  const original = typeof value.id === 'string' ? originals.get(`${key}:${value.id}`) : undefined;
  if (original) out.classification = original;
  return out;
}

/** Removes, from arrays, objects classified above the clearance; returns their ids and texts. */
function dropAbove(value: unknown, clearance: Classification, found: { ids: Set<string>; texts: string[]; byKind: Record<string, number> }, key = ''): unknown {
  if (Array.isArray(value)) {
    const kept: unknown[] = [];
    for (const x of value) {
      if (isObject(x) && isClassification(x.classification) && rank(x.classification) > rank(clearance)) {
        if (typeof x.id === 'string') found.ids.add(x.id);
        collectTexts(x, found.texts);
        found.byKind[key] = (found.byKind[key] ?? 0) + 1;
      } else kept.push(dropAbove(x, clearance, found, key));
    }
    return kept;
  }
  if (!isObject(value)) return value;
  const out: Json = {};
  for (const [k, v] of Object.entries(value)) out[k] = dropAbove(v, clearance, found, k);
  return out;
}

/** An id-shaped string (a reference to another record) is structure, never a text to scrub. */
const ID_SHAPED = /^[a-z0-9][a-z0-9._-]*$/;

function collectTexts(v: unknown, into: string[]): void {
  if (typeof v === 'string') {
    const text = v.trim();
    if (text.length >= 12 && !ID_SHAPED.test(text)) into.push(text);
  } else if (Array.isArray(v)) for (const x of v) collectTexts(x, into);
  else if (isObject(v)) for (const x of Object.values(v)) collectTexts(x, into);
}

const KIND_LIST: Record<string, string> = { source: 'sources', instrument: 'instruments', finding: 'findings', indicator: 'indicators', conclusion: 'conclusions', recommendation: 'recommendations' };

export function forClearance(review: Review, clearance: Classification): { review: Review; withheld: Withheld } {
  if (clearance === TOP_CLEARANCE) return { review, withheld: { count: 0, byKind: {} } };
  const originals = new Map<string, Classification>();
  const relabelled = relabel(review, clearance, originals) as Review;
  const filtered = filterReviewForAudience(relabelled, 'public');
  const byKind: Record<string, number> = {};
  for (const d of filtered.dropped) {
    const list = KIND_LIST[d.kind] ?? d.kind;
    byKind[list] = (byKind[list] ?? 0) + 1;
  }
  // The filter scrubs texts only; references to dropped records nested in kept ones (e.g. an
  // instrument's realisation citing a dropped source) would still name them, so they go too.
  let result = restore(filtered.droppedIds.size ? scrubValue(filtered.review, filtered.droppedIds, [], REDACTION) : filtered.review, originals) as Review;
  // The safety net: anything still classified above the clearance goes, with its traces.
  const rest = { ids: new Set<string>(), texts: [] as string[], byKind: {} as Record<string, number> };
  result = dropAbove(result, clearance, rest) as Review;
  if (rest.ids.size || rest.texts.length) {
    const needles = [...new Set(rest.texts)].sort((a, b) => b.length - a.length);
    result = scrubValue(result, rest.ids, needles, REDACTION) as Review;
    for (const [k, n] of Object.entries(rest.byKind)) byKind[k] = (byKind[k] ?? 0) + n;
  }
  result = scrubIdMentions(result, new Set([...filtered.droppedIds, ...rest.ids])) as Review;
  const count = Object.values(byKind).reduce((a, b) => a + b, 0);
  return { review: result, withheld: { count, byKind } };
}

/**
 * Sentences may name a withheld record by its id ("see src-ivenj-benb-2014"). Distinctive ids
 * (8 characters or more, with a separator) are redacted where they stand as a word in a text;
 * short ones such as "2" are left alone, as ordinary words.
 */
function scrubIdMentions(value: unknown, ids: Set<string>): unknown {
  const distinctive = [...ids].filter((id) => id.length >= 8 && /[._-]/.test(id));
  if (distinctive.length === 0) return value;
  const escaped = distinctive.sort((a, b) => b.length - a.length).map((id) => id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const pattern = new RegExp(`(?<![a-z0-9._-])(?:${escaped.join('|')})(?![a-z0-9_-]|\\.[a-z0-9])`, 'g');
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return ID_SHAPED.test(v) ? v : v.replace(pattern, REDACTION);
    if (Array.isArray(v)) return v.map(walk);
    if (isObject(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  return walk(value);
}
