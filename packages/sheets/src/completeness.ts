import { EVALUATION_SOURCE_TYPES, type ListName as ReviewListName } from '@polev/core/load';
import type { Mapping } from './mapping.js';
import type { MergeReport } from './merge.js';
import type { Location } from './problems.js';
import type { CompletenessClaim, Notice, Patch } from './patch.js';

type Raw = Record<string, unknown>;
type Entry = { status: string; missing?: string; expectedAtLeast?: number; citation?: { source?: string; location?: string } };

const EVALUATION_TYPES: ReadonlySet<string> = new Set(EVALUATION_SOURCE_TYPES);
const where = (at: Location) => [at.sheet !== undefined ? `${at.file} [${at.sheet}]` : at.file, at.row !== undefined ? `row ${at.row}` : ''].filter(Boolean).join(' ');

/**
 * What an analyst's table says of its lists: it holds what it holds, so each list it fills is
 * partial; never complete on silence (a file or the mapping must say so). The expenditure is
 * claimed only where a realisation is given, the evaluations only where a source is one.
 */
export function tableClaims(patches: readonly Patch[], at: Location): CompletenessClaim[] {
  const lists = new Set<ReviewListName>();
  for (const p of patches) {
    if (p.list === 'instruments' || p.list === 'sources' || p.list === 'findings' || p.list === 'budgetLines') lists.add(p.list);
    if (p.list === 'sources' && typeof p.fields.type === 'string' && EVALUATION_TYPES.has(p.fields.type)) lists.add('evaluations');
    if (p.list === 'budgetLines' && p.years?.some((y) => typeof y.fields.amount === 'number')) lists.add('expenditure');
  }
  return [...lists].map((list) => ({ list, status: 'partial', from: 'derived', at }));
}

/** The mapping file's own statements (`completeness: { instruments: complete }`). */
export function mappingClaims(mapping: Mapping | undefined): CompletenessClaim[] {
  return Object.entries(mapping?.completeness ?? {}).map(([list, c]) => {
    const entry = typeof c === 'string' ? { status: c } : c;
    return { ...clean(entry), list: list as ReviewListName, from: 'stated', at: { file: 'the mapping file' } } as CompletenessClaim;
  });
}

/**
 * Sets the completeness of each list the files speak of. A statement in the files (a Volledigheid
 * sheet, the mapping) is taken as it is; several derived ones combine to the weakest, complete only
 * when all are. A completeness the review already states is never overwritten silently: a statement
 * in the files replaces it with a notice (and is listed in `report.reviewFields`), a derived one
 * leaves it as it is, with a notice where the two differ. A list the review states complete to
 * which the import added entries gets a notice to check it.
 */
export function applyCompleteness(review: Raw, claims: readonly CompletenessClaim[], existing: boolean, report: MergeReport, notices: Notice[]): void {
  const stated = ((review.completeness ?? {}) as Record<string, Entry>);
  const lists = [...new Set(claims.map((c) => c.list))];
  const out: Record<string, Entry> = { ...stated };
  for (const list of lists) {
    const mine = claims.filter((c) => c.list === list);
    const own = mine.filter((c) => c.from === 'stated');
    let claim: CompletenessClaim;
    if (own.length) {
      claim = own[own.length - 1]!;
      const other = own.find((c) => c.status !== claim.status);
      if (other) notices.push({ at: claim.at, message: `the completeness of ${list} is stated twice, differently (${other.status} in ${where(other.at)}, ${claim.status} here): taken as ${claim.status}` });
    } else {
      claim = mine.find((c) => c.status !== 'complete') ?? mine[0]!;
      const missing = [...new Set(mine.filter((c) => c.status === claim.status && c.missing).map((c) => c.missing!))];
      if (missing.length > 1) claim = { ...claim, missing: missing.join(' ') };
    }
    const entry = clean(claim);
    const current = stated[list];
    if (!current) {
      out[list] = entry;
      if (existing) report.reviewFields.push(`completeness.${list}`);
      continue;
    }
    if (claim.from === 'stated') {
      if (JSON.stringify(current) === JSON.stringify(entry)) continue;
      out[list] = entry;
      report.reviewFields.push(`completeness.${list}`);
      notices.push({ at: claim.at, message: `the completeness of ${list} changed from ${describe(current)} to ${describe(entry)}, as ${where(claim.at)} states` });
    } else if (current.status !== entry.status) {
      notices.push({ at: claim.at, message: `the review states its ${list} ${describe(current)}; the files imported suggest ${describe(entry)}: the review's statement is kept — change completeness.${list} if the files are right` });
    }
  }
  for (const list of ['instruments', 'budgetLines', 'sources', 'findings'] as const) {
    const added = report.added.filter((a) => a.list === list).length;
    if (existing && added && stated[list]?.status === 'complete' && out[list]?.status === 'complete') {
      notices.push({ at: { file: 'the review' }, message: `the review states its ${list} complete, and the import added ${added}: check that completeness.${list} still holds` });
    }
  }
  if (Object.keys(out).length) review.completeness = out;
}

function clean(c: Partial<Entry> & { status: string }): Entry {
  const citation = c.citation && (c.citation.source || c.citation.location) ? Object.fromEntries(Object.entries(c.citation).filter(([, v]) => v)) : undefined;
  return {
    status: c.status,
    ...(c.missing ? { missing: c.missing } : {}),
    ...(c.expectedAtLeast !== undefined && c.expectedAtLeast !== null ? { expectedAtLeast: c.expectedAtLeast } : {}),
    ...(citation ? { citation } : {}),
  };
}

const describe = (e: Entry) => (e.missing ? `${e.status} (${e.missing.length > 80 ? `${e.missing.slice(0, 77)}…` : e.missing})` : e.status);
