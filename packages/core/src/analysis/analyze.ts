import { reviewPeriod } from '../model/completeness.js';
import type { Review } from '../model/review.js';
import { analyseCoverage, gapMap, instrumentEvidence, rolledUpStrength } from './evidence.js';
import { attributeCosts, costAttribution, scopeCosts } from './attribution.js';
import { analyseExpenditure } from './expenditure.js';
import { instrumentList, realisationTable, summariseRealisation } from './realisation.js';
import { deriveRecommendations } from './recommendations.js';
import { messagesFor } from './messages/index.js';
import { indexReview } from './review-index.js';
import { rpeChecklist } from './rpe.js';
import { checkSavingsOptions, savingsVariant } from './savings.js';
import { smartCheck } from './smart.js';
import type { AnalyzeOptions, Assessment, AudienceView, LeftOutKind, ScopeRef, SmartCheck } from './types.js';
import { instrumentVerdicts, stepContext, steppedVerdicts, type ScopeInput } from './verdicts.js';
import { filterReviewForAudience, REDACTION, scrubValue, type AudienceFilterResult } from '../audience/index.js';

/**
 * Answers the RPE's questions from a review: realisation, expenditure, cost attribution,
 * evaluation coverage, evidence strength, the stepped verdicts, the gap map, the SMART check, the
 * RPE checklist, the savings variant and the recommendations. Pure: same review, same assessment.
 * Every sentence is written in `options.lang` (default English); nothing else depends on it.
 */
export function analyze(review: Review, options: AnalyzeOptions = {}): Assessment {
  const level = options.audience ?? 'full';
  const filter = filterReviewForAudience(review, level);
  if (filter.dropped.length === 0) return analyzeVisible(review, options, audienceView(filter));
  // Belt and braces: the analysis of the filtered review cannot name dropped records, and the
  // scrub removes what still would (a dropped title quoted in the review's own text).
  return scrubValue(analyzeVisible(filter.review, options, audienceView(filter)), filter.droppedIds, filter.droppedTexts, REDACTION) as Assessment;
}

function audienceView(f: AudienceFilterResult): AudienceView {
  const leftOut: Record<LeftOutKind, number> = { domain: 0, objective: 0, instrument: 0, source: 0, finding: 0, indicator: 0, conclusion: 0, recommendation: 0 };
  for (const d of f.dropped) leftOut[d.kind]++;
  return { level: f.level, containsClassified: f.containsClassified, leftOut, leftOutTotal: f.dropped.length };
}

function analyzeVisible(review: Review, options: AnalyzeOptions, audience: AudienceView): Assessment {
  if (options.savings) {
    const invalid = checkSavingsOptions(review, options.savings);
    if (invalid) throw invalid;
  }
  const lang = options.lang ?? 'en';
  const M = messagesFor(lang);
  const ix = indexReview(review);
  const list = instrumentList(review, M);
  const statuses = realisationTable(ix);

  const article: ScopeRef = { kind: 'article', id: review.id, label: review.budgetArticles.map((a) => `${a.number}${a.title ? ` ${a.title}` : ''}`).join('; ') };
  const domainScopes: ScopeRef[] = review.policyTree.domains.map((d) => ({ kind: 'domain', id: d.id, label: d.name }));
  const objectiveScopes: ScopeRef[] = ix.objectiveOrder.map(({ objective }) => ({ kind: 'objective', id: objective.id, label: objective.text }));

  // Per-instrument results, by node index.
  const evidence = instrumentEvidence(ix, M);
  const attribution = attributeCosts(ix);
  const costs = attribution.costs;
  const smart = ix.objectiveOrder.map(({ objective }) => smartCheck(ix, objective, M));
  const smartOf = new Map<string, SmartCheck>();
  for (let k = 0; k < smart.length; k++) smartOf.set(smart[k]!.objective, smart[k]!);
  const ctx = stepContext(ix, M, evidence, costs, smartOf, options);
  const instruments = instrumentVerdicts(ctx);
  const costOf = scopeCosts(attribution);

  const roots = ix.objectiveOrder.filter((o) => o.depth === 0).map((o) => o.objective);

  // Every per-scope step runs for the objectives first, then the domains, then the article: the
  // small scopes teach the engine the code's types before the large ones. The other way round,
  // the article's long loops get compiled on the spot without knowing the code after them, and
  // every later scope falls back out of that compiled loop (thousands of deoptimisations at 100k).
  const objectiveInputs: ScopeInput[] = objectiveScopes.map((scope) => {
    const instruments = ix.instrumentsUnder.get(scope.id) ?? [];
    return { scope, objectives: [ix.objectives.get(scope.id)!], instruments, ownIds: [scope.id].concat(ix.descendantsOf(scope.id)), realisation: summariseRealisation(scope, instruments, list, statuses), cost: costOf(scope, instruments) };
  });
  // A scope answers for its own findings and those on everything in the tree below it: the
  // domain for its objectives, the article for every domain and objective.
  const domainOwnIds = (id: string) => [id].concat((ix.objectivesOfDomain.get(id) ?? []).map((o) => o.id));
  const domainInputs: ScopeInput[] = domainScopes.map((scope) => {
    const instruments = ix.instrumentsOfDomain.get(scope.id) ?? [];
    return { scope, objectives: roots.filter((o) => o.domain === scope.id), instruments, ownIds: domainOwnIds(scope.id), realisation: summariseRealisation(scope, instruments, list, statuses), cost: costOf(scope, instruments) };
  });
  const articleInput: ScopeInput = {
    scope: article,
    objectives: roots,
    instruments: ix.nodes,
    ownIds: domainInputs.flatMap((d) => d.ownIds),
    realisation: summariseRealisation(article, ix.nodes, list, statuses),
    cost: costOf(article, ix.nodes),
  };
  const objectiveVerdicts = objectiveInputs.map((o) => steppedVerdicts(ctx, o));
  const domainVerdicts = domainInputs.map((d) => steppedVerdicts(ctx, d));

  const partial: Omit<Assessment, 'recommendations'> = {
    lang,
    review: { id: review.id, title: review.title, period: reviewPeriod(review), rpeVersion: review.rpeVersion },
    realisation: { article: articleInput.realisation, domains: domainInputs.map((d) => d.realisation), objectives: objectiveInputs.map((o) => o.realisation) },
    expenditure: analyseExpenditure(ix, M),
    costAttribution: costAttribution(ix, attribution, { article: articleInput.cost, domains: domainInputs.map((d) => d.cost), objectives: objectiveInputs.map((o) => o.cost) }),
    evidence: {
      instruments: evidence,
      objectives: objectiveInputs.map((o) => ({ id: o.scope.id, strength: rolledUpStrength(ix, o.ownIds, o.instruments, evidence) })),
      domains: domainInputs.map((d) => ({ id: d.scope.id, strength: rolledUpStrength(ix, d.ownIds, d.instruments, evidence) })),
    },
    coverage: analyseCoverage(ix, attribution, { article, domains: domainScopes, objectives: objectiveScopes }, M),
    verdicts: { article: steppedVerdicts(ctx, articleInput), domains: domainVerdicts, objectives: objectiveVerdicts, instruments },
    audience,
    gapMap: gapMap(ix, evidence),
    smart,
    rpe: rpeChecklist(ix, M),
    savings: savingsVariant(ix, instruments, options.savings, M),
  };
  return { ...partial, recommendations: deriveRecommendations(ix, partial, M) };
}
