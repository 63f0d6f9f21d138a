import { questionSetOfData, unknownQuestion } from '../rpe/questions.js';
import { nearest } from '../util/nearest.js';
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
const isRec = (x: unknown): x is Rec => typeof x === 'object' && x !== null && !Array.isArray(x);
const recs = (x: unknown): [Rec, number][] =>
  Array.isArray(x) ? x.flatMap((r, i): [Rec, number][] => (isRec(r) ? [[r, i]] : [])) : [];
const ids = (x: unknown): [string, number][] =>
  Array.isArray(x) ? x.flatMap((v, i): [string, number][] => (typeof v === 'string' ? [[v, i]] : [])) : [];

const MAX_SUGGESTIONS = 50;

type Kind = 'domain' | 'objective' | 'instrument' | 'budget line' | 'source' | 'finding' | 'indicator' | 'conclusion' | 'recommendation' | 'scope exclusion';

/**
 * Cross-reference and consistency checks that a schema cannot express. They run on the raw data,
 * tolerating malformed parts, so that a file gets its reference problems and its schema problems
 * reported together.
 */
export function checkReferences(data: unknown): UnlocatedProblem[] {
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

  const byId = new Map<string, { kind: Kind; path: PathSegment[] }>();
  for (const [kind, base, list] of collections) {
    for (const [rec, i] of recs(list)) {
      if (typeof rec.id !== 'string') continue;
      const path = [...base, i, 'id'];
      const first = byId.get(rec.id);
      if (first) {
        out.push({
          path,
          code: 'duplicate-id',
          severity: 'error',
          message: `the id "${rec.id}" is already used by the ${first.kind} at ${pathText(first.path)}`,
          hint: 'ids must be unique across the whole review; rename one of them',
        });
      } else byId.set(rec.id, { kind, path });
    }
  }

  let suggestions = 0;
  const ref = (path: PathSegment[], value: unknown, allowed: Kind[], what: string) => {
    if (typeof value !== 'string') return;
    const target = byId.get(value);
    if (target && allowed.includes(target.kind)) return;
    // "Did you mean" scans every id, so it is offered for the first few dangling references only.
    const near =
      suggestions++ < MAX_SUGGESTIONS
        ? nearest(value, [...byId].filter(([, t]) => allowed.includes(t.kind)).map(([id]) => id))
        : undefined;
    out.push({
      path,
      code: 'dangling-reference',
      severity: 'error',
      message: target
        ? `${what} must name ${allowed.map(withArticle).join(' or ')}, but "${value}" is ${withArticle(target.kind)}`
        : `${what} "${value}" does not exist`,
      hint: near ? `did you mean "${near}"?` : `add a ${allowed[0]} with id "${value}", or correct the reference`,
    });
  };
  const refs = (base: PathSegment[], list: unknown, allowed: Kind[], what: string) => {
    for (const [v, j] of ids(list)) ref([...base, j], v, allowed, what);
  };
  const citation = (base: PathSegment[], c: unknown) => {
    if (isRec(c)) ref([...base, 'citation', 'source'], c.source, ['source'], 'the cited source');
  };
  const subjectKinds: Kind[] = ['instrument', 'objective', 'domain'];
  const anyKind: Kind[] = ['domain', 'objective', 'instrument', 'budget line', 'source', 'finding', 'indicator', 'conclusion', 'recommendation', 'scope exclusion'];

  if (isRec(tree.mainGoal)) citation(['policyTree', 'mainGoal'], tree.mainGoal.citation);
  for (const [d, i] of recs(tree.domains)) citation(['policyTree', 'domains', i], d.citation);

  const objectives = new Map(recs(tree.objectives).map(([o]) => [o.id, o] as const));
  for (const [o, i] of recs(tree.objectives)) {
    const base: PathSegment[] = ['policyTree', 'objectives', i];
    ref([...base, 'domain'], o.domain, ['domain'], 'the domain');
    ref([...base, 'parent'], o.parent, ['objective'], 'the parent objective');
    citation(base, o.citation);
    const parent = typeof o.parent === 'string' ? objectives.get(o.parent) : undefined;
    if (parent && typeof parent.domain === 'string' && parent.domain !== o.domain) {
      out.push({ path: [...base, 'domain'], code: 'inconsistent', severity: 'error', message: `the objective is in domain "${String(o.domain)}" but its parent "${String(o.parent)}" is in domain "${parent.domain}"`, hint: 'a sub-objective belongs to the domain of its objective' });
    }
    if (typeof o.parent === 'string' && parentCycle(o.id, objectives)) {
      out.push({ path: [...base, 'parent'], code: 'inconsistent', severity: 'error', message: `the parent chain of "${String(o.id)}" loops back to itself`, hint: 'an objective cannot be its own ancestor' });
    }
  }

  for (const [ins, i] of recs(data.instruments)) {
    const base: PathSegment[] = ['instruments', i];
    ref([...base, 'objective'], ins.objective, ['objective'], 'the objective');
    if (isRec(ins.realisation)) citation([...base, 'realisation'], ins.realisation.citation);
  }

  const period = isRec(data.period) ? data.period : {};
  const start = typeof period.start === 'number' ? period.start : undefined;
  const end = typeof period.end === 'number' ? period.end : undefined;
  if (start !== undefined && end !== undefined && start > end) {
    out.push({ path: ['period', 'end'], code: 'inconsistent', severity: 'error', message: `the period ends (${end}) before it starts (${start})`, hint: 'swap start and end' });
  }

  for (const [line, i] of recs(data.budgetLines)) {
    const base: PathSegment[] = ['budgetLines', i];
    refs([...base, 'instruments'], line.instruments, ['instrument'], 'the financed instrument');
    citation(base, line.citation);
    if (line.kind === 'out-of-scope' && !(typeof line.outOfScopeReason === 'string' && line.outOfScopeReason.trim())) {
      out.push({ path: [...base, 'outOfScopeReason'], code: 'inconsistent', severity: 'error', message: 'an out-of-scope budget line needs the reason it is out of scope', hint: 'add outOfScopeReason: why the line is not covered' });
    }
    const years = new Map<number, number>();
    for (const [e, j] of recs(line.expenditures)) {
      const eb: PathSegment[] = [...base, 'expenditures', j];
      citation(eb, e.citation);
      if (typeof e.year === 'number') {
        const seen = years.get(e.year);
        if (seen !== undefined) {
          out.push({ path: [...eb, 'year'], code: 'inconsistent', severity: 'error', message: `the year ${e.year} is given twice for this budget line (also at expenditures[${seen}])`, hint: 'give one amount per year and line' });
        } else years.set(e.year, j);
        if (start !== undefined && end !== undefined && (e.year < start || e.year > end)) {
          out.push({ path: [...eb, 'year'], code: 'out-of-period', severity: 'error', message: `the year ${e.year} lies outside the review period ${start}–${end}`, hint: 'correct the year, or widen the period' });
        }
      }
      if (typeof e.amount === 'number' && e.amount < 0) {
        out.push({ path: [...eb, 'amount'], code: 'negative-amount', severity: 'error', message: `the amount ${e.amount} is negative`, hint: 'amounts are positive euro x 1,000; book receipts on a line of kind "receipts"' });
      }
    }
  }

  for (const [f, i] of recs(data.findings)) {
    const base: PathSegment[] = ['findings', i];
    for (const [s, j] of recs(f.sources)) ref([...base, 'sources', j, 'source'], s.source, ['source'], 'the source');
    refs([...base, 'subjects'], f.subjects, subjectKinds, 'the subject');
    citation(base, f.citation);
  }
  for (const [x, i] of recs(data.indicators)) {
    const base: PathSegment[] = ['indicators', i];
    refs([...base, 'subjects'], x.subjects, subjectKinds, 'the subject');
    ref([...base, 'source'], x.source, ['source'], 'the source');
    citation(base, x.citation);
  }
  for (const [c, i] of recs(data.conclusions)) {
    const base: PathSegment[] = ['conclusions', i];
    refs([...base, 'subjects'], c.subjects, subjectKinds, 'the subject');
    refs([...base, 'findings'], c.findings, ['finding'], 'the finding');
    citation(base, c.citation);
  }
  for (const [r, i] of recs(data.recommendations)) {
    refs(['recommendations', i, 'addresses'], r.addresses, anyKind, 'the addressed item');
    citation(['recommendations', i], r.citation);
  }
  for (const [s, i] of recs(data.scopeExclusions)) citation(['scopeExclusions', i], s.citation);

  const set = questionSetOfData(data);
  const answered = new Map<number, number>();
  for (const [a, i] of recs(data.rpeAnswers)) {
    if (typeof a.question !== 'number') continue;
    const path: PathSegment[] = ['rpeAnswers', i, 'question'];
    const seen = answered.get(a.question);
    if (seen !== undefined) {
      out.push({ path, code: 'inconsistent', severity: 'error', message: `question ${a.question} is answered twice (also at rpeAnswers[${seen}])`, hint: 'keep one answer per question' });
    } else answered.set(a.question, i);
    if (set && !set.questions.some((q) => q.number === a.question)) {
      out.push({ path, code: 'inconsistent', severity: 'error', ...unknownQuestion(set, a.question) });
    }
  }
  return out;
}

function parentCycle(start: unknown, objectives: Map<unknown, Rec>): boolean {
  const seen = new Set<unknown>([start]);
  let cur = objectives.get(start)?.parent;
  while (typeof cur === 'string') {
    if (seen.has(cur)) return cur === start;
    seen.add(cur);
    cur = objectives.get(cur)?.parent;
  }
  return false;
}

const pathText = (path: PathSegment[]) => formatPath(path.slice(0, -1));

const withArticle = (noun: string) => `${/^[aeio]/.test(noun) ? 'an' : 'a'} ${noun}`;
