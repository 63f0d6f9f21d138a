import { analyze, type Assessment, type Review } from '@polev/core';
import { TABLES, type TableKind } from '../tables/definitions.js';
import { REVIEW_KEYS } from '../tables/review-sheet.js';
import {
  ASPECT_WORDS,
  BUDGET_KIND_WORDS,
  CLASSIFICATION_WORDS,
  COMPLETENESS_WORDS,
  DESIGN_WORDS,
  INSTRUMENT_KIND_WORDS,
  labelOf,
  LIST_WORDS,
  ORIGIN_WORDS,
  REALISATION_WORDS,
  ROLE_WORDS,
  SOURCE_TYPE_WORDS,
  STRENGTH_WORDS,
  VERDICT_WORDS,
  type ValueSet,
} from '../tables/values.js';

export type Lang = 'nl' | 'en';

/** An amount the source does not give: an empty cell marked unknown, never 0. */
export const UNKNOWN_AMOUNT = Symbol('unknown amount');
export type ExportCell = string | number | null | typeof UNKNOWN_AMOUNT;

export interface ExportTable {
  /** The sheet's name (≤ 31 characters, as Excel allows) and the CSV file's suffix. */
  name: string;
  kind?: TableKind;
  headers: string[];
  rows: ExportCell[][];
  /** Columns holding amounts in € x 1,000. */
  amountColumns: number[];
  /** Column widths in characters. */
  widths: number[];
  /** Output of the analysis rather than of the review: the import does not read it back. */
  analysis?: boolean;
}

type Any = Record<string, unknown>;

const label = (set: ValueSet, v: unknown, lang: Lang) => (typeof v === 'string' ? labelOf(set, v, lang) : null);
const text = (v: unknown): string | null => (v === null || v === undefined || v === '' ? null : String(v));
const amount = (v: unknown): ExportCell => (typeof v === 'number' ? v : UNKNOWN_AMOUNT);
const header = (kind: TableKind, keys: string[], lang: Lang) => keys.map((k) => TABLES[kind].fields.find((f) => f.key === k)![lang]);
const widthsFor = (headers: string[], wide: number[] = []) => headers.map((h, i) => (wide.includes(i) ? 60 : Math.max(12, Math.min(30, h.length + 4))));

/** A review, and its analysis, as the tables an analyst keeps: one per list, instruments per domain. */
export function exportTables(review: Review, lang: Lang, assessment: Assessment = analyze(review, { lang })): ExportTable[] {
  const r = review as unknown as Any;
  const tree = r.policyTree as Any;
  const domains = (tree.domains ?? []) as Any[];
  const objectives = (tree.objectives ?? []) as Any[];
  const tables: ExportTable[] = [];

  const metaHeaders = lang === 'nl' ? ['Veld', 'Waarde'] : ['Field', 'Value'];
  tables.push({
    name: TABLES.review[lang],
    kind: 'review',
    headers: metaHeaders,
    rows: REVIEW_KEYS.map((k) => [k[lang], k.path === 'budgetArticles' ? (r.budgetArticles as Any[]).map((a) => a.number).join(', ') : metaValue(get(r, k.path))]),
    amountColumns: [],
    widths: [24, 80],
  });

  // The completeness the review states, per list; a list it states nothing of is not in the sheet.
  const cKeys = ['list', 'status', 'missing', 'expectedAtLeast', 'citation.source', 'citation.location'];
  const completeness = Object.entries((r.completeness ?? {}) as Record<string, Any>);
  tables.push(
    simpleTable(
      'completeness',
      cKeys,
      completeness.map(([list, c]) => {
        const cite = (c.citation ?? {}) as Any;
        return [label(LIST_WORDS, list, lang), label(COMPLETENESS_WORDS, c.status, lang), c.missing, c.expectedAtLeast, cite.source, cite.location];
      }),
      lang,
      [2],
    ),
  );

  const dKeys = ['id', 'name', 'goal', 'classification', 'notes'];
  tables.push(simpleTable('domains', dKeys, domains.map((d) => [d.id, d.name, d.goal, label(CLASSIFICATION_WORDS, d.classification, lang), d.notes]), lang, [2, 4]));

  const oKeys = ['id', 'domain', 'parent', 'text', 'smart.indicator', 'smart.baseline', 'smart.target', 'smart.deadline', 'classification', 'notes'];
  tables.push(
    simpleTable(
      'objectives',
      oKeys,
      objectives.map((o) => {
        const s = (o.smart ?? {}) as Any;
        return [o.id, o.domain, o.parent, o.text, s.indicator, s.baseline, s.target, s.deadline, label(CLASSIFICATION_WORDS, o.classification, lang), o.notes];
      }),
      lang,
      [3, 9],
    ),
  );

  // Instruments per domain, like the review's appendices (Bijlagen 5–7).
  const domainOf = new Map(objectives.map((o) => [o.id as string, o.domain as string]));
  const iKeys = ['id', 'number', 'name', 'intent', 'objective', 'role', 'kind', 'realisation.status', 'realisation.evidence', 'realisation.date', 'classification', 'notes'];
  const instruments = (r.instruments ?? []) as Any[];
  const usedNames = new Set<string>();
  const groups = [...domains.map((d) => ({ id: d.id as string, name: d.name as string })), { id: '', name: lang === 'nl' ? 'overig' : 'other' }];
  for (const g of groups) {
    const mine = instruments.filter((i) => (domainOf.get(i.objective as string) ?? '') === g.id);
    if (!mine.length && g.id === '') continue;
    const t = simpleTable(
      'instruments',
      iKeys,
      mine.map((i) => {
        const re = (i.realisation ?? {}) as Any;
        return [i.id, i.number, i.name, i.intent, i.objective, label(ROLE_WORDS, i.role, lang), label(INSTRUMENT_KIND_WORDS, i.kind, lang), label(REALISATION_WORDS, re.status, lang), re.evidence, re.date, label(CLASSIFICATION_WORDS, i.classification, lang), i.notes];
      }),
      lang,
      [3, 8, 11],
    );
    t.name = sheetName(`${TABLES.instruments[lang]} ${g.name}`, usedNames);
    tables.push(t);
  }

  const eKeys = ['line', 'name', 'kind', 'article', 'index', 'instruments', 'outOfScopeReason', 'year', 'amount', 'budgeted.draft', 'budgeted.adopted', 'budgeted.firstSupplementary', 'budgeted.secondSupplementary', 'commitments', 'expenditureNotes', 'notes'];
  const eRows: ExportCell[][] = [];
  for (const l of (r.budgetLines ?? []) as Any[]) {
    const lineCells = [l.id, l.name, label(BUDGET_KIND_WORDS, l.kind, lang), l.article, l.index, ((l.instruments ?? []) as string[]).join(', '), l.outOfScopeReason].map((v) => (typeof v === 'string' ? v : text(v)));
    const years = (l.expenditures ?? []) as Any[];
    if (!years.length) eRows.push([...lineCells, null, null, null, null, null, null, null, null, text(l.notes)]);
    years.forEach((e, i) => eRows.push([...lineCells, ...yearAmounts(e), text(e.notes), i === 0 ? text(l.notes) : null]));
  }
  tables.push({ name: TABLES.expenditure[lang], kind: 'expenditure', headers: header('expenditure', eKeys, lang), rows: eRows, amountColumns: [8, 9, 10, 11, 12, 13], widths: widthsFor(header('expenditure', eKeys, lang), [1, 6, 14, 15]) });

  // The whole article's money, for a review of a part: a sheet of its own, so that nobody adds it to the part's.
  const contexts = (r.articleContext ?? []) as Any[];
  if (contexts.length) {
    const aKeys = ['article', 'chapter', 'name', 'quantity', 'year', 'amount', 'budgeted.draft', 'budgeted.adopted', 'budgeted.firstSupplementary', 'budgeted.secondSupplementary', 'commitments', 'notes'];
    const quantity = { expenditures: lang === 'nl' ? 'uitgaven' : 'expenditures', receipts: lang === 'nl' ? 'ontvangsten' : 'receipts' };
    const aRows: ExportCell[][] = [];
    for (const c of contexts) {
      const head = [text(c.article), text(c.chapter), text(c.name)];
      for (const q of ['expenditures', 'receipts'] as const) {
        ((c[q] ?? []) as Any[]).forEach((e, i) => aRows.push([...head, quantity[q], ...yearAmounts(e), q === 'expenditures' && i === 0 ? text(c.notes) : null]));
      }
      if (!((c.expenditures ?? []) as Any[]).length) aRows.push([...head, quantity.expenditures, null, null, null, null, null, null, null, text(c.notes)]);
    }
    const aHeaders = header('articleContext', aKeys, lang);
    tables.push({ name: TABLES.articleContext[lang], kind: 'articleContext', headers: aHeaders, rows: aRows, amountColumns: [5, 6, 7, 8, 9, 10], widths: widthsFor(aHeaders, [2, 11]) });
  }

  const sKeys = ['id', 'title', 'type', 'design', 'author', 'date', 'classification', 'reference', 'notes'];
  tables.push(simpleTable('sources', sKeys, ((r.sources ?? []) as Any[]).map((s) => [s.id, s.title, label(SOURCE_TYPE_WORDS, s.type, lang), label(DESIGN_WORDS, s.design, lang), s.author, s.date, label(CLASSIFICATION_WORDS, s.classification, lang), s.reference, s.notes]), lang, [1, 8]));

  const fKeys = ['id', 'origin', 'sources', 'subjects', 'aspect', 'verdict', 'strength', 'design', 'statement', 'classification', 'notes'];
  tables.push(
    simpleTable(
      'findings',
      fKeys,
      ((r.findings ?? []) as Any[]).map((f) => [
        f.id,
        label(ORIGIN_WORDS, f.origin, lang),
        findingSources(f),
        ((f.subjects ?? []) as string[]).join(', '),
        label(ASPECT_WORDS, f.aspect, lang),
        label(VERDICT_WORDS, f.verdict, lang),
        label(STRENGTH_WORDS, f.strength, lang),
        label(DESIGN_WORDS, f.design, lang),
        f.statement,
        label(CLASSIFICATION_WORDS, f.classification, lang),
        f.notes,
      ]),
      lang,
      [8, 10],
    ),
  );

  tables.push(gapMap(assessment, lang), verdicts(assessment, lang));
  return tables;
}

/**
 * A year's amounts: year, realisation, the four budget phases, commitments. A phase or commitments
 * the review does not mention are left empty; one it gives as unknown (null) is marked unknown.
 */
function yearAmounts(e: Any): ExportCell[] {
  const b = (e.budgeted ?? {}) as Any;
  const phase = (k: string) => (k in b ? amount(b[k]) : null);
  return [e.year as number, amount(e.amount), phase('draft'), phase('adopted'), phase('firstSupplementary'), phase('secondSupplementary'), 'commitments' in e ? amount(e.commitments) : null];
}

function simpleTable(kind: TableKind, keys: string[], rows: unknown[][], lang: Lang, wide: number[]): ExportTable {
  const headers = header(kind, keys, lang);
  return { name: TABLES[kind][lang], kind, headers, rows: rows.map((r) => r.map(metaValue)), amountColumns: [], widths: widthsFor(headers, wide) };
}

/** `src-a (§3.1); src-b`: the v2 list of sources with their locations (v1 files have one `source`). */
function findingSources(f: Any): string | null {
  const list = Array.isArray(f.sources) ? (f.sources as Any[]) : typeof f.source === 'string' ? [{ source: f.source }] : [];
  return list.length ? list.map((s) => (s.location ? `${s.source} (${s.location})` : String(s.source))).join('; ') : null;
}

const get = (o: Any, path: string): unknown => path.split('.').reduce<unknown>((x, k) => (x && typeof x === 'object' ? (x as Any)[k] : undefined), o);
const metaValue = (v: unknown): ExportCell => (typeof v === 'number' ? v : text(v));

/** Excel allows 31 characters and no `[]:*?/\` in a sheet name, and each name once. */
function sheetName(name: string, used: Set<string>): string {
  const base = name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31).trim();
  let n = base;
  for (let i = 2; used.has(n.toLowerCase()); i++) n = `${base.slice(0, 28)} ${i}`;
  used.add(n.toLowerCase());
  return n;
}

function gapMap(a: Assessment, lang: Lang): ExportTable {
  const headers = lang === 'nl' ? ['Soort', 'Id', 'Naam', 'Taakveld', 'Doeltreffendheid', 'Doelmatigheid', 'Neveneffecten', 'Bronnen'] : ['Kind', 'Id', 'Name', 'Domain', 'Effectiveness', 'Efficiency', 'Side effects', 'Sources'];
  const rows = a.gapMap.map((g) => [
    lang === 'nl' ? (g.kind === 'objective' ? 'doelstelling' : 'instrument') : g.kind,
    g.id,
    `${'  '.repeat(g.depth)}${g.label}`,
    g.domain,
    labelOf(STRENGTH_WORDS, g.effectiveness.strength, lang),
    labelOf(STRENGTH_WORDS, g.efficiency.strength, lang),
    labelOf(STRENGTH_WORDS, g.sideEffects.strength, lang),
    [...new Set([...g.effectiveness.sources, ...g.efficiency.sources, ...g.sideEffects.sources])].join(', ') || null,
  ]);
  return { name: lang === 'nl' ? 'Hiatenkaart' : 'Gap map', headers, rows, amountColumns: [], widths: [14, 14, 60, 14, 18, 18, 18, 40], analysis: true };
}

function verdicts(a: Assessment, lang: Lang): ExportTable {
  const headers = lang === 'nl' ? ['Niveau', 'Id', 'Naam', 'Stap', 'Oordeel', 'Redenen', 'Bewijs (ids)'] : ['Level', 'Id', 'Name', 'Step', 'Verdict', 'Reasons', 'Evidence (ids)'];
  const steps = lang === 'nl'
    ? { goalAchievement: '1 doelbereik', realisation: '2 realisatie', effectiveness: '3–4 doeltreffendheid', efficiency: '5 doelmatigheid' }
    : { goalAchievement: '1 goal achievement', realisation: '2 realisation', effectiveness: '3–4 effectiveness', efficiency: '5 efficiency' };
  const rows: ExportCell[][] = [];
  for (const v of [a.verdicts.article, ...a.verdicts.domains, ...a.verdicts.objectives]) {
    for (const step of ['goalAchievement', 'realisation', 'effectiveness', 'efficiency'] as const) {
      const s = v[step];
      rows.push([v.scope.kind, v.scope.id, v.scope.label, steps[step], s.value, s.reasons.join('\n'), s.evidence.join(', ') || null]);
    }
  }
  return { name: lang === 'nl' ? 'Oordelen' : 'Verdicts', headers, rows, amountColumns: [], widths: [12, 18, 40, 22, 20, 90, 40], analysis: true };
}
