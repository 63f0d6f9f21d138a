import { reviewPeriod, type ReviewPeriod } from '../model/completeness.js';
import type { RealisationStatus, Review } from '../model/review.js';
import { analyze } from './analyze.js';
import { messagesFor } from './messages/index.js';
import { round } from './numbers.js';
import type { AnalysisLang, EffectivenessValue, EfficiencyValue, Share } from './types.js';

export interface CompareOptions {
  /** Language of the warnings; default `en`. */
  lang?: AnalysisLang;
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

function diffById<T extends { id: string }>(a: readonly T[], b: readonly T[], fields: (keyof T)[]) {
  const before = new Map(a.map((x) => [x.id, x]));
  const after = new Map(b.map((x) => [x.id, x]));
  const changed: { id: string; fields: string[] }[] = [];
  for (const [id, x] of after) {
    const y = before.get(id);
    if (!y) continue;
    const f = fields.filter((k) => JSON.stringify(x[k]) !== JSON.stringify(y[k])).map(String);
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

  const objectives = diffById(a.policyTree.objectives, b.policyTree.objectives, ['text', 'domain', 'parent', 'smart']);
  const instruments = diffById(a.instruments, b.instruments, ['name', 'objective', 'kind', 'role', 'classification']);
  const statusChanged = [...instruments.after.values()].flatMap((x) => {
    const y = instruments.before.get(x.id);
    return y && y.realisation.status !== x.realisation.status ? [{ id: x.id, from: y.realisation.status, to: x.realisation.status }] : [];
  });

  const lines = diffById(a.budgetLines, b.budgetLines, []);
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

  const x = analyze(a);
  const y = analyze(b);
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
