import { questionSetOfData, unknownQuestion } from '../rpe/questions.js';
import { Suggester } from '../util/nearest.js';
import { quote } from '../util/text.js';
import { formatPath, type PathSegment, type ProblemCode } from './problem.js';

export interface UnlocatedProblem {
  path: PathSegment[];
  message: string;
  hint?: string;
  code: ProblemCode;
  severity: 'error' | 'warning';
  /** Point at the key rather than the value (for unknown keys). */
  atKey?: boolean;
}

type Rec = Record<string, unknown>;
const finite = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
const isRec = (x: unknown): x is Rec => typeof x === 'object' && x !== null && !Array.isArray(x);
/** The mappings of a list, with their indexes (a plain loop: this runs over every item of a file). */
function recs(x: unknown): [Rec, number][] {
  const out: [Rec, number][] = [];
  if (Array.isArray(x)) for (let i = 0; i < x.length; i++) if (isRec(x[i])) out.push([x[i] as Rec, i]);
  return out;
}
/** A path below `base`: built only for a problem, not for every reference that resolves. */
type Tail = PathSegment | readonly PathSegment[];
const below = (base: readonly PathSegment[], tail: Tail): PathSegment[] => (Array.isArray(tail) ? [...base, ...tail] : [...base, tail as PathSegment]);
const CITATION_SOURCE = ['citation', 'source'] as const;

/** Characters of an id: enough for any reference scheme, short enough to quote in a message. */
export const MAX_ID_LENGTH = 200;

const SOURCE = ['source'] as const;

type Kind = 'domain' | 'objective' | 'instrument' | 'budget line' | 'source' | 'finding' | 'indicator' | 'conclusion' | 'recommendation' | 'scope exclusion';

/**
 * Cross-reference and consistency checks that a schema cannot express. They run on the raw data,
 * tolerating malformed parts, so that a file gets its reference problems and its schema problems
 * reported together.
 */
export function checkReferences(data: unknown, suggest: Suggester = new Suggester()): UnlocatedProblem[] {
  const out: UnlocatedProblem[] = [];
  if (!isRec(data)) return out;
  const tree = isRec(data.policyTree) ? data.policyTree : {};

  const collections: [Kind, PathSegment[], unknown][] = [
    ['domain', ['policyTree', 'domains'], tree.domains],
    ['objective', ['policyTree', 'objectives'], tree.objectives],
    ['instrument', ['instruments'], data.instruments],
    ['budget line', ['budgetLines'], data.budgetLines],
    ['source', ['sources'], data.sources],
    ['finding', ['findings'], data.findings],
    ['indicator', ['indicators'], data.indicators],
    ['conclusion', ['conclusions'], data.conclusions],
    ['recommendation', ['recommendations'], data.recommendations],
    ['scope exclusion', ['scopeExclusions'], data.scopeExclusions],
  ];

  // Where each id is defined, as the list and index (a path is built only for a problem).
  const byId = new Map<string, { kind: Kind; base: PathSegment[]; index: number }>();
  for (const [kind, base, list] of collections) {
    for (const [rec, i] of recs(list)) {
      if (typeof rec.id !== 'string') continue;
      if (rec.id.length > MAX_ID_LENGTH) {
        out.push({ path: [...base, i, 'id'], code: 'limit', severity: 'error', message: `the id ${quote(rec.id)} is longer than ${MAX_ID_LENGTH} characters`, hint: 'ids are short names for cross-references, e.g. "ct-1"; put the text in a name or title' });
      }
      const first = byId.get(rec.id);
      if (first) {
        out.push({
          path: [...base, i, 'id'],
          code: 'duplicate-id',
          severity: 'error',
          message: `the id ${quote(rec.id)} is already used by the ${first.kind} at ${formatPath([...first.base, first.index])}`,
          hint: 'ids must be unique across the whole review; rename one of them',
        });
      } else byId.set(rec.id, { kind, base, index: i });
    }
  }

  // The ids a reference may name, per set of kinds, listed once.
  const candidates = new Map<string, string[]>();
  const idsOf = (allowed: readonly Kind[]) => {
    const scope = allowed.join();
    let list = candidates.get(scope);
    if (!list) candidates.set(scope, (list = [...byId].filter(([, t]) => allowed.includes(t.kind)).map(([id]) => id)));
    return { scope, list };
  };
  const ref = (base: readonly PathSegment[], tail: Tail, value: unknown, allowed: readonly Kind[], what: string) => {
    if (typeof value !== 'string') return;
    const target = byId.get(value);
    if (target && allowed.includes(target.kind)) return;
    const path = below(base, tail);
    const { scope, list } = idsOf(allowed);
    const near = target ? undefined : suggest.nearest(value, list, scope);
    out.push({
      path,
      code: 'dangling-reference',
      severity: 'error',
      message: target
        ? `${what} must name ${allowed.map(withArticle).join(' or ')}, but ${quote(value)} is ${withArticle(target.kind)}`
        : `${what} ${quote(value)} does not exist`,
      hint: near ? `did you mean "${near}"?` : value.length > MAX_ID_LENGTH ? 'correct the reference' : `add a ${allowed[0]} with id ${quote(value)}, or correct the reference`,
    });
  };
  const refs = (base: readonly PathSegment[], key: string, list: unknown, allowed: readonly Kind[], what: string) => {
    if (!Array.isArray(list)) return;
    for (let j = 0; j < list.length; j++) {
      const v: unknown = list[j];
      if (typeof v !== 'string') continue;
      const target = byId.get(v);
      if (!target || !allowed.includes(target.kind)) ref(base, [key, j], v, allowed, what);
    }
  };
  const citation = (base: readonly PathSegment[], c: unknown) => {
    if (isRec(c)) ref(base, CITATION_SOURCE, c.source, SOURCE, 'the cited source');
  };
  const subjectKinds: readonly Kind[] = ['instrument', 'objective', 'domain'];
  const anyKind: readonly Kind[] = ['domain', 'objective', 'instrument', 'budget line', 'source', 'finding', 'indicator', 'conclusion', 'recommendation', 'scope exclusion'];

  if (isRec(tree.mainGoal)) citation(['policyTree', 'mainGoal'], tree.mainGoal.citation);
  for (const [d, i] of recs(tree.domains)) citation(['policyTree', 'domains', i], d.citation);

  const objectives = new Map(recs(tree.objectives).map(([o]) => [o.id, o] as const));
  const cycles = objectivesInCycles(objectives);
  for (const [o, i] of recs(tree.objectives)) {
    const base: PathSegment[] = ['policyTree', 'objectives', i];
    ref(base, 'domain', o.domain, ['domain'], 'the domain');
    ref(base, 'parent', o.parent, ['objective'], 'the parent objective');
    citation(base, o.citation);
    const parent = typeof o.parent === 'string' ? objectives.get(o.parent) : undefined;
    // Without a domain of its own the objective has a schema problem already; no mismatch to tell.
    if (parent && typeof parent.domain === 'string' && typeof o.domain === 'string' && parent.domain !== o.domain) {
      out.push({ path: [...base, 'domain'], code: 'inconsistent', severity: 'error', message: `the objective is in domain ${quote(o.domain)} but its parent ${quote(String(o.parent))} is in domain ${quote(parent.domain)}`, hint: 'a sub-objective belongs to the domain of its objective' });
    }
    if (typeof o.parent === 'string' && typeof o.id === 'string' && cycles.has(o.id)) {
      out.push({ path: [...base, 'parent'], code: 'inconsistent', severity: 'error', message: `the parent chain of ${quote(o.id)} loops back to itself`, hint: 'an objective cannot be its own ancestor' });
    }
  }

  for (const [ins, i] of recs(data.instruments)) {
    const base: PathSegment[] = ['instruments', i];
    ref(base, 'objective', ins.objective, ['objective'], 'the objective');
    if (isRec(ins.realisation)) citation([...base, 'realisation'], ins.realisation.citation);
  }

  const period = isRec(data.period) ? data.period : {};
  // Only finite numbers are compared: NaN or Infinity is the schema's problem, and would read badly here.
  const start = finite(period.start) ? period.start : undefined;
  const end = finite(period.end) ? period.end : undefined;
  if (start !== undefined && end !== undefined && start > end) {
    out.push({ path: ['period', 'end'], code: 'inconsistent', severity: 'error', message: `the period ends (${end}) before it starts (${start})`, hint: 'swap start and end' });
  }

  /** A series of amounts per year: each year once, within the period, no negative amount. */
  const yearSeries = (base: PathSegment[], key: string, list: unknown, owner: string, receipts: string) => {
    const years = new Map<number, number>();
    for (const [e, j] of recs(list)) {
      const eb: PathSegment[] = [...base, key, j];
      citation(eb, e.citation);
      if (finite(e.year)) {
        const seen = years.get(e.year);
        if (seen !== undefined) {
          out.push({ path: [...eb, 'year'], code: 'inconsistent', severity: 'error', message: `the year ${e.year} is given twice for ${owner} (also at ${key}[${seen}])`, hint: 'give one amount per year' });
        } else years.set(e.year, j);
        if (start !== undefined && end !== undefined && (e.year < start || e.year > end)) {
          out.push({ path: [...eb, 'year'], code: 'out-of-period', severity: 'error', message: `the year ${e.year} lies outside the review period ${start}–${end}`, hint: 'correct the year, or widen the period' });
        }
      }
      if (finite(e.amount) && e.amount < 0) {
        out.push({ path: [...eb, 'amount'], code: 'negative-amount', severity: 'error', message: `the amount ${e.amount} is negative`, hint: `amounts are positive euro x 1,000; ${receipts}` });
      }
    }
  };

  for (const [line, i] of recs(data.budgetLines)) {
    const base: PathSegment[] = ['budgetLines', i];
    refs(base, 'instruments', line.instruments, ['instrument'], 'the financed instrument');
    citation(base, line.citation);
    if (line.kind === 'out-of-scope' && !(typeof line.outOfScopeReason === 'string' && line.outOfScopeReason.trim())) {
      out.push({ path: [...base, 'outOfScopeReason'], code: 'inconsistent', severity: 'error', message: 'an out-of-scope budget line needs the reason it is out of scope', hint: 'add outOfScopeReason: why the line is not covered' });
    }
    yearSeries(base, 'expenditures', line.expenditures, 'this budget line', 'book receipts on a line of kind "receipts"');
  }

  // The whole article's money beside a review of a part: one entry per article, its years in the
  // period, and an article the review covers or covers a part of (36 for 36.2).
  const covered = recs(data.budgetArticles).map(([a]) => String(a.number ?? ''));
  const contexts = new Map<string, number>();
  for (const [c, i] of recs(data.articleContext)) {
    const base: PathSegment[] = ['articleContext', i];
    citation(base, c.citation);
    yearSeries(base, 'expenditures', c.expenditures, 'this article', 'receipts go under receipts');
    yearSeries(base, 'receipts', c.receipts, "this article's receipts", 'receipts are positive amounts');
    if (typeof c.article !== 'string') continue;
    const key = `${typeof c.chapter === 'string' ? c.chapter : ''}.${c.article}`;
    const seen = contexts.get(key);
    if (seen !== undefined) {
      out.push({ path: [...base, 'article'], code: 'inconsistent', severity: 'error', message: `article ${quote(c.article)} has a context twice (also at articleContext[${seen}])`, hint: 'give one context per article, with every year in it' });
    } else contexts.set(key, i);
    if (covered.length > 0 && !covered.some((n) => n === c.article || n.startsWith(`${c.article}.`))) {
      out.push({ path: [...base, 'article'], code: 'inconsistent', severity: 'warning', message: `the review covers ${covered.map(quote).join(', ')}, and article ${quote(c.article)} is neither one of them nor an article they are part of`, hint: 'the article context is the whole article of which the review covers a part: correct the article number' });
    }
  }

  for (const [f, i] of recs(data.findings)) {
    const base: PathSegment[] = ['findings', i];
    for (const [s, j] of recs(f.sources)) ref(base, ['sources', j, 'source'], s.source, SOURCE, 'the source');
    refs(base, 'subjects', f.subjects, subjectKinds, 'the subject');
    citation(base, f.citation);
  }
  for (const [x, i] of recs(data.indicators)) {
    const base: PathSegment[] = ['indicators', i];
    refs(base, 'subjects', x.subjects, subjectKinds, 'the subject');
    ref(base, 'source', x.source, SOURCE, 'the source');
    citation(base, x.citation);
  }
  for (const [c, i] of recs(data.conclusions)) {
    const base: PathSegment[] = ['conclusions', i];
    refs(base, 'subjects', c.subjects, subjectKinds, 'the subject');
    refs(base, 'findings', c.findings, ['finding'], 'the finding');
    citation(base, c.citation);
  }
  for (const [r, i] of recs(data.recommendations)) {
    refs(['recommendations', i], 'addresses', r.addresses, anyKind, 'the addressed item');
    citation(['recommendations', i], r.citation);
  }
  for (const [s, i] of recs(data.scopeExclusions)) citation(['scopeExclusions', i], s.citation);

  const set = questionSetOfData(data);
  const answered = new Map<number, number>();
  for (const [a, i] of recs(data.rpeAnswers)) {
    // A question that is not a whole number (NaN, 2.5, .inf) is the schema's problem to tell.
    if (!Number.isInteger(a.question)) continue;
    const path: PathSegment[] = ['rpeAnswers', i, 'question'];
    const question = a.question as number;
    const seen = answered.get(question);
    if (seen !== undefined) {
      out.push({ path, code: 'inconsistent', severity: 'error', message: `question ${question} is answered twice (also at rpeAnswers[${seen}])`, hint: 'keep one answer per question' });
    } else answered.set(question, i);
    if (set && !set.questions.some((q) => q.number === question)) {
      out.push({ path, code: 'inconsistent', severity: 'error', ...unknownQuestion(set, question) });
    }
  }
  return out;
}

/**
 * The objectives whose parent chain loops back to themselves, in one pass: each objective is
 * walked once (a walk stops at an objective seen before), so a chain of any length is linear.
 */
function objectivesInCycles(objectives: Map<unknown, Rec>): Set<unknown> {
  const state = new Map<unknown, 'walking' | 'done'>();
  const inCycle = new Set<unknown>();
  for (const start of objectives.keys()) {
    if (state.has(start)) continue;
    const walk: unknown[] = [];
    let cur: unknown = start;
    while (objectives.has(cur) && !state.has(cur)) {
      state.set(cur, 'walking');
      walk.push(cur);
      const parent = objectives.get(cur)!.parent;
      cur = typeof parent === 'string' ? parent : undefined;
    }
    if (state.get(cur) === 'walking') for (let i = walk.indexOf(cur); i < walk.length; i++) inCycle.add(walk[i]);
    for (const w of walk) state.set(w, 'done');
  }
  return inCycle;
}


const withArticle = (noun: string) => `${/^[aeio]/.test(noun) ? 'an' : 'a'} ${noun}`;
