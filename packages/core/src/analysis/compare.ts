import { reviewPeriod, type ReviewPeriod } from '../model/completeness.js';
import type { RealisationStatus, Review } from '../model/review.js';
import { analyze } from './analyze.js';
import { messagesFor } from './messages/index.js';
import { round } from './numbers.js';
import type { AnalysisLang, AnalyzeOptions, Assessment, EffectivenessValue, EfficiencyValue, ScopeKind, Share, SteppedVerdicts } from './types.js';

export interface CompareOptions {
  /** Language of the warnings; default `en`. */
  lang?: AnalysisLang;
  /** Options of both analyses (audience, threshold, savings). */
  analyzeOptions?: AnalyzeOptions;
}

export interface ReviewComparison {
  before: { id: string; period: ReviewPeriod };
  after: { id: string; period: ReviewPeriod };
  /** Whether both reviews cover at least one common budget article. */
  sameArticle: boolean;
  warnings: string[];
  objectives: { added: string[]; removed: string[]; changed: { id: string; fields: string[] }[] };
  instruments: {
    added: string[];
    removed: string[];
    statusChanged: { id: string; from: RealisationStatus; to: RealisationStatus }[];
    changed: { id: string; fields: string[] }[];
  };
  findings: { added: string[]; removed: string[]; changed: { id: string; fields: string[] }[] };
  sources: { added: string[]; removed: string[]; changed: { id: string; fields: string[] }[] };
  budgetLines: { changed: { id: string; fields: string[] }[] };
  /**
   * Every scope's stepped verdicts before and after (null where the scope is absent on one side),
   * and every instrument whose step values changed: all that can change a verdict shows here.
   */
  verdicts: {
    scopes: { kind: ScopeKind; id: string; changed: boolean; steps: Record<ScopeStep, { before: string | null; after: string | null }> }[];
    instruments: { id: string; steps: Partial<Record<InstrumentStep, { before: string | null; after: string | null }>> }[];
  };
  expenditure: {
    linesAdded: string[];
    linesRemoved: string[];
    changes: { line: string; year: number; before: number | null; after: number | null; change: number | null }[];
  };
  coverage: {
    evaluated: { before: Share; after: Share };
    effectiveness: { before: Share; after: Share };
    efficiency: { before: Share; after: Share };
    newlyEvaluated: string[];
    noLongerEvaluated: string[];
    domains: { id: string; effectiveness: { before: EffectivenessValue | null; after: EffectivenessValue | null }; efficiency: { before: EfficiencyValue | null; after: EfficiencyValue | null } }[];
  };
}

type ScopeStep = 'goalAchievement' | 'realisation' | 'effectiveness' | 'efficiency';
type InstrumentStep = 'realisation' | 'effectiveness' | 'plausibility' | 'contribution' | 'efficiency';

/** A field to compare: a key, or a name with how to read it (e.g. "smart.target"). */
type Field<T> = keyof T | [string, (x: T) => unknown];

function diffById<T extends { id: string }>(a: readonly T[], b: readonly T[], fields: Field<T>[]) {
  const before = new Map(a.map((x) => [x.id, x]));
  const after = new Map(b.map((x) => [x.id, x]));
  const changed: { id: string; fields: string[] }[] = [];
  const read = (x: T, f: Field<T>) => (Array.isArray(f) ? f[1](x) : x[f as keyof T]);
  const name = (f: Field<T>) => (Array.isArray(f) ? f[0] : String(f));
  for (const [id, x] of after) {
    const y = before.get(id);
    if (!y) continue;
    const f = fields.filter((k) => JSON.stringify(read(x, k) ?? null) !== JSON.stringify(read(y, k) ?? null)).map(name);
    if (f.length) changed.push({ id, fields: f });
  }
  return {
    added: [...after.keys()].filter((id) => !before.has(id)),
    removed: [...before.keys()].filter((id) => !after.has(id)),
    changed,
    before,
    after,
  };
}

/** What changed between two reviews of the same article: tree, instruments, money and coverage. Items are matched by id. */
export function compare(a: Review, b: Review, options: CompareOptions = {}): ReviewComparison {
  const M = messagesFor(options.lang);
  const warnings: string[] = [];
  const articlesA = new Set(a.budgetArticles.map((x) => x.number));
  const sameArticle = b.budgetArticles.some((x) => articlesA.has(x.number));
  if (!sameArticle) {
    warnings.push(M.compare.differentArticles([...articlesA].join(', '), b.budgetArticles.map((x) => x.number).join(', ')));
  }

  const objectives = diffById(a.policyTree.objectives, b.policyTree.objectives, [
    'text',
    'domain',
    'parent',
    'classification',
    ['smart.indicator', (o) => o.smart?.indicator],
    ['smart.baseline', (o) => o.smart?.baseline],
    ['smart.target', (o) => o.smart?.target],
    ['smart.deadline', (o) => o.smart?.deadline],
  ]);
  const findings = diffById(a.findings, b.findings, ['verdict', 'strength', 'design', 'subjects', 'aspect', 'origin', ['sources', (f) => f.sources.map((s) => s.source)], 'classification', 'statement']);
  const sources = diffById(a.sources, b.sources, ['type', 'classification', 'design', 'title']);
  const lines = diffById(a.budgetLines, b.budgetLines, ['kind', 'instruments', 'shares', 'fixed', 'article', ['amounts', (l) => l.expenditures.map((e) => [e.year, e.amount])]]);
  const instruments = diffById(a.instruments, b.instruments, ['name', 'objective', 'kind', 'role', 'classification']);
  const statusChanged = [...instruments.after.values()].flatMap((x) => {
    const y = instruments.before.get(x.id);
    return y && y.realisation.status !== x.realisation.status ? [{ id: x.id, from: y.realisation.status, to: x.realisation.status }] : [];
  });

  const changes: ReviewComparison['expenditure']['changes'] = [];
  for (const line of new Set([...lines.before.keys(), ...lines.after.keys()])) {
    const yb = new Map((lines.before.get(line)?.expenditures ?? []).map((e) => [e.year, e.amount]));
    const ya = new Map((lines.after.get(line)?.expenditures ?? []).map((e) => [e.year, e.amount]));
    for (const year of [...new Set([...yb.keys(), ...ya.keys()])].sort((x, y) => x - y)) {
      const before = yb.has(year) ? yb.get(year)! : null;
      const after = ya.has(year) ? ya.get(year)! : null;
      if (before === after && yb.has(year) === ya.has(year)) continue;
      changes.push({ line, year, before, after, change: before !== null && after !== null ? round(after - before) : null });
    }
  }

  const x = analyze(a, options.analyzeOptions);
  const y = analyze(b, options.analyzeOptions);
  const evalBefore = new Set(x.coverage.instruments.filter((r) => r.evaluated).map((r) => r.id));
  const evalAfter = new Set(y.coverage.instruments.filter((r) => r.evaluated).map((r) => r.id));
  const domainIds = [...new Set([...a.policyTree.domains.map((d) => d.id), ...b.policyTree.domains.map((d) => d.id)])];
  const verdictOf = (as: typeof x, id: string) => as.verdicts.domains.find((v) => v.scope.id === id);

  return {
    before: { id: a.id, period: reviewPeriod(a) },
    after: { id: b.id, period: reviewPeriod(b) },
    sameArticle,
    warnings,
    objectives: { added: objectives.added, removed: objectives.removed, changed: objectives.changed },
    instruments: { added: instruments.added, removed: instruments.removed, statusChanged, changed: instruments.changed },
    findings: { added: findings.added, removed: findings.removed, changed: findings.changed },
    sources: { added: sources.added, removed: sources.removed, changed: sources.changed },
    budgetLines: { changed: lines.changed },
    verdicts: { scopes: scopeVerdicts(x, y), instruments: instrumentSteps(x, y) },
    expenditure: { linesAdded: lines.added, linesRemoved: lines.removed, changes },
    coverage: {
      evaluated: { before: x.coverage.article.evaluated, after: y.coverage.article.evaluated },
      effectiveness: { before: x.coverage.article.effectiveness, after: y.coverage.article.effectiveness },
      efficiency: { before: x.coverage.article.efficiency, after: y.coverage.article.efficiency },
      newlyEvaluated: [...evalAfter].filter((id) => !evalBefore.has(id)),
      noLongerEvaluated: [...evalBefore].filter((id) => !evalAfter.has(id) && instruments.after.has(id)),
      domains: domainIds.map((id) => ({
        id,
        effectiveness: { before: verdictOf(x, id)?.effectiveness.value ?? null, after: verdictOf(y, id)?.effectiveness.value ?? null },
        efficiency: { before: verdictOf(x, id)?.efficiency.value ?? null, after: verdictOf(y, id)?.efficiency.value ?? null },
      })),
    },
  };
}

const SCOPE_STEPS: readonly ScopeStep[] = ['goalAchievement', 'realisation', 'effectiveness', 'efficiency'];
const INSTRUMENT_STEPS: readonly InstrumentStep[] = ['realisation', 'effectiveness', 'plausibility', 'contribution', 'efficiency'];

function scopeVerdicts(x: Assessment, y: Assessment): ReviewComparison['verdicts']['scopes'] {
  const all = (as: Assessment) => [as.verdicts.article, ...as.verdicts.domains, ...as.verdicts.objectives];
  const key = (v: SteppedVerdicts) => `${v.scope.kind}:${v.scope.id}`;
  const before = new Map(all(x).map((v) => [key(v), v]));
  const after = new Map(all(y).map((v) => [key(v), v]));
  // The article is one scope whatever the reviews' ids.
  before.set('article:', x.verdicts.article);
  after.set('article:', y.verdicts.article);
  before.delete(key(x.verdicts.article));
  after.delete(key(y.verdicts.article));
  const keys = [...new Set([...before.keys(), ...after.keys()])];
  return keys.map((k) => {
    const b = before.get(k);
    const a = after.get(k);
    const steps = {} as Record<ScopeStep, { before: string | null; after: string | null }>;
    let changed = false;
    for (const s of SCOPE_STEPS) {
      steps[s] = { before: b ? b[s].value : null, after: a ? a[s].value : null };
      if (steps[s].before !== steps[s].after) changed = true;
    }
    const ref = (a ?? b)!.scope;
    return { kind: ref.kind, id: ref.kind === 'article' ? '' : ref.id, changed, steps };
  });
}

function instrumentSteps(x: Assessment, y: Assessment): ReviewComparison['verdicts']['instruments'] {
  const before = new Map(x.verdicts.instruments.map((v) => [v.instrument, v]));
  const out: ReviewComparison['verdicts']['instruments'] = [];
  for (const a of y.verdicts.instruments) {
    const b = before.get(a.instrument);
    if (!b) continue;
    const steps: Partial<Record<InstrumentStep, { before: string | null; after: string | null }>> = {};
    for (const s of INSTRUMENT_STEPS) {
      const vb = s === 'realisation' ? b.realisation.status : b[s].value;
      const va = s === 'realisation' ? a.realisation.status : a[s].value;
      if (vb !== va) steps[s] = { before: vb, after: va };
    }
    if (Object.keys(steps).length) out.push({ id: a.instrument, steps });
  }
  return out;
}
