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
/**
 * Each mapping of a list, with its index. A callback, not a list of pairs, and paths built only
 * for a problem: these checks visit every item of a file, and building a pair and a path per item
 * made them cost more than JSON.parse (51 → 15 ms of CPU at 10k instruments).
 */
function eachRec(x: unknown, fn: (rec: Rec, i: number) => void): void {
  if (!Array.isArray(x)) return;
  for (let i = 0; i < x.length; i++) {
    const v: unknown = x[i];
    if (isRec(v)) fn(v, i);
  }
}

/** Characters of an id: enough for any reference scheme, short enough to quote in a message. */
export const MAX_ID_LENGTH = 200;

const KINDS = ['domain', 'objective', 'instrument', 'budget line', 'source', 'finding', 'indicator', 'conclusion', 'recommendation', 'scope exclusion'] as const;
type Kind = (typeof KINDS)[number];
/** The kinds a reference may name, as a set of bits (1 << the kind's index in KINDS). */
const maskOf = (kinds: readonly Kind[]): number => kinds.reduce((m, k) => m | (1 << KINDS.indexOf(k)), 0);
const SOURCE: readonly Kind[] = ['source'];
const SUBJECT: readonly Kind[] = ['instrument', 'objective', 'domain'];
const M_DOMAIN = maskOf(['domain']);
const M_OBJECTIVE = maskOf(['objective']);
const M_INSTRUMENT = maskOf(['instrument']);
const M_SOURCE = maskOf(SOURCE);
const M_FINDING = maskOf(['finding']);
const M_SUBJECT = maskOf(SUBJECT);
const M_ANY = maskOf(KINDS);

/**
 * Cross-reference and consistency checks that a schema cannot express. They run on the raw data,
 * tolerating malformed parts, so that a file gets its reference problems and its schema problems
 * reported together.
 */
export function checkReferences(data: unknown, suggest: Suggester = new Suggester()): UnlocatedProblem[] {
  const out: UnlocatedProblem[] = [];
  if (!isRec(data)) return out;
  const tree = isRec(data.policyTree) ? data.policyTree : {};

  // In the order of KINDS.
  const collections: [PathSegment[], unknown][] = [
    [['policyTree', 'domains'], tree.domains],
    [['policyTree', 'objectives'], tree.objectives],
    [['instruments'], data.instruments],
    [['budgetLines'], data.budgetLines],
    [['sources'], data.sources],
    [['findings'], data.findings],
    [['indicators'], data.indicators],
    [['conclusions'], data.conclusions],
    [['recommendations'], data.recommendations],
    [['scopeExclusions'], data.scopeExclusions],
  ];

  // Where each id is defined: its index in its list times 16, plus its kind's index in KINDS.
  const byId = new Map<string, number>();
  collections.forEach(([base, list], kind) =>
    eachRec(list, (rec, i) => {
      if (typeof rec.id !== 'string') return;
      if (rec.id.length > MAX_ID_LENGTH) {
        out.push({ path: [...base, i, 'id'], code: 'limit', severity: 'error', message: `the id ${quote(rec.id)} is longer than ${MAX_ID_LENGTH} characters`, hint: 'ids are short names for cross-references, e.g. "ct-1"; put the text in a name or title' });
      }
      const first = byId.get(rec.id);
      if (first !== undefined) {
        out.push({
          path: [...base, i, 'id'],
          code: 'duplicate-id',
          severity: 'error',
          message: `the id ${quote(rec.id)} is already used by the ${KINDS[first & 15]} at ${formatPath([...collections[first & 15]![0], Math.floor(first / 16)])}`,
          hint: 'ids must be unique across the whole review; rename one of them',
        });
      } else byId.set(rec.id, i * 16 + kind);
    }),
  );

  // The ids a reference may name, per set of kinds, listed once.
  const candidates = new Map<string, string[]>();
  const idsOf = (allowed: readonly Kind[]) => {
    const scope = allowed.join();
    const mask = maskOf(allowed);
    let list = candidates.get(scope);
    if (!list) candidates.set(scope, (list = [...byId].filter(([, t]) => (mask >> (t & 15)) & 1).map(([id]) => id)));
    return { scope, list };
  };
  /** Whether `value` is a reference that does not name an item of the kinds in `mask`. */
  const wrong = (value: unknown, mask: number): value is string => {
    if (typeof value !== 'string') return false;
    const t = byId.get(value);
    return t === undefined || ((mask >> (t & 15)) & 1) === 0;
  };
  /** A reference `wrong` refused, at its path. */
  const dangling = (path: PathSegment[], value: string, allowed: readonly Kind[], what: string) => {
    const t = byId.get(value);
    const target = t === undefined ? undefined : KINDS[t & 15]!;
    const { scope, list } = idsOf(allowed);
    const near = target ? undefined : suggest.nearest(value, list, scope);
    out.push({
      path,
      code: 'dangling-reference',
      severity: 'error',
      message: target
        ? `${what} must name ${allowed.map(withArticle).join(' or ')}, but ${quote(value)} is ${withArticle(target)}`
        : `${what} ${quote(value)} does not exist`,
      hint: near ? `did you mean "${near}"?` : value.length > MAX_ID_LENGTH ? 'correct the reference' : `add a ${allowed[0]} with id ${quote(value)}, or correct the reference`,
    });
  };
  const ref = (base: readonly PathSegment[], key: string, value: unknown, allowed: readonly Kind[], mask: number, what: string) => {
    if (wrong(value, mask)) dangling([...base, key], value, allowed, what);
  };
  const refs = (base: readonly PathSegment[], key: string, list: unknown, allowed: readonly Kind[], mask: number, what: string) => {
    if (!Array.isArray(list)) return;
    for (let j = 0; j < list.length; j++) {
      const v: unknown = list[j];
      if (wrong(v, mask)) dangling([...base, key, j], v, allowed, what);
    }
  };
  /** The citation at `base` + `tail`, if it names a source that is not one. */
  const citation = (c: unknown, base: readonly PathSegment[], ...tail: PathSegment[]) => {
    if (isRec(c) && wrong(c.source, M_SOURCE)) dangling([...base, ...tail, 'citation', 'source'], c.source, SOURCE, 'the cited source');
  };

  if (isRec(tree.mainGoal)) citation(tree.mainGoal.citation, ['policyTree', 'mainGoal']);
  eachRec(tree.domains, (d, i) => citation(d.citation, ['policyTree', 'domains'], i));

  const objectives = new Map<unknown, Rec>();
  eachRec(tree.objectives, (o) => objectives.set(o.id, o));
  const cycles = objectivesInCycles(objectives);
  eachRec(tree.objectives, (o, i) => {
    const base: PathSegment[] = ['policyTree', 'objectives', i];
    ref(base, 'domain', o.domain, ['domain'], M_DOMAIN, 'the domain');
    ref(base, 'parent', o.parent, ['objective'], M_OBJECTIVE, 'the parent objective');
    citation(o.citation, base);
    const parent = typeof o.parent === 'string' ? objectives.get(o.parent) : undefined;
    // Without a domain of its own the objective has a schema problem already; no mismatch to tell.
    if (parent && typeof parent.domain === 'string' && typeof o.domain === 'string' && parent.domain !== o.domain) {
      out.push({ path: [...base, 'domain'], code: 'inconsistent', severity: 'error', message: `the objective is in domain ${quote(o.domain)} but its parent ${quote(String(o.parent))} is in domain ${quote(parent.domain)}`, hint: 'a sub-objective belongs to the domain of its objective' });
    }
    if (typeof o.parent === 'string' && typeof o.id === 'string' && cycles.has(o.id)) {
      out.push({ path: [...base, 'parent'], code: 'inconsistent', severity: 'error', message: `the parent chain of ${quote(o.id)} loops back to itself`, hint: 'an objective cannot be its own ancestor' });
    }
  });

  const INSTRUMENTS = ['instruments'];
  eachRec(data.instruments, (ins, i) => {
    if (wrong(ins.objective, M_OBJECTIVE)) dangling([...INSTRUMENTS, i, 'objective'], ins.objective, ['objective'], 'the objective');
    if (isRec(ins.realisation)) citation(ins.realisation.citation, INSTRUMENTS, i, 'realisation');
  });

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
    eachRec(list, (e, j) => {
      citation(e.citation, base, key, j);
      if (finite(e.year)) {
        const seen = years.get(e.year);
        if (seen !== undefined) {
          out.push({ path: [...base, key, j, 'year'], code: 'inconsistent', severity: 'error', message: `the year ${e.year} is given twice for ${owner} (also at ${key}[${seen}])`, hint: 'give one amount per year' });
        } else years.set(e.year, j);
        if (start !== undefined && end !== undefined && (e.year < start || e.year > end)) {
          out.push({ path: [...base, key, j, 'year'], code: 'out-of-period', severity: 'error', message: `the year ${e.year} lies outside the review period ${start}–${end}`, hint: 'correct the year, or widen the period' });
        }
      }
      if (finite(e.amount) && e.amount < 0) {
        out.push({ path: [...base, key, j, 'amount'], code: 'negative-amount', severity: 'error', message: `the amount ${e.amount} is negative`, hint: `amounts are positive euro x 1,000; ${receipts}` });
      }
    });
  };

  eachRec(data.budgetLines, (line, i) => {
    const base: PathSegment[] = ['budgetLines', i];
    refs(base, 'instruments', line.instruments, ['instrument'], M_INSTRUMENT, 'the financed instrument');
    citation(line.citation, base);
    if (line.kind === 'out-of-scope' && !(typeof line.outOfScopeReason === 'string' && line.outOfScopeReason.trim())) {
      out.push({ path: [...base, 'outOfScopeReason'], code: 'inconsistent', severity: 'error', message: 'an out-of-scope budget line needs the reason it is out of scope', hint: 'add outOfScopeReason: why the line is not covered' });
    }
    yearSeries(base, 'expenditures', line.expenditures, 'this budget line', 'book receipts on a line of kind "receipts"');
  });

  // The whole article's money beside a review of a part: one entry per article, its years in the
  // period, and an article the review covers or covers a part of (36 for 36.2).
  const covered: string[] = [];
  eachRec(data.budgetArticles, (a) => covered.push(String(a.number ?? '')));
  const contexts = new Map<string, number>();
  eachRec(data.articleContext, (c, i) => {
    const base: PathSegment[] = ['articleContext', i];
    citation(c.citation, base);
    yearSeries(base, 'expenditures', c.expenditures, 'this article', 'receipts go under receipts');
    yearSeries(base, 'receipts', c.receipts, "this article's receipts", 'receipts are positive amounts');
    if (typeof c.article !== 'string') return;
    const key = `${typeof c.chapter === 'string' ? c.chapter : ''}.${c.article}`;
    const seen = contexts.get(key);
    if (seen !== undefined) {
      out.push({ path: [...base, 'article'], code: 'inconsistent', severity: 'error', message: `article ${quote(c.article)} has a context twice (also at articleContext[${seen}])`, hint: 'give one context per article, with every year in it' });
    } else contexts.set(key, i);
    if (covered.length > 0 && !covered.some((n) => n === c.article || n.startsWith(`${c.article}.`))) {
      out.push({ path: [...base, 'article'], code: 'inconsistent', severity: 'warning', message: `the review covers ${covered.map(quote).join(', ')}, and article ${quote(c.article)} is neither one of them nor an article they are part of`, hint: 'the article context is the whole article of which the review covers a part: correct the article number' });
    }
  });

  const FINDINGS = ['findings'];
  eachRec(data.findings, (f, i) => {
    eachRec(f.sources, (s, j) => {
      if (wrong(s.source, M_SOURCE)) dangling([...FINDINGS, i, 'sources', j, 'source'], s.source, SOURCE, 'the source');
    });
    refs([...FINDINGS, i], 'subjects', f.subjects, SUBJECT, M_SUBJECT, 'the subject');
    citation(f.citation, FINDINGS, i);
  });
  eachRec(data.indicators, (x, i) => {
    const base: PathSegment[] = ['indicators', i];
    refs(base, 'subjects', x.subjects, SUBJECT, M_SUBJECT, 'the subject');
    ref(base, 'source', x.source, SOURCE, M_SOURCE, 'the source');
    citation(x.citation, base);
  });
  eachRec(data.conclusions, (c, i) => {
    const base: PathSegment[] = ['conclusions', i];
    refs(base, 'subjects', c.subjects, SUBJECT, M_SUBJECT, 'the subject');
    refs(base, 'findings', c.findings, ['finding'], M_FINDING, 'the finding');
    citation(c.citation, base);
  });
  eachRec(data.recommendations, (r, i) => {
    refs(['recommendations', i], 'addresses', r.addresses, KINDS, M_ANY, 'the addressed item');
    citation(r.citation, ['recommendations'], i);
  });
  eachRec(data.scopeExclusions, (s, i) => citation(s.citation, ['scopeExclusions'], i));

  const set = questionSetOfData(data);
  const answered = new Map<number, number>();
  eachRec(data.rpeAnswers, (a, i) => {
    // A question that is not a whole number (NaN, 2.5, .inf) is the schema's problem to tell.
    if (!Number.isInteger(a.question)) return;
    const path: PathSegment[] = ['rpeAnswers', i, 'question'];
    const question = a.question as number;
    const seen = answered.get(question);
    if (seen !== undefined) {
      out.push({ path, code: 'inconsistent', severity: 'error', message: `question ${question} is answered twice (also at rpeAnswers[${seen}])`, hint: 'keep one answer per question' });
    } else answered.set(question, i);
    if (set && !set.questions.some((q) => q.number === question)) {
      out.push({ path, code: 'inconsistent', severity: 'error', ...unknownQuestion(set, question) });
    }
  });
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
