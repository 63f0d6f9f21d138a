import { CLASSIFICATIONS, type Citation, type Classification, type Review } from '../model/review.js';

/**
 * The audience filter: the review as a reader with a given clearance may see it. Done once,
 * before anything is analysed or rendered, so every verdict rests only on the evidence visible at
 * that level, and no output can quote what was left out.
 *
 * An item is left out when its classification is above the level, and so is everything that
 * rests on a left-out item: the objectives and instruments of a left-out domain or objective, a
 * finding about a left-out subject or from a left-out source, an indicator or conclusion citing
 * one, a recommendation addressing one. Citations of left-out sources are removed wherever they
 * stand, as are references in lists (budget lines' instruments and shares, savings options).
 * Every text of a left-out item — titles and names of any length, statements, authors,
 * references, notes, ids — is then redacted wherever a kept text quotes it on its own (not inside a
 * longer word or id), except texts without a letter (an id "2"), which prose cannot tell from a
 * figure. The result validates on its own.
 */

/** The level of a reader: a classification, or `full` for everything in the file. */
export type AudienceLevel = Classification | 'full';

export type DroppedKind = 'domain' | 'objective' | 'instrument' | 'source' | 'finding' | 'indicator' | 'conclusion' | 'recommendation';

export interface DroppedItem {
  kind: DroppedKind;
  id: string;
  /** Classification of the item itself; `public` for items dropped only because they rest on a dropped one. */
  classification: Classification;
}

export interface AudienceFilterResult {
  level: AudienceLevel;
  review: Review;
  dropped: DroppedItem[];
  /** Ids of every dropped record. */
  droppedIds: Set<string>;
  /** Texts of the dropped records: no output for this audience may contain them. */
  droppedTexts: string[];
  /** Whether what is kept includes classified material (anything above public). */
  containsClassified: boolean;
}

/** What replaces a dropped text inside a kept string. */
export const REDACTION = '[…]';

export const AUDIENCE_LEVELS: readonly AudienceLevel[] = [...CLASSIFICATIONS, 'full'];

/** The place of a classification in CLASSIFICATIONS (public lowest); `full` above all. */
export const clearanceRank = (c: AudienceLevel | undefined): number => (c === undefined ? 0 : c === 'full' ? CLASSIFICATIONS.length : CLASSIFICATIONS.indexOf(c));

/** Whether an item of this classification is visible at this level. */
export const visibleAt = (c: Classification | undefined, level: AudienceLevel): boolean => clearanceRank(c) <= clearanceRank(level);

export function isAudienceLevel(x: unknown): x is AudienceLevel {
  return typeof x === 'string' && (AUDIENCE_LEVELS as readonly string[]).includes(x);
}

export function filterReviewForAudience(review: Review, level: AudienceLevel): AudienceFilterResult {
  if (!isAudienceLevel(level)) throw new TypeError(`audience must be one of ${AUDIENCE_LEVELS.join(', ')}, not ${JSON.stringify(level)}`);
  // The full view drops nothing: only whether it holds classified material is asked (a tenth of
  // an analysis at 10k instruments went into filtering for nothing).
  if (level === 'full') return { level, review, dropped: [], droppedIds: new Set(), droppedTexts: [], containsClassified: holdsClassified(review, level) };
  const dropped: DroppedItem[] = [];
  const ids = new Set<string>();
  const texts: string[] = [];
  const drop = (kind: DroppedKind, id: string, classification: Classification, ...itemTexts: (string | null | undefined)[]) => {
    dropped.push({ kind, id, classification });
    ids.add(id);
    texts.push(id);
    for (const s of itemTexts) if (s) texts.push(s);
  };
  const visible = (c: Classification | undefined) => visibleAt(c, level);
  const refsDropped = (list: readonly (string | null | undefined)[]) => list.some((x) => x != null && ids.has(x));
  const citationTexts = (c: Citation | undefined) => (c?.location ? [c.location] : []);

  const domains = review.policyTree.domains.filter((d) => {
    if (visible(d.classification)) return true;
    drop('domain', d.id, d.classification, d.name, d.goal, d.notes, ...citationTexts(d.citation));
    return false;
  });
  // Parents come before or after their children in the file: repeat until nothing more drops.
  let objectives = review.policyTree.objectives;
  for (let changed = true; changed; ) {
    changed = false;
    objectives = objectives.filter((o) => {
      if (visible(o.classification) && !ids.has(o.domain) && !(o.parent && ids.has(o.parent))) return true;
      drop('objective', o.id, o.classification, o.text, o.notes, o.smart?.indicator, o.smart?.baseline, o.smart?.target, o.smart?.deadline);
      changed = true;
      return false;
    });
  }
  const sources = review.sources.filter((s) => {
    if (visible(s.classification)) return true;
    drop('source', s.id, s.classification, s.title, s.author, s.reference, s.notes);
    return false;
  });
  const instruments = review.instruments.filter((i) => {
    if (visible(i.classification) && !ids.has(i.objective)) return true;
    drop('instrument', i.id, i.classification, i.name, i.intent, i.realisation.evidence, i.notes);
    return false;
  });
  const findings = review.findings.filter((f) => {
    if (visible(f.classification) && !refsDropped([...f.sources.map((s) => s.source), ...f.subjects])) return true;
    drop('finding', f.id, f.classification, f.statement, f.notes, ...f.sources.map((s) => s.location));
    return false;
  });
  const indicators = review.indicators.filter((x) => {
    if (visible(x.classification) && !refsDropped([x.source, ...x.subjects])) return true;
    drop('indicator', x.id, x.classification, x.name, x.text);
    return false;
  });
  const conclusions = review.conclusions.filter((c) => {
    if (visible(c.classification) && !refsDropped([...c.subjects, ...c.findings])) return true;
    drop('conclusion', c.id, c.classification, c.text);
    return false;
  });
  const recommendations = review.recommendations.filter((r) => {
    if (!refsDropped(r.addresses)) return true;
    drop('recommendation', r.id, 'public', r.text);
    return false;
  });

  const containsClassified = holdsClassified(review, level);
  if (dropped.length === 0) return { level, review, dropped, droppedIds: ids, droppedTexts: [], containsClassified };

  const budgetLines = review.budgetLines.map((l) => ({
    ...l,
    instruments: l.instruments.filter((i) => !ids.has(i)),
    ...(l.shares ? { shares: l.shares.filter((s) => !ids.has(s.instrument)) } : {}),
  }));
  const filtered: Review = {
    ...review,
    policyTree: { ...review.policyTree, domains, objectives },
    sources,
    instruments,
    findings,
    indicators,
    conclusions,
    recommendations,
    budgetLines,
    ...(review.savingsChapter
      ? { savingsChapter: { ...review.savingsChapter, options: review.savingsChapter.options.map((o) => ({ ...o, instruments: o.instruments.filter((i) => !ids.has(i)) })) } }
      : {}),
  };
  // A text of digits and punctuation only (an id such as "2", a number) cannot be told apart from
  // the figures in kept sentences: it is removed where it stands as an id, never from prose.
  // A name the kept review states in its own right (the author of a public source, the ministry,
  // who performed the review) is public knowledge, not a text of the dropped item: "NCTV" as the
  // author of a secret report must not redact the coordinator from the public report.
  const publicNames = (
    [
      ...sources.map((s) => s.author),
      review.ministry.name,
      review.ministry.abbreviation,
      review.performedBy,
      ...review.supervisoryCommittee.flatMap((m) => [m.name, m.organisation]),
      ...review.independentExperts.flatMap((x) => [x.name, x.affiliation]),
    ] as (string | null | undefined)[]
  ).flatMap((x) => (x ? [x.trim()] : []));
  const needles = [...new Set(texts.map((s) => s.trim()).filter((s) => /[\p{L}]/u.test(s) && !publicNames.some((name) => name.includes(s))))].sort((a, b) => b.length - a.length);
  const cleaned = scrubValue(filtered, ids, needles, REDACTION) as Review;
  return { level, review: cleaned, dropped, droppedIds: ids, droppedTexts: needles, containsClassified };
}

/** Whether the review, as seen at this level, holds anything classified above public. */
function holdsClassified(review: Review, level: AudienceLevel): boolean {
  if (level === 'public') return false;
  const lists: readonly (readonly { classification?: Classification }[])[] = [
    review.policyTree.domains,
    review.policyTree.objectives,
    review.instruments,
    review.sources,
    review.findings,
    review.indicators,
    review.conclusions,
  ];
  for (const list of lists) {
    for (let k = 0; k < list.length; k++) {
      const c = list[k]!.classification;
      if (c !== undefined && c !== 'public' && visibleAt(c, level)) return true;
    }
  }
  return false;
}

/** Arrays of sentences: their entries are text, never ids, even when one happens to equal an id. */
const TEXT_ARRAY_KEYS = new Set(['reasons', 'notes', 'parts']);
/** Fields that hold one id of another record. */
const ID_FIELDS = ['id', 'instrument', 'line', 'objective', 'source', 'finding', 'domain'] as const;
/** Objects keyed by record ids (the cost attribution per instrument). */
const ID_RECORD_KEYS = new Set(['instruments']);

const isWordChar = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c > 127;

/**
 * Replaces every occurrence of `needle` in `s` that stands on its own: not inside a longer word
 * or id (so the id "ct-2" is not found inside "ct-21", nor a short title inside another word).
 */
function replaceWhole(s: string, needle: string, redaction: string): string {
  const first = needle.charCodeAt(0);
  const last = needle.charCodeAt(needle.length - 1);
  // An id continues with "-x" or ".2" (and is continued by "x-"): "ct-2" stands alone in "ct-2."
  // but not in "ct-2-a" or "x-ct-2".
  const joinsBefore = (at: number) => {
    const c = s.charCodeAt(at - 1);
    if (isWordChar(c)) return isWordChar(first);
    return (c === 45 || c === 46) && at >= 2 && isWordChar(s.charCodeAt(at - 2)) && isWordChar(first);
  };
  const joinsAfter = (end: number) => {
    const c = s.charCodeAt(end);
    if (isWordChar(c)) return isWordChar(last);
    return (c === 45 || c === 46) && end + 1 < s.length && isWordChar(s.charCodeAt(end + 1)) && isWordChar(last);
  };
  let out = '';
  let from = 0;
  for (let at = s.indexOf(needle); at >= 0; at = s.indexOf(needle, at + 1)) {
    const end = at + needle.length;
    if (at < from || (at > 0 && joinsBefore(at)) || (end < s.length && joinsAfter(end))) continue;
    out += s.slice(from, at) + redaction;
    from = end;
  }
  return from === 0 ? s : out + s.slice(from);
}

/**
 * Removes every trace of dropped records from a JSON-like value: citations of dropped sources,
 * entries of id lists that are dropped ids, array entries that are records of (or referring to) a
 * dropped id, keys of id-keyed records that are dropped ids, and the dropped texts inside strings
 * wherever they stand on their own (replaced by `redaction`). Returns a new value.
 */
export function scrubValue(value: unknown, ids: ReadonlySet<string>, needles: readonly string[], redaction: string): unknown {
  if (ids.size === 0 && needles.length === 0) return value;
  const scrubString = (s: string): string => {
    let out = s;
    for (const needle of needles) if (out.includes(needle)) out = replaceWhole(out, needle, redaction);
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
        // A kept record's own id is never a dropped one: it is not text to redact.
        out[k] = typeof x === 'string' && (ID_FIELDS as readonly string[]).includes(k) ? x : walk(x, k);
      }
      return out;
    }
    return v;
  };
  return walk(value, null);
}
