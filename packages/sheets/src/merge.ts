import type { Location, SheetProblem } from './problems.js';
import { LISTS, type ArticleContextPatch, type ListName, type Notice, type Patch, type YearPatch } from './patch.js';
import { TABLES, type TableKind } from './tables/definitions.js';
import { normalise } from './tables/values.js';

type Entity = Record<string, unknown> & { id: string };
type RawReview = Record<string, unknown>;

/** What an import did to each list of the review; nothing in the review is dropped, so the rest is left alone. */
export interface MergeReport {
  added: { list: ListName; id: string }[];
  changed: { list: ListName; id: string; fields: string[] }[];
  /** Entries the files gave that were already so in the review. */
  unchanged: { list: ListName; id: string }[];
  /** Per list, how many entries of the review the files did not mention (kept as they were). */
  leftAlone: Partial<Record<ListName, number>>;
  /** The review's own fields (from a metadata sheet) that changed, e.g. `title`, `period.end`. */
  reviewFields: string[];
  /** Open-data lines matched to a line the review already had under another id. */
  matched: { id: string; index?: string; name: string; matchedBy: 'index' | 'name' }[];
}

const TABLE_OF: Record<ListName, TableKind> = { domains: 'domains', objectives: 'objectives', instruments: 'instruments', budgetLines: 'expenditure', sources: 'sources', findings: 'findings' };

export function listOf(review: RawReview, list: ListName): Entity[] {
  if (list === 'domains' || list === 'objectives') {
    const tree = (review.policyTree ??= {}) as Record<string, unknown>;
    return ((tree[list] ??= []) as Entity[]);
  }
  return ((review[list] ??= []) as Entity[]);
}

/** Where each entry the import touched came from, so problems in the merged review name the cell. */
export type Origins = Map<string, Patch>;
export const originKey = (list: ListName, id: string) => `${list}\u0000${id}`;

/**
 * Merges patches into a review (mutated in place): an entry is found by id (an open-data line
 * also by its index or name), updated field by field, or added. Fields a row leaves empty keep
 * their value; entries the files do not mention stay as they are.
 */
export function mergePatches(review: RawReview, patches: Patch[], problems: SheetProblem[], notices: Notice[]): { report: MergeReport; origins: Origins } {
  const report: MergeReport = { added: [], changed: [], unchanged: [], leftAlone: {}, reviewFields: [], matched: [] };
  const origins: Origins = new Map();
  const touched = new Map<ListName, Set<string>>(LISTS.map((l) => [l, new Set<string>()]));
  const before = new Map<ListName, Set<string>>(LISTS.map((l) => [l, new Set(listOf(review, l).map((e) => e.id))]));
  for (const patch of patches) {
    const list = listOf(review, patch.list);
    let entity = list.find((e) => e.id === patch.id);
    if (!entity && patch.matchLine) {
      const m = matchLine(list, patch.matchLine);
      if (m) {
        entity = m.line;
        report.matched.push({ id: m.line.id, ...(patch.matchLine.index ? { index: patch.matchLine.index } : {}), name: patch.matchLine.name, matchedBy: m.by });
        // The review's own name and notes for a line it already had are kept.
        delete patch.fields.name;
        delete patch.fields.notes;
      }
    }
    const key = originKey(patch.list, entity?.id ?? patch.id);
    const earlier = origins.get(key);
    if (earlier && earlier.at.file === patch.at.file && earlier.at.sheet === patch.at.sheet && !patch.years) {
      problems.push({ ...patch.at, ...(patch.columns.id ? { column: patch.columns.id } : {}), value: patch.id, message: `the id is given twice (also ${where(earlier.at)})`, hint: 'ids are unique in a review: give each row its own', severity: 'error' });
      continue;
    }
    origins.set(key, patch);
    const isNew = !entity;
    if (!entity) {
      entity = newEntity(patch, problems, notices);
      if (!entity) continue;
      list.push(entity);
    }
    const changed = applyFields(entity, patch.fields, isNew);
    if (patch.years) changed.push(...mergeYears(entity, patch));
    const id = entity.id;
    touched.get(patch.list)!.add(id);
    if (isNew) {
      if (!report.added.some((a) => a.list === patch.list && a.id === id)) report.added.push({ list: patch.list, id });
    } else if (changed.length) {
      const c = report.changed.find((x) => x.list === patch.list && x.id === id);
      if (c) c.fields.push(...changed.filter((f) => !c.fields.includes(f)));
      else report.changed.push({ list: patch.list, id, fields: changed });
    } else if (!report.unchanged.some((u) => u.list === patch.list && u.id === id) && !report.changed.some((u) => u.list === patch.list && u.id === id)) {
      report.unchanged.push({ list: patch.list, id });
    }
  }
  report.unchanged = report.unchanged.filter((u) => !report.changed.some((c) => c.list === u.list && c.id === u.id));
  for (const l of LISTS) {
    const n = [...before.get(l)!].filter((id) => !touched.get(l)!.has(id)).length;
    if (n) report.leftAlone[l] = n;
  }
  return { report, origins };
}

const where = (at: Location) => [at.sheet !== undefined ? `[${at.sheet}]` : at.file, at.row !== undefined ? `row ${at.row}` : ''].filter(Boolean).join(' ');

function newEntity(patch: Patch, problems: SheetProblem[], notices: Notice[]): Entity | undefined {
  const def = TABLES[TABLE_OF[patch.list]];
  const missing = def.fields.filter((f) => f.required && f.key !== 'id' && f.key !== 'line' && !(f.key in patch.fields));
  if (missing.length) {
    for (const f of missing) {
      const hasColumn = f.key in patch.columns;
      problems.push({ ...patch.at, ...(hasColumn ? { column: patch.columns[f.key] } : {}), value: patch.id, message: `a new ${def.en.toLowerCase().replace(/s$/, '')} needs ${f.en.toLowerCase()}${hasColumn ? ', and the cell is empty' : ', and the table has no such column'}`, hint: hasColumn ? 'fill the cell' : `add a column "${f.nl}" or "${f.en}", or map one in a mapping file`, severity: 'error' });
    }
    return undefined;
  }
  const e: Entity = { id: patch.id };
  switch (patch.list) {
    case 'instruments':
      if (!('kind' in patch.fields)) {
        e.kind = 'other';
        notices.push({ at: patch.at, message: `instrument ${patch.id} has no kind: set to "other"; correct it in the review` });
      }
      if (!('realisation.status' in patch.fields)) e.realisation = { status: 'unknown' };
      break;
    case 'sources':
      if (!('type' in patch.fields)) e.type = 'unknown';
      break;
    case 'findings':
      if (!('sources' in patch.fields) && !('origin' in patch.fields)) e.origin = 'unknown';
      break;
    case 'budgetLines':
      if (!('kind' in patch.fields)) e.kind = 'unknown';
      e.instruments = [];
      e.expenditures = [];
      break;
  }
  return e;
}

/** Sets each dotted field; returns the fields whose value differs from before. */
function applyFields(entity: Record<string, unknown>, fields: Record<string, unknown>, isNew: boolean): string[] {
  const changed: string[] = [];
  for (const [path, value] of Object.entries(fields)) {
    const parts = path.split('.');
    let target = entity;
    for (const p of parts.slice(0, -1)) target = (target[p] ??= {}) as Record<string, unknown>;
    const last = parts[parts.length - 1]!;
    if (!isNew && JSON.stringify(target[last]) === JSON.stringify(value)) continue;
    target[last] = value;
    if (!isNew) changed.push(path);
  }
  return changed;
}

function mergeYears(line: Record<string, unknown>, patch: Patch): string[] {
  return mergeYearRows((line.expenditures ??= []) as Record<string, unknown>[], patch.years ?? []).map((f) => `expenditures[${f}`);
}

/** Merges years into a list of year rows by year; returns `year]` or `year].field` for each change. */
function mergeYearRows(rows: Record<string, unknown>[], years: readonly YearPatch[]): string[] {
  const changed: string[] = [];
  for (const y of years) {
    let row = rows.find((r) => r.year === y.year);
    if (!row) {
      row = { year: y.year, amount: null };
      rows.push(row);
      rows.sort((a, b) => (a.year as number) - (b.year as number));
      changed.push(`${y.year}]`);
      applyFields(row, y.fields, true);
      continue;
    }
    changed.push(...applyFields(row, y.fields, false).map((f) => `${y.year}].${f}`));
  }
  return changed;
}

/**
 * Merges the whole articles' money into `articleContext`, by article: the years given are set,
 * the others kept. What changed is listed in `report.reviewFields` (`articleContext[36]`). A line a
 * former import made of the article's total (kind out-of-scope, `…-article-total`) is pointed out.
 */
export function mergeArticleContext(review: RawReview, patches: readonly ArticleContextPatch[], report: MergeReport, notices: Notice[]): void {
  if (!patches.length) return;
  const list = ((review.articleContext ??= []) as Record<string, unknown>[]);
  for (const p of patches) {
    let entry = list.find((c) => c.article === p.article);
    const isNew = !entry;
    const fields = { ...(p.chapter ? { chapter: p.chapter } : {}), ...(p.name ? { name: p.name } : {}), ...(p.notes ? { notes: p.notes } : {}) };
    if (!entry) {
      entry = { article: p.article, ...(p.chapter ? { chapter: p.chapter } : {}), ...(p.name ? { name: p.name } : {}), expenditures: [], receipts: [] };
      list.push(entry);
    }
    const changed = [
      ...applyFields(entry, fields, isNew),
      ...mergeYearRows((entry.expenditures ??= []) as Record<string, unknown>[], p.expenditures),
      ...mergeYearRows((entry.receipts ??= []) as Record<string, unknown>[], p.receipts),
    ];
    if (isNew || changed.length) report.reviewFields.push(`articleContext[${p.article}]`);
    const stale = listOf(review, 'budgetLines').filter((l) => l.kind === 'out-of-scope' && l.id.endsWith(`-${p.article}-article-total`));
    for (const l of stale) notices.push({ at: p.at, message: `budget line ${l.id} holds the total of article ${p.article} from an earlier import; the total is now in articleContext: remove the line from the review` });
  }
  list.sort((a, b) => String(a.article).localeCompare(String(b.article), 'en', { numeric: true }));
}

/** Open data names a line by its index and name; the review may have it under its own id. */
function matchLine(list: Entity[], m: NonNullable<Patch['matchLine']>): { line: Entity; by: 'index' | 'name' } | undefined {
  if (m.index) {
    const short = m.index.replace(/^[A-Z]+\./, '');
    const byIndex = list.filter((l) => typeof l.index === 'string' && (l.index === m.index || l.index === short));
    if (byIndex.length === 1) return { line: byIndex[0]!, by: 'index' };
  }
  const name = bare(m.name);
  if (name.split(' ').length < 2) return undefined;
  const candidates = list.filter((l) => (m.article === undefined || l.article == null || l.article === m.article) && typeof l.name === 'string');
  const exact = candidates.filter((l) => bare(l.name as string) === name);
  if (exact.length === 1) return { line: exact[0]!, by: 'name' };
  const within = candidates.filter((l) => {
    const n = bare(l.name as string);
    return n.includes(name) || (n.split(' ').length >= 2 && name.includes(n));
  });
  return within.length === 1 ? { line: within[0]!, by: 'name' } : undefined;
}

/** A line's name without its abbreviation in brackets or its leading word for a contribution. */
const bare = (s: string) => normalise(s.replace(/\([^)]*\)/g, ' ')).replace(/^(bijdrage|bijdragen|project) /, '');
